import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BaseArgs, statefulOptions } from "./base";
import { policyDocument, PolicyStatement, serviceAssumeRolePolicy } from "./iam";
import { createAwsProvider } from "./providers";
import { dataStoreTags, Tags } from "./tags";
import { ConfigError } from "./config/errors";
import {
    ACCESS_LOG_BUCKET_KEY,
    BucketSettings,
    ObjectStoreSettings,
    REPLICA_SUFFIX,
    REPLICATION_REGION_PAIRS,
} from "./config/objectStore";

/** Tag the access log bucket carries: policies exempt it from the SSE-KMS rule (S3 cannot log to SSE-KMS buckets). */
export const ACCESS_LOG_PURPOSE_TAG = { Purpose: "access-logs" } as const;
/** Tag replica buckets carry (they live in the replication region and are written by S3 replication only). */
export const REPLICA_PURPOSE_TAG = { Purpose: "replica" } as const;

export interface ObjectStoreArgs extends BaseArgs, ObjectStoreSettings {
    /** The stack's region (aws:region). */
    region: string;
    /** The data KMS key: default encryption of every data bucket, and the only key uploads may name. */
    kmsKeyArn: pulumi.Input<string>;
    /** Accounts the replica-region provider may deploy into (the stack's `strata:accountId`). */
    allowedAccountIds?: string[];
}

export interface BucketOutputs {
    /** Bucket name (Pulumi auto-named: `<prefix>-<key>-<random>`). */
    bucket: pulumi.Output<string>;
    arn: pulumi.Output<string>;
    /** Replica in the replication region, when the bucket replicates. */
    replica?: { bucket: pulumi.Output<string>; arn: pulumi.Output<string>; region: string; kmsKeyArn: pulumi.Output<string> };
}

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

const ALL_OBJECTS = {};

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

