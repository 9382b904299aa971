import { z } from "zod";
import { catalogueValue } from "./catalogueValue";
import type { Environment, PerEnvironment } from "./environment";
import { dailyWindow, dataClassification, logRetentionDays, weeklyWindow } from "./common";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";
import { MONITORING_INTERVALS, POSTGRES_MAJOR_VERSIONS, RDS_INSTANCE_CLASSES } from "../catalogue/rds";
import { databaseNames } from "../database/names";

// AWS facts the database settings use live in the catalogue; re-exported here for the code that imports them from config.
export { MONITORING_INTERVALS, POSTGRES_MAJOR_VERSIONS, RDS_INSTANCE_CLASSES } from "../catalogue/rds";

/** Names PostgreSQL / RDS reserve for the master user. */
const RESERVED_USERNAMES = ["rdsadmin", "rdsrepladmin", "rds_superuser", "rds_replication", "pg_signal_backend", "public", "none"];
/** Parameters Strata sets itself and a stack may not override. */
export const ENFORCED_DB_PARAMETERS = ["rds.force_ssl"];

interface DatabaseDefaults {
    instanceClass: string;
    allocatedStorage: number;
    maxAllocatedStorage: number;
    multiAz: boolean;
    readReplicas: number;
    backupRetentionDays: number;
    deletionProtection: boolean;
    finalSnapshot: boolean;
    retainAutomatedBackups: boolean;
    performanceInsights: boolean;
    performanceInsightsRetentionDays: number;
    monitoringInterval: (typeof MONITORING_INTERVALS)[number];
    logRetentionDays: number;
    proxy: boolean;
    secretRecoveryDays: number;
}

export const DATABASE_PRESETS: PerEnvironment<DatabaseDefaults> = {
    dev: {
        instanceClass: "db.t4g.micro",
        allocatedStorage: 20,
        maxAllocatedStorage: 100,
        multiAz: false,
        readReplicas: 0,
        backupRetentionDays: 7,
        deletionProtection: false,
        finalSnapshot: false,
        retainAutomatedBackups: false,
        performanceInsights: false,
        performanceInsightsRetentionDays: 7,
        monitoringInterval: 0,
        logRetentionDays: 30,
        proxy: false,
        secretRecoveryDays: 7,
    },
    staging: {
        instanceClass: "db.t4g.medium",
        allocatedStorage: 50,
        maxAllocatedStorage: 200,
        multiAz: true,
        readReplicas: 0,
        backupRetentionDays: 14,
        deletionProtection: true,
        finalSnapshot: true,
        retainAutomatedBackups: false,
        performanceInsights: true,
        performanceInsightsRetentionDays: 7,
        monitoringInterval: 60,
        logRetentionDays: 90,
        proxy: true,
        secretRecoveryDays: 7,
    },
    prod: {
        instanceClass: "db.m7g.large",
        allocatedStorage: 100,
        maxAllocatedStorage: 1000,
        multiAz: true,
        readReplicas: 2,
        backupRetentionDays: 30,
        deletionProtection: true,
        finalSnapshot: true,
        retainAutomatedBackups: true,
        performanceInsights: true,
        performanceInsightsRetentionDays: 31,
        monitoringInterval: 15,
        logRetentionDays: 365,
        proxy: true,
        secretRecoveryDays: 30,
    },
};

// ---- windows -------------------------------------------------------------------------------------------------

const DAY = 24 * 60;
const WEEK = 7 * DAY;
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** A time window as minutes: [start, end) with end > start (end may pass the period, for windows over midnight). */
export interface Interval {
    start: number;
    end: number;
}

const hm = (h: string, m: string) => Number(h) * 60 + Number(m);

/** "03:00-04:00" -> minutes of the day (end past 1440 when the window crosses midnight). */
export function parseDailyWindow(window: string): Interval | undefined {
    const m = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(window);
    if (!m) return undefined;
    const start = hm(m[1], m[2]);
    let end = hm(m[3], m[4]);
    if (end <= start) end += DAY;
    return { start, end };
}

