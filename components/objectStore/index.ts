import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { albAccessLogStatements } from "../catalogue/elb";
import type { BaseArgs } from "../base";
import type { KmsKeyArns } from "../kms";
import { statefulOptions } from "../base";
import { createAwsProvider } from "../providers";
import type { ObjectStoreSettings } from "../config/objectStore";
import {
    accessLogDeliveryStatement,
    accessLoggingOf,
    accessLogLifecycle,
    bucketTags,
    lifecycleRules,
    objectLockConfiguration,
    replicaObjectLockConfiguration,
} from "./bucket";
import { objectStoreNames } from "./names";
import { resolveReplicationRegion } from "./replication";
import type { SecureBucket } from "./resources";
import { replicaKey, replication, secureBucket } from "./resources";

export * from "./bucket";
export * from "./names";
export * from "./replication";

export interface ObjectStoreArgs extends BaseArgs, ObjectStoreSettings {
    /** The stack's region (aws:region). */
    region: string;
    /** The data key: default encryption of every data bucket, and the only key uploads may name. */
    kmsKeyArns: Pick<KmsKeyArns, "data">;
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

/**
 * S3 buckets with public access fully blocked, ACLs disabled (BucketOwnerEnforced), SSE-KMS with the data key and
 * bucket keys (SSE-C uploads blocked), versioning, lifecycle rules (abort incomplete uploads, noncurrent expiry,
 * transitions and expiry from config), a bucket policy that denies non-TLS and TLS < 1.2 requests and uploads with
 * another encryption or key, server access logging to a log bucket (when `accessLogs`), cross-region replication
 * with its own key and least-privilege role (buckets with `replicate`), and object lock where asked. Buckets are
 * never force-destroyed; with `protection` they are protected and retained on delete, and so are their security
 * settings, so a retained bucket stays private and encrypted. The settings are data (./bucket.ts, ./replication.ts).
 */
export class ObjectStore extends pulumi.ComponentResource {
    public readonly buckets: Record<string, BucketOutputs>;
    public readonly bucketResources: Record<string, aws.s3.Bucket>;
    public readonly accessLogBucket?: { bucket: pulumi.Output<string>; arn: pulumi.Output<string> };
    /** The access-log bucket's policy: a load balancer writing there waits for it (the controller checks access). */
    public readonly accessLogBucketPolicy?: aws.s3.BucketPolicy;
    /** Region of the replica buckets, if any bucket replicates. */
    public readonly replicationRegion?: string;
    /** Provider of the replication region, if any bucket replicates. */
    public readonly replicaProvider?: aws.Provider;

    constructor(name: string, args: ObjectStoreArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:objectStore:ObjectStore", name, {}, opts);
        const n = args.naming;
        const protection = args.protection;
        const stateful = statefulOptions(protection);
        const replicated = Object.entries(args.buckets).filter(([, b]) => b.replicate);
        if (replicated.length > 0) this.replicationRegion = resolveReplicationRegion(args.region, args.replicationRegion);
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;

        // The data buckets.
        const created: Record<string, SecureBucket> = {};
        for (const [key, settings] of Object.entries(args.buckets)) {
            created[key] = secureBucket(this, n.autoNamed("s3Bucket", ...objectStoreNames.bucket(key)), {
                tags: bucketTags("data", settings.classification),
                kmsKeyArn: args.kmsKeyArns.data,
                objectLock: settings.objectLock ? objectLockConfiguration(settings.objectLock) : undefined,
                lifecycle: lifecycleRules(settings.lifecycle),
                protection,
            });
        }

        // Server access logs: one SSE-S3 log bucket (S3 cannot deliver access logs to SSE-KMS buckets).
        if (args.accessLogs && Object.keys(created).length > 0) {
            const sourceArns = pulumi.all(Object.values(created).map((c) => c.bucket.arn));
            const logs = secureBucket(this, n.autoNamed("s3Bucket", ...objectStoreNames.accessLogBucket), {
                tags: bucketTags("accessLogs"),
                kmsKeyArn: undefined,
                lifecycle: lifecycleRules(accessLogLifecycle(args.accessLogRetentionDays)),
                policyStatements: (arn) =>
                    pulumi.all([arn, accountId, sourceArns]).apply(([logArn, account, sources]) => [
                        accessLogDeliveryStatement(logArn, account, sources),
                        // ALB access logs of the services' load balancers (under alb/<group>/).
                        ...albAccessLogStatements({ bucketArn: logArn, accountId: account, region: args.region }),
                    ]),
                protection,
            });
            this.accessLogBucket = { bucket: logs.bucket.bucket, arn: logs.bucket.arn };
            this.accessLogBucketPolicy = logs.policy;
            for (const [key, c] of Object.entries(created)) {
                new aws.s3.BucketLogging(
                    n.name(key),
                    { bucket: c.bucket.id, targetBucket: logs.bucket.bucket, ...accessLoggingOf(key) },
                    { parent: this, retainOnDelete: stateful.retainOnDelete, dependsOn: [logs.policy] },
                );
            }
        }

        // Cross-region replication: a provider, a key, a replica bucket and a role in/for the replication region.
        const replicas: Record<string, BucketOutputs["replica"]> = {};
        if (this.replicationRegion) {
            const replicaRegion = this.replicationRegion;
            const provider = createAwsProvider(
                n.name(...objectStoreNames.replicaProvider),
                { region: replicaRegion, defaultTags: args.defaultTags, allowedAccountIds: args.allowedAccountIds },
                { parent: this },
            );
            this.replicaProvider = provider;
            const key = replicaKey(this, { naming: n, region: replicaRegion, accountId, provider, protection });
            for (const [bucketKey, settings] of replicated) {
                const replica = secureBucket(this, n.autoNamed("s3Bucket", ...objectStoreNames.replicaBucket(bucketKey)), {
                    tags: bucketTags("replica", settings.classification),
                    kmsKeyArn: key.arn,
                    objectLock: settings.objectLock ? replicaObjectLockConfiguration() : undefined,
                    lifecycle: lifecycleRules(settings.lifecycle),
                    provider,
                    protection,
                });
                replication(this, {
                    naming: n,
                    key: bucketKey,
                    source: created[bucketKey],
                    replica,
                    sourceRegion: args.region,
                    sourceKmsKeyArn: args.kmsKeyArns.data,
                    replicaRegion,
                    replicaKmsKeyArn: key.arn,
                    protection,
                });
                replicas[bucketKey] = { bucket: replica.bucket.bucket, arn: replica.bucket.arn, region: replicaRegion, kmsKeyArn: key.arn };
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
}