/** Denies plain-HTTP requests and TLS older than 1.2, for the bucket and its objects. */
export function tlsOnlyStatements(bucketArn: pulumi.Input<string>): PolicyStatement[] {
    const resources = [bucketArn, pulumi.interpolate`${bucketArn}/*`];
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
export function kmsOnlyUploadStatements(bucketArn: pulumi.Input<string>, kmsKeyArn: pulumi.Input<string>): PolicyStatement[] {
    const objects = pulumi.interpolate`${bucketArn}/*`;
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

interface SecureBucketArgs {
    tags: Tags;
    /** SSE-KMS with this key, or SSE-S3 (AES256) when undefined (the access log bucket only). */
    kmsKeyArn?: pulumi.Input<string>;
    objectLock: boolean;
    lifecycle: aws.types.input.s3.BucketLifecycleConfigurationRule[];
    /** Extra bucket policy statements (e.g. the log delivery grant). */
    policyStatements?: (arn: pulumi.Output<string>) => PolicyStatement[];
    provider?: aws.Provider;
}

interface SecureBucket {
    bucket: aws.s3.Bucket;
    versioning: aws.s3.BucketVersioning;
    policy: aws.s3.BucketPolicy;
}

/**
 * S3 buckets with everything anchors.md section 5 asks for: public access fully blocked, ACLs disabled
 * (BucketOwnerEnforced), SSE-KMS with the data key and bucket keys (SSE-C uploads blocked), versioning, lifecycle
 * rules (abort incomplete uploads, noncurrent expiry, transitions and expiry from config), a bucket policy that
 * denies non-TLS and TLS < 1.2 requests and uploads with another encryption or key, server access logging to a
 * log bucket (staging, prod), cross-region replication with its own key and least-privilege role (prod), and
 * object lock where asked. Buckets are never force-destroyed; in prod they are protected and retained on delete,
 * and so are their security settings, so a retained bucket stays private and encrypted.
 */
export class ObjectStore extends pulumi.ComponentResource {
    public readonly buckets: Record<string, BucketOutputs>;
    public readonly bucketResources: Record<string, aws.s3.Bucket>;
    public readonly accessLogBucket?: { bucket: pulumi.Output<string>; arn: pulumi.Output<string> };
    /** Region of the replica buckets, if any bucket replicates. */
    public readonly replicationRegion?: string;
    /** Provider of the replication region, if any bucket replicates. */
    public readonly replicaProvider?: aws.Provider;

    private readonly args: ObjectStoreArgs;

    constructor(name: string, args: ObjectStoreArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:objectStore:ObjectStore", name, {}, opts);
        this.args = args;
        const n = args.naming;
        const stateful = statefulOptions(args.protection);
        const replicated = Object.entries(args.buckets).filter(([, b]) => b.replicate);
        if (replicated.length > 0) this.replicationRegion = resolveReplicationRegion(args.region, args.replicationRegion);

        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const partition = aws.getPartitionOutput({}, { parent: this });
        const accountId = identity.accountId;

        // The data buckets.
        const created: Record<string, SecureBucket> = {};
        for (const [key, settings] of Object.entries(args.buckets)) {
            created[key] = this.secureBucket(n.autoNamed("s3Bucket", key), {
                tags: dataStoreTags(settings.classification),
                kmsKeyArn: args.kmsKeyArn,
                objectLock: settings.objectLock !== undefined,
                lifecycle: lifecycleRules(settings.lifecycle),
            });
            if (settings.objectLock) {
                new aws.s3.BucketObjectLockConfiguration(
                    n.name(key),
                    {
                        bucket: created[key].bucket.id,
                        objectLockEnabled: "Enabled",
                        rule: { defaultRetention: { mode: settings.objectLock.mode, days: settings.objectLock.days } },
                    },
                    { parent: this, retainOnDelete: stateful.retainOnDelete, dependsOn: [created[key].versioning] },
                );
            }
        }

        // Server access logs: one SSE-S3 log bucket (S3 cannot deliver access logs to SSE-KMS buckets).
        if (args.accessLogs && Object.keys(created).length > 0) {
            const sourceArns = Object.values(created).map((c) => c.bucket.arn);
            const logs = this.secureBucket(n.autoNamed("s3Bucket", ACCESS_LOG_BUCKET_KEY), {
                tags: { ...dataStoreTags("internal"), ...ACCESS_LOG_PURPOSE_TAG },
                kmsKeyArn: undefined,
                objectLock: false,
                lifecycle: lifecycleRules({
                    transitions: [],
                    expirationDays: args.accessLogRetentionDays,
                    noncurrentVersionExpirationDays: 7,
                    abortIncompleteMultipartUploadDays: 1,
                }),
                policyStatements: (arn) => [
                    {
                        Sid: "AllowS3ServerAccessLogDelivery",
                        Effect: "Allow",
                        Principal: { Service: "logging.s3.amazonaws.com" },
                        Action: "s3:PutObject",
                        Resource: pulumi.interpolate`${arn}/*`,
                        Condition: {
                            StringEquals: { "aws:SourceAccount": accountId },
                            ArnLike: { "aws:SourceArn": sourceArns },
                        },
                    },
                ],
            });
            this.accessLogBucket = { bucket: logs.bucket.bucket, arn: logs.bucket.arn };
            for (const [key, c] of Object.entries(created)) {
                new aws.s3.BucketLogging(
                    n.name(key),
                    {
                        bucket: c.bucket.id,
                        targetBucket: logs.bucket.bucket,
                        targetPrefix: `${key}/`,
                        targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
                    },
                    { parent: this, retainOnDelete: stateful.retainOnDelete, dependsOn: [logs.policy] },
                );
            }
        }

        // Cross-region replication: a provider, a key, a replica bucket and a role in/for the replication region.
        const replicas: Record<string, BucketOutputs["replica"]> = {};
        if (this.replicationRegion) {
            const replicaRegion = this.replicationRegion;
            this.replicaProvider = createAwsProvider(
                n.name("aws", REPLICA_SUFFIX),
                { region: replicaRegion, defaultTags: args.defaultTags, allowedAccountIds: args.allowedAccountIds },
                { parent: this },
            );
            const root = pulumi.interpolate`arn:${partition.partition}:iam::${accountId}:root`;
            const replicaKey = new aws.kms.Key(
                n.name("kms", "data", REPLICA_SUFFIX),
                {
                    description: `${n.prefix}: S3 replicas in ${replicaRegion}`,
                    enableKeyRotation: true,
                    rotationPeriodInDays: 365,
                    deletionWindowInDays: 30,
                    keyUsage: "ENCRYPT_DECRYPT",
                    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                    policy: policyDocument([
                        { Sid: "AccountAdministersKeyThroughIam", Effect: "Allow", Principal: { AWS: root }, Action: "kms:*", Resource: "*" },
                        {
                            Sid: "S3ThroughService",
                            Effect: "Allow",
                            Principal: { AWS: "*" },
                            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                            Resource: "*",
                            Condition: { StringEquals: { "kms:CallerAccount": accountId, "kms:ViaService": `s3.${replicaRegion}.amazonaws.com` } },
                        },
                    ]),
                },
                { parent: this, provider: this.replicaProvider, protect: stateful.protect },
            );
            new aws.kms.Alias(
                n.name("kms", "data", REPLICA_SUFFIX, "alias"),
                { name: `alias/${n.prefix}-data-${REPLICA_SUFFIX}`, targetKeyId: replicaKey.keyId },
                { parent: this, provider: this.replicaProvider },
            );

            for (const [key, settings] of replicated) {
                const source = created[key];
                const replica = this.secureBucket(n.autoNamed("s3Bucket", key, REPLICA_SUFFIX), {
                    tags: { ...dataStoreTags(settings.classification), ...REPLICA_PURPOSE_TAG },
                    kmsKeyArn: replicaKey.arn,
                    objectLock: settings.objectLock !== undefined,
                    lifecycle: lifecycleRules(settings.lifecycle),
                    provider: this.replicaProvider,
                });
                const role = new aws.iam.Role(
                    n.autoNamed("iamRole", key, "replication"),
                    { assumeRolePolicy: serviceAssumeRolePolicy("s3.amazonaws.com"), description: `S3 replication of ${key} to ${replicaRegion}` },
                    { parent: this },
                );
                const sourceArn = source.bucket.arn;
                const replicaArn = replica.bucket.arn;
                const rolePolicy = new aws.iam.RolePolicy(
                    n.name(key, "replication"),
                    {
                        role: role.id,
                        policy: policyDocument([
                            { Sid: "ReadReplicationConfiguration", Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"], Resource: sourceArn },
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
                                Resource: pulumi.interpolate`${sourceArn}/*`,
                            },
                            {
                                Sid: "WriteReplicas",
                                Effect: "Allow",
                                Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
                                Resource: pulumi.interpolate`${replicaArn}/*`,
                            },
                            {
                                Sid: "DecryptSourceObjects",
                                Effect: "Allow",
                                Action: "kms:Decrypt",
                                Resource: args.kmsKeyArn,
                                Condition: {
                                    StringEquals: { "kms:ViaService": `s3.${args.region}.amazonaws.com` },
                                    StringLike: { "kms:EncryptionContext:aws:s3:arn": [sourceArn, pulumi.interpolate`${sourceArn}/*`] },
                                },
                            },
                            {
                                Sid: "EncryptReplicas",
                                Effect: "Allow",
                                Action: ["kms:Encrypt", "kms:GenerateDataKey"],
                                Resource: replicaKey.arn,
                                Condition: {
                                    StringEquals: { "kms:ViaService": `s3.${replicaRegion}.amazonaws.com` },
                                    StringLike: { "kms:EncryptionContext:aws:s3:arn": [replicaArn, pulumi.interpolate`${replicaArn}/*`] },
                                },
                            },
                        ]),
                    },
                    { parent: this },
                );
                new aws.s3.BucketReplicationConfig(
                    n.name(key),
                    {
                        bucket: source.bucket.id,
                        role: role.arn,
                        rules: [
                            {
                                id: `replicate-to-${replicaRegion}`,
                                status: "Enabled",
                                filter: ALL_OBJECTS,
                                // Deletions in the source do not reach the replica: it is the copy that survives them.
                                deleteMarkerReplication: { status: "Disabled" },
                                sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
                                destination: {
                                    bucket: replicaArn,
                                    storageClass: "STANDARD",
                                    encryptionConfiguration: { replicaKmsKeyId: replicaKey.arn },
                                },
                            },
                        ],
                    },
                    { parent: this, retainOnDelete: stateful.retainOnDelete, dependsOn: [source.versioning, replica.versioning, rolePolicy] },
                );
                replicas[key] = { bucket: replica.bucket.bucket, arn: replicaArn, region: replicaRegion, kmsKeyArn: replicaKey.arn };
            }
        }

        this.bucketResources = Object.fromEntries(Object.entries(created).map(([key, c]) => [key, c.bucket]));
        this.buckets = Object.fromEntries(
            Object.entries(created).map(([key, c]) => [
                key,
                { bucket: c.bucket.bucket, arn: c.bucket.arn, ...(replicas[key] ? { replica: replicas[key] } : {}) },
            ]),
        );
        this.registerOutputs({ buckets: this.buckets, accessLogBucket: this.accessLogBucket });
    }

    /** A private, versioned, encrypted, TLS-only bucket with lifecycle rules. */
    private secureBucket(name: string, b: SecureBucketArgs): SecureBucket {
        const stateful = statefulOptions(this.args.protection);
        const base: pulumi.CustomResourceOptions = { parent: this, ...(b.provider ? { provider: b.provider } : {}) };
        // A retained bucket keeps its security settings: they are retained with it.
        const settings: pulumi.CustomResourceOptions = { ...base, retainOnDelete: stateful.retainOnDelete };

        const bucket = new aws.s3.Bucket(
            name,
            { forceDestroy: false, objectLockEnabled: b.objectLock || undefined, tags: b.tags },
            { ...base, ...stateful },
        );
        const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
            name,
            { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            settings,
        );
        new aws.s3.BucketOwnershipControls(name, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, settings);
        new aws.s3.BucketServerSideEncryptionConfiguration(
            name,
            {
                bucket: bucket.id,
                rules: [
                    b.kmsKeyArn !== undefined
                        ? {
                              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: b.kmsKeyArn },
                              bucketKeyEnabled: true,
                              blockedEncryptionTypes: ["SSE-C"],
                          }
                        : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, blockedEncryptionTypes: ["SSE-C"] },
                ],
            },
            settings,
        );
        const versioning = new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, settings);
        new aws.s3.BucketLifecycleConfiguration(name, { bucket: bucket.id, rules: b.lifecycle }, { ...settings, dependsOn: [versioning] });
        const statements = [
            ...tlsOnlyStatements(bucket.arn),
            ...(b.kmsKeyArn !== undefined ? kmsOnlyUploadStatements(bucket.arn, b.kmsKeyArn) : []),
            ...(b.policyStatements ? b.policyStatements(bucket.arn) : []),
        ];
        // After the public access block: S3 rejects concurrent policy and access-block changes.
        const policy = new aws.s3.BucketPolicy(name, { bucket: bucket.id, policy: policyDocument(statements) }, { ...settings, dependsOn: [publicAccessBlock] });
        return { bucket, versioning, policy };
    }
}
