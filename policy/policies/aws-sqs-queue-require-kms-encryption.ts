import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { nonEmptyString } from "../lib/values";

export const awsSqsQueueRequireKmsEncryption = resourcePolicy({
    name: "aws-sqs-queue-require-kms-encryption",
    description: "SQS queues must be encrypted with a customer-managed KMS key.",
    checks: "`kmsMasterKeyId` is set and is not the AWS-managed `alias/aws/sqs` (SSE-SQS alone is not enough).",
    category: "encryption",
    severity: "medium",
    controls: { fsbp: ["SQS.1"], checkov: ["CKV_AWS_27", "CKV2_AWS_73"], cdkNag: ["AwsSolutions-SQS2"] },
    validateResource: validateResourceOfType(aws.sqs.Queue, (q, args, reportViolation) => {
        if (!nonEmptyString(q.kmsMasterKeyId) || q.kmsMasterKeyId === "alias/aws/sqs") {
            reportViolation("kmsMasterKeyId must name a customer-managed KMS key.");
        }
    }),
});
