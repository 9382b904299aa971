import fc from "fast-check";
import {
    COLD_STORAGE_MINIMUM_DAYS,
    copyRegionOf,
    lockProblems,
    planRule,
    recoveryPointObjectiveMinutes,
    ruleProblems,
    scheduleProblem,
} from "../../components/backup/plan";

describe("scheduleProblem", () => {
    test.each([
        ["cron(0 5 ? * * *)", undefined],
        ["cron(0 5 ? * SUN *)", undefined],
        ["cron(0 5 1 * ? *)", undefined],
        ["cron(0 */4 ? * * *)", undefined],
        ["rate(1 day)", /is not an AWS Backup schedule/],
        ["cron(0 5 * * *)", /is not an AWS Backup schedule/],
        ["cron(* 5 ? * * *)", /one minute/],
        ["cron(0 5 1 * SUN *)", /exactly one of day-of-month and day-of-week/],
        ["cron(0 5 * * * *)", /exactly one of day-of-month and day-of-week/],
    ])("%s", (schedule, expected) => {
        const p = scheduleProblem(schedule);
        if (expected) expect(p).toMatch(expected);
        else expect(p).toBeUndefined();
    });
});

describe("ruleProblems: what CreateBackupPlan refuses", () => {
    const base = { name: "daily", schedule: "cron(0 5 ? * * *)", deleteAfterDays: 35 };
    test("a valid rule", () => expect(ruleProblems(base)).toEqual([]));
    test("cold storage needs 90 days there before deletion", () => {
        expect(ruleProblems({ ...base, coldStorageAfterDays: 30, deleteAfterDays: 100 })).toEqual([
            {
                field: "deleteAfterDays",
                message: "is 100; with cold storage after 30 days it must be at least 120 (90 days in cold storage)",
            },
        ]);
        expect(ruleProblems({ ...base, coldStorageAfterDays: 30, deleteAfterDays: 120 })).toEqual([]);
    });
    test("continuous backups keep at most 35 days and never go cold", () => {
        expect(ruleProblems({ ...base, continuous: true, deleteAfterDays: 36 }).map((p) => p.field)).toEqual(["deleteAfterDays"]);
        expect(ruleProblems({ ...base, continuous: true, coldStorageAfterDays: 10, deleteAfterDays: 35 }).map((p) => p.field)).toContain(
            "coldStorageAfterDays",
        );
    });
    test("a rule name AWS refuses", () => {
        expect(ruleProblems({ ...base, name: "daily backups!" }).map((p) => p.field)).toEqual(["name"]);
    });
    test("property: any accepted cold-storage rule keeps points at least 90 days in cold storage", () => {
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 800 }), (cold, del) => {
                const ok = ruleProblems({ ...base, coldStorageAfterDays: cold, deleteAfterDays: del }).length === 0;
                expect(ok).toBe(del - cold >= COLD_STORAGE_MINIMUM_DAYS);
            }),
        );
    });
});

test("lockProblems: rules and copies outside the lock's retention", () => {
    const rules = [
        { name: "daily", schedule: "cron(0 5 ? * * *)", deleteAfterDays: 35, copy: true, copyDeleteAfterDays: 500 },
        { name: "short", schedule: "cron(0 5 ? * * *)", deleteAfterDays: 3 },
    ];
    expect(lockProblems(rules, { minRetentionDays: 7, maxRetentionDays: 400 })).toEqual([
        'rule "daily" keeps recovery points 500 days, outside the vault lock\'s 7-400',
        'rule "short" keeps recovery points 3 days, outside the vault lock\'s 7-400',
    ]);
});

describe("planRule", () => {
    const rule = { name: "monthly", schedule: "cron(0 5 1 * ? *)", deleteAfterDays: 365, copy: true };
    const copyVaultArn = "arn:aws:backup:us-west-2:123456789012:backup-vault:strata-prod-copy-vault";
    test("the target vault, UTC, windows, lifecycle and the copy to the other region's vault", () => {
        expect(planRule(rule, { name: "strata-prod-vault", copyVaultArn })).toEqual({
            ruleName: "monthly",
            targetVaultName: "strata-prod-vault",
            schedule: "cron(0 5 1 * ? *)",
            scheduleExpressionTimezone: "Etc/UTC",
            startWindow: 60,
            completionWindow: 480,
            enableContinuousBackup: false,
            lifecycle: { deleteAfter: 365 },
            recoveryPointTags: { BackupRule: "monthly" },
            copyActions: [{ destinationVaultArn: copyVaultArn, lifecycle: { deleteAfter: 365 } }],
        });
    });
    test("no copy action without a copy vault, or when the rule does not copy", () => {
        expect(planRule(rule, { name: "v" })).not.toHaveProperty("copyActions");
        expect(planRule({ ...rule, copy: false }, { name: "v", copyVaultArn })).not.toHaveProperty("copyActions");
    });
});

test("recoveryPointObjectiveMinutes: continuous ~5 min, else the tightest schedule", () => {
    const r = (schedule: string, continuous = false) => ({ name: "r", schedule, deleteAfterDays: 7, continuous });
    expect(recoveryPointObjectiveMinutes([r("cron(0 5 ? * * *)"), r("cron(0 * ? * * *)", true)])).toBe(5);
    expect(recoveryPointObjectiveMinutes([r("cron(0 5 ? * * *)")])).toBe(24 * 60);
    expect(recoveryPointObjectiveMinutes([r("cron(0 */4 ? * * *)")])).toBe(4 * 60);
    expect(recoveryPointObjectiveMinutes([r("cron(0 5 ? * SUN *)")])).toBe(7 * 24 * 60);
    expect(recoveryPointObjectiveMinutes([r("cron(0 5 1 * ? *)")])).toBe(30 * 24 * 60);
});

test("copyRegionOf: the configured region, else the pair", () => {
    expect(copyRegionOf({}, "us-east-1")).toBe("us-west-2");
    expect(copyRegionOf({ copyRegion: "eu-west-1" }, "us-east-1")).toBe("eu-west-1");
    expect(copyRegionOf({}, "me-central-1")).toBeUndefined();
});
