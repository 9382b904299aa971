import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { isTrue } from "../lib/values";

export const awsRdsInstanceDisallowPublicAccess = resourcePolicy({
    name: "aws-rds-instance-disallow-public-access",
    description: "RDS instances must not be publicly accessible.",
    checks: "`publiclyAccessible` is not true on `aws.rds.Instance` and `aws.rds.ClusterInstance`.",
    category: "network-exposure",
    severity: "critical",
    controls: { cis: ["2.3.3"], fsbp: ["RDS.2"], checkov: ["CKV_AWS_17"] },
    validateResource: [
        validateResourceOfType(aws.rds.Instance, (db, args, reportViolation) => {
            if (isTrue(db.publiclyAccessible)) reportViolation("publiclyAccessible must be false.");
        }),
        validateResourceOfType(aws.rds.ClusterInstance, (db, args, reportViolation) => {
            if (isTrue(db.publiclyAccessible)) reportViolation("publiclyAccessible must be false.");
        }),
    ],
});
