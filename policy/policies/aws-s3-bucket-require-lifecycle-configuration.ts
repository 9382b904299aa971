import { stackPolicy } from "../lib/metadata";
import { buckets, settingsFor } from "../lib/s3";

const LIFECYCLE = [
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
];

export const awsS3BucketRequireLifecycleConfiguration = stackPolicy({
    name: "aws-s3-bucket-require-lifecycle-configuration",
    description: "S3 buckets must have a lifecycle configuration.",
    checks: "Each bucket has an `aws.s3.BucketLifecycleConfiguration` (or V2) linked through `bucket` with at least one rule (a versioned bucket otherwise keeps every old version forever), or the deprecated inline `lifecycleRules`.",
    category: "data-protection",
    severity: "low",
    controls: { fsbp: ["S3.13"], checkov: ["CKV2_AWS_61"] },
    validateStack: (args, reportViolation) => {
        const all = buckets(args.resources);
        if (all.length === 0) args.notApplicable("no S3 buckets");
        for (const bucket of all) {
            const has =
                settingsFor(bucket, args.resources, LIFECYCLE).some((l) => (l.props?.rules ?? []).length > 0) ||
                (bucket.props?.lifecycleRules ?? []).length > 0;
            if (!has) reportViolation(`bucket '${bucket.name}' has no lifecycle configuration.`, bucket.urn);
        }
    },
});