/** "sun:05:00-sun:06:00" -> minutes of the week (Monday 00:00 = 0). */
export function parseWeeklyWindow(window: string): Interval | undefined {
    const m = /^([a-z]{3}):(\d\d):(\d\d)-([a-z]{3}):(\d\d):(\d\d)$/.exec(window);
    if (!m) return undefined;
    const d1 = DAYS.indexOf(m[1]);
    const d2 = DAYS.indexOf(m[4]);
    if (d1 < 0 || d2 < 0) return undefined;
    const start = d1 * DAY + hm(m[2], m[3]);
    let end = d2 * DAY + hm(m[5], m[6]);
    if (end <= start) end += WEEK;
    return { start, end };
}

function overlapsOnCircle(a: Interval, b: Interval, period: number): boolean {
    for (const k of [-1, 0, 1]) {
        if (a.start < b.end + k * period && b.start + k * period < a.end) return true;
    }
    return false;
}

/** True if a daily window (backups, snapshots) overlaps a weekly window (maintenance) on any day. */
export function dailyOverlapsWeekly(daily: string, weekly: string): boolean {
    const d = parseDailyWindow(daily);
    const w = parseWeeklyWindow(weekly);
    if (!d || !w) return false;
    for (let day = 0; day < 7; day++) {
        if (overlapsOnCircle({ start: d.start + day * DAY, end: d.end + day * DAY }, w, WEEK)) return true;
    }
    return false;
}

export const windowMinutes = (i: Interval) => i.end - i.start;

/**
 * Adds the window rules shared by RDS and ElastiCache: each window lasts at least `minMinutes`, the maintenance
 * window at most 24 hours, and the two do not overlap.
 */
export function refineWindows(
    w: { daily: string; weekly: string },
    keys: { daily: string; weekly: string; section: string },
    minMinutes: number,
    ctx: z.RefinementCtx,
): void {
    const d = parseDailyWindow(w.daily);
    const wk = parseWeeklyWindow(w.weekly);
    if (d && windowMinutes(d) < minMinutes) {
        ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [keys.daily],
            message: `lasts ${windowMinutes(d)} minutes; it must last at least ${minMinutes} minutes`,
        });
    }
    if (wk && windowMinutes(wk) < minMinutes) {
        ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [keys.weekly],
            message: `lasts ${windowMinutes(wk)} minutes; it must last at least ${minMinutes} minutes`,
        });
    }
    if (wk && windowMinutes(wk) > DAY) {
        ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [keys.weekly],
            message: `lasts ${windowMinutes(wk)} minutes; it may last at most 24 hours`,
        });
    }
    if (d && wk && dailyOverlapsWeekly(w.daily, w.weekly)) {
        ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [keys.weekly],
            message: `overlaps the daily window ${JSON.stringify(w.daily)} of strata:${keys.section}.${keys.daily}; allowed: a weekly window of at least ${minMinutes} minutes outside it (e.g. "sun:05:00-sun:06:00" with "03:00-04:00")`,
        });
    }
}

// ---- schema ---------------------------------------------------------------------------------------------------

const rdsInstanceClass = () => catalogueValue(RDS_INSTANCE_CLASSES, "RDS instance class");

const pgIdentifier = z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/, "must be 1-63 letters, digits or underscores, starting with a letter");

/**
 * `strata:database`: PostgreSQL on RDS. Every environment is encrypted (data key), TLS-only (`rds.force_ssl=1`),
 * private (isolated subnets, port 5432 from the nodes only) and backed up; dev is single-AZ and small, staging adds
 * Multi-AZ and deletion protection, prod adds read replicas, 30-day backups, final snapshots and Pulumi `protect`.
 */
