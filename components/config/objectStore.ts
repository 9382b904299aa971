import { z } from "zod";
import { AWS_REGIONS, REPLICATION_REGION_PAIRS } from "../catalogue/regions";
import { catalogueValue } from "./catalogueValue";
import type { Environment, PerEnvironment } from "./environment";
import { dataClassification } from "./common";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";
import type { DataClassification } from "../tags";

/**
 * S3 storage classes a lifecycle rule may move objects to, in the order S3's transition "waterfall" allows
 * (an object only ever moves right: https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html).
 */
export const S3_TRANSITION_STORAGE_CLASSES = [
    "STANDARD_IA",
    "INTELLIGENT_TIERING",
    "ONEZONE_IA",
    "GLACIER_IR",
    "GLACIER",
    "DEEP_ARCHIVE",
] as const;
export type S3TransitionStorageClass = (typeof S3_TRANSITION_STORAGE_CLASSES)[number];

/** S3 moves objects to the infrequent-access classes no earlier than 30 days after creation, and keeps them there 30 days. */
const IA_CLASSES: readonly string[] = ["STANDARD_IA", "ONEZONE_IA"];
const IA_MINIMUM_DAYS = 30;

export const OBJECT_LOCK_MODES = ["GOVERNANCE", "COMPLIANCE"] as const;

import { ACCESS_LOG_BUCKET_KEY, AUDIT_BUCKET_KEY, REPLICA_SUFFIX } from "../objectStore/names";

export { ACCESS_LOG_BUCKET_KEY, REPLICA_SUFFIX } from "../objectStore/names";

/** Retention in days covering whole calendar years (leap days included): 7 years = 2557 days. */
export function yearsInDays(years: number): number {
    return 365 * years + Math.ceil(years / 4);
}

/** Bucket keys become part of S3 bucket names: lower-case letters, digits and single hyphens. */
const BUCKET_KEY = /^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;

interface BucketDefaults {
    classification: DataClassification;
    lifecycle: { transitions: Array<{ days: number; storageClass: S3TransitionStorageClass }>; expirationDays: number };
    objectLock?: { mode: (typeof OBJECT_LOCK_MODES)[number]; days: number };
}

interface ObjectStoreDefaults {
    /** Buckets of the default stacks and their data retention policy. */
    buckets: Record<string, BucketDefaults>;
    noncurrentVersionExpirationDays: number;
    replicate: boolean;
    accessLogs: boolean;
    accessLogRetentionDays: number;
}

/**
 * The default stacks' data retention: user data 7 years (secure wipe = expiry of every version), audit logs
 * 10 years in encrypted cold storage (object lock in prod), workflow results 5 years.
 */
function defaultBuckets(objectLock: boolean): Record<string, BucketDefaults> {
    return {
        "user-data": {
            classification: "restricted",
            lifecycle: {
                transitions: [
                    { days: 90, storageClass: "STANDARD_IA" },
                    { days: 365, storageClass: "GLACIER_IR" },
                ],
                expirationDays: yearsInDays(7),
            },
        },
        "audit-logs": {
            classification: "confidential",
            lifecycle: {
                transitions: [
                    { days: 30, storageClass: "GLACIER_IR" },
                    { days: 365, storageClass: "DEEP_ARCHIVE" },
                ],
                expirationDays: yearsInDays(10),
            },
            ...(objectLock ? { objectLock: { mode: "GOVERNANCE" as const, days: yearsInDays(10) } } : {}),
        },
        "workflow-results": {
            classification: "confidential",
            lifecycle: {
                transitions: [
                    { days: 90, storageClass: "STANDARD_IA" },
                    { days: 365, storageClass: "GLACIER_IR" },
                ],
                expirationDays: yearsInDays(5),
            },
        },
    };
}

const defaults: PerEnvironment<ObjectStoreDefaults> = {
    dev: {
        buckets: defaultBuckets(false),
        noncurrentVersionExpirationDays: 7,
        replicate: false,
        accessLogs: false,
        accessLogRetentionDays: 30,
    },
    staging: {
        buckets: defaultBuckets(false),
        noncurrentVersionExpirationDays: 30,
        replicate: false,
        accessLogs: true,
        accessLogRetentionDays: 90,
    },
    prod: {
        buckets: defaultBuckets(true),
        noncurrentVersionExpirationDays: 90,
        replicate: true,
        accessLogs: true,
        accessLogRetentionDays: 365,
    },
};

