import type * as aws from "@pulumi/aws";
import type { PolicyStatement } from "../iam";
import type { BucketSettings } from "../config/objectStore";
import type { Tags } from "../tags";
import { dataStoreTags } from "../tags";

/**
 * Settings of one secure S3 bucket, as plain data: lifecycle rules, the bucket policy statements, encryption, object
 * lock, access logging. Behaviour as the Amazon S3 User Guide describes it ("Enforcing encryption in transit",
 * "Managing your storage lifecycle", "Logging requests with server access logging", "Using S3 Object Lock").
 */

/** Tag the access log bucket carries: policies exempt it from the SSE-KMS rule (S3 cannot log to SSE-KMS buckets). */
export const ACCESS_LOG_PURPOSE_TAG = { Purpose: "access-logs" } as const;
/** Tag replica buckets carry (they live in the replication region and are written by S3 replication only). */
export const REPLICA_PURPOSE_TAG = { Purpose: "replica" } as const;

/** A lifecycle or replication rule filter matching every object. */
export const ALL_OBJECTS = {};

/** Public access fully blocked. */
export const PUBLIC_ACCESS_BLOCK = {
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
} as const;

/** ACLs disabled: the bucket owner owns every object. */
export const OBJECT_OWNERSHIP = "BucketOwnerEnforced";

/** The lifecycle of the access log bucket: logs expire after the retention, old versions after a week. */
export function accessLogLifecycle(retentionDays: number): BucketSettings["lifecycle"] {
    return { transitions: [], expirationDays: retentionDays, noncurrentVersionExpirationDays: 7, abortIncompleteMultipartUploadDays: 1 };
}

/** S3 lifecycle rules for one bucket's settings. */
export function lifecycleRules(l: BucketSettings["lifecycle"]): aws.types.input.s3.BucketLifecycleConfigurationRule[] {
    return [
        {
            id: "abort-incomplete-uploads-and-expired-delete-markers",
            status: "Enabled",
            filter: ALL_OBJECTS,
            abortIncompleteMultipartUpload: { daysAfterInitiation: l.abortIncompleteMultipartUploadDays },
            expiration: { expiredObjectDeleteMarker: true },
        },
        {
            id: "retention",
            status: "Enabled",
            filter: ALL_OBJECTS,
            transitions: l.transitions.length > 0 ? l.transitions.map((t) => ({ days: t.days, storageClass: t.storageClass })) : undefined,
            expiration: l.expirationDays !== undefined ? { days: l.expirationDays } : undefined,
            noncurrentVersionExpiration: { noncurrentDays: l.noncurrentVersionExpirationDays },
        },
    ];
}

/**
 * Default encryption: SSE-KMS with the key and S3 bucket keys, or SSE-S3 (AES256) without a key (the access log
 * bucket only); SSE-C uploads blocked either way. The key passes through untouched.
 */
export function encryptionRule<K>(kmsKeyArn: K | undefined) {
    return kmsKeyArn !== undefined
        ? {
              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: kmsKeyArn },
              bucketKeyEnabled: true,
              blockedEncryptionTypes: ["SSE-C"],
          }
        : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, blockedEncryptionTypes: ["SSE-C"] };
}

/** Denies plain-HTTP requests and TLS older than 1.2, for the bucket and its objects. */
export function tlsOnlyStatements(bucketArn: string): PolicyStatement[] {
    const resources = [bucketArn, `${bucketArn}/*`];
    return [
        {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: resources,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
            Sid: "DenyOutdatedTls",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: resources,
            Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
        },
    ];
}

/** Denies uploads that ask for another encryption than SSE-KMS, or for another KMS key than the bucket's. */
export function kmsOnlyUploadStatements(bucketArn: string, kmsKeyArn: string): PolicyStatement[] {
    const objects = `${bucketArn}/*`;
    return [
        {
            Sid: "DenyUploadsWithoutKms",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:PutObject",
            Resource: objects,
            Condition: { StringNotEqualsIfExists: { "s3:x-amz-server-side-encryption": "aws:kms" } },
        },
        {
            Sid: "DenyUploadsWithAnotherKey",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:PutObject",
            Resource: objects,
            Condition: { StringNotEqualsIfExists: { "s3:x-amz-server-side-encryption-aws-kms-key-id": kmsKeyArn } },
        },
    ];
}

/** Lets S3 server access logging write into the log bucket, for the given source buckets of this account only. */
export function accessLogDeliveryStatement(logBucketArn: string, accountId: string, sourceBucketArns: string[]): PolicyStatement {
    return {
        Sid: "AllowS3ServerAccessLogDelivery",
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${logBucketArn}/*`,
        Condition: {
            StringEquals: { "aws:SourceAccount": accountId },
            ArnLike: { "aws:SourceArn": sourceBucketArns },
        },
    };
}

/** The bucket policy: TLS only, then (with a key) SSE-KMS uploads with that key only, then any extra statements. */
export function bucketPolicyStatements(p: { bucketArn: string; kmsKeyArn?: string; extra?: PolicyStatement[] }): PolicyStatement[] {
    return [
        ...tlsOnlyStatements(p.bucketArn),
        ...(p.kmsKeyArn !== undefined ? kmsOnlyUploadStatements(p.bucketArn, p.kmsKeyArn) : []),
        ...(p.extra ?? []),
    ];
}

/**
 * Object lock of a bucket, with its default retention: the configuration resource alone turns object lock on, for a
 * new bucket and for an existing one (S3 User Guide, "Enable Object Lock on an existing S3 bucket"; the provider's
 * aws_s3_bucket_object_lock_configuration can be used for new and existing buckets). The bucket's own
 * `objectLockEnabled` forces a new bucket (terraform-provider-aws internal/service/s3/bucket.go: ForceNew), so it is
 * never set: turning object lock on later keeps the bucket and its objects. S3 needs versioning on first.
 */
export function objectLockConfiguration(lock: NonNullable<BucketSettings["objectLock"]>) {
    return { objectLockEnabled: "Enabled", rule: { defaultRetention: { mode: lock.mode, days: lock.days } } };
}

/**
 * Object lock of a replica bucket: on (S3 replication of object-locked objects needs it on the destination), without
 * a default retention of its own; replicas keep the retention their source objects carry.
 */
export function replicaObjectLockConfiguration() {
    return { objectLockEnabled: "Enabled" };
}

/** Server access logging of a data bucket: under `<key>/`, partitioned by event time. */
export function accessLoggingOf(key: string) {
    return { targetPrefix: `${key}/`, targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } } };
}

/** Tags of a data bucket, its replica (Purpose=replica) and the access log bucket (internal, Purpose=access-logs). */
export function bucketTags(kind: "data" | "replica" | "accessLogs", classification: BucketSettings["classification"] = "internal"): Tags {
    if (kind === "accessLogs") return { ...dataStoreTags("internal"), ...ACCESS_LOG_PURPOSE_TAG };
    if (kind === "replica") return { ...dataStoreTags(classification), ...REPLICA_PURPOSE_TAG };
    return dataStoreTags(classification);
}
