import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { nonEmptyString } from "../lib/values";

export const awsKmsKeyRequireKeyPolicy = resourcePolicy({
    name: "aws-kms-key-require-key-policy",
    description: "KMS keys must be created with an explicit key policy.",
    checks: "`policy` of `aws.kms.Key` is set (not the default key policy, which lets any IAM principal of the account with kms:* permissions use the key).",
    category: "encryption",
    severity: "medium",
    controls: { checkov: ["CKV2_AWS_64"] },
    validateResource: validateResourceOfType(aws.kms.Key, (k, _args, reportViolation) => {
        if (!nonEmptyString(k.policy)) reportViolation("policy is unset: the key gets the default key policy.");
    }),
});
