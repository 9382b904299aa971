import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

export interface DocdbBackupRetentionConfig {
    /** Minimum backup retention of a DocumentDB cluster, in days. */
    minimumDays: number;
}

export const awsDocdbClusterRequireBackupRetention = resourcePolicy({
    name: "aws-docdb-cluster-require-backup-retention",
    description: "DocumentDB clusters must keep backups for at least the configured number of days.",
    checks: "`backupRetentionPeriod` >= `minimumDays` (config; 7 by default, 30 in prod) on `aws.docdb.Cluster` (the provider's default is 1).",
    category: "data-protection",
    severity: "medium",
    controls: { fsbp: ["DocumentDB.2"], checkov: ["CKV_AWS_360"] },
    configSchema: { properties: { minimumDays: { type: "integer", minimum: 1, default: 7 } } },
    validateResource: validateResourceOfType(aws.docdb.Cluster, (c, args, reportViolation) => {
        const min = args.getConfig<DocdbBackupRetentionConfig>().minimumDays ?? 7;
        const days = Number(c.backupRetentionPeriod ?? 1);
        if (!(days >= min))
            reportViolation(`backupRetentionPeriod is ${c.backupRetentionPeriod ?? "1 (default)"}; at least ${min} days required.`);
    }),
});
