import { stackPolicy } from "../lib/metadata";
import { buckets, settingsFor, VERSIONING_TYPES } from "../lib/s3";
import { isTrue } from "../lib/values";

export const awsS3BucketRequireVersioning = stackPolicy({
    name: "aws-s3-bucket-require-versioning",
    description: "S3 buckets must have versioning enabled.",
    checks:
        "Each bucket has an `aws.s3.BucketVersioning` (or V2) linked through `bucket` with " +
        "`versioningConfiguration.status: Enabled`, or the deprecated inline `versioning.enabled`.",
    category: "data-protection",
    severity: "medium",
    controls: { fsbp: ["S3.14"], checkov: ["CKV_AWS_21"] },
    validateStack: (args, reportViolation) => {
        const all = buckets(args.resources);
        if (all.length === 0) args.notApplicable("no S3 buckets");
        for (const bucket of all) {
            const enabled =
                settingsFor(bucket, args.resources, VERSIONING_TYPES).some((v) => v.props?.versioningConfiguration?.status === "Enabled") ||
                isTrue(bucket.props?.versioning?.enabled);
            if (!enabled)
                reportViolation(`bucket '${bucket.name}' does not enable versioning (BucketVersioning status Enabled).`, bucket.urn);
        }
    },
});
