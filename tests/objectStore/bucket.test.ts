import fc from "fast-check";
import {
    ACCESS_LOG_PURPOSE_TAG,
    accessLogDeliveryStatement,
    accessLoggingOf,
    accessLogLifecycle,
    bucketPolicyStatements,
    bucketTags,
    encryptionRule,
    kmsOnlyUploadStatements,
    lifecycleRules,
    objectLockConfiguration,
    replicaObjectLockConfiguration,
    PUBLIC_ACCESS_BLOCK,
    REPLICA_PURPOSE_TAG,
    tlsOnlyStatements,
} from "../../components/objectStore/bucket";

const ARN = "arn:aws:s3:::strata-prod-user-data-abc1234";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/data";

describe("lifecycleRules", () => {
    const settings = {
        transitions: [
            { days: 90, storageClass: "STANDARD_IA" as const },
            { days: 365, storageClass: "GLACIER_IR" as const },
        ],
        expirationDays: 2557,
        noncurrentVersionExpirationDays: 90,
        abortIncompleteMultipartUploadDays: 7,
    };

    test("two enabled rules over every object: housekeeping first, then retention", () => {
        const rules = lifecycleRules(settings);
        expect(rules.map((r) => [r.id, r.status, r.filter])).toEqual([
            ["abort-incomplete-uploads-and-expired-delete-markers", "Enabled", {}],
            ["retention", "Enabled", {}],
        ]);
        expect(rules[0].abortIncompleteMultipartUpload).toEqual({ daysAfterInitiation: 7 });
        expect(rules[0].expiration).toEqual({ expiredObjectDeleteMarker: true });
        expect(rules[1].transitions).toEqual(settings.transitions);
        expect(rules[1].expiration).toEqual({ days: 2557 });
        expect(rules[1].noncurrentVersionExpiration).toEqual({ noncurrentDays: 90 });
    });

    test.each([
        ["no transitions", { ...settings, transitions: [] }, "transitions", undefined],
        ["no expiry", { ...settings, expirationDays: undefined }, "expiration", undefined],
    ])("%s: the retention rule leaves the field out", (_label, l, field, expected) => {
        expect((lifecycleRules(l)[1] as unknown as Record<string, unknown>)[field]).toBe(expected);
    });

    test("the access log bucket: logs expire after the retention, no transitions, a week for old versions", () => {
        const [housekeeping, retention] = lifecycleRules(accessLogLifecycle(400));
        expect(housekeeping.abortIncompleteMultipartUpload).toEqual({ daysAfterInitiation: 1 });
        expect(retention.expiration).toEqual({ days: 400 });
        expect(retention.transitions).toBeUndefined();
        expect(retention.noncurrentVersionExpiration).toEqual({ noncurrentDays: 7 });
    });
});