/** The lifecycle rules of a bucket (also the audit bucket's, strata:audit.bucket.lifecycle). */
export function lifecycleSchema(d: Pick<ObjectStoreDefaults, "noncurrentVersionExpirationDays">) {
    return z
        .object({
            transitions: allowed(
                z
                    .array(
                        z
                            .object({
                                days: allowed(
                                    z.number().int().min(0),
                                    "integer >= 0; at least 30 for STANDARD_IA and ONEZONE_IA, later than the previous transition",
                                ).describe("Days after creation at which objects move."),
                                storageClass: z.enum(S3_TRANSITION_STORAGE_CLASSES).describe("Storage class the objects move to."),
                            })
                            .strict(),
                    )
                    .max(S3_TRANSITION_STORAGE_CLASSES.length)
                    .default([])
                    .describe("Storage class transitions of current versions, in waterfall order with increasing days."),
                `up to ${S3_TRANSITION_STORAGE_CLASSES.length} transitions down S3's waterfall (${S3_TRANSITION_STORAGE_CLASSES.join(" -> ")}), days increasing`,
            ),
            expirationDays: allowed(
                z.number().int().min(1),
                "integer >= 1, later than the last transition and at least the object lock days",
            )
                .optional()
                .describe("Current versions expire (become noncurrent) this many days after creation; unset: kept until deleted."),
            noncurrentVersionExpirationDays: z
                .number()
                .int()
                .min(1)
                .default(d.noncurrentVersionExpirationDays)
                .describe("Noncurrent versions (overwritten or deleted objects) are removed this many days later."),
            abortIncompleteMultipartUploadDays: z
                .number()
                .int()
                .min(1)
                .max(365)
                .default(7)
                .describe("Parts of multipart uploads never completed are removed after this many days."),
        })
        .strict()
        .superRefine((l, ctx) => {
            let previous: { days: number; storageClass: string; index: number } | undefined;
            l.transitions.forEach((t, i) => {
                const rank = S3_TRANSITION_STORAGE_CLASSES.indexOf(t.storageClass);
                if (IA_CLASSES.includes(t.storageClass) && t.days < IA_MINIMUM_DAYS) {
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["transitions", i, "days"],
                        message: `is too early for ${t.storageClass}; S3 moves objects there no earlier than ${IA_MINIMUM_DAYS} days after creation`,
                    });
                }
                if (previous) {
                    if (rank <= S3_TRANSITION_STORAGE_CLASSES.indexOf(previous.storageClass as S3TransitionStorageClass)) {
                        ctx.addIssue({
                            code: z.ZodIssueCode.custom,
                            path: ["transitions", i, "storageClass"],
                            message: `cannot follow ${previous.storageClass}; transitions must go down S3's waterfall: ${S3_TRANSITION_STORAGE_CLASSES.join(" -> ")}`,
                        });
                    }
                    const gap = IA_CLASSES.includes(previous.storageClass) ? IA_MINIMUM_DAYS : 1;
                    if (t.days < previous.days + gap) {
                        ctx.addIssue({
                            code: z.ZodIssueCode.custom,
                            path: ["transitions", i, "days"],
                            message: `must be at least ${previous.days + gap} (${gap === 1 ? "later than" : `${gap} days after`} the transition to ${previous.storageClass} at day ${previous.days})`,
                        });
                    }
                }
                previous = { days: t.days, storageClass: t.storageClass, index: i };
            });
            if (l.expirationDays !== undefined && previous && l.expirationDays <= previous.days) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["expirationDays"],
                    message: `must be later than the last transition (day ${previous.days}, to ${previous.storageClass})`,
                });
            }
        });
}

/** Object lock (WORM) default retention of a bucket. */
export function objectLockSchema() {
    return z
        .object({
            mode: z
                .enum(OBJECT_LOCK_MODES)
                .describe("GOVERNANCE (users with a special permission may shorten it) or COMPLIANCE (no one can)."),
            days: z.number().int().min(1).max(36500).describe("Default retention of every new object version, in days."),
        })
        .strict();
}

function bucketSchema(d: ObjectStoreDefaults) {
    return z
        .object({
            classification: dataClassification.describe("DataClassification tag of the bucket (and its replica)."),
            lifecycle: lifecycleSchema(d)
                .default({})
                .describe("Lifecycle rules: transitions, expiry of current and noncurrent versions, incomplete uploads."),
            objectLock: objectLockSchema()
                .optional()
                .describe(
                    "Object lock (WORM) default retention. Can be switched on for an existing bucket (the bucket stays; S3 keeps object lock on for good once enabled); removing it drops the default retention only.",
                ),
            replicate: z
                .boolean()
                .default(d.replicate)
                .describe("Replicate to `strata:objectStore.replicationRegion` (own bucket, key and role there)."),
        })
        .strict();
}

/**
 * `strata:objectStore`: S3 buckets keyed by name (the key becomes part of the bucket name), access logging and
 * cross-region replication. Every bucket is private, versioned, SSE-KMS encrypted with the data key and TLS-only
 * whatever the config says; config decides retention, classification, object lock and replication.
 */
