import type { PolicyStatement } from "../iam";
import { ConfigError } from "../errors";
import { REPLICATION_REGION_PAIRS } from "../catalogue/regions";
import { serviceEndpoint } from "../kms/policies";
import { ALL_OBJECTS } from "./bucket";

/**
 * Cross-region replication as plain data: the target region, the replication role's policy and the replication
 * rule. Shapes as the Amazon S3 User Guide describes them ("Setting up permissions for live replication",
 * "Replicating objects created with server-side encryption (SSE-KMS)").
 */

/** The region replica buckets go to: `replicationRegion`, or the region paired with the stack's. */
export function resolveReplicationRegion(region: string, replicationRegion: string | undefined): string {
    const target = replicationRegion ?? REPLICATION_REGION_PAIRS[region];
    if (target === undefined) {
        throw new ConfigError([
            `strata:objectStore.replicationRegion: is required when a bucket replicates and aws:region is ${JSON.stringify(region)} (no default pair for it); set another AWS region, e.g. us-west-2`,
        ]);
    }
    if (target === region) {
        throw new ConfigError([
            `strata:objectStore.replicationRegion: ${JSON.stringify(target)} is the stack's own region (aws:region); cross-region replication needs another region`,
        ]);
    }
    return target;
}

/** The description of the replica key (the data key's counterpart in the replication region). */
export function replicaKeyDescription(prefix: string, replicaRegion: string): string {
    return `${prefix}: S3 replicas in ${replicaRegion}`;
}

/** The description of a bucket's replication role. */
export function replicationRoleDescription(key: string, replicaRegion: string): string {
    return `S3 replication of ${key} to ${replicaRegion}`;
}

export interface ReplicationPolicyInput {
    sourceBucketArn: string;
    replicaBucketArn: string;
    /** The data key (source objects) and its region. */
    sourceKmsKeyArn: string;
    sourceRegion: string;
    /** The replica key and its region. */
    replicaKmsKeyArn: string;
    replicaRegion: string;
}

/**
 * Least privilege for S3 replication of one bucket: read its replication configuration and object versions, write
 * replicas into the one replica bucket, decrypt source objects and encrypt replicas through S3 only, for objects of
 * those two buckets only (`kms:EncryptionContext:aws:s3:arn`).
 */
export function replicationRolePolicyStatements(p: ReplicationPolicyInput): PolicyStatement[] {
    const source = p.sourceBucketArn;
    const replica = p.replicaBucketArn;
    return [
        {
            Sid: "ReadReplicationConfiguration",
            Effect: "Allow",
            Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
            Resource: source,
        },
        {
            Sid: "ReadSourceVersions",
            Effect: "Allow",
            Action: [
                "s3:GetObjectVersionForReplication",
                "s3:GetObjectVersionAcl",
                "s3:GetObjectVersionTagging",
                "s3:GetObjectRetention",
                "s3:GetObjectLegalHold",
            ],
            Resource: `${source}/*`,
        },
        {
            Sid: "WriteReplicas",
            Effect: "Allow",
            Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
            Resource: `${replica}/*`,
        },
        {
            Sid: "DecryptSourceObjects",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: p.sourceKmsKeyArn,
            Condition: {
                StringEquals: { "kms:ViaService": serviceEndpoint("s3", p.sourceRegion) },
                StringLike: { "kms:EncryptionContext:aws:s3:arn": [source, `${source}/*`] },
            },
        },
        {
            Sid: "EncryptReplicas",
            Effect: "Allow",
            Action: ["kms:Encrypt", "kms:GenerateDataKey"],
            Resource: p.replicaKmsKeyArn,
            Condition: {
                StringEquals: { "kms:ViaService": serviceEndpoint("s3", p.replicaRegion) },
                StringLike: { "kms:EncryptionContext:aws:s3:arn": [replica, `${replica}/*`] },
            },
        },
    ];
}

/**
 * The replication rule: every SSE-KMS object to the replica bucket, re-encrypted with the replica key, in STANDARD.
 * Deletions in the source do not reach the replica: it is the copy that survives them. The bucket ARN and key pass
 * through untouched.
 */
export function replicationRules<A, K>(p: { replicaRegion: string; replicaBucketArn: A; replicaKmsKeyArn: K }) {
    return [
        {
            id: `replicate-to-${p.replicaRegion}`,
            status: "Enabled",
            filter: ALL_OBJECTS,
            deleteMarkerReplication: { status: "Disabled" },
            sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
            destination: {
                bucket: p.replicaBucketArn,
                storageClass: "STANDARD",
                encryptionConfiguration: { replicaKmsKeyId: p.replicaKmsKeyArn },
            },
        },
    ];
}
