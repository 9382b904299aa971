import { z } from "zod";
import type { Environment, PerEnvironment } from "./environment";
import type { Section } from "./checks";
import { sectionCheck } from "./checks";
import { allowed } from "./meta";
import { AWS_REGIONS } from "../catalogue/regions";
import type { BackupRuleSettings } from "../backup/plan";
import { copyRegionOf, lockProblems, ruleProblems, vaultName } from "../backup/plan";
import { catalogueValue } from "./catalogueValue";

/**
 * `strata:backup`: AWS Backup for the database and the buckets that hold data, on in every environment. Prod keeps
 * daily recovery points 35 days, weekly 13 weeks and monthly 12 months (to cold storage after 90 days), plus a
 * continuous backup for point-in-time restore, copies every daily and monthly point to a vault in the copy region,
 * locks its vault (governance mode), and replicates the database's automated backups to the copy region.
 */
interface BackupDefaults {
    rules: BackupRuleSettings[];
    copy: boolean;
    vaultLock: { mode: "governance" | "compliance"; minRetentionDays: number; maxRetentionDays: number } | null;
    replicateDatabaseBackups: boolean;
    databaseBackupReplicationRetentionDays: number;
}

const DAILY = "cron(0 5 ? * * *)";
const WEEKLY = "cron(0 5 ? * SUN *)";
const MONTHLY = "cron(0 5 1 * ? *)";

const defaults: PerEnvironment<BackupDefaults> = {
    dev: {
        rules: [{ name: "daily", schedule: DAILY, deleteAfterDays: 7 }],
        copy: false,
        vaultLock: null,
        replicateDatabaseBackups: false,
        databaseBackupReplicationRetentionDays: 7,
    },
    staging: {
        rules: [
            { name: "daily", schedule: DAILY, deleteAfterDays: 14 },
            { name: "weekly", schedule: WEEKLY, deleteAfterDays: 56 },
        ],
        copy: false,
        vaultLock: null,
        replicateDatabaseBackups: false,
        databaseBackupReplicationRetentionDays: 7,
    },
    prod: {
        rules: [
            // As long as prod's RDS automated backups (strata:database.backupRetentionDays): see the check below.
            { name: "continuous", schedule: "cron(0 * ? * * *)", deleteAfterDays: 30, continuous: true },
            { name: "daily", schedule: DAILY, deleteAfterDays: 35, copy: true },
            { name: "weekly", schedule: WEEKLY, deleteAfterDays: 91 },
            { name: "monthly", schedule: MONTHLY, deleteAfterDays: 365, copy: true },
        ],
        copy: true,
        vaultLock: { mode: "governance", minRetentionDays: 7, maxRetentionDays: 400 },
        replicateDatabaseBackups: true,
        databaseBackupReplicationRetentionDays: 7,
    },
};

const rule = z
    .object({
        name: z.string().describe("Rule name (1-50 letters, digits, _ . -)."),
        schedule: allowed(z.string(), "cron(minutes hours day-of-month month day-of-week year), in UTC").describe(
            "When the rule runs: an AWS Backup cron expression in UTC.",
        ),
        deleteAfterDays: z.number().int().min(1).describe("Days a recovery point is kept."),
        coldStorageAfterDays: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe("Days before a recovery point moves to cold storage (it then stays at least 90)."),
        continuous: z.boolean().optional().describe("Keep a continuous backup for point-in-time restore (RDS, S3; at most 35 days)."),
        copy: z.boolean().optional().describe("Copy each recovery point to the vault in `copyRegion`."),
        copyDeleteAfterDays: z.number().int().min(1).optional().describe("Days the copies are kept (default: as the source)."),
    })
    .strict();

