import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { nonEmptyString } from "../lib/values";

export const awsCodebuildProjectRequireCloudwatchLogs = resourcePolicy({
    name: "aws-codebuild-project-require-cloudwatch-logs",
    description: "CodeBuild projects must log to a named CloudWatch log group (one Strata creates with retention and a KMS key).",
    checks: "`logsConfig.cloudwatchLogs.status` is ENABLED with a `groupName` on `aws.codebuild.Project`.",
    category: "data-protection",
    severity: "medium",
    controls: { fsbp: ["CodeBuild.4"], checkov: ["CKV_AWS_314"] },
    validateResource: validateResourceOfType(aws.codebuild.Project, (p, args, reportViolation) => {
        const cw = p.logsConfig?.cloudwatchLogs;
        if (cw?.status !== "ENABLED" || !nonEmptyString(cw.groupName))
            reportViolation("logsConfig.cloudwatchLogs must be ENABLED with a groupName (a log group with retention and a KMS key).");
    }),
});
