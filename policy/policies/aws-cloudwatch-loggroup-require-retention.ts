import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

export const awsCloudwatchLoggroupRequireRetention = resourcePolicy({
    name: "aws-cloudwatch-loggroup-require-retention",
    description: "CloudWatch log groups must set a retention period.",
    checks: "`retentionInDays` of `aws.cloudwatch.LogGroup` is set and above 0; unset (or 0) keeps logs forever, the API default.",
    category: "data-protection",
    severity: "low",
    controls: { checkov: ["CKV_AWS_66"] },
    validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (g, _args, reportViolation) => {
        if (!(Number(g.retentionInDays ?? 0) > 0))
            reportViolation("retentionInDays is unset: the log group keeps logs (and their cost) forever.");
    }),
});
