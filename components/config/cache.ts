import { z } from "zod";
import { Environment, PerEnvironment } from "./environment";
import { dailyWindow, dataClassification, logRetentionDays, weeklyWindow } from "./common";
import { CROSS_CHECKS, checkName } from "./checks";
import { refineWindows } from "./database";
import { cacheNames } from "../cache/names";

export const CACHE_ENGINES = ["valkey", "redis"] as const;
export type CacheEngine = (typeof CACHE_ENGINES)[number];

/** Engine versions Strata supports, and the parameter group family of each. */
export const CACHE_ENGINE_VERSIONS: Record<CacheEngine, Record<string, string>> = {
    valkey: { "7.2": "valkey7", "8.0": "valkey8", "8.1": "valkey8" },
    redis: { "6.2": "redis6.x", "7.0": "redis7", "7.1": "redis7" },
};
export const DEFAULT_CACHE_ENGINE_VERSION: Record<CacheEngine, string> = { valkey: "8.0", redis: "7.1" };

/** The parameter group family of an engine version ("valkey8", "redis7"). */
export function cacheParameterFamily(engine: CacheEngine, version: string): string {
    const family = CACHE_ENGINE_VERSIONS[engine][version];
    if (!family) throw new Error(`no parameter group family for ${engine} ${version}`);
    return family;
}

/**
 * Whether the engine version takes `TransitEncryptionMode` (preferred / required): Valkey 7.2+ and Redis OSS 7.0+
 * (https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/in-transit-encryption-enable-python.html). Older
 * Redis gets TLS-only from `TransitEncryptionEnabled` at creation and must not be sent the mode.
 */
export function supportsTransitEncryptionMode(engine: CacheEngine, version: string): boolean {
    return engine === "valkey" || Number(version.split(".")[0]) >= 7;
}

const nodes = (family: string, list: string[]) => list.map((s) => `cache.${family}.${s}`);
const T = ["micro", "small", "medium"];
const G = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];

/** ElastiCache node types Strata accepts (current generations). */
export const CACHE_NODE_TYPES: readonly string[] = [
    ...nodes("t3", T),
    ...nodes("t4g", T),
    ...nodes("m5", ["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"]),
    ...nodes("m6g", G),
    ...nodes("m7g", G),
    ...nodes("r5", ["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"]),
    ...nodes("r6g", G),
    ...nodes("r7g", G),
];

export const MAXMEMORY_POLICIES = ["allkeys-lru", "allkeys-lfu", "allkeys-random", "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl", "noeviction"] as const;

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
            enabled: z.boolean().default(true),
            /** Valkey is Redis-compatible and about 20% cheaper. Changing the engine of a running group fails in place. */
            engine: z.enum(CACHE_ENGINES).default("valkey"),
            /** Default: valkey 8.0, redis 7.1. */
            engineVersion: z.string().optional(),
            nodeType: z
                .string()
                .refine((v) => CACHE_NODE_TYPES.includes(v), { message: `is not a known ElastiCache node type; allowed: ${CACHE_NODE_TYPES.join(", ")}` })
                .default(d.nodeType),
            /** Nodes: one primary plus replicas (1-6). */
            numCacheClusters: z.number().int().min(1).max(6).default(d.numCacheClusters),
            /** Multi-AZ (with automatic failover); default: on whenever there are two or more nodes. */
            multiAz: z.boolean().optional(),
            snapshotRetentionDays: z.number().int().min(0).max(35).default(d.snapshotRetentionDays),
            /** Daily snapshot window (UTC), at least 60 minutes. */
            snapshotWindow: dailyWindow.default("03:00-04:00"),
            /** Weekly maintenance window (UTC), at least 60 minutes, not overlapping the snapshot window. */
            maintenanceWindow: weeklyWindow.default("sun:05:00-sun:06:00"),
            finalSnapshot: z.boolean().default(d.finalSnapshot),
            /** Length of the generated AUTH token (16-128). */
            authTokenLength: z.number().int().min(16).max(128).default(64),
            maxmemoryPolicy: z.enum(MAXMEMORY_POLICIES).default("allkeys-lru"),
            logRetentionDays: logRetentionDays.default(d.logRetentionDays),
            dataClassification: dataClassification.default("confidential"),
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
            refineWindows({ daily: c.snapshotWindow, weekly: c.maintenanceWindow }, { daily: "snapshotWindow", weekly: "maintenanceWindow", section: "cache" }, 60, ctx);
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
        .default({});
}
export type CacheSettings = z.output<ReturnType<typeof cacheSchema>>;

CROSS_CHECKS.push((settings, report, naming) => {
    if (!settings.cache.enabled) return;
    checkName(naming, report, ["name"], () => naming.physical("elasticacheReplicationGroupId", cacheNames.replicationGroupId));
});
