import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

export const awsKmsKeyDisallowDisabled = resourcePolicy({
    name: "aws-kms-key-disallow-disabled",
    description: "KMS keys must not be disabled.",
    checks: "`isEnabled` of `aws.kms.Key` is not false (unset is enabled, the API default): data under a disabled key cannot be read.",
    category: "encryption",
    severity: "high",
    controls: { checkov: ["CKV_AWS_227"] },
    validateResource: validateResourceOfType(aws.kms.Key, (k, _args, reportViolation) => {
        if (k.isEnabled === false) reportViolation("isEnabled is false: every resource encrypted with the key becomes unreadable.");
    }),
});
