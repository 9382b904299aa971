import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { describeInput, inputOrDefault } from "../lib/apiDefaults";
import { resourcePolicy } from "../lib/metadata";
import { nonEmptyString } from "../lib/values";

export interface BackupRetentionConfig {
    /** Minimum automated-backup retention in days for primaries (RDS) and snapshot retention (ElastiCache). */
    minimumDays: number;
}

const RDS_INSTANCE = "aws:rds/instance:Instance";
const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";

export const awsRdsElasticacheRequireBackupRetention = resourcePolicy({
    name: "aws-rds-elasticache-require-backup-retention",
    description: "Primary databases and caches must keep automated backups for at least the configured number of days.",
    checks:
        "`backupRetentionPeriod` >= `minimumDays` (config; 7 by default, 30 in prod) on primary `aws.rds.Instance`s " +
        "(not read replicas) and `aws.rds.Cluster`s; `snapshotRetentionLimit` >= 1 on `aws.elasticache.ReplicationGroup`. Unset is the API default (1 day for RDS, 0 for ElastiCache).",
    category: "data-protection",
    severity: "medium",
    controls: {
        fsbp: ["RDS.11", "ElastiCache.1"],
        checkov: ["CKV_AWS_133", "CKV_AWS_134"],
        cdkNag: ["AwsSolutions-RDS13"],
    },
    configSchema: { properties: { minimumDays: { type: "integer", minimum: 1, default: 7 } } },
    validateResource: [
        validateResourceOfType(aws.rds.Instance, (db, args, reportViolation) => {
            if (nonEmptyString(db.replicateSourceDb)) args.notApplicable("read replicas take no automated backups of their own");
            const min = args.getConfig<BackupRetentionConfig>().minimumDays ?? 7;
            const days = Number(inputOrDefault(RDS_INSTANCE, db, "backupRetentionPeriod"));
            if (!(days >= min))
                reportViolation(
                    `backupRetentionPeriod is ${describeInput(RDS_INSTANCE, db, "backupRetentionPeriod")}; at least ${min} days required.`,
                );
        }),
        validateResourceOfType(aws.rds.Cluster, (c, args, reportViolation) => {
            const min = args.getConfig<BackupRetentionConfig>().minimumDays ?? 7;
            const days = Number(inputOrDefault(RDS_CLUSTER, c, "backupRetentionPeriod"));
            if (!(days >= min))
                reportViolation(
                    `backupRetentionPeriod is ${describeInput(RDS_CLUSTER, c, "backupRetentionPeriod")}; at least ${min} days required.`,
                );
        }),
        validateResourceOfType(aws.elasticache.ReplicationGroup, (rg, args, reportViolation) => {
            if (!(Number(inputOrDefault(REPLICATION_GROUP, rg, "snapshotRetentionLimit")) >= 1)) {
                reportViolation(
                    `snapshotRetentionLimit is ${describeInput(REPLICATION_GROUP, rg, "snapshotRetentionLimit")}; at least 1 day required.`,
                );
            }
        }),
    ],
});