export function databaseSchema(env: Environment) {
    const d = DATABASE_PRESETS[env];
    return z
        .object({
            enabled: z.boolean().default(true).describe("Create the database at all."),
            engineVersion: allowed(
                z.string().refine((v) => (POSTGRES_MAJOR_VERSIONS as readonly string[]).includes(v), {
                    message: `is not a PostgreSQL major version Strata supports (give the major only; minor versions upgrade automatically); allowed: ${POSTGRES_MAJOR_VERSIONS.join(", ")}`,
                }),
                POSTGRES_MAJOR_VERSIONS.join(", "),
            )
                .default("16")
                .describe(
                    'Major version only ("16"): RDS applies minor versions itself (autoMinorVersionUpgrade). A new major needs allowMajorVersionUpgrade (see docs/upgrades.md).',
                ),
            allowMajorVersionUpgrade: z
                .boolean()
                .default(false)
                .describe(
                    "Switch for a PostgreSQL major upgrade (an engineVersion change to a new major): sets allowMajorVersionUpgrade and applies the change immediately (the primary and its replicas upgrade in this deploy, with downtime); the plan guard refuses a major change without it. Turn it off again after the upgrade.",
                ),
            instanceClass: allowed(rdsInstanceClass(), `a current-generation RDS instance class: ${RDS_INSTANCE_CLASSES.join(", ")}`)
                .default(d.instanceClass)
                .describe("Instance class of the primary."),
            replicaInstanceClass: allowed(rdsInstanceClass(), "an RDS instance class, as instanceClass")
                .optional()
                .describe("Instance class of the read replicas (default: the primary's)."),
            allocatedStorage: z
                .number()
                .int()
                .min(20)
                .max(65536)
                .default(d.allocatedStorage)
                .describe("gp3 storage in GiB (gp3: 20-65536)."),
            maxAllocatedStorage: allowed(z.number().int().min(20).max(65536), "integer 20-65536, at least allocatedStorage")
                .default(d.maxAllocatedStorage)
                .describe("Storage autoscaling ceiling in GiB."),
            multiAz: z.boolean().default(d.multiAz).describe("A synchronous standby in a second AZ with automatic failover."),
            readReplicas: z
                .number()
                .int()
                .min(0)
                .max(5)
                .default(d.readReplicas)
                .describe("Read replicas of the primary (each its own instance)."),
            databaseName: allowed(
                pgIdentifier.refine((v) => !["template0", "template1", "rdsadmin"].includes(v.toLowerCase()), {
                    message: "is a name PostgreSQL reserves",
                }),
                "1-63 letters, digits or underscores, starting with a letter; not template0, template1 or rdsadmin",
            )
                .default("app")
                .describe("Name of the database created on the instance."),
            username: allowed(
                pgIdentifier.refine((v) => !RESERVED_USERNAMES.includes(v.toLowerCase()), {
                    message: `is reserved by RDS; not allowed: ${RESERVED_USERNAMES.join(", ")}`,
                }),
                `1-63 letters, digits or underscores, starting with a letter; not ${RESERVED_USERNAMES.join(", ")}`,
            )
                .default("strata_admin")
                .describe("Master user name (its generated password is kept in Secrets Manager)."),
            passwordLength: z
                .number()
                .int()
                .min(16)
                .max(128)
                .default(32)
                .describe("Length of the generated master password (RDS for PostgreSQL accepts 8-128; Strata asks for at least 16)."),
            backupRetentionDays: z
                .number()
                .int()
                .min(1)
                .max(35)
                .default(d.backupRetentionDays)
                .describe("Days RDS keeps automated backups (point-in-time recovery)."),
            backupWindow: allowed(
                dailyWindow.default("03:00-04:00").describe("Daily backup window (UTC), at least 30 minutes."),
                "hh:mm-hh:mm (UTC) lasting at least 30 minutes",
            ),
            maintenanceWindow: allowed(
                weeklyWindow
                    .default("sun:05:00-sun:06:00")
                    .describe("Weekly maintenance window (UTC), at least 30 minutes, not overlapping the backup window."),
                "ddd:hh:mm-ddd:hh:mm (UTC) lasting 30 minutes to 24 hours, outside the backup window",
            ),
            deletionProtection: z
                .boolean()
                .default(d.deletionProtection)
                .describe("RDS deletion protection: the instance cannot be deleted until this is turned off."),
            finalSnapshot: z
                .boolean()
                .default(d.finalSnapshot)
                .describe("Take a final snapshot when the primary is deleted (replicas never can)."),
            retainAutomatedBackups: z
                .boolean()
                .default(d.retainAutomatedBackups)
                .describe("Keep automated backups after the instance is deleted."),
            performanceInsights: z
                .boolean()
                .default(d.performanceInsights)
                .describe("Turn on Performance Insights (encrypted with the data key)."),
            performanceInsightsRetentionDays: allowed(
                z
                    .number()
                    .int()
                    .refine((v) => v === 7 || v === 731 || (v % 31 === 0 && v >= 31 && v <= 713), {
                        message: "is not a Performance Insights retention period; allowed: 7, 731, or a multiple of 31 from 31 to 713",
                    }),
                "7, 731, or a multiple of 31 from 31 to 713",
            )
                .default(d.performanceInsightsRetentionDays)
                .describe("Days Performance Insights keeps its data: 7 (free), a multiple of 31 up to 713, or 731 days."),
            monitoringInterval: allowed(
                z
                    .number()
                    .int()
                    .refine((v) => (MONITORING_INTERVALS as readonly number[]).includes(v), {
                        message: `is not an enhanced monitoring interval; allowed: ${MONITORING_INTERVALS.join(", ")}`,
                    }),
                MONITORING_INTERVALS.join(", "),
            )
                .default(d.monitoringInterval)
                .describe("Enhanced monitoring interval in seconds (0 = off)."),
            logRetentionDays: logRetentionDays
                .default(d.logRetentionDays)
                .describe("Retention of the exported PostgreSQL and upgrade logs."),
            proxy: z.boolean().default(d.proxy).describe("RDS Proxy in front of the primary, for connection pooling (TLS required)."),
            secretRecoveryDays: z
                .number()
                .int()
                .min(7)
                .max(30)
                .default(d.secretRecoveryDays)
                .describe("Days Secrets Manager keeps the deleted master-password secret recoverable (7-30)."),
            dataClassification: dataClassification
                .default("confidential")
                .describe("DataClassification tag of the instance, its replicas and snapshots."),
            parameters: allowed(
                z
                    .record(
                        z.string().regex(/^[a-z][a-z0-9_.]*$/, "is not a PostgreSQL parameter name"),
                        z.string().describe("The parameter's value."),
                    )
                    .superRefine((params, ctx) => {
                        for (const k of Object.keys(params)) {
                            if (ENFORCED_DB_PARAMETERS.includes(k)) {
                                ctx.addIssue({
                                    code: z.ZodIssueCode.custom,
                                    path: [k],
                                    message: `!is set by Strata (TLS is required) and cannot be overridden`,
                                });
                            }
                        }
                    }),
                `PostgreSQL parameter names (lower case) to values; not ${ENFORCED_DB_PARAMETERS.join(", ")}`,
            )
                .default({})
                .describe("Extra PostgreSQL parameters (name -> value); `rds.force_ssl` stays 1."),
        })
        .strict()
        .superRefine((db, ctx) => {
            if (db.maxAllocatedStorage < db.allocatedStorage) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["maxAllocatedStorage"],
                    message: `is below strata:database.allocatedStorage (${db.allocatedStorage}); allowed: a ceiling >= the allocated storage`,
                });
            }
            refineWindows(
                { daily: db.backupWindow, weekly: db.maintenanceWindow },
                { daily: "backupWindow", weekly: "maintenanceWindow", section: "database" },
                30,
                ctx,
            );
        })
        .default({})
        .describe("PostgreSQL on RDS. See docs/components/database.md.");
}
export type DatabaseSettings = z.output<ReturnType<typeof databaseSchema>>;

export const database = {
    schema: databaseSchema,
    checks: [
        sectionCheck<"database">({
            name: "the instance, replica, proxy and role names fit AWS limits",
            check: (settings, report, { naming }) => {
                const db = settings.database;
                if (!db.enabled) return;
                checkName(naming, report, ["name"], () => naming.physical("rdsIdentifier", databaseNames.identifier));
                for (let i = 0; i < db.readReplicas; i++) {
                    checkName(naming, report, ["database", "readReplicas"], () =>
                        naming.physical("rdsIdentifier", databaseNames.replica(i)),
                    );
                }
                if (db.proxy) checkName(naming, report, ["database", "proxy"], () => naming.physical("rdsIdentifier", databaseNames.proxy));
                if (db.monitoringInterval > 0)
                    checkName(naming, report, ["name"], () => naming.autoNamed("iamRole", databaseNames.monitoringRole));
                if (db.proxy) checkName(naming, report, ["name"], () => naming.autoNamed("iamRole", databaseNames.proxyRole));
            },
        }),
    ],
} satisfies Section<ReturnType<typeof databaseSchema>>;
