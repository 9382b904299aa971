import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { inputOrDefault } from "../lib/apiDefaults";
import { resourcePolicy } from "../lib/metadata";
import { isTrue } from "../lib/values";

export const awsRdsInstanceClusterRequireDeletionProtection = resourcePolicy({
    name: "aws-rds-instance-cluster-require-deletion-protection",
    description: "RDS instances and clusters must have deletion protection on.",
    checks: "`deletionProtection` is true on `aws.rds.Instance` and `aws.rds.Cluster`.",
    category: "data-protection",
    severity: "medium",
    controls: { fsbp: ["RDS.7", "RDS.8"], checkov: ["CKV_AWS_293", "CKV_AWS_139"], cdkNag: ["AwsSolutions-RDS10"] },
    validateResource: [
        validateResourceOfType(aws.rds.Instance, (db, args, reportViolation) => {
            if (!isTrue(inputOrDefault("aws:rds/instance:Instance", db, "deletionProtection")))
                reportViolation("deletionProtection must be true.");
        }),
        validateResourceOfType(aws.rds.Cluster, (c, args, reportViolation) => {
            if (!isTrue(inputOrDefault("aws:rds/cluster:Cluster", c, "deletionProtection")))
                reportViolation("deletionProtection must be true.");
        }),
    ],
});
