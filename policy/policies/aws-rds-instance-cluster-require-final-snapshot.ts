import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { isTrue, nonEmptyString } from "../lib/values";

export const awsRdsInstanceClusterRequireFinalSnapshot = resourcePolicy({
    name: "aws-rds-instance-cluster-require-final-snapshot",
    description: "Primary databases must take a final snapshot when deleted.",
    checks:
        "`skipFinalSnapshot` is not true and `finalSnapshotIdentifier` is set on primary `aws.rds.Instance`s and " +
        "`aws.rds.Cluster`s. Read replicas (`replicateSourceDb`) cannot have a final snapshot and are skipped.",
    category: "data-protection",
    severity: "medium",
    controls: { other: ["AWS RDS best practice: final snapshot on delete"] },
    validateResource: [
        validateResourceOfType(aws.rds.Instance, (db, args, reportViolation) => {
            if (nonEmptyString(db.replicateSourceDb)) args.notApplicable("read replicas cannot take a final snapshot");
            if (isTrue(db.skipFinalSnapshot)) reportViolation("skipFinalSnapshot must be false.");
            else if (!nonEmptyString(db.finalSnapshotIdentifier)) reportViolation("set finalSnapshotIdentifier.");
        }),
        validateResourceOfType(aws.rds.Cluster, (c, args, reportViolation) => {
            if (isTrue(c.skipFinalSnapshot)) reportViolation("skipFinalSnapshot must be false.");
            else if (!nonEmptyString(c.finalSnapshotIdentifier)) reportViolation("set finalSnapshotIdentifier.");
        }),
    ],
});
