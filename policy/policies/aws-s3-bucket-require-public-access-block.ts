import { stackPolicy } from "../lib/metadata";
import { buckets, PUBLIC_ACCESS_BLOCK_TYPES, settingsFor } from "../lib/s3";
import { isTrue } from "../lib/values";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

export const awsS3BucketRequirePublicAccessBlock = stackPolicy({
    name: "aws-s3-bucket-require-public-access-block",
    description: "Every S3 bucket must have a public access block with all four settings on.",
    checks:
        "Each bucket has an `aws.s3.BucketPublicAccessBlock` linked through its `bucket` input with `blockPublicAcls`, " +
        "`blockPublicPolicy`, `ignorePublicAcls` and `restrictPublicBuckets` all true.",
    category: "network-exposure",
    severity: "critical",
    controls: {
        cis: ["2.1.4"],
        fsbp: ["S3.8"],
        checkov: ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV2_AWS_6"],
        cdkNag: ["AwsSolutions-S2"],
    },
    validateStack: (args, reportViolation) => {
        const all = buckets(args.resources);
        if (all.length === 0) args.notApplicable("no S3 buckets");
        for (const bucket of all) {
            const blocks = settingsFor(bucket, args.resources, PUBLIC_ACCESS_BLOCK_TYPES);
            if (blocks.length === 0) {
                reportViolation(`bucket '${bucket.name}' has no BucketPublicAccessBlock.`, bucket.urn);
                continue;
            }
            const off = FLAGS.filter((f) => !blocks.some((b) => isTrue(b.props?.[f])));
            if (off.length > 0) reportViolation(`bucket '${bucket.name}' public access block leaves ${off.join(", ")} off.`, bucket.urn);
        }
    },
});
