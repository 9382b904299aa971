import type { Inputs } from "../helpers";
import { STACKS, planOf, planOfFile, ofType, inputs, tempStackFile, configProblems, loadConfig } from "../helpers";
import type { PlanDocument, PlanResource } from "../../plan";
import { PlanConfigurationError } from "../../plan";
import { yearsInDays } from "../../components/config";
import { bucketPolicyStatements } from "../../components/objectStore";

/** Seed 000 "Data Retention Policies": years per kind of data. */
const SEED_RETENTION_YEARS: Record<string, number> = { "user-data": 7, "audit-logs": 10, "workflow-results": 5 };
const DATA_BUCKETS = Object.keys(SEED_RETENTION_YEARS);

type Stack = (typeof STACKS)[number];
interface Statement {
    Sid?: string;
    Effect: string;
    Principal?: unknown;
    Action: string | string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, unknown>>;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The bucket resource of a key (logical name `<prefix>-<key>`), in the stack's or the replica region. */
function bucketOf(plan: PlanDocument, key: string): PlanResource {
    const found = ofType(plan, "aws:s3/bucket:Bucket").filter((b) => b.name === `strata-${plan.stack}-${key}`);
    if (found.length !== 1) throw new Error(`expected one bucket ${key}, found ${found.length}`);
    return found[0];
}

/** The configuration resource of a type that is wired to this bucket (its `bucket` input comes from it). */
function configOf(plan: PlanDocument, bucket: PlanResource, type: string): PlanResource | undefined {
    const found = ofType(plan, type).filter((r) => (r.propertyDependencies.bucket ?? []).includes(bucket.urn));
    if (found.length > 1) throw new Error(`expected at most one ${type} for ${bucket.name}, found ${found.length}`);
    return found[0];
}

function mustConfigOf(plan: PlanDocument, bucket: PlanResource, type: string): Inputs {
    const r = configOf(plan, bucket, type);
    if (!r) throw new Error(`no ${type} for ${bucket.name}`);
    return inputs(r);
}

function statementsOf(plan: PlanDocument, bucket: PlanResource): Statement[] {
    return JSON.parse(mustConfigOf(plan, bucket, "aws:s3/bucketPolicy:BucketPolicy").policy).Statement as Statement[];
}

function outputsOf(plan: PlanDocument) {
    return {
        buckets: plan.outputs.buckets as Record<
            string,
            { bucket: string; arn: string; replica?: { bucket: string; arn: string; region: string } }
        >,
        accessLogBucket: plan.outputs.accessLogBucket as { bucket: string; arn: string } | undefined,
        dataKeyArn: (plan.outputs.kmsKeyArns as Record<string, string>).data,
    };
}

/** Every bucket the stack creates: data buckets, the access log bucket, replicas. */
const allBuckets = (plan: PlanDocument) => ofType(plan, "aws:s3/bucket:Bucket");
const isAccessLogBucket = (b: PlanResource) => inputs(b).tags?.Purpose === "access-logs";
const isReplica = (b: PlanResource) => inputs(b).tags?.Purpose === "replica";

describe.each(STACKS)("object store in %s", (stack: Stack) => {
    test("the seed 000 buckets exist, with their DataClassification tag, never force-destroyed", async () => {
        const plan = await planOf(stack);
        const { buckets } = outputsOf(plan);
        expect(Object.keys(buckets).sort()).toEqual([...DATA_BUCKETS].sort());
        expect(inputs(bucketOf(plan, "user-data")).tags.DataClassification).toBe("restricted");
        expect(inputs(bucketOf(plan, "audit-logs")).tags.DataClassification).toBe("confidential");
        expect(inputs(bucketOf(plan, "workflow-results")).tags.DataClassification).toBe("confidential");
        for (const b of allBuckets(plan)) {
            expect(inputs(b).forceDestroy).toBe(false);
            expect(["public", "internal", "confidential", "restricted"]).toContain(inputs(b).tags.DataClassification);
            // Auto-named (globally unique) within S3's 63 characters, Pulumi's 8-character suffix included.
            expect(inputs(b).bucket).toBeUndefined();
            expect(b.name.length + 8).toBeLessThanOrEqual(63);
        }
        for (const [key, out] of Object.entries(buckets)) {
            expect(out.bucket).toMatch(new RegExp(`^strata-${stack}-${key}-[0-9a-f]{7}$`));
            expect(out.arn).toBe(`arn:aws:s3:::${out.bucket}`);
        }
    });

    test("every bucket blocks public access (all four flags) and disables ACLs", async () => {
        const plan = await planOf(stack);
        expect(allBuckets(plan).length).toBeGreaterThanOrEqual(DATA_BUCKETS.length);
        for (const b of allBuckets(plan)) {
            const pab = mustConfigOf(plan, b, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
            expect(pab).toMatchObject({
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            });
            const own = mustConfigOf(plan, b, "aws:s3/bucketOwnershipControls:BucketOwnershipControls");
            expect(own.rule.objectOwnership).toBe("BucketOwnerEnforced");
        }
    });

    test("data buckets use SSE-KMS with the data key and bucket keys; the access log bucket uses SSE-S3 (AES256)", async () => {
        const plan = await planOf(stack);
        const { dataKeyArn } = outputsOf(plan);
        expect(dataKeyArn).toMatch(/^arn:aws:kms:/);
        for (const key of DATA_BUCKETS) {
            const sse = mustConfigOf(
                plan,
                bucketOf(plan, key),
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            );
            expect(sse.rules).toHaveLength(1);
            expect(sse.rules[0].applyServerSideEncryptionByDefault).toEqual({ sseAlgorithm: "aws:kms", kmsMasterKeyId: dataKeyArn });
            expect(sse.rules[0].bucketKeyEnabled).toBe(true);
            expect(sse.rules[0].blockedEncryptionTypes).toEqual(["SSE-C"]);
        }
        for (const b of allBuckets(plan)) {
            const rule = mustConfigOf(plan, b, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")
                .rules[0];
            if (isAccessLogBucket(b)) expect(rule.applyServerSideEncryptionByDefault).toEqual({ sseAlgorithm: "AES256" });
            else expect(rule.applyServerSideEncryptionByDefault.sseAlgorithm).toBe("aws:kms");
        }
    });

    test("every bucket is versioned", async () => {
        const plan = await planOf(stack);
        for (const b of allBuckets(plan)) {
            expect(mustConfigOf(plan, b, "aws:s3/bucketVersioning:BucketVersioning").versioningConfiguration.status).toBe("Enabled");
        }
    });

    test("every bucket policy is the spec's: TLS only; data buckets also SSE-KMS uploads with the data key only", async () => {
        const plan = await planOf(stack);
        const { buckets, dataKeyArn } = outputsOf(plan);
        for (const key of DATA_BUCKETS) {
            expect(statementsOf(plan, bucketOf(plan, key))).toEqual(
                bucketPolicyStatements({ bucketArn: buckets[key].arn, kmsKeyArn: dataKeyArn }),
            );
        }
        for (const b of allBuckets(plan)) {
            // Nothing in any bucket policy grants access to everyone.
            for (const s of statementsOf(plan, b).filter((s) => s.Effect === "Allow")) expect(s.Principal).not.toBe("*");
        }
    });

    test("the bucket policy waits for the public access block (S3 rejects concurrent changes)", async () => {
        const plan = await planOf(stack);
        for (const b of allBuckets(plan)) {
            const policy = configOf(plan, b, "aws:s3/bucketPolicy:BucketPolicy")!;
            const pab = configOf(plan, b, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")!;
            expect(policy.dependencies).toContain(pab.urn);
        }
    });

    test("lifecycle rules follow seed 000 retention: transitions, expiry, noncurrent expiry, abandoned uploads", async () => {
        const plan = await planOf(stack);
        const noncurrent = { dev: 7, staging: 30, prod: 90 }[stack];
        for (const key of DATA_BUCKETS) {
            const b = bucketOf(plan, key);
            const lc = configOf(plan, b, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")!;
            const rules = inputs(lc).rules as Inputs[];
            for (const r of rules) expect(r.status).toBe("Enabled");
            const abort = rules.find((r) => r.abortIncompleteMultipartUpload);
            expect(abort?.abortIncompleteMultipartUpload.daysAfterInitiation).toBe(7);
            const retention = rules.find((r) => r.id === "retention")!;
            const years = SEED_RETENTION_YEARS[key];
            expect(retention.expiration.days).toBe(yearsInDays(years));
            expect(retention.expiration.days).toBeGreaterThanOrEqual(365 * years + Math.floor(years / 4));
            expect(retention.noncurrentVersionExpiration.noncurrentDays).toBe(noncurrent);
            const transitions = retention.transitions as Array<{ days: number; storageClass: string }>;
            expect(transitions.length).toBeGreaterThan(0);
            expect(transitions.every((t) => t.days < retention.expiration.days)).toBe(true);
            // Noncurrent rules need versioning first.
            expect(lc.dependencies).toContain(configOf(plan, b, "aws:s3/bucketVersioning:BucketVersioning")!.urn);
        }
        const audit = (
            inputs(configOf(plan, bucketOf(plan, "audit-logs"), "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")!)
                .rules as Inputs[]
        ).find((r) => r.id === "retention")!;
        // Audit logs: encrypted cold storage.
        expect(audit.transitions.map((t: Inputs) => t.storageClass)).toContain("DEEP_ARCHIVE");
    });

    test(`server access logging: ${stack === "dev" ? "off" : "every data bucket logs to the SSE-S3 log bucket"}`, async () => {
        const plan = await planOf(stack);
        const { buckets, accessLogBucket } = outputsOf(plan);
        const logBuckets = allBuckets(plan).filter(isAccessLogBucket);
        if (stack === "dev") {
            expect(logBuckets).toHaveLength(0);
            expect(ofType(plan, "aws:s3/bucketLogging:BucketLogging")).toHaveLength(0);
            expect(accessLogBucket).toBeUndefined();
            return;
        }
        expect(logBuckets).toHaveLength(1);
        const logBucket = logBuckets[0];
        expect(accessLogBucket!.bucket).toMatch(/-access-logs-[0-9a-f]{7}$/);
        for (const key of DATA_BUCKETS) {
            const logging = configOf(plan, bucketOf(plan, key), "aws:s3/bucketLogging:BucketLogging")!;
            expect(inputs(logging).targetBucket).toBe(accessLogBucket!.bucket);
            expect(inputs(logging).targetPrefix).toBe(`${key}/`);
            expect(logging.dependencies).toContain(logBucket.urn);
        }
        // The log bucket admits S3 log delivery for this account's data buckets only.
        const delivery = statementsOf(plan, logBucket).find((s) => s.Effect === "Allow")!;
        expect(delivery.Principal).toEqual({ Service: "logging.s3.amazonaws.com" });
        expect(delivery.Action).toBe("s3:PutObject");
        expect(delivery.Resource).toBe(`${accessLogBucket!.arn}/*`);
        expect(delivery.Condition!.StringEquals["aws:SourceAccount"]).toBe("123456789012");
        expect([...(delivery.Condition!.ArnLike["aws:SourceArn"] as string[])].sort()).toEqual(
            DATA_BUCKETS.map((k) => buckets[k].arn).sort(),
        );
        // Its own lifecycle: logs expire.
        const rules = inputs(configOf(plan, logBucket, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")!)
            .rules as Inputs[];
        expect(rules.find((r) => r.id === "retention")!.expiration.days).toBe(stack === "prod" ? 365 : 90);
    });

    test(`cross-region replication: ${stack === "prod" ? "every data bucket, with its own key and role in the second region" : "none"}`, async () => {
        const plan = await planOf(stack);
        const providers = ofType(plan, "pulumi:providers:aws");
        const replications = ofType(plan, "aws:s3/bucketReplicationConfig:BucketReplicationConfig");
        if (stack !== "prod") {
            expect(replications).toHaveLength(0);
            expect(allBuckets(plan).filter(isReplica)).toHaveLength(0);
            expect(providers.filter((p) => p.name.endsWith("-aws-replica"))).toHaveLength(0);
            return;
        }
        const main = providers.find((p) => p.name === "strata-prod-aws")!;
        const replicaProvider = providers.find((p) => p.name === "strata-prod-aws-replica")!;
        expect(replicaProvider).toBeDefined();
        expect(inputs(replicaProvider).region).not.toBe(inputs(main).region);
        expect(inputs(replicaProvider).region).toBe("us-west-2"); // us-east-1's pair
        // The same default tags as the stack's provider.
        expect(JSON.parse(JSON.stringify(inputs(replicaProvider).defaultTags))).toEqual(
            JSON.parse(JSON.stringify(inputs(main).defaultTags)),
        );
        const onReplica = (r: PlanResource) => (r.provider ?? "").startsWith(`${replicaProvider.urn}::`);

        const replicaKeys = ofType(plan, "aws:kms/key:Key").filter(onReplica);
        expect(replicaKeys).toHaveLength(1);
        expect(inputs(replicaKeys[0]).enableKeyRotation).toBe(true);
        expect(replicaKeys[0].options.protect).toBe(true);

        expect(replications).toHaveLength(DATA_BUCKETS.length);
        for (const key of DATA_BUCKETS) {
            const source = bucketOf(plan, key);
            const replica = bucketOf(plan, `${key}-replica`);
            expect(onReplica(replica)).toBe(true);
            expect(onReplica(source)).toBe(false);
            expect(inputs(replica).tags.DataClassification).toBe(inputs(source).tags.DataClassification);
            // The replica is as locked down as the source, encrypted with the replica-region key.
            const sse = mustConfigOf(
                plan,
                replica,
                "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            );
            expect(sse.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm).toBe("aws:kms");
            expect(
                configOf(plan, replica, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")!
                    .dependencies,
            ).toContain(replicaKeys[0].urn);
            for (const t of [
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "aws:s3/bucketVersioning:BucketVersioning",
                "aws:s3/bucketPolicy:BucketPolicy",
            ]) {
                expect(onReplica(configOf(plan, replica, t)!)).toBe(true);
            }

            const rc = configOf(plan, source, "aws:s3/bucketReplicationConfig:BucketReplicationConfig")!;
            const rule = (inputs(rc).rules as Inputs[])[0];
            expect(rule.status).toBe("Enabled");
            expect(rule.sourceSelectionCriteria.sseKmsEncryptedObjects.status).toBe("Enabled");
            expect(rule.destination.bucket).toBe(outputsOf(plan).buckets[key].replica!.arn);
            expect(rule.destination.encryptionConfiguration.replicaKmsKeyId).toMatch(/^arn:aws:kms:/);
            expect(rc.propertyDependencies.rules).toContain(replicaKeys[0].urn);
            // Replication needs versioning on both sides first.
            expect(rc.dependencies).toContain(configOf(plan, source, "aws:s3/bucketVersioning:BucketVersioning")!.urn);
            expect(rc.dependencies).toContain(configOf(plan, replica, "aws:s3/bucketVersioning:BucketVersioning")!.urn);

            // A role per bucket, for S3 only, allowed exactly this source and this replica.
            const role = plan.resources.find((r) => rc.propertyDependencies.role?.includes(r.urn))!;
            expect(role.type).toBe("aws:iam/role:Role");
            expect(JSON.parse(inputs(role).assumeRolePolicy).Statement[0].Principal).toEqual({ Service: "s3.amazonaws.com" });
            const rolePolicy = ofType(plan, "aws:iam/rolePolicy:RolePolicy").find((p) => p.propertyDependencies.role?.includes(role.urn))!;
            const statements = JSON.parse(inputs(rolePolicy).policy).Statement as Statement[];
            const arns = outputsOf(plan).buckets[key];
            for (const s of statements) {
                expect(list(s.Action).some((a) => a.includes("*"))).toBe(false);
                for (const r of list(s.Resource)) expect(r).not.toBe("*");
            }
            const s3Resources = statements.filter((s) => list(s.Action).some((a) => a.startsWith("s3:"))).flatMap((s) => list(s.Resource));
            expect(new Set(s3Resources)).toEqual(new Set([arns.arn, `${arns.arn}/*`, `${arns.replica!.arn}/*`]));
        }
    });

    test(`object lock: ${stack === "prod" ? "audit logs are WORM for 10 years" : "off"}`, async () => {
        const plan = await planOf(stack);
        // The object store's locks (strata:audit's bucket has its own: tests/audit).
        const locks = ofType(plan, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration").filter((r) =>
            r.urn.includes("strata:objectStore:ObjectStore$"),
        );
        const audit = bucketOf(plan, "audit-logs");
        if (stack !== "prod") {
            expect(locks).toHaveLength(0);
            expect(inputs(audit).objectLockEnabled).toBeUndefined();
            return;
        }
        // Object lock comes from the configuration resources alone (the bucket's objectLockEnabled would force a new bucket).
        expect(inputs(audit).objectLockEnabled).toBeUndefined();
        const lock = mustConfigOf(plan, audit, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration");
        expect(lock.objectLockEnabled).toBe("Enabled");
        expect(lock.rule.defaultRetention).toEqual({ mode: "GOVERNANCE", days: yearsInDays(10) });
        // S3 requires object lock on the destination of replicated object-locked objects; replicas keep their source's retention.
        const replica = bucketOf(plan, "audit-logs-replica");
        expect(inputs(replica).objectLockEnabled).toBeUndefined();
        const replicaLock = mustConfigOf(plan, replica, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration");
        expect([replicaLock.objectLockEnabled, replicaLock.rule]).toEqual(["Enabled", undefined]);
        expect(locks).toHaveLength(2);
    });

    test(`data protection: ${stack === "prod" ? "buckets protected and retained, with their settings" : "not protected"}`, async () => {
        const plan = await planOf(stack);
        for (const b of allBuckets(plan)) {
            expect(b.options.protect).toBe(stack === "prod");
            expect(b.options.retainOnDelete).toBe(stack === "prod");
            const pab = configOf(plan, b, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")!;
            expect(pab.options.retainOnDelete).toBe(stack === "prod");
        }
    });

    test("nothing in the object store or the queues depends on EKS or Kubernetes", async () => {
        const plan = await planOf(stack);
        const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
        const mine = plan.resources.filter((r) => /strata:objectStore:ObjectStore|strata:queue:Queue/.test(r.urn));
        expect(mine.length).toBeGreaterThan(0);
        for (const r of mine) {
            const seen = new Set<string>();
            const stackDeps = [...r.dependencies];
            while (stackDeps.length > 0) {
                const urn = stackDeps.pop()!;
                if (seen.has(urn)) continue;
                seen.add(urn);
                expect(urn).not.toMatch(/aws:eks|kubernetes:|strata:cluster/);
                stackDeps.push(...(byUrn.get(urn)?.dependencies ?? []));
            }
        }
    });
});

describe("object store config", () => {
    const raw = (env: string, objectStore: unknown): Record<string, string> => ({
        "aws:region": "us-east-1",
        "strata:environment": env,
        "strata:objectStore": JSON.stringify(objectStore),
    });
    const problemsOf = (env: string, objectStore: unknown) => configProblems(raw(env, objectStore));

    test("a stack's own bucket gets the environment's defaults", () => {
        const cfg = loadConfig(raw("prod", { buckets: { uploads: { classification: "internal" } } }));
        expect(cfg.objectStore.buckets).toEqual({
            uploads: {
                classification: "internal",
                replicate: true,
                lifecycle: { transitions: [], noncurrentVersionExpirationDays: 90, abortIncompleteMultipartUploadDays: 7 },
            },
        });
        expect(cfg.objectStore.accessLogs).toBe(true);
    });

    test("bad bucket keys name the key, the value and what is allowed", () => {
        expect(problemsOf("dev", { buckets: { User_Data: { classification: "internal" } } })).toEqual([
            expect.stringMatching(
                /^strata:objectStore\.buckets\.User_Data: bucket key "User_Data" is not allowed; .*lower-case letters, digits and single hyphens/,
            ),
        ]);
        expect(problemsOf("dev", { buckets: { "access-logs": { classification: "internal" } } })[0]).toMatch(
            /^strata:objectStore\.buckets\.access-logs: bucket key "access-logs" is reserved/,
        );
    });

    test("names over S3's 63 characters (with Pulumi's suffix) are caught up front", () => {
        const key = "a-bucket-key-long-enough-to-break-the-s3-name-limit";
        const problems = problemsOf("prod", { buckets: { [key]: { classification: "internal" } } });
        expect(problems[0]).toMatch(
            new RegExp(
                `^strata:objectStore\\.buckets\\.${key}: gives the s3Bucket name "strata-prod-${key}-xxxxxxx" \\(\\d+ characters, AWS allows 63\\)`,
            ),
        );
    });

    test("lifecycle rules are checked against S3's rules", () => {
        const problems = problemsOf("dev", {
            buckets: {
                docs: {
                    classification: "internal",
                    lifecycle: {
                        transitions: [
                            { days: 10, storageClass: "STANDARD_IA" },
                            { days: 20, storageClass: "STANDARD_IA" },
                            { days: 400, storageClass: "TAPE" },
                        ],
                        expirationDays: 300,
                    },
                },
            },
        });
        expect(problems).toEqual(
            expect.arrayContaining([
                expect.stringMatching(
                    /^strata:objectStore\.buckets\.docs\.lifecycle\.transitions\[2\]\.storageClass: "TAPE" is not allowed; expected one of: "STANDARD_IA"/,
                ),
            ]),
        );
        const ordered = problemsOf("dev", {
            buckets: {
                docs: {
                    classification: "internal",
                    lifecycle: {
                        transitions: [
                            { days: 10, storageClass: "STANDARD_IA" },
                            { days: 20, storageClass: "STANDARD_IA" },
                        ],
                        expirationDays: 15,
                    },
                },
            },
        });
        expect(ordered).toEqual([
            "strata:objectStore.buckets.docs.lifecycle.transitions[0].days: 10 is too early for STANDARD_IA; S3 moves objects there no earlier than 30 days after creation",
            "strata:objectStore.buckets.docs.lifecycle.transitions[1].days: 20 is too early for STANDARD_IA; S3 moves objects there no earlier than 30 days after creation",
            expect.stringMatching(
                /^strata:objectStore\.buckets\.docs\.lifecycle\.transitions\[1\]\.storageClass: "STANDARD_IA" cannot follow STANDARD_IA; transitions must go down S3's waterfall/,
            ),
            "strata:objectStore.buckets.docs.lifecycle.transitions[1].days: 20 must be at least 40 (30 days after the transition to STANDARD_IA at day 10)",
            "strata:objectStore.buckets.docs.lifecycle.expirationDays: 15 must be later than the last transition (day 20, to STANDARD_IA)",
        ]);
    });

    test("object lock retention longer than the expiry, unknown keys and bad classifications are reported", () => {
        const problems = problemsOf("prod", {
            buckets: {
                audit: {
                    classification: "secret",
                    objectLock: { mode: "COMPLIANCE", days: 3653 },
                    lifecycle: { expirationDays: 365 },
                    versioning: false,
                },
            },
        });
        expect(problems).toEqual(
            expect.arrayContaining([
                expect.stringMatching(
                    /^strata:objectStore\.buckets\.audit\.classification: "secret" is not allowed; expected one of: "public", "internal", "confidential", "restricted"/,
                ),
                expect.stringMatching(
                    /^strata:objectStore\.buckets\.audit\.versioning: unknown key; allowed keys: classification, lifecycle, objectLock, replicate/,
                ),
            ]),
        );
        const lock = problemsOf("prod", {
            buckets: {
                audit: { classification: "internal", objectLock: { mode: "COMPLIANCE", days: 3653 }, lifecycle: { expirationDays: 365 } },
            },
        });
        expect(lock).toEqual([
            "strata:objectStore.buckets.audit.lifecycle.expirationDays: 365 is shorter than the object lock retention (3653 days), so objects could not be removed when they expire; make it at least 3653",
        ]);
    });

    test("through the plan: a bad bucket fails before any resource is registered", async () => {
        const file = tempStackFile(
            "bad-bucket",
            [
                "config:",
                "  aws:region: us-east-1",
                "  strata:environment: staging",
                "  strata:objectStore:",
                "    buckets:",
                "      Reports:",
                "        classification: internal",
                "",
            ].join("\n"),
        );
        const err = await planOfFile(file).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(PlanConfigurationError);
        expect((err as PlanConfigurationError).problems).toEqual([
            expect.stringMatching(/^strata:objectStore\.buckets\.Reports: bucket key "Reports" is not allowed/),
        ]);
        expect((err as PlanConfigurationError).registered).toEqual([]);
    });

    test("through the plan: a replication region equal to the stack's region is refused", async () => {
        const file = tempStackFile(
            "same-region",
            [
                "config:",
                "  aws:region: us-east-1",
                "  strata:environment: prod",
                "  strata:objectStore:",
                "    replicationRegion: us-east-1",
                "",
            ].join("\n"),
        );
        const err = await planOfFile(file).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(PlanConfigurationError);
        expect((err as PlanConfigurationError).problems).toEqual([
            `strata:objectStore.replicationRegion: "us-east-1" is the stack's own region (aws:region); cross-region replication needs another region`,
        ]);
    });
});
