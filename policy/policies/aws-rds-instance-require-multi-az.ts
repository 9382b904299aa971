import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { inputOrDefault } from "../lib/apiDefaults";
import { resourcePolicy } from "../lib/metadata";
import { isTrue, nonEmptyString } from "../lib/values";

export const awsRdsInstanceRequireMultiAz = resourcePolicy({
    name: "aws-rds-instance-require-multi-az",
    description: "The primary database instance must be Multi-AZ.",
    checks: "`multiAz` is true on primary `aws.rds.Instance`s (read replicas are skipped).",
    category: "data-protection",
    severity: "medium",
    controls: { fsbp: ["RDS.5"], checkov: ["CKV_AWS_157"], cdkNag: ["AwsSolutions-RDS3"] },
    validateResource: validateResourceOfType(aws.rds.Instance, (db, args, reportViolation) => {
        if (nonEmptyString(db.replicateSourceDb)) args.notApplicable("read replica");
        if (!isTrue(inputOrDefault("aws:rds/instance:Instance", db, "multiAz"))) reportViolation("multiAz must be true.");
    }),
});