describe("bucket policy statements", () => {
    test("TLS only: deny s3:* on the bucket and its objects without TLS, and below TLS 1.2", () => {
        const [insecure, outdated] = tlsOnlyStatements(ARN);
        for (const s of [insecure, outdated])
            expect(s).toMatchObject({ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [ARN, `${ARN}/*`] });
        expect(insecure.Condition).toEqual({ Bool: { "aws:SecureTransport": "false" } });
        expect(outdated.Condition).toEqual({ NumericLessThan: { "s3:TlsVersion": "1.2" } });
    });

    test("uploads: deny PutObject without SSE-KMS, and with another key than the bucket's", () => {
        const [notKms, wrongKey] = kmsOnlyUploadStatements(ARN, KEY);
        for (const s of [notKms, wrongKey])
            expect(s).toMatchObject({ Effect: "Deny", Principal: "*", Action: "s3:PutObject", Resource: `${ARN}/*` });
        expect(notKms.Condition).toEqual({ StringNotEqualsIfExists: { "s3:x-amz-server-side-encryption": "aws:kms" } });
        expect(wrongKey.Condition).toEqual({ StringNotEqualsIfExists: { "s3:x-amz-server-side-encryption-aws-kms-key-id": KEY } });
    });

    test.each([
        ["with a key", KEY, ["DenyInsecureTransport", "DenyOutdatedTls", "DenyUploadsWithoutKms", "DenyUploadsWithAnotherKey"]],
        ["without a key (SSE-S3)", undefined, ["DenyInsecureTransport", "DenyOutdatedTls"]],
    ])("the policy %s: statements in order", (_label, kmsKeyArn, sids) => {
        expect(bucketPolicyStatements({ bucketArn: ARN, kmsKeyArn }).map((s) => s.Sid)).toEqual(sids);
    });

    test("extra statements come last", () => {
        const extra = accessLogDeliveryStatement(ARN, "123456789012", ["arn:aws:s3:::a"]);
        const statements = bucketPolicyStatements({ bucketArn: ARN, extra: [extra] });
        expect(statements[statements.length - 1]).toBe(extra);
    });

    test("access log delivery: the S3 logging service, PutObject into the log bucket, for this account's source buckets", () => {
        const s = accessLogDeliveryStatement(ARN, "123456789012", ["arn:aws:s3:::a", "arn:aws:s3:::b"]);
        expect(s).toEqual({
            Sid: "AllowS3ServerAccessLogDelivery",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${ARN}/*`,
            Condition: {
                StringEquals: { "aws:SourceAccount": "123456789012" },
                ArnLike: { "aws:SourceArn": ["arn:aws:s3:::a", "arn:aws:s3:::b"] },
            },
        });
    });

    test("property: every deny covers exactly the bucket's objects (and the bucket for s3:*), never another bucket", () => {
        fc.assert(
            fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,40}$/), (name) => {
                const arn = `arn:aws:s3:::${name}`;
                for (const s of bucketPolicyStatements({ bucketArn: arn, kmsKeyArn: KEY })) {
                    const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
                    expect(s.Effect).toBe("Deny");
                    for (const r of resources) expect([arn, `${arn}/*`]).toContain(r);
                }
            }),
        );
    });
});

describe("bucket settings", () => {
    test("public access: all four blocks on", () => {
        expect(PUBLIC_ACCESS_BLOCK).toEqual({
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
    });

    test.each([
        ["a key: SSE-KMS with it and bucket keys", KEY, { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, true],
        ["no key: SSE-S3", undefined, { sseAlgorithm: "AES256" }, undefined],
    ])("encryption with %s; SSE-C blocked", (_label, key, byDefault, bucketKey) => {
        const rule = encryptionRule(key) as {
            applyServerSideEncryptionByDefault: unknown;
            bucketKeyEnabled?: boolean;
            blockedEncryptionTypes: string[];
        };
        expect(rule.applyServerSideEncryptionByDefault).toEqual(byDefault);
        expect(rule.bucketKeyEnabled).toBe(bucketKey);
        expect(rule.blockedEncryptionTypes).toEqual(["SSE-C"]);
    });

    test.each([
        ["GOVERNANCE", 3653],
        ["COMPLIANCE", 30],
    ] as const)("object lock %s for %i days as the default retention", (mode, days) => {
        expect(objectLockConfiguration({ mode, days })).toEqual({
            objectLockEnabled: "Enabled",
            rule: { defaultRetention: { mode, days } },
        });
    });

    test("a replica's object lock: on, without a default retention of its own", () => {
        expect(replicaObjectLockConfiguration()).toEqual({ objectLockEnabled: "Enabled" });
    });

    test("access logging: a prefix per bucket key, partitioned by event time", () => {
        expect(accessLoggingOf("user-data")).toEqual({
            targetPrefix: "user-data/",
            targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
        });
    });

    test.each([
        ["data", "restricted", { DataClassification: "restricted" }],
        ["replica", "confidential", { DataClassification: "confidential", ...REPLICA_PURPOSE_TAG }],
        ["accessLogs", "restricted", { DataClassification: "internal", ...ACCESS_LOG_PURPOSE_TAG }],
    ] as const)("tags of a %s bucket (%s data)", (kind, classification, tags) => {
        expect(bucketTags(kind, classification)).toEqual(tags);
    });
});
