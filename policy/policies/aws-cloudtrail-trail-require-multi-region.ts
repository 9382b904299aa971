import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

export const awsCloudtrailTrailRequireMultiRegion = resourcePolicy({
    name: "aws-cloudtrail-trail-require-multi-region",
    description:
        "CloudTrail trails must record every region, global service events included (activity in an unused region is the first sign of a compromised account).",
    checks: "`isMultiRegionTrail` is true and `includeGlobalServiceEvents` is not false on `aws.cloudtrail.Trail`.",
    category: "data-protection",
    severity: "high",
    controls: { cis: ["3.1"], fsbp: ["CloudTrail.1"], checkov: ["CKV_AWS_67"] },
    validateResource: validateResourceOfType(aws.cloudtrail.Trail, (t, args, reportViolation) => {
        if (t.isMultiRegionTrail !== true) reportViolation("isMultiRegionTrail must be true.");
        if (t.includeGlobalServiceEvents === false) reportViolation("includeGlobalServiceEvents must not be false.");
    }),
});
