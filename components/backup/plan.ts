/**
 * The AWS Backup plan of a stack, as plain data: rules (schedule, lifecycle, continuous backup, copies to the other
 * region) and the rules AWS Backup itself enforces on them, so a bad plan is refused at config time instead of by
 * CreateBackupPlan ten minutes into a deploy. Sources: AWS Backup Developer Guide, "Backup plan options and
 * configuration" (lifecycle: a recovery point in cold storage must stay there at least 90 days; continuous backups
 * keep 1-35 days and cannot move to cold storage) and "Creating backup copies across AWS Regions".
 */

import { REPLICATION_REGION_PAIRS } from "../catalogue/regions";

/** One rule of the plan. */
export interface BackupRuleSettings {
    /** Rule name: letters, digits, `_ . -`, up to 50 characters (CreateBackupPlan RuleName). */
    name: string;
    /** AWS Backup schedule: `cron(minutes hours day-of-month month day-of-week year)`, evaluated in UTC. */
    schedule: string;
    /** Days a recovery point is kept. */
    deleteAfterDays: number;
    /** Days before a recovery point moves to cold storage (resource types that support it), or none. */
    coldStorageAfterDays?: number;
    /** Point-in-time restore (RDS, S3): the rule keeps a continuous backup, at most 35 days. */
    continuous?: boolean;
    /** Copy each recovery point to the vault in the copy region (kept as long, unless given). */
    copy?: boolean;
    copyDeleteAfterDays?: number;
}

/** AWS Backup's minimum stay in cold storage. */
export const COLD_STORAGE_MINIMUM_DAYS = 90;
/** Continuous backups keep at most 35 days. */
export const CONTINUOUS_BACKUP_MAX_DAYS = 35;
/** Minutes after the scheduled time a job may start, and must finish (the plan's windows). */
export const START_WINDOW_MINUTES = 60;
export const COMPLETION_WINDOW_MINUTES = 8 * 60;

const RULE_NAME = /^[0-9A-Za-z_.-]{1,50}$/;
/** `cron(` six fields `)`: AWS Backup uses EventBridge's cron syntax, where day-of-month or day-of-week is `?`. */
const CRON = /^cron\(\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*\)$/;

/** What is wrong with a schedule expression, or undefined. */
export function scheduleProblem(schedule: string): string | undefined {
    const m = CRON.exec(schedule);
    if (!m) return "is not an AWS Backup schedule: cron(minutes hours day-of-month month day-of-week year), e.g. cron(0 5 ? * * *)";
    const [, minutes, hours, dom, , dow] = m;
    if (!/^\d{1,2}$/.test(minutes) || Number(minutes) > 59) return "must name one minute (0-59): a backup rule runs at most hourly";
    if (!/^(\*|\*\/\d+|[\d,/-]+)$/.test(hours)) return "has hours that are not numbers, ranges, lists or *";
    if ((dom === "?") === (dow === "?")) return "must set exactly one of day-of-month and day-of-week to ?";
    return undefined;
}

/** Problems of one rule, each a sentence after the rule's key. */
export function ruleProblems(r: BackupRuleSettings): Array<{ field: keyof BackupRuleSettings; message: string }> {
    const out: Array<{ field: keyof BackupRuleSettings; message: string }> = [];
    if (!RULE_NAME.test(r.name)) out.push({ field: "name", message: "must be 1-50 letters, digits, _ . or -" });
    const schedule = scheduleProblem(r.schedule);
    if (schedule) out.push({ field: "schedule", message: schedule });
    if (r.continuous) {
        if (r.deleteAfterDays > CONTINUOUS_BACKUP_MAX_DAYS)
            out.push({
                field: "deleteAfterDays",
                message: `is ${r.deleteAfterDays}; a continuous backup keeps at most ${CONTINUOUS_BACKUP_MAX_DAYS} days`,
            });
        if (r.coldStorageAfterDays !== undefined)
            out.push({ field: "coldStorageAfterDays", message: "is set, but continuous backups cannot move to cold storage" });
    }
    if (r.coldStorageAfterDays !== undefined && r.deleteAfterDays < r.coldStorageAfterDays + COLD_STORAGE_MINIMUM_DAYS)
        out.push({
            field: "deleteAfterDays",
            message: `is ${r.deleteAfterDays}; with cold storage after ${r.coldStorageAfterDays} days it must be at least ${r.coldStorageAfterDays + COLD_STORAGE_MINIMUM_DAYS} (90 days in cold storage)`,
        });
    return out;
}