export function backupSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            enabled: z.boolean().default(true).describe("Back up the database and the chosen buckets with AWS Backup."),
            rules: z.array(rule).min(1).default(d.rules).describe("The backup plan's rules."),
            copy: z.boolean().default(d.copy).describe("Create the vault in `copyRegion` that rules with `copy: true` copy to."),
            copyRegion: allowed(catalogueValue(AWS_REGIONS, "AWS region"), "an AWS region other than aws:region")
                .optional()
                .describe("Region of the copy vault; unset: the region paired with aws:region (as for the S3 replicas)."),
            buckets: z
                .array(z.string())
                .optional()
                .describe(
                    "Bucket keys of strata:objectStore.buckets to back up; unset: every bucket classified confidential or restricted.",
                ),
            vaultLock: z
                .object({
                    mode: z
                        .enum(["governance", "compliance"])
                        .describe(
                            "governance: principals with backup:DeleteBackupVaultLockConfiguration can still remove the lock; compliance: after 3 days nobody can, not even the account root, and the vault outlives the stack.",
                        ),
                    minRetentionDays: z.number().int().min(1).describe("Shortest retention a rule may set."),
                    maxRetentionDays: z.number().int().min(1).describe("Longest retention a rule may set."),
                })
                .strict()
                .nullable()
                .default(d.vaultLock)
                .describe("Lock the vault's retention (null: no lock)."),
            replicateDatabaseBackups: z
                .boolean()
                .default(d.replicateDatabaseBackups)
                .describe(
                    "Replicate the database's automated backups (and transaction logs) to `copyRegion` for point-in-time restore there.",
                ),
            databaseBackupReplicationRetentionDays: z
                .number()
                .int()
                .min(1)
                .max(35)
                .default(d.databaseBackupReplicationRetentionDays)
                .describe("Days the replicated automated backups are kept in the copy region."),
        })
        .strict()
        .superRefine((b, ctx) => {
            b.rules.forEach((r, i) => {
                for (const p of ruleProblems(r))
                    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["rules", i, p.field], message: p.message });
                if (r.copy && !b.copy)
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["rules", i, "copy"],
                        message: "!is true, but strata:backup.copy is false (no copy vault)",
                    });
            });
            if (new Set(b.rules.map((r) => r.name)).size !== b.rules.length)
                ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["rules"], message: "!name each rule once" });
            if (b.vaultLock) {
                if (b.vaultLock.minRetentionDays > b.vaultLock.maxRetentionDays)
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["vaultLock", "minRetentionDays"],
                        message: "!is above maxRetentionDays",
                    });
                for (const p of lockProblems(b.rules, b.vaultLock))
                    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["vaultLock"], message: `!${p}` });
            }
        })
        .default({})
        .describe("AWS Backup: vault, plan, copies to a second region, vault lock. See docs/components/backup.md.");
}
export type BackupSettings = z.output<ReturnType<typeof backupSchema>>;

export { copyRegionOf };

export const backup = {
    schema: backupSchema,
    checks: [
        sectionCheck<"backup">({
            name: "the copy region exists and is another region",
            check: ({ backup: b }, report, { region }) => {
                if (!b.enabled || !(b.copy || b.replicateDatabaseBackups)) return;
                const target = copyRegionOf(b, region);
                if (!target)
                    report(
                        ["backup", "copyRegion"],
                        `!is required: aws:region ${region} has no default pair; name the region the copies go to`,
                    );
                else if (target === region)
                    report(["backup", "copyRegion"], `!is aws:region itself (${region}); copies must go to another region`);
            },
        }),
        // AWS Backup's continuous backup of an RDS instance takes over its automated backups and sets their retention
        // to the rule's (AWS Backup Developer Guide, "Continuous backups and point-in-time recovery (PITR)"): a
        // different strata:database.backupRetentionDays would be reset by every later `pulumi up`, and back again.
        sectionCheck<"backup" | "database">({
            name: "a continuous rule keeps the database's automated backups as long as the database does",
            check: ({ backup: b, database }, report) => {
                if (!b.enabled || !database.enabled) return;
                b.rules.forEach((r, i) => {
                    if (r.continuous && r.deleteAfterDays !== database.backupRetentionDays)
                        report(
                            ["backup", "rules", i, "deleteAfterDays"],
                            `!is ${r.deleteAfterDays}, but strata:database.backupRetentionDays is ${database.backupRetentionDays}: AWS Backup's continuous backup sets the instance's backup retention to the rule's, so the two must agree`,
                        );
                });
            },
        }),
        sectionCheck<"backup" | "objectStore">({
            name: "backed-up buckets exist",
            check: ({ backup: b, objectStore }, report) => {
                for (const key of b.buckets ?? [])
                    if (!(key in objectStore.buckets))
                        report(
                            ["backup", "buckets"],
                            `!names "${key}", which is not a bucket of strata:objectStore.buckets; known: ${Object.keys(objectStore.buckets).join(", ")}`,
                        );
            },
        }),
        sectionCheck<"backup">({
            name: "the vault name fits AWS Backup's 50 characters",
            check: (_s, report, { naming }) => {
                const name = vaultName(naming.prefix);
                if (name.length > 50)
                    report(
                        ["name"],
                        `!gives the backup vault name "${name}" (${name.length} characters, AWS Backup allows 50); shorten strata:name or the stack name`,
                    );
            },
        }),
    ],
} satisfies Section<ReturnType<typeof backupSchema>>;