export function objectStoreSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            buckets: allowed(
                z
                    .record(
                        z.string(),
                        bucketSchema(d).describe("One bucket: private, versioned, SSE-KMS and TLS-only whatever its settings."),
                    )
                    .default(d.buckets)
                    .describe("S3 buckets by key; the key becomes part of the bucket name. Setting it replaces the environment's buckets."),
                `keys of 3 or more lower-case letters, digits and single hyphens, starting and ending with a letter or digit; not "${ACCESS_LOG_BUCKET_KEY}" or "${AUDIT_BUCKET_KEY}", nor ending in "-${REPLICA_SUFFIX}"`,
            ),
            accessLogs: z
                .boolean()
                .default(d.accessLogs)
                .describe("S3 server access logs of every bucket, to a dedicated log bucket (SSE-S3)."),
            accessLogRetentionDays: z
                .number()
                .int()
                .min(1)
                .default(d.accessLogRetentionDays)
                .describe("Days the access log bucket keeps logs."),
            replicationRegion: allowed(
                catalogueValue(AWS_REGIONS, "AWS region"),
                "an AWS region name other than aws:region; required when a bucket replicates and aws:region has no default pair",
            )
                .optional()
                .describe("Region of the replica buckets; unset: the region paired with aws:region (docs/components/object-store.md)."),
        })
        .strict()
        .superRefine((o, ctx) => {
            for (const key of Object.keys(o.buckets)) {
                if (!BUCKET_KEY.test(key) || key.length < 3) {
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["buckets", key],
                        message: `!bucket key ${JSON.stringify(key)} is not allowed; bucket keys become part of S3 bucket names: 3 or more lower-case letters, digits and single hyphens, starting and ending with a letter or digit`,
                    });
                } else if (key === ACCESS_LOG_BUCKET_KEY || key === AUDIT_BUCKET_KEY || key.endsWith(`-${REPLICA_SUFFIX}`)) {
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["buckets", key],
                        message: `!bucket key ${JSON.stringify(key)} is reserved (the object store names its access log bucket "${ACCESS_LOG_BUCKET_KEY}" and replicas "<key>-${REPLICA_SUFFIX}", strata:audit its bucket "${AUDIT_BUCKET_KEY}"); choose another key`,
                    });
                }
                const lock = o.buckets[key].objectLock;
                const expiration = o.buckets[key].lifecycle.expirationDays;
                if (lock && expiration !== undefined && expiration < lock.days) {
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["buckets", key, "lifecycle", "expirationDays"],
                        message: `is shorter than the object lock retention (${lock.days} days), so objects could not be removed when they expire; make it at least ${lock.days}`,
                    });
                }
            }
        })
        .default({})
        .describe("S3 buckets, access logs and replication. See docs/components/object-store.md.");
}
export type ObjectStoreSettings = z.output<ReturnType<typeof objectStoreSchema>>;
export type BucketSettings = ObjectStoreSettings["buckets"][string];

// The default replication pairs are a region fact: they live in the catalogue (re-exported for existing imports).
export { REPLICATION_REGION_PAIRS } from "../catalogue/regions";

// Names the object store derives from the config must fit S3 (63) and IAM (64) limits, with Pulumi's suffix.
export const objectStore = {
    schema: objectStoreSchema,
    checks: [
        sectionCheck<"objectStore">({
            name: "replicating buckets have a replication region other than aws:region",
            check: (settings, report, context) => {
                const o = settings.objectStore;
                if (!Object.values(o.buckets).some((b) => b.replicate)) return;
                const target = o.replicationRegion ?? REPLICATION_REGION_PAIRS[context.region];
                if (target === undefined) {
                    report(
                        ["objectStore", "replicationRegion"],
                        `!is required when a bucket replicates and aws:region is ${JSON.stringify(context.region)} (no default pair for it); set another AWS region, e.g. us-west-2`,
                    );
                } else if (target === context.region) {
                    report(
                        ["objectStore", "replicationRegion"],
                        `${JSON.stringify(target)} is the stack's own region (aws:region); cross-region replication needs another region`,
                    );
                }
            },
        }),
        sectionCheck<"objectStore">({
            name: "bucket, replica, access-log bucket and replication role names fit S3 and IAM limits",
            check: (settings, report, { naming }) => {
                const o = settings.objectStore;
                for (const [key, bucket] of Object.entries(o.buckets)) {
                    const path = ["objectStore", "buckets", key];
                    checkName(naming, report, path, () => naming.autoNamed("s3Bucket", key));
                    if (bucket.replicate) {
                        checkName(naming, report, path, () => naming.autoNamed("s3Bucket", key, REPLICA_SUFFIX));
                        checkName(naming, report, path, () => naming.autoNamed("iamRole", key, "replication"));
                    }
                }
                if (o.accessLogs)
                    checkName(naming, report, ["objectStore", "accessLogs"], () => naming.autoNamed("s3Bucket", ACCESS_LOG_BUCKET_KEY));
            },
        }),
    ],
} satisfies Section<ReturnType<typeof objectStoreSchema>>;
