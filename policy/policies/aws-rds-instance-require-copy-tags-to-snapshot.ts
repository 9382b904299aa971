import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { isTrue } from "../lib/values";

export const awsRdsInstanceRequireCopyTagsToSnapshot = resourcePolicy({
    name: "aws-rds-instance-require-copy-tags-to-snapshot",
    description: "RDS instances must copy their tags to snapshots.",
    checks: "`copyTagsToSnapshot` is true on `aws.rds.Instance` (snapshots then carry the owner and classification tags); unset is off (the API default).",
    category: "tagging",
    severity: "low",
    controls: { fsbp: ["RDS.17"], checkov: ["CKV2_AWS_60"] },
    validateResource: validateResourceOfType(aws.rds.Instance, (db, _args, reportViolation) => {
        if (!isTrue(db.copyTagsToSnapshot)) reportViolation("copyTagsToSnapshot must be true.");
    }),
});
