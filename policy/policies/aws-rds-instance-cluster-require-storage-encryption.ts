import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { inputOrDefault } from "../lib/apiDefaults";
import { resourcePolicy } from "../lib/metadata";
import { isTrue, nonEmptyString } from "../lib/values";

export const awsRdsInstanceClusterRequireStorageEncryption = resourcePolicy({
    name: "aws-rds-instance-cluster-require-storage-encryption",
    description: "RDS instances and clusters must encrypt storage with a customer-managed KMS key.",
    checks:
        "`storageEncrypted` is true and `kmsKeyId` is set on `aws.rds.Instance` and `aws.rds.Cluster`. A read replica " +
        "(`replicateSourceDb`) inherits its source's encryption, so only `kmsKeyId` is required when it sets `storageEncrypted`.",
    category: "encryption",
    severity: "high",
    controls: {
        cis: ["2.3.1"],
        fsbp: ["RDS.3", "RDS.27"],
        checkov: ["CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_327"],
        cdkNag: ["AwsSolutions-RDS2"],
    },
    validateResource: [
        validateResourceOfType(aws.rds.Instance, (db, args, reportViolation) => {
            const replica = nonEmptyString(db.replicateSourceDb);
            if (!replica && !isTrue(inputOrDefault("aws:rds/instance:Instance", db, "storageEncrypted"))) {
                reportViolation("storageEncrypted must be true.");
            } else if (isTrue(db.storageEncrypted) && !nonEmptyString(db.kmsKeyId)) {
                reportViolation("storage is encrypted with the AWS-managed key; set kmsKeyId to a customer-managed key.");
            }
        }),
        validateResourceOfType(aws.rds.Cluster, (cluster, args, reportViolation) => {
            if (!isTrue(inputOrDefault("aws:rds/cluster:Cluster", cluster, "storageEncrypted")))
                reportViolation("storageEncrypted must be true.");
            else if (!nonEmptyString(cluster.kmsKeyId)) reportViolation("set kmsKeyId to a customer-managed key.");
        }),
    ],
});
