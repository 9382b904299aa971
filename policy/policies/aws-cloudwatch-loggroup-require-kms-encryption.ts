import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { nonEmptyString } from "../lib/values";

export const awsCloudwatchLoggroupRequireKmsEncryption = resourcePolicy({
    name: "aws-cloudwatch-loggroup-require-kms-encryption",
    description: "CloudWatch log groups must be encrypted with a customer-managed KMS key.",
    checks: "`kmsKeyId` is set on `aws.cloudwatch.LogGroup`.",
    category: "encryption",
    severity: "medium",
    controls: { checkov: ["CKV_AWS_158"] },
    validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (lg, args, reportViolation) => {
        if (!nonEmptyString(lg.kmsKeyId)) reportViolation("kmsKeyId must name a customer-managed KMS key.");
    }),
});
