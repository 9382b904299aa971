import { z } from "zod";
import { catalogueValue } from "./catalogueValue";
import type { Environment, PerEnvironment } from "./environment";
import { dailyWindow, dataClassification, weeklyWindow } from "./common";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";
import { refineWindows } from "./database";
import {
    ALL_DOCDB_INSTANCE_CLASSES,
    DEFAULT_DOCDB_ENGINE_VERSION,
    DOCDB_ENGINE_VERSIONS,
    DOCDB_INSTANCE_CLASSES,
    DOCDB_MAX_INSTANCES,
    DOCDB_PARAMETER_FAMILY,
    DOCDB_PASSWORD_LENGTH,
    DOCDB_RESERVED_USERNAMES,
} from "../catalogue/documentDb";
import { documentDbNames } from "../documentDb/names";
import { availabilityZoneCount } from "../network/vpc";

interface DocumentDbDefaults {
    instanceClass: string;
    instances: number;
    backupRetentionDays: number;
    deletionProtection: boolean;
    finalSnapshot: boolean;
}

/** Presets: one burstable instance in dev, two in staging, three memory-optimised instances (one per AZ) in prod. */
const defaults: PerEnvironment<DocumentDbDefaults> = {
    dev: { instanceClass: "db.t4g.medium", instances: 1, backupRetentionDays: 7, deletionProtection: false, finalSnapshot: false },
    staging: { instanceClass: "db.t4g.medium", instances: 2, backupRetentionDays: 7, deletionProtection: false, finalSnapshot: false },
    prod: { instanceClass: "db.r6g.large", instances: 3, backupRetentionDays: 30, deletionProtection: true, finalSnapshot: true },
};

/**
 * `strata:documentDb`: an Amazon DocumentDB (MongoDB-compatible) instance-based cluster. Off unless enabled. Every
 * environment has storage encryption with the data key, TLS, audit and profiler logs exported to CloudWatch Logs, and
 * port 27017 open to the cluster nodes only.
 */
export function documentDbSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            enabled: z.boolean().default(false).describe("Create the DocumentDB cluster at all."),
            engineVersion: z
                .enum(DOCDB_ENGINE_VERSIONS)
                .default(DEFAULT_DOCDB_ENGINE_VERSION)
                .describe(
                    "DocumentDB engine version (MongoDB API compatibility): 4.0, 5.0 (LTS) or 8.0. A change is a major version upgrade in place (allowMajorVersionUpgrade) with a new parameter group family.",
                ),
            instanceClass: allowed(
                catalogueValue(ALL_DOCDB_INSTANCE_CLASSES, "DocumentDB instance class"),
                `an instance class the engine version supports: ${DOCDB_ENGINE_VERSIONS.map((v) => `${v}: ${DOCDB_INSTANCE_CLASSES[v].join(", ")}`).join("; ")}`,
            )
                .default(d.instanceClass)
                .describe("Instance class of every instance in the cluster."),
            instances: z
                .number()
                .int()
                .min(1)
                .max(DOCDB_MAX_INSTANCES)
                .default(d.instances)
                .describe("Instances: one primary plus replicas (1-16), spread over the cluster's three AZs in turn."),
            masterUsername: allowed(
                z
                    .string()
                    .regex(/^[a-zA-Z][a-zA-Z0-9]{0,62}$/, "is not a DocumentDB user name (a letter, then letters or digits, 1-63)")
                    .refine((v) => !(DOCDB_RESERVED_USERNAMES as readonly string[]).includes(v.toLowerCase()), {
                        message: `is reserved by DocumentDB; not ${DOCDB_RESERVED_USERNAMES.join(", ")}`,
                    })
                    .default("strata")
                    .describe("Master user name (replacing it replaces the cluster)."),
                `a letter, then letters or digits (1-63), not ${DOCDB_RESERVED_USERNAMES.join(", ")}`,
            ),
            passwordLength: z
                .number()
                .int()
                .min(16)
                .max(DOCDB_PASSWORD_LENGTH.max)
                .default(32)
                .describe(`Length of the generated master password (16-${DOCDB_PASSWORD_LENGTH.max}).`),
            backupRetentionDays: z
                .number()
                .int()
                .min(1)
                .max(35)
                .default(d.backupRetentionDays)
                .describe("Days DocumentDB keeps continuous backups (1-35; it cannot be turned off)."),
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
                .describe("DocumentDB deletion protection: the API refuses to delete the cluster while it is on."),
            finalSnapshot: z.boolean().default(d.finalSnapshot).describe("Take a final snapshot when the cluster is deleted."),
            profilerThresholdMs: z
                .number()
                .int()
                .min(50)
                .max(2147483646)
                .default(100)
                .describe("Operations slower than this are logged by the profiler (`profiler_threshold_ms`, 50 or more)."),
            applyImmediately: z
                .boolean()
                .default(false)
                .describe("Apply cluster and instance changes now instead of in the maintenance window."),
            dataClassification: dataClassification
                .default("confidential")
                .describe("DataClassification tag of the cluster and its snapshots."),
        })
        .strict()
        .superRefine((c, ctx) => {
            const supported = DOCDB_INSTANCE_CLASSES[c.engineVersion];
            if (!supported.includes(c.instanceClass)) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["instanceClass"],
                    message: `!${c.instanceClass} is not offered for DocumentDB ${c.engineVersion}; allowed: ${supported.join(", ")}`,
                });
            }
            refineWindows(
                { daily: c.backupWindow, weekly: c.maintenanceWindow },
                { daily: "backupWindow", weekly: "maintenanceWindow", section: "documentDb" },
                30,
                ctx,
            );
        })
        .transform((c) => ({ ...c, parameterGroupFamily: DOCDB_PARAMETER_FAMILY[c.engineVersion] }))
        .default({})
        .describe("MongoDB-compatible document database on Amazon DocumentDB. See docs/components/document-db.md.");
}
export type DocumentDbSettings = z.output<ReturnType<typeof documentDbSchema>>;

export const documentDb = {
    schema: documentDbSchema,
    checks: [
        sectionCheck<"documentDb">({
            name: "the DocumentDB cluster and instance identifiers fit AWS limits",
            check: (settings, report, { naming }) => {
                const s = settings.documentDb;
                if (!s.enabled) return;
                checkName(naming, report, ["name"], () => naming.physical("rdsIdentifier", documentDbNames.cluster));
                checkName(naming, report, ["name"], () => naming.physical("rdsIdentifier", ...documentDbNames.instance(s.instances - 1)));
            },
        }),
        // DocumentDB keeps every cluster's storage in three AZs and reports three in AvailabilityZones whatever was
        // asked; terraform-provider-aws internal/service/docdb/cluster.go makes availability_zones ForceNew and reads
        // it back from the API, so a cluster given fewer than three would be replaced on every later `up`.
        sectionCheck<"documentDb" | "network">({
            name: "the network has the three AZs a DocumentDB cluster spans",
            check: (settings, report) => {
                if (!settings.documentDb.enabled) return;
                const azs = availabilityZoneCount(settings.network);
                if (azs < 3)
                    report(
                        ["documentDb", "enabled"],
                        `!needs a network of 3 availability zones (DocumentDB spans three), but strata:network has ${azs}; allowed: set strata:network.availabilityZones to 3, or documentDb.enabled to false`,
                    );
            },
        }),
    ],
} satisfies Section<ReturnType<typeof documentDbSchema>>;
