import { configProblems, loadConfig } from "../helpers";

describe("strata:audit presets", () => {
    test("prod owns the account's singletons and keeps the trail ten years, object-locked", () => {
        const a = loadConfig({ "strata:environment": "prod" }).audit;
        expect([a.trail.enabled, a.guardDuty.mode, a.securityHub.mode, a.config.mode]).toEqual([true, "own", "own", "own"]);
        expect(a.bucket.objectLock).toEqual({ mode: "GOVERNANCE", days: 3653 });
        expect(a.bucket.lifecycle.expirationDays).toBe(3653);
        expect(a.securityHub.standards).toEqual([
            "aws-foundational-security-best-practices/v/1.0.0",
            "cis-aws-foundations-benchmark/v/3.0.0",
        ]);
    });

    test("dev and staging keep a trail (never less safe) and leave the singletons to their owner", () => {
        for (const env of ["dev", "staging"]) {
            const a = loadConfig({ "strata:environment": env }).audit;
            expect([a.trail.enabled, a.guardDuty.mode, a.securityHub.mode, a.config.mode, a.bucket.objectLock]).toEqual([
                true,
                "off",
                "off",
                "off",
                null,
            ]);
        }
        expect(loadConfig({ "strata:environment": "dev" }).audit.bucket.lifecycle.expirationDays).toBe(90);
    });
});

describe("strata:audit refusals name the key", () => {
    test.each([
        [{ guardDuty: { mode: "mine" } }, /^strata:audit\.guardDuty\.mode: .*"mine".*own.*adopt.*off/],
        [{ guardDuty: { mode: "adopt", detectorId: "12ab" } }, /^strata:audit\.guardDuty\.detectorId: .*not a GuardDuty detector id/],
        [
            { guardDuty: { mode: "own", detectorId: "0".repeat(32) } },
            /^strata:audit\.guardDuty\.detectorId: is set, but strata:audit\.guardDuty\.mode is own/,
        ],
        [
            { securityHub: { mode: "own" }, config: { mode: "off" } },
            /^strata:audit\.config\.mode: is off, but strata:audit\.securityHub\.mode is own/,
        ],
        [{ securityHub: { mode: "own", standards: ["cis/v/9"] } }, /^strata:audit\.securityHub\.standards\[0\]: /],
        [
            { bucket: { objectLock: { mode: "GOVERNANCE", days: 400 }, lifecycle: { expirationDays: 365 } } },
            /^strata:audit\.bucket\.lifecycle\.expirationDays: .*shorter than the object lock retention \(400 days\)/,
        ],
        [
            { bucket: { lifecycle: { transitions: [{ days: 10, storageClass: "STANDARD_IA" }], expirationDays: 365 } } },
            /^strata:audit\.bucket\.lifecycle\.transitions\[0\]\.days: .*too early for STANDARD_IA/,
        ],
    ])("%j", (audit, expected) => {
        expect(configProblems({ "strata:audit": audit })).toEqual([expect.stringMatching(expected)]);
    });

    test("the audit bucket's key is reserved among the data buckets", () => {
        expect(configProblems({ "strata:objectStore": { buckets: { "audit-trail": { classification: "internal" } } } }).join("\n")).toMatch(
            /^strata:objectStore\.buckets\.audit-trail: bucket key "audit-trail" is reserved/m,
        );
    });
});

test("a stack name that makes the audit bucket's name longer than S3 allows is refused before anything is created", () => {
    const problems = configProblems({}, "feature-branch-preview-for-ticket-1234567");
    expect(
        problems.some((p) =>
            /^strata:audit: gives the s3Bucket name "strata-feature-branch-preview-for-ticket-1234567-audit-trail-xxxxxxx" \(68 characters, AWS allows 63\)/.test(
                p,
            ),
        ),
    ).toBe(true);
});
