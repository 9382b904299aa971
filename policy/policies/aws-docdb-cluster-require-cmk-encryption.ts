import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { isTrue, nonEmptyString } from "../lib/values";

export const awsDocdbClusterRequireCmkEncryption = resourcePolicy({
    name: "aws-docdb-cluster-require-cmk-encryption",
    description: "DocumentDB clusters must encrypt their storage with a customer managed KMS key.",
    checks: "`storageEncrypted` is true and `kmsKeyId` is set on `aws.docdb.Cluster` (storage encryption is off by default).",
    category: "encryption",
    severity: "high",
    controls: { fsbp: ["DocumentDB.1"], checkov: ["CKV_AWS_74", "CKV_AWS_182"] },
    validateResource: validateResourceOfType(aws.docdb.Cluster, (c, args, reportViolation) => {
        if (!isTrue(c.storageEncrypted)) reportViolation("storageEncrypted must be true.");
        if (!nonEmptyString(c.kmsKeyId))
            reportViolation("kmsKeyId must name a customer managed KMS key (not the AWS managed aws/rds key).");
    }),
});
