import type { PolicyStatement } from "../iam";
import { NOTIFICATION_PUBLISHERS } from "../kms/notificationsKey";

/** The statement id of each publishing service's grant (the services are the notifications key's publishers). */
const PUBLISHER_SIDS: Record<(typeof NOTIFICATION_PUBLISHERS)[number], string> = {
    "cloudwatch.amazonaws.com": "CloudWatchAlarmsOfThisAccountPublish",
    // The EventBridge rules of strata:audit forward security findings here.
    "events.amazonaws.com": "EventBridgeRulesOfThisAccountPublish",
};

/**
 * The alert topic's policy: this account's principals may manage and publish; the AWS services that publish to the
 * topic (CloudWatch alarms, EventBridge rules) may publish on behalf of this account only (`aws:SourceAccount`); nobody
 * may use the topic without TLS (`aws:SecureTransport` false is denied). Amazon SNS Developer Guide, "Example cases
 * for Amazon SNS access control" and "Enforce encryption of data in transit".
 */
export function topicPolicyStatements(topicArn: string, accountId: string): PolicyStatement[] {
    // The topic's partition (aws, aws-cn, aws-us-gov) names the account root too.
    const partition = topicArn.split(":")[1] || "aws";
    return [
        {
            Sid: "AccountManagesAndPublishes",
            Effect: "Allow",
            Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
            Action: ["sns:Publish", "sns:Subscribe", "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic"],
            Resource: topicArn,
        },
        ...NOTIFICATION_PUBLISHERS.map((service): PolicyStatement => ({
            Sid: PUBLISHER_SIDS[service],
            Effect: "Allow",
            Principal: { Service: service },
            Action: "sns:Publish",
            Resource: topicArn,
            Condition: { StringEquals: { "aws:SourceAccount": accountId } },
        })),
        {
            Sid: "DenyWithoutTls",
            Effect: "Deny",
            Principal: "*",
            Action: "sns:*",
            Resource: topicArn,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
    ];
}
