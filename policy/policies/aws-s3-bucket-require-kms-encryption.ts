import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/metadata";
import { accessLogBuckets, buckets, settingsFor, SSE_CONFIG_TYPES } from "../lib/s3";
import { asArray, field, nonEmptyString } from "../lib/values";

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

/** The default-encryption rules that apply to a bucket: the separate configuration resources, or the deprecated inline setting. */
function rulesFor(bucket: PolicyResource, resources: PolicyResource[]): unknown[] {
    const separate = settingsFor(bucket, resources, SSE_CONFIG_TYPES).flatMap((c) => asArray(field(c.props, "rules")));
    const inline = asArray(field(bucket.props, "serverSideEncryptionConfiguration")).flatMap((c) =>
        asArray(field(c, "rule") ?? field(c, "rules")),
    );
    return [...separate, ...inline];
}

export const awsS3BucketRequireKmsEncryption = stackPolicy({
    name: "aws-s3-bucket-require-kms-encryption",
    description: "S3 buckets must encrypt by default with a customer-managed KMS key (SSE-S3 only for the access-log bucket).",
    checks:
        "Links each `BucketServerSideEncryptionConfiguration` (or V2) to its bucket through the `bucket` input's dependencies " +
        "and requires `aws:kms` (or `aws:kms:dsse`) with `kmsMasterKeyId`; the deprecated inline setting and `BucketV2` are " +
        "recognised. The server-access-log bucket (target of a `BucketLogging`, or tagged `strata:role`/`Purpose` = " +
        "`access-logs`) must use `AES256`, because S3 cannot deliver access logs to an SSE-KMS bucket.",
    category: "encryption",
    severity: "high",
    controls: { cis: ["2.1.1"], fsbp: ["S3.17"], checkov: ["CKV_AWS_145", "CKV_AWS_19"] },
    validateStack: (args, reportViolation) => {
        const all = buckets(args.resources);
        if (all.length === 0) args.notApplicable("no S3 buckets");
        const logBuckets = accessLogBuckets(args.resources);
        for (const bucket of all) {
            const rules = rulesFor(bucket, args.resources);
            const defaults = rules.map((r) => field(r, "applyServerSideEncryptionByDefault")).filter((d) => d);
            if (defaults.length === 0) {
                reportViolation(
                    `bucket '${bucket.name}' has no default encryption configuration (BucketServerSideEncryptionConfiguration).`,
                    bucket.urn,
                );
                continue;
            }
            for (const d of defaults) {
                const algorithm = field(d, "sseAlgorithm");
                if (logBuckets.has(bucket)) {
                    if (algorithm !== "AES256") {
                        reportViolation(
                            `bucket '${bucket.name}' receives S3 server access logs and must use SSE-S3 (AES256), not '${algorithm}'.`,
                            bucket.urn,
                        );
                    }
                } else if (!(typeof algorithm === "string" && KMS_ALGORITHMS.includes(algorithm))) {
                    reportViolation(
                        `bucket '${bucket.name}' default encryption is '${algorithm}'; use aws:kms with a customer-managed key.`,
                        bucket.urn,
                    );
                } else if (!nonEmptyString(field(d, "kmsMasterKeyId"))) {
                    reportViolation(
                        `bucket '${bucket.name}' uses aws:kms without kmsMasterKeyId (the AWS-managed key); name a customer-managed key.`,
                        bucket.urn,
                    );
                }
            }
        }
    },
});
