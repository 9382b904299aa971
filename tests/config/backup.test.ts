import { configProblems, loadConfig } from "../helpers";

describe("strata:backup presets", () => {
    test("prod: continuous, daily 35 days, weekly 13 weeks, monthly 12 months, copies, governance lock, database backups replicated", () => {
        const b = loadConfig({ "strata:environment": "prod" }).backup;
        expect(b.rules.map((r) => [r.name, r.deleteAfterDays, r.continuous ?? false, r.copy ?? false])).toEqual([
            ["continuous", 30, true, false],
            ["daily", 35, false, true],
            ["weekly", 91, false, false],
            ["monthly", 365, false, true],
        ]);
        expect(b.vaultLock).toEqual({ mode: "governance", minRetentionDays: 7, maxRetentionDays: 400 });
        expect([b.copy, b.replicateDatabaseBackups]).toEqual([true, true]);
    });

    test("dev keeps a daily backup for 7 days (smaller, never absent), no copy, no lock", () => {
        const b = loadConfig({ "strata:environment": "dev" }).backup;
        expect([b.enabled, b.rules.map((r) => [r.name, r.deleteAfterDays]), b.copy, b.vaultLock]).toEqual([
            true,
            [["daily", 7]],
            false,
            null,
        ]);
    });
});

describe("strata:backup refusals name the key", () => {
    test.each([
        [
            { rules: [{ name: "d", schedule: "rate(1 day)", deleteAfterDays: 7 }] },
            /^strata:backup\.rules\[0\]\.schedule: .*is not an AWS Backup schedule/,
        ],
        [
            { rules: [{ name: "m", schedule: "cron(0 5 1 * ? *)", deleteAfterDays: 100, coldStorageAfterDays: 30 }] },
            /^strata:backup\.rules\[0\]\.deleteAfterDays: .*at least 120/,
        ],
        [
            { rules: [{ name: "d", schedule: "cron(0 5 ? * * *)", deleteAfterDays: 7, copy: true }] },
            /^strata:backup\.rules\[0\]\.copy: is true, but strata:backup\.copy is false/,
        ],
        [{ buckets: ["nosuch"] }, /^strata:backup\.buckets: names "nosuch", which is not a bucket/],
        [{ copy: true, copyRegion: "us-east-1" }, /^strata:backup\.copyRegion: is aws:region itself/],
    ])("%j", (backup, expected) => {
        expect(configProblems({ "strata:backup": backup })).toEqual([expect.stringMatching(expected)]);
    });

    test("a continuous rule and the database's backup retention must agree (AWS Backup takes the retention over)", () => {
        expect(configProblems({ "strata:environment": "prod", "strata:database": { backupRetentionDays: 35 } })).toEqual([
            expect.stringMatching(/^strata:backup\.rules\[0\]\.deleteAfterDays: is 30, but strata:database\.backupRetentionDays is 35/),
        ]);
    });

    test("a prod rule outside the vault lock is refused", () => {
        const problems = configProblems({
            "strata:environment": "prod",
            "strata:backup": { rules: [{ name: "daily", schedule: "cron(0 5 ? * * *)", deleteAfterDays: 3 }] },
        });
        expect(problems).toEqual([
            expect.stringMatching(/^strata:backup\.vaultLock: rule "daily" keeps recovery points 3 days, outside the vault lock's 7-400/),
        ]);
    });
});
