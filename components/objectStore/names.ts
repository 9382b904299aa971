/** Names the object store takes for itself: a bucket key may not be one of them or end like them. */
export const ACCESS_LOG_BUCKET_KEY = "access-logs";
export const REPLICA_SUFFIX = "replica";
/** The audit bucket (strata:audit) is named like a data bucket of this key, so no data bucket may take it. */
export const AUDIT_BUCKET_KEY = "audit-trail";

/**
 * Logical name parts of what the object store creates (pass them to `naming.autoNamed` / `naming.name`). The config
 * name check and the component both use these, so the names checked against AWS limits are the names created.
 */
export const objectStoreNames = {
    /** A data bucket (`s3Bucket`, auto-named). */
    bucket: (key: string): string[] => [key],
    /** The replica of a data bucket in the replication region (`s3Bucket`, auto-named). */
    replicaBucket: (key: string): string[] => [key, REPLICA_SUFFIX],
    /** The role S3 replication of a bucket assumes (`iamRole`, auto-named). */
    replicationRole: (key: string): string[] => [key, "replication"],
    /** The server access log bucket (`s3Bucket`, auto-named). */
    accessLogBucket: [ACCESS_LOG_BUCKET_KEY] as string[],
    /** The provider of the replication region. */
    replicaProvider: ["aws", REPLICA_SUFFIX] as string[],
    /** The replica KMS key, as kmsKeyNames takes its parts. */
    replicaKey: ["data", REPLICA_SUFFIX] as string[],
};
