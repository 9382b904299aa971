import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { field, isTrue } from "../lib/values";

/** The oldest RabbitMQ minor Amazon MQ still supports ("Amazon MQ for RabbitMQ version support calendar": 3.12 ended). */
const MIN_RABBITMQ = [3, 13];

function rabbitVersionSupported(version: string): boolean {
    const [major, minor] = version.split(".").map(Number);
    return major > MIN_RABBITMQ[0] || (major === MIN_RABBITMQ[0] && minor >= MIN_RABBITMQ[1]);
}

export const awsMqBrokerDisallowPublicAccess = resourcePolicy({
    name: "aws-mq-broker-disallow-public-access",
    description: "Amazon MQ brokers must be private, log, and take minor version upgrades on a supported engine.",
    checks:
        "`publiclyAccessible` is false, `logs.general` is true (and `logs.audit` for ActiveMQ; RabbitMQ has no audit log), " +
        "`autoMinorVersionUpgrade` is true, and a RabbitMQ `engineVersion` is 3.13 or later. Encryption is not checked: " +
        "RabbitMQ brokers accept AWS-owned keys only (Amazon MQ Developer Guide, encryption at rest), so a customer managed " +
        "key (Checkov CKV_AWS_209) is a documented exemption, not a violation.",
    category: "network-exposure",
    severity: "high",
    controls: { fsbp: ["MQ.3"], checkov: ["CKV_AWS_69", "CKV_AWS_48", "CKV_AWS_207", "CKV_AWS_208"] },
    validateResource: validateResourceOfType(aws.mq.Broker, (b, args, reportViolation) => {
        const rabbit = String(b.engineType).toLowerCase() === "rabbitmq";
        if (b.publiclyAccessible !== false && isTrue(b.publiclyAccessible)) reportViolation("publiclyAccessible must be false.");
        if (!isTrue(field(b.logs, "general"))) reportViolation("logs.general must be true.");
        if (!rabbit && !isTrue(field(b.logs, "audit"))) reportViolation("logs.audit must be true (ActiveMQ).");
        if (!isTrue(b.autoMinorVersionUpgrade)) reportViolation("autoMinorVersionUpgrade must be true.");
        if (rabbit && typeof b.engineVersion === "string" && !rabbitVersionSupported(b.engineVersion))
            reportViolation(`engineVersion ${b.engineVersion} is past Amazon MQ's end of support; use 3.13 or 4.2.`);
    }),
});
