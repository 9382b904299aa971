import { stackPolicy } from "../lib/metadata";
import { buckets, settingsFor } from "../lib/s3";

const OWNERSHIP = ["aws:s3/bucketOwnershipControls:BucketOwnershipControls"];

export const awsS3BucketRequireAclsDisabled = stackPolicy({
    name: "aws-s3-bucket-require-acls-disabled",
    description: "S3 buckets must disable ACLs (bucket owner enforced).",
    checks: "Each bucket has an `aws.s3.BucketOwnershipControls` linked through `bucket` with `rule.objectOwnership: BucketOwnerEnforced` (access is then decided by policies alone).",
    category: "network-exposure",
    severity: "medium",
    controls: { fsbp: ["S3.12"], checkov: ["CKV2_AWS_65"] },
    validateStack: (args, reportViolation) => {
        const all = buckets(args.resources);
        if (all.length === 0) args.notApplicable("no S3 buckets");
        for (const bucket of all) {
            const enforced = settingsFor(bucket, args.resources, OWNERSHIP).some(
                (o) => o.props?.rule?.objectOwnership === "BucketOwnerEnforced",
            );
            if (!enforced)
                reportViolation(`bucket '${bucket.name}' does not disable ACLs (BucketOwnershipControls BucketOwnerEnforced).`, bucket.urn);
        }
    },
});
