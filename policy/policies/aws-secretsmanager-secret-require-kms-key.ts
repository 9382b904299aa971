import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { nonEmptyString } from "../lib/values";

export const awsSecretsmanagerSecretRequireKmsKey = resourcePolicy({
    name: "aws-secretsmanager-secret-require-kms-key",
    description: "Secrets Manager secrets must be encrypted with a customer-managed KMS key.",
    checks: "`kmsKeyId` is set on `aws.secretsmanager.Secret` (not the default `aws/secretsmanager` key).",
    category: "encryption",
    severity: "medium",
    controls: { checkov: ["CKV_AWS_149"], other: ["AwsSolutions-SMG4"] },
    validateResource: validateResourceOfType(aws.secretsmanager.Secret, (s, args, reportViolation) => {
        if (!nonEmptyString(s.kmsKeyId) || s.kmsKeyId === "alias/aws/secretsmanager") {
            reportViolation("kmsKeyId must name a customer-managed KMS key.");
        }
    }),
});
