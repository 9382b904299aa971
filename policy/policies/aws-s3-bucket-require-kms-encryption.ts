import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/metadata";
import { accessLogBuckets, buckets, settingsFor, SSE_CONFIG_TYPES } from "../lib/s3";
import { asArray, nonEmptyString } from "../lib/values";

const KMS_ALGORITHMS = ["aws:kms", "aws:kms:dsse"];

/** The default-encryption rules that apply to a bucket: the separate configuration resources, or the deprecated inline setting. */
function rulesFor(bucket: PolicyResource, resources: PolicyResource[]): any[] {
    const separate = settingsFor(bucket, resources, SSE_CONFIG_TYPES).flatMap((c) => asArray(c.props?.rules));
    const inline = asArray(bucket.props?.serverSideEncryptionConfiguration).flatMap((c: any) => asArray(c?.rule ?? c?.rules));
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
    controls: { cis: ["2.1.1"], fsbp: ["S3.17"], checkov: ["CKV_AWS_145", "CKV_AWS_19"], other: ["AwsSolutions-S10"] },
    validateStack: (args, reportViolation) => {
        const all = buckets(args.resources);
        if (all.length === 0) args.notApplicable("no S3 buckets");
        const logBuckets = accessLogBuckets(args.resources);
        for (const bucket of all) {
            const rules = rulesFor(bucket, args.resources);
            const defaults = rules.map((r) => r?.applyServerSideEncryptionByDefault).filter((d) => d);
            if (defaults.length === 0) {
                reportViolation(`bucket '${bucket.name}' has no default encryption configuration (BucketServerSideEncryptionConfiguration).`, bucket.urn);
                continue;
            }
            for (const d of defaults) {
                if (logBuckets.has(bucket)) {
                    if (d.sseAlgorithm !== "AES256") {
                        reportViolation(
                            `bucket '${bucket.name}' receives S3 server access logs and must use SSE-S3 (AES256), not '${d.sseAlgorithm}'.`,
                            bucket.urn,
                        );
                    }
                } else if (!KMS_ALGORITHMS.includes(d.sseAlgorithm)) {
                    reportViolation(`bucket '${bucket.name}' default encryption is '${d.sseAlgorithm}'; use aws:kms with a customer-managed key.`, bucket.urn);
                } else if (!nonEmptyString(d.kmsMasterKeyId)) {
                    reportViolation(`bucket '${bucket.name}' uses aws:kms without kmsMasterKeyId (the AWS-managed key); name a customer-managed key.`, bucket.urn);
                }
            }
        }
    },
});
