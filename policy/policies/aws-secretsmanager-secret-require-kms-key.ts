import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { nonEmptyString } from "../lib/values";

/**
 * ECR pull-through cache credentials are the one exception, stated here because the pack is loaded without the
 * components: "You must use the default aws/secretsmanager encryption key to encrypt your secret. Amazon ECR doesn't
 * support using a customer managed key (CMK) for this secret" (Amazon ECR User Guide, "Storing your upstream repository
 * credentials in an AWS Secrets Manager secret"). A secret named `ecr-pullthroughcache/...` must therefore use the AWS
 * managed key, and any other secret a customer-managed one.
 */
const PULL_THROUGH_CACHE_SECRET_PREFIX = "ecr-pullthroughcache/";

export const awsSecretsmanagerSecretRequireKmsKey = resourcePolicy({
    name: "aws-secretsmanager-secret-require-kms-key",
    description: "Secrets Manager secrets must be encrypted with a customer-managed KMS key.",
    checks: "`kmsKeyId` is set on `aws.secretsmanager.Secret` (not the default `aws/secretsmanager` key), except on an ECR pull-through cache secret (`name` starting `ecr-pullthroughcache/`), which ECR reads only under the AWS managed key: there `kmsKeyId` must be unset.",
    category: "encryption",
    severity: "medium",
    controls: { checkov: ["CKV_AWS_149"] },
    validateResource: validateResourceOfType(aws.secretsmanager.Secret, (s, args, reportViolation) => {
        const managed = !nonEmptyString(s.kmsKeyId) || s.kmsKeyId === "alias/aws/secretsmanager";
        if (typeof s.name === "string" && s.name.startsWith(PULL_THROUGH_CACHE_SECRET_PREFIX)) {
            if (!managed)
                reportViolation(
                    "an ECR pull-through cache secret must use the AWS managed key: leave kmsKeyId unset (ECR does not read a customer-managed key).",
                );
            return;
        }
        if (managed) {
            reportViolation("kmsKeyId must name a customer-managed KMS key.");
        }
    }),
});
