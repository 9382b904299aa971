import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { isTrue, nonEmptyString } from "../lib/values";

export const awsRdsInstanceRequirePerformanceInsightsEncryption = resourcePolicy({
    name: "aws-rds-instance-require-performance-insights-encryption",
    description: "RDS Performance Insights data must be encrypted with a customer-managed KMS key.",
    checks: "Where `performanceInsightsEnabled` is true, `performanceInsightsKmsKeyId` is set.",
    category: "encryption",
    severity: "medium",
    controls: { checkov: ["CKV_AWS_354"] },
    validateResource: validateResourceOfType(aws.rds.Instance, (db, args, reportViolation) => {
        if (!isTrue(db.performanceInsightsEnabled)) args.notApplicable("Performance Insights is off");
        if (!nonEmptyString(db.performanceInsightsKmsKeyId)) {
            reportViolation("performanceInsightsKmsKeyId must name a customer-managed KMS key.");
        }
    }),
});
