import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { nonEmptyString } from "../lib/values";

export const awsBackupVaultRequireKmsEncryption = resourcePolicy({
    name: "aws-backup-vault-require-kms-encryption",
    description: "AWS Backup vaults must be encrypted with a customer-managed KMS key.",
    checks: "`kmsKeyArn` is set on `aws.backup.Vault` (unset, AWS Backup uses its AWS-managed key, whose policy the account cannot restrict).",
    category: "encryption",
    severity: "medium",
    controls: { checkov: ["CKV_AWS_166"] },
    validateResource: validateResourceOfType(aws.backup.Vault, (v, args, reportViolation) => {
        if (!nonEmptyString(v.kmsKeyArn)) reportViolation("kmsKeyArn must name a customer-managed KMS key.");
    }),
});
