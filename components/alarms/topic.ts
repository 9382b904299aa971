import type { PolicyStatement } from "../iam";

/**
 * The alert topic's policy: this account's principals and CloudWatch alarms of this account (`aws:SourceAccount`) may
 * publish, and so may EventBridge rules of this account; nobody may use the topic without TLS (`aws:SecureTransport` false is denied). Amazon SNS Developer Guide,
 * "Example cases for Amazon SNS access control" and "Enforce encryption of data in transit".
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
        {
            Sid: "CloudWatchAlarmsOfThisAccountPublish",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: "sns:Publish",
            Resource: topicArn,
            Condition: { StringEquals: { "aws:SourceAccount": accountId } },
        },
        {
            // The EventBridge rules of strata:audit forward security findings here.
            Sid: "EventBridgeRulesOfThisAccountPublish",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: "sns:Publish",
            Resource: topicArn,
            Condition: { StringEquals: { "aws:SourceAccount": accountId } },
        },
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
