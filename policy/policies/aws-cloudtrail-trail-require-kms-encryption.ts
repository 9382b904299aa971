import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { nonEmptyString } from "../lib/values";

export const awsCloudtrailTrailRequireKmsEncryption = resourcePolicy({
    name: "aws-cloudtrail-trail-require-kms-encryption",
    description: "CloudTrail trails must encrypt their log files with a customer-managed KMS key (SSE-KMS).",
    checks: "`kmsKeyId` is set on `aws.cloudtrail.Trail`.",
    category: "encryption",
    severity: "medium",
    controls: { cis: ["3.5"], fsbp: ["CloudTrail.2"], checkov: ["CKV_AWS_35"] },
    validateResource: validateResourceOfType(aws.cloudtrail.Trail, (t, args, reportViolation) => {
        if (!nonEmptyString(t.kmsKeyId)) reportViolation("kmsKeyId must name a KMS key: the log files are otherwise SSE-S3 only.");
    }),
});
