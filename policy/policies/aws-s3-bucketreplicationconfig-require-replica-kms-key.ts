import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { asArray, nonEmptyString } from "../lib/values";

/**
 * S3 replicates SSE-KMS objects only when the rule opts in with `sourceSelectionCriteria.sseKmsEncryptedObjects`, and
 * then needs the destination key in `encryptionConfiguration.replicaKmsKeyId` (Amazon S3 User Guide, "Replicating
 * objects created with server-side encryption (SSE-C, SSE-S3, SSE-KMS, DSSE-KMS)"). Strata's buckets are SSE-KMS
 * only, so a rule without both replicates nothing of theirs, or leaves the replica under a key Strata does not hold.
 * components/objectStore/replication.ts writes both. No Checkov or cdk-nag check reads these fields.
 */
export const awsS3BucketreplicationconfigRequireReplicaKmsKey = resourcePolicy({
    name: "aws-s3-bucketreplicationconfig-require-replica-kms-key",
    description: "S3 replication must carry SSE-KMS objects and re-encrypt them with a customer-managed key in the destination.",
    checks:
        'Every enabled rule of an `aws.s3.BucketReplicationConfig` sets `sourceSelectionCriteria.sseKmsEncryptedObjects.status: "Enabled"` ' +
        "and `destination.encryptionConfiguration.replicaKmsKeyId`.",
    category: "encryption",
    severity: "high",
    controls: { other: ["Amazon S3 User Guide: replicating objects created with SSE-KMS"] },
    validateResource: validateResourceOfType(aws.s3.BucketReplicationConfig, (rc, args, reportViolation) => {
        for (const rule of asArray(rc.rules)) {
            if (rule?.status !== "Enabled") continue;
            const id = rule.id ?? "?";
            if (rule.sourceSelectionCriteria?.sseKmsEncryptedObjects?.status !== "Enabled") {
                reportViolation(
                    `rule '${id}': sourceSelectionCriteria.sseKmsEncryptedObjects.status must be "Enabled" (SSE-KMS objects are not replicated otherwise).`,
                );
            }
            if (!nonEmptyString(rule.destination?.encryptionConfiguration?.replicaKmsKeyId)) {
                reportViolation(
                    `rule '${id}': destination.encryptionConfiguration.replicaKmsKeyId must name the destination's customer-managed key.`,
                );
            }
        }
    }),
});
