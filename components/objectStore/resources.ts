import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { statefulOptions } from "../base";
import type { PolicyStatement } from "../iam";
import { policyDocument, serviceAssumeRolePolicy } from "../iam";
import { KEY_SETTINGS, kmsKeyNames, REPLICA_KEY_DELETION_WINDOW_DAYS, replicaKeyPolicyStatements } from "../kms/policies";
import type { Naming } from "../naming";
import type { Protection } from "../protection";
import type { Tags } from "../tags";
import type { objectLockConfiguration, replicaObjectLockConfiguration } from "./bucket";
import { bucketPolicyStatements, encryptionRule, OBJECT_OWNERSHIP, PUBLIC_ACCESS_BLOCK } from "./bucket";
import { objectStoreNames } from "./names";
import { replicaKeyDescription, replicationRoleDescription, replicationRolePolicyStatements, replicationRules } from "./replication";

export interface SecureBucketArgs {
    tags: Tags;
    /** SSE-KMS with this key, or SSE-S3 (AES256) when undefined (the access log bucket only). */
    kmsKeyArn?: pulumi.Input<string>;
    /** Object lock (./bucket.ts objectLockConfiguration), when the bucket has it: a configuration resource, never the bucket's input. */
    objectLock?: ReturnType<typeof objectLockConfiguration> | ReturnType<typeof replicaObjectLockConfiguration>;
    lifecycle: aws.types.input.s3.BucketLifecycleConfigurationRule[];
    /** Extra bucket policy statements (e.g. the log delivery grant), from the bucket's ARN. */
    policyStatements?: (arn: pulumi.Output<string>) => pulumi.Output<PolicyStatement[]>;
    provider?: aws.Provider;
    protection: Protection;
}

export interface SecureBucket {
    bucket: aws.s3.Bucket;
    versioning: aws.s3.BucketVersioning;
    policy: aws.s3.BucketPolicy;
    objectLock?: aws.s3.BucketObjectLockConfiguration;
}

/** A private, versioned, encrypted, TLS-only bucket with lifecycle rules, and its security settings. */
export function secureBucket(parent: pulumi.Resource, name: string, b: SecureBucketArgs): SecureBucket {
    const stateful = statefulOptions(b.protection);
    const base: pulumi.CustomResourceOptions = { parent, ...(b.provider ? { provider: b.provider } : {}) };
    // A retained bucket keeps its security settings: they are retained with it.
    const settings: pulumi.CustomResourceOptions = { ...base, retainOnDelete: stateful.retainOnDelete };

    const bucket = new aws.s3.Bucket(name, { forceDestroy: false, tags: b.tags }, { ...base, ...stateful });
    const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(name, { bucket: bucket.id, ...PUBLIC_ACCESS_BLOCK }, settings);
    new aws.s3.BucketOwnershipControls(name, { bucket: bucket.id, rule: { objectOwnership: OBJECT_OWNERSHIP } }, settings);
    new aws.s3.BucketServerSideEncryptionConfiguration(name, { bucket: bucket.id, rules: [encryptionRule(b.kmsKeyArn)] }, settings);
    const versioning = new aws.s3.BucketVersioning(name, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, settings);
    new aws.s3.BucketLifecycleConfiguration(name, { bucket: bucket.id, rules: b.lifecycle }, { ...settings, dependsOn: [versioning] });
    const extra = b.policyStatements ? b.policyStatements(bucket.arn) : pulumi.output([] as PolicyStatement[]);
    const document = pulumi
        .all([bucket.arn, b.kmsKeyArn, extra])
        .apply(([bucketArn, kmsKeyArn, more]) => policyDocument(bucketPolicyStatements({ bucketArn, kmsKeyArn, extra: more })));
    // After the public access block: S3 rejects concurrent policy and access-block changes.
    const policy = new aws.s3.BucketPolicy(name, { bucket: bucket.id, policy: document }, { ...settings, dependsOn: [publicAccessBlock] });
    // Object lock needs versioning on first.
    const objectLock = b.objectLock
        ? new aws.s3.BucketObjectLockConfiguration(name, { bucket: bucket.id, ...b.objectLock }, { ...settings, dependsOn: [versioning] })
        : undefined;
    return { bucket, versioning, policy, objectLock };
}

/** The replica key in the replication region, and its alias. */
export function replicaKey(
    parent: pulumi.Resource,
    p: { naming: Naming; region: string; accountId: pulumi.Output<string>; provider: aws.Provider; protection: Protection },
): aws.kms.Key {
    const names = kmsKeyNames(p.naming.prefix, ...objectStoreNames.replicaKey);
    const key = new aws.kms.Key(
        p.naming.name(...names.key),
        {
            description: replicaKeyDescription(p.naming.prefix, p.region),
            ...KEY_SETTINGS,
            deletionWindowInDays: REPLICA_KEY_DELETION_WINDOW_DAYS,
            policy: p.accountId.apply((accountId) => policyDocument(replicaKeyPolicyStatements({ accountId, region: p.region }))),
        },
        { parent, provider: p.provider, protect: statefulOptions(p.protection).protect },
    );
    new aws.kms.Alias(p.naming.name(...names.alias), { name: names.aliasName, targetKeyId: key.keyId }, { parent, provider: p.provider });
    return key;
}

export interface ReplicationArgs {
    naming: Naming;
    key: string;
    source: SecureBucket;
    replica: SecureBucket;
    sourceRegion: string;
    sourceKmsKeyArn: pulumi.Input<string>;
    replicaRegion: string;
    replicaKmsKeyArn: pulumi.Output<string>;
    protection: Protection;
}

/** The replication role, its policy and the replication configuration of one bucket. */
export function replication(parent: pulumi.Resource, r: ReplicationArgs): aws.s3.BucketReplicationConfig {
    const n = r.naming;
    const role = new aws.iam.Role(
        n.autoNamed("iamRole", ...objectStoreNames.replicationRole(r.key)),
        { assumeRolePolicy: serviceAssumeRolePolicy("s3.amazonaws.com"), description: replicationRoleDescription(r.key, r.replicaRegion) },
        { parent },
    );
    const sourceArn = r.source.bucket.arn;
    const replicaArn = r.replica.bucket.arn;
    const policy = pulumi
        .all([sourceArn, replicaArn, r.sourceKmsKeyArn, r.replicaKmsKeyArn])
        .apply(([sourceBucketArn, replicaBucketArn, sourceKmsKeyArn, replicaKmsKeyArn]) =>
            policyDocument(
                replicationRolePolicyStatements({
                    sourceBucketArn,
                    replicaBucketArn,
                    sourceKmsKeyArn,
                    sourceRegion: r.sourceRegion,
                    replicaKmsKeyArn,
                    replicaRegion: r.replicaRegion,
                }),
            ),
        );
    const rolePolicy = new aws.iam.RolePolicy(n.name(...objectStoreNames.replicationRole(r.key)), { role: role.id, policy }, { parent });
    return new aws.s3.BucketReplicationConfig(
        n.name(r.key),
        {
            bucket: r.source.bucket.id,
            role: role.arn,
            rules: replicationRules({ replicaRegion: r.replicaRegion, replicaBucketArn: replicaArn, replicaKmsKeyArn: r.replicaKmsKeyArn }),
        },
        {
            parent,
            retainOnDelete: statefulOptions(r.protection).retainOnDelete,
            // A replica of object-locked objects needs object lock on at the destination first.
            dependsOn: [r.source.versioning, r.replica.versioning, ...(r.replica.objectLock ? [r.replica.objectLock] : []), rolePolicy],
        },
    );
}
