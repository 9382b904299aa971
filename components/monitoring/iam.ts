/** The least-privilege permissions of the metrics stack's two IAM roles (IRSA). */
import type * as pulumi from "@pulumi/pulumi";
import type { PolicyStatement } from "../iam";

/**
 * CloudWatch read for Grafana's data source: metrics and alarms, the resource tags it filters dimensions by, and
 * Logs Insights queries (the permissions Grafana's CloudWatch data source documentation lists, "Configure AWS
 * authentication": metrics, logs and tags; without EC2, Performance Insights or cross-account observability). None of
 * these actions has resource-level permissions except the logs ones, so they are confined to the stack's region.
 */
export function grafanaCloudWatchStatements(region: string): PolicyStatement[] {
    const inRegion = { StringEquals: { "aws:RequestedRegion": region } };
    return [
        {
            Sid: "ReadCloudWatchMetricsAndAlarms",
            Effect: "Allow",
            Action: [
                "cloudwatch:DescribeAlarmHistory",
                "cloudwatch:DescribeAlarms",
                "cloudwatch:DescribeAlarmsForMetric",
                "cloudwatch:GetInsightRuleReport",
                "cloudwatch:GetMetricData",
                "cloudwatch:ListMetrics",
            ],
            Resource: "*",
            Condition: inRegion,
        },
        { Sid: "ReadResourceTags", Effect: "Allow", Action: ["tag:GetResources"], Resource: "*", Condition: inRegion },
        {
            Sid: "QueryLogsInsights",
            Effect: "Allow",
            Action: [
                "logs:DescribeLogGroups",
                "logs:GetLogEvents",
                "logs:GetLogGroupFields",
                "logs:GetQueryResults",
                "logs:StartQuery",
                "logs:StopQuery",
            ],
            Resource: "*",
            Condition: inRegion,
        },
    ];
}

/**
 * Alertmanager publishes to the alert topic and nothing else; the topic is encrypted with the notifications key, so the
 * publisher also needs the key's data keys (Amazon SNS Developer Guide, "Encryption at rest": publishers to an
 * encrypted topic need kms:GenerateDataKey* and kms:Decrypt), through SNS only.
 */
export function alertmanagerSnsStatements(c: {
    topicArn: pulumi.Input<string>;
    notificationsKeyArn: pulumi.Input<string>;
    region: string;
}): PolicyStatement[] {
    return [
        { Sid: "PublishAlerts", Effect: "Allow", Action: ["sns:Publish"], Resource: c.topicArn },
        {
            Sid: "EncryptAlertsForTheTopic",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resource: c.notificationsKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `sns.${c.region}.amazonaws.com` } },
        },
    ];
}