/** The retention bounds a vault lock enforces: every rule's (and copy's) retention must lie within them. */
export function lockProblems(rules: BackupRuleSettings[], lock: { minRetentionDays: number; maxRetentionDays: number }): string[] {
    const out: string[] = [];
    for (const r of rules)
        for (const days of [r.deleteAfterDays, ...(r.copy ? [r.copyDeleteAfterDays ?? r.deleteAfterDays] : [])])
            if (days < lock.minRetentionDays || days > lock.maxRetentionDays)
                out.push(
                    `rule "${r.name}" keeps recovery points ${days} days, outside the vault lock's ${lock.minRetentionDays}-${lock.maxRetentionDays}`,
                );
    return out;
}

/** A rule of `aws.backup.Plan`, from settings and the vault names (the copy destination is an ARN). */
export function planRule(r: BackupRuleSettings, vault: { name: string; copyVaultArn?: string }) {
    const lifecycle = {
        deleteAfter: r.deleteAfterDays,
        ...(r.coldStorageAfterDays !== undefined ? { coldStorageAfter: r.coldStorageAfterDays } : {}),
    };
    return {
        ruleName: r.name,
        targetVaultName: vault.name,
        schedule: r.schedule,
        scheduleExpressionTimezone: "Etc/UTC",
        startWindow: START_WINDOW_MINUTES,
        completionWindow: COMPLETION_WINDOW_MINUTES,
        enableContinuousBackup: r.continuous ?? false,
        lifecycle,
        recoveryPointTags: { BackupRule: r.name },
        ...(r.copy && vault.copyVaultArn
            ? {
                  copyActions: [
                      {
                          destinationVaultArn: vault.copyVaultArn,
                          lifecycle: { ...lifecycle, deleteAfter: r.copyDeleteAfterDays ?? r.deleteAfterDays },
                      },
                  ],
              }
            : {}),
    };
}

/**
 * The longest a stack can lose: the shortest interval between recovery points (continuous: about 5 minutes, the
 * RDS transaction-log upload interval; else the tightest schedule), in minutes, for the docs and the plan summary.
 */
export function recoveryPointObjectiveMinutes(rules: BackupRuleSettings[]): number | undefined {
    if (rules.length === 0) return undefined;
    if (rules.some((r) => r.continuous)) return 5;
    const perRule = rules.map((r) => {
        const m = CRON.exec(r.schedule);
        if (!m) return Infinity;
        const [, , hours, dom, , dow] = m;
        if (hours === "*") return 60;
        if (/^\*\/(\d+)$/.test(hours)) return Number(/^\*\/(\d+)$/.exec(hours)![1]) * 60;
        if (hours.includes(",")) return (24 / hours.split(",").length) * 60;
        if (dom !== "?" && dom !== "*") return 30 * 24 * 60;
        if (dow !== "?" && dow !== "*") return 7 * 24 * 60;
        return 24 * 60;
    });
    return Math.min(...perRule);
}

/** The copy region: the configured one, else aws:region's disaster-recovery pair (as for the S3 replicas). */
export function copyRegionOf(b: { copyRegion?: string }, region: string): string | undefined {
    return b.copyRegion ?? REPLICATION_REGION_PAIRS[region];
}

/** The vault's fixed name (AWS Backup vault names: 2-50 letters, digits, `-` and `_`). */
export function vaultName(prefix: string, suffix = "vault"): string {
    return `${prefix}-${suffix}`;
}
