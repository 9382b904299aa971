import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { asArray } from "../lib/values";

export const awsDocdbClusterRequireLogExports = resourcePolicy({
    name: "aws-docdb-cluster-require-log-exports",
    description: "DocumentDB clusters must export their audit and profiler logs to CloudWatch Logs.",
    checks: '`enabledCloudwatchLogsExports` on `aws.docdb.Cluster` contains both "audit" and "profiler".',
    category: "data-protection",
    severity: "medium",
    controls: { fsbp: ["DocumentDB.4"], checkov: ["CKV_AWS_85"] },
    validateResource: validateResourceOfType(aws.docdb.Cluster, (c, args, reportViolation) => {
        const exports = asArray(c.enabledCloudwatchLogsExports).map(String);
        const missing = ["audit", "profiler"].filter((l) => !exports.includes(l));
        if (missing.length > 0) reportViolation(`enabledCloudwatchLogsExports must include ${missing.join(" and ")}.`);
    }),
});
