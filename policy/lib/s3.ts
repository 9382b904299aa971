import type { PolicyResource } from "@pulumi/policy";
import { linked, ofTypes } from "./stack";
import { field, objectAt } from "./values";

export const BUCKET_TYPES = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"] as const;
export const SSE_CONFIG_TYPES = [
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
] as const;
export const PUBLIC_ACCESS_BLOCK_TYPES = ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"] as const;
export const VERSIONING_TYPES = ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"] as const;
export const LOGGING_TYPES = ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"] as const;

/** Tags that mark the server-access-log bucket (either spelling is accepted). */
export const ACCESS_LOG_TAGS: ReadonlyArray<readonly [string, string]> = [
    ["strata:role", "access-logs"],
    ["Purpose", "access-logs"],
];

export function buckets(resources: PolicyResource[]): PolicyResource[] {
    return ofTypes(resources, BUCKET_TYPES);
}

/** The settings resources of `types` that configure `bucket` (linked through their `bucket` input). */
export function settingsFor(bucket: PolicyResource, resources: PolicyResource[], types: readonly string[]): PolicyResource[] {
    const all = buckets(resources);
    return ofTypes(resources, types).filter((s) => linked(s, "bucket", all, "bucket").includes(bucket));
}

/**
 * The server-access-log buckets: the target of a bucket logging resource (`targetBucket`) or of a bucket's inline
 * `logging.targetBucket`, or a bucket tagged `strata:role=access-logs` / `Purpose=access-logs`.
 */
export function accessLogBuckets(resources: PolicyResource[]): Set<PolicyResource> {
    const all = buckets(resources);
    const out = new Set<PolicyResource>();
    for (const l of ofTypes(resources, LOGGING_TYPES)) for (const b of linked(l, "targetBucket", all, "bucket")) out.add(b);
    for (const b of all) {
        const target = field(b.props, "logging", "targetBucket");
        if (typeof target === "string") for (const t of all) if (t.props?.bucket === target) out.add(t);
        const deps = b.propertyDependencies?.logging ?? [];
        for (const d of deps) if (all.includes(d) && d !== b) out.add(d);
        const tags = objectAt(field(b.props, "tags"));
        if (ACCESS_LOG_TAGS.some(([k, v]) => tags[k] === v)) out.add(b);
    }
    return out;
}
