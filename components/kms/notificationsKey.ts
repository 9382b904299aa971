import type { PolicyStatement } from "../iam";
import type { KeyPolicyContext } from "./policies";
import { keyUseThroughServicesStatements } from "./policies";

/**
 * AWS services that publish to the SNS alert topics. An encrypted topic drops their messages silently unless the key
 * policy lets the publishing service principal generate a data key and decrypt ("Enabling compatibility between event
 * sources from AWS services and encrypted topics", Amazon SNS Developer Guide): CloudWatch alarms, and EventBridge
 * rules (the security findings of strata:audit).
 */
export const NOTIFICATION_PUBLISHERS = ["cloudwatch.amazonaws.com", "events.amazonaws.com"] as const;

/**
 * The notifications key: the publishing AWS services (on behalf of this account only: `aws:SourceAccount`), and the
 * account's principals through SNS (Alertmanager's role publishes with its IAM permissions).
 */
export function notificationsKeyStatements(c: KeyPolicyContext): PolicyStatement[] {
    return [
        {
            Sid: "AwsServicesPublishToEncryptedTopics",
            Effect: "Allow",
            Principal: { Service: [...NOTIFICATION_PUBLISHERS] },
            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": c.accountId } },
        },
        ...keyUseThroughServicesStatements("SnsThroughService", c, ["sns"]),
    ];
}
