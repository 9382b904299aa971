import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { inputOrDefault } from "../lib/apiDefaults";
import { resourcePolicy } from "../lib/metadata";
import { isTrue } from "../lib/values";

export const awsKmsKeyRequireRotation = resourcePolicy({
    name: "aws-kms-key-require-rotation",
    description: "Symmetric customer-managed KMS keys must have automatic rotation enabled.",
    checks: "`enableKeyRotation` is true on symmetric `aws.kms.Key`s (asymmetric and HMAC keys cannot rotate).",
    category: "encryption",
    severity: "medium",
    controls: { cis: ["3.6"], fsbp: ["KMS.4"], checkov: ["CKV_AWS_7"], cdkNag: ["AwsSolutions-KMS5"] },
    validateResource: validateResourceOfType(aws.kms.Key, (key, args, reportViolation) => {
        const spec = key.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
        if (spec !== "SYMMETRIC_DEFAULT") args.notApplicable(`key spec ${spec} cannot rotate`);
        if (!isTrue(inputOrDefault("aws:kms/key:Key", key, "enableKeyRotation"))) reportViolation("enableKeyRotation must be true.");
    }),
});
