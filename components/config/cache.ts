import { z } from "zod";
import { catalogueValue } from "./catalogueValue";
import type { Environment, PerEnvironment } from "./environment";
import { dailyWindow, dataClassification, logRetentionDays, weeklyWindow } from "./common";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";
import {
    CACHE_ENGINES,
    CACHE_ENGINE_VERSIONS,
    CACHE_NODE_TYPES,
    cacheParameterFamily,
    DEFAULT_CACHE_ENGINE_VERSION,
    MAXMEMORY_POLICIES,
} from "../catalogue/elasticache";
import { refineWindows } from "./database";
import { cacheNames } from "../cache/names";

// AWS facts the cache settings use live in the catalogue; re-exported here for the code that imports them from config.
export {
    CACHE_ENGINES,
    CACHE_ENGINE_VERSIONS,
    CACHE_NODE_TYPES,
    CacheEngine,
    cacheParameterFamily,
    DEFAULT_CACHE_ENGINE_VERSION,
    MAXMEMORY_POLICIES,
    supportsTransitEncryptionMode,
} from "../catalogue/elasticache";

interface CacheDefaults {
    nodeType: string;
    numCacheClusters: number;
    snapshotRetentionDays: number;
    finalSnapshot: boolean;
    logRetentionDays: number;
}

const defaults: PerEnvironment<CacheDefaults> = {
    dev: { nodeType: "cache.t4g.micro", numCacheClusters: 1, snapshotRetentionDays: 1, finalSnapshot: false, logRetentionDays: 30 },
    staging: { nodeType: "cache.t4g.small", numCacheClusters: 2, snapshotRetentionDays: 7, finalSnapshot: false, logRetentionDays: 90 },
    prod: { nodeType: "cache.t4g.medium", numCacheClusters: 3, snapshotRetentionDays: 30, finalSnapshot: true, logRetentionDays: 365 },
};

/**
 * `strata:cache`: a Valkey (default) or Redis replication group. Every environment has at-rest encryption (data key),
 * TLS required, an AUTH token and port 6379 open to the nodes only; two or more nodes bring Multi-AZ and automatic
 * failover (staging 2, prod 3).
 */
export function cacheSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            enabled: z.boolean().default(true).describe("Create the cache at all."),
            engine: z
                .enum(CACHE_ENGINES)
                .default("valkey")
                .describe(
                    "Valkey is Redis-compatible and about 20% cheaper. Redis -> Valkey upgrades a running group in place (a new parameter group family: set applyImmediately for that deploy); Valkey -> Redis replaces the group.",
                ),
            engineVersion: allowed(
                z.string(),
                `a version of the chosen engine: ${CACHE_ENGINES.map((e) => `${e} ${Object.keys(CACHE_ENGINE_VERSIONS[e]).join(", ")}`).join("; ")}`,
            )
                .optional()
                .describe(`Engine version; default: ${CACHE_ENGINES.map((e) => `${e} ${DEFAULT_CACHE_ENGINE_VERSION[e]}`).join(", ")}.`),
            nodeType: allowed(
                catalogueValue(CACHE_NODE_TYPES, "ElastiCache node type"),
                `a current-generation ElastiCache node type: ${CACHE_NODE_TYPES.join(", ")}`,
            )
                .default(d.nodeType)
                .describe("Node type of every node in the replication group."),
            numCacheClusters: z
                .number()
                .int()
                .min(1)
                .max(6)
                .default(d.numCacheClusters)
                .describe("Nodes: one primary plus replicas (1-6)."),
            multiAz: allowed(z.boolean(), "true (needs numCacheClusters 2 or more), false")
                .optional()
                .describe("Multi-AZ (with automatic failover); default: on whenever there are two or more nodes."),
            snapshotRetentionDays: z
                .number()
                .int()
                .min(0)
                .max(35)
                .default(d.snapshotRetentionDays)
                .describe("Days ElastiCache keeps automatic snapshots (0 = none)."),
            snapshotWindow: allowed(
                dailyWindow.default("03:00-04:00").describe("Daily snapshot window (UTC), at least 60 minutes."),
                "hh:mm-hh:mm (UTC) lasting at least 60 minutes",
            ),
            maintenanceWindow: allowed(
                weeklyWindow
                    .default("sun:05:00-sun:06:00")
                    .describe("Weekly maintenance window (UTC), at least 60 minutes, not overlapping the snapshot window."),
                "ddd:hh:mm-ddd:hh:mm (UTC) lasting 60 minutes to 24 hours, outside the snapshot window",
            ),
            finalSnapshot: z.boolean().default(d.finalSnapshot).describe("Take a final snapshot when the replication group is deleted."),
            applyImmediately: z
                .boolean()
                .default(false)
                .describe(
                    "Apply replication group changes now instead of in the maintenance window. Needed for a parameter group family change (e.g. valkey 7.2 -> 8.0, redis -> valkey): the group must move to the new parameter group before the old one is deleted; the plan guard refuses that change without it.",
                ),
            authTokenLength: z.number().int().min(16).max(128).default(64).describe("Length of the generated AUTH token (16-128)."),
            maxmemoryPolicy: z
                .enum(MAXMEMORY_POLICIES)
                .default("allkeys-lru")
                .describe("Eviction policy when memory is full (`maxmemory-policy` parameter)."),
            logRetentionDays: logRetentionDays.default(d.logRetentionDays).describe("Retention of the slow and engine log groups."),
            dataClassification: dataClassification
                .default("confidential")
                .describe("DataClassification tag of the replication group and its snapshots."),
        })
        .strict()
        .superRefine((c, ctx) => {
            const versions = CACHE_ENGINE_VERSIONS[c.engine];
            if (c.engineVersion !== undefined && !(c.engineVersion in versions)) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["engineVersion"],
                    message: `is not a ${c.engine} version Strata supports; allowed: ${Object.keys(versions).join(", ")}`,
                });
            }
            if (c.multiAz === true && c.numCacheClusters < 2) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["multiAz"],
                    message: `!true needs at least 2 nodes, but strata:cache.numCacheClusters is ${c.numCacheClusters}; allowed: set numCacheClusters to 2-6, or multiAz to false`,
                });
            }
            refineWindows(
                { daily: c.snapshotWindow, weekly: c.maintenanceWindow },
                { daily: "snapshotWindow", weekly: "maintenanceWindow", section: "cache" },
                60,
                ctx,
            );
        })
        .transform((c) => {
            const engineVersion = c.engineVersion ?? DEFAULT_CACHE_ENGINE_VERSION[c.engine];
            return {
                ...c,
                engineVersion,
                parameterGroupFamily: cacheParameterFamily(c.engine, engineVersion),
                multiAz: c.multiAz ?? c.numCacheClusters >= 2,
                /** Automatic failover needs a replica to fail over to. */
                automaticFailover: c.numCacheClusters >= 2,
            };
        })
        .default({})
        .describe("Redis-compatible cache on ElastiCache (Valkey or Redis). See docs/components/cache.md.");
}
export type CacheSettings = z.output<ReturnType<typeof cacheSchema>>;

export const cache = {
    schema: cacheSchema,
    checks: [
        sectionCheck<"cache">({
            name: "the replication group id fits ElastiCache's limit",
            check: (settings, report, { naming }) => {
                if (!settings.cache.enabled) return;
                checkName(naming, report, ["name"], () => naming.physical("elasticacheReplicationGroupId", cacheNames.replicationGroupId));
            },
        }),
    ],
} satisfies Section<ReturnType<typeof cacheSchema>>;
