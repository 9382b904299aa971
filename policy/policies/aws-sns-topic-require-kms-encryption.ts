import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { nonEmptyString } from "../lib/values";

export const awsSnsTopicRequireKmsEncryption = resourcePolicy({
    name: "aws-sns-topic-require-kms-encryption",
    description: "SNS topics must be encrypted with a KMS key.",
    checks: "`kmsMasterKeyId` is set on `aws.sns.Topic`.",
    category: "encryption",
    severity: "medium",
    controls: { fsbp: ["SNS.1"], checkov: ["CKV_AWS_26"] },
    validateResource: validateResourceOfType(aws.sns.Topic, (t, args, reportViolation) => {
        if (!nonEmptyString(t.kmsMasterKeyId)) reportViolation("kmsMasterKeyId must name a KMS key.");
    }),
});
