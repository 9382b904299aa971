import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

export const awsCloudtrailTrailRequireLogFileValidation = resourcePolicy({
    name: "aws-cloudtrail-trail-require-log-file-validation",
    description: "CloudTrail trails must validate their log files (signed digests prove a file was not changed or deleted).",
    checks: "`enableLogFileValidation` is true on `aws.cloudtrail.Trail`.",
    category: "data-protection",
    severity: "medium",
    controls: { cis: ["3.2"], fsbp: ["CloudTrail.4"], checkov: ["CKV_AWS_36"] },
    validateResource: validateResourceOfType(aws.cloudtrail.Trail, (t, args, reportViolation) => {
        if (t.enableLogFileValidation !== true) reportViolation("enableLogFileValidation must be true.");
    }),
});
