import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { nonEmptyString } from "../lib/values";

export const awsFirehoseDeliverystreamRequireKmsEncryption = resourcePolicy({
    name: "aws-firehose-deliverystream-require-kms-encryption",
    description: "Firehose delivery streams must encrypt records at rest with a customer-managed KMS key.",
    checks: "`serverSideEncryption.enabled` is true with `keyType` CUSTOMER_MANAGED_CMK and a `keyArn` on `aws.kinesis.FirehoseDeliveryStream`.",
    category: "encryption",
    severity: "medium",
    controls: { fsbp: ["DataFirehose.1"], checkov: ["CKV_AWS_240", "CKV_AWS_241"] },
    validateResource: validateResourceOfType(aws.kinesis.FirehoseDeliveryStream, (s, args, reportViolation) => {
        const sse = s.serverSideEncryption;
        if (sse?.enabled !== true) reportViolation("serverSideEncryption.enabled must be true.");
        else if (sse.keyType !== "CUSTOMER_MANAGED_CMK" || !nonEmptyString(sse.keyArn))
            reportViolation("serverSideEncryption must use keyType CUSTOMER_MANAGED_CMK with a keyArn.");
    }),
});
