/**
 * ElastiCache facts: engines, the engine versions Strata supports with their parameter group families, and node
 * types (ElastiCache user guide, "Supported engines and versions" and "Supported node types").
 */

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

/** Eviction policies ElastiCache's `maxmemory-policy` parameter accepts. */
export const MAXMEMORY_POLICIES = [
    "allkeys-lru",
    "allkeys-lfu",
    "allkeys-random",
    "volatile-lru",
    "volatile-lfu",
    "volatile-random",
    "volatile-ttl",
    "noeviction",
] as const;
