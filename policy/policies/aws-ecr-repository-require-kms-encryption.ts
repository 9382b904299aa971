import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { nonEmptyString } from "../lib/values";

export const awsEcrRepositoryRequireKmsEncryption = resourcePolicy({
    name: "aws-ecr-repository-require-kms-encryption",
    description: "ECR repositories must encrypt their images with a customer-managed KMS key.",
    checks: "`encryptionConfigurations` has `encryptionType` `KMS` and a `kmsKey` (AES256, the default, or the AWS-managed key alone is not enough).",
    category: "encryption",
    severity: "medium",
    controls: { checkov: ["CKV_AWS_136"] },
    validateResource: validateResourceOfType(aws.ecr.Repository, (r, args, reportViolation) => {
        const configs = r.encryptionConfigurations ?? [];
        if (!configs.some((c) => c.encryptionType === "KMS" && nonEmptyString(c.kmsKey))) {
            reportViolation("encryptionConfigurations must set encryptionType KMS and kmsKey to a customer-managed KMS key.");
        }
    }),
});
