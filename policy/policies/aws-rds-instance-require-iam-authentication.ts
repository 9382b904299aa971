import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { isTrue } from "../lib/values";

export const awsRdsInstanceRequireIamAuthentication = resourcePolicy({
    name: "aws-rds-instance-require-iam-authentication",
    description: "RDS instances must accept IAM database authentication.",
    checks: "`iamDatabaseAuthenticationEnabled` is true on `aws.rds.Instance`; unset is off (the API default).",
    category: "network-exposure",
    severity: "medium",
    controls: { fsbp: ["RDS.10"], checkov: ["CKV_AWS_161"] },
    validateResource: validateResourceOfType(aws.rds.Instance, (db, _args, reportViolation) => {
        if (!isTrue(db.iamDatabaseAuthenticationEnabled)) reportViolation("iamDatabaseAuthenticationEnabled must be true.");
    }),
});
