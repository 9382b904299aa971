import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { inputOrDefault } from "../lib/apiDefaults";
import { resourcePolicy } from "../lib/metadata";
import { isTrue, nonEmptyString } from "../lib/values";

export const awsElasticacheReplicationgroupRequireAtRestEncryption = resourcePolicy({
    name: "aws-elasticache-replicationgroup-require-at-rest-encryption",
    description: "ElastiCache replication groups must encrypt data at rest with a customer-managed KMS key.",
    checks: "`atRestEncryptionEnabled` is true and `kmsKeyId` is set.",
    category: "encryption",
    severity: "high",
    controls: { fsbp: ["ElastiCache.4"], checkov: ["CKV_AWS_29", "CKV_AWS_191"], cdkNag: ["AwsSolutions-AEC3"] },
    validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (rg, args, reportViolation) => {
        if (!isTrue(inputOrDefault("aws:elasticache/replicationGroup:ReplicationGroup", rg, "atRestEncryptionEnabled")))
            reportViolation("atRestEncryptionEnabled must be true.");
        else if (!nonEmptyString(rg.kmsKeyId)) reportViolation("set kmsKeyId to a customer-managed KMS key.");
    }),
});
