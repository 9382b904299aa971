import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { inputOrDefault } from "../lib/apiDefaults";
import { resourcePolicy } from "../lib/metadata";
import { asArray, isTrue, nonEmptyString } from "../lib/values";

export const awsElasticacheReplicationgroupRequireTransitEncryption = resourcePolicy({
    name: "aws-elasticache-replicationgroup-require-transit-encryption",
    description: "ElastiCache replication groups must use TLS in transit and require AUTH (a token or RBAC user groups).",
    checks:
        "`transitEncryptionEnabled` is true, `transitEncryptionMode` is not `preferred` (TLS only), and `authToken` or " +
        "`userGroupIds` is set (Redis AUTH requires TLS).",
    category: "encryption",
    severity: "high",
    controls: {
        fsbp: ["ElastiCache.5", "ElastiCache.6"],
        checkov: ["CKV_AWS_30", "CKV_AWS_31"],
        cdkNag: ["AwsSolutions-AEC3", "AwsSolutions-AEC6"],
    },
    validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (rg, args, reportViolation) => {
        if (!isTrue(inputOrDefault("aws:elasticache/replicationGroup:ReplicationGroup", rg, "transitEncryptionEnabled"))) {
            reportViolation("transitEncryptionEnabled must be true (TLS in transit).");
        } else if (rg.transitEncryptionMode === "preferred") {
            reportViolation("transitEncryptionMode 'preferred' still accepts plaintext connections; use 'required'.");
        }
        if (!nonEmptyString(rg.authToken) && asArray(rg.userGroupIds).length === 0) {
            reportViolation("set authToken (Redis AUTH) or userGroupIds (RBAC).");
        }
    }),
});
