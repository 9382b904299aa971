import type { CacheSettings } from "../config/cache";
import { supportsTransitEncryptionMode } from "../config/cache";

/**
 * The ElastiCache replication group as plain data: parameter group parameters, the AUTH token, and the group's
 * settings (TLS, failover, snapshots, log delivery). As the Amazon ElastiCache User Guide documents them
 * ("Encryption in transit", "Authenticating with the Valkey and Redis OSS AUTH command", "Log delivery").
 */

export const REDIS_PORT = 6379;

/** Special characters ElastiCache accepts in an AUTH token. */
export const AUTH_TOKEN_SPECIALS = "!&#$^<>-";

/** The logs a replication group delivers to CloudWatch Logs. */
export const CACHE_LOG_TYPES = ["slow-log", "engine-log"] as const;

/** The parameters of the cache's parameter group: the eviction policy from config. */
export function cacheParameters(s: Pick<CacheSettings, "maxmemoryPolicy">): Array<{ name: string; value: string }> {
    return [{ name: "maxmemory-policy", value: s.maxmemoryPolicy }];
}

/** The AUTH token: random, from the characters ElastiCache accepts. */
export function authTokenSpec(length: number) {
    return { length, special: true, overrideSpecial: AUTH_TOKEN_SPECIALS, minLower: 2, minUpper: 2, minNumeric: 2, minSpecial: 1 };
}

type GroupSettings = Pick<
    CacheSettings,
    | "engine"
    | "engineVersion"
    | "nodeType"
    | "numCacheClusters"
    | "automaticFailover"
    | "multiAz"
    | "snapshotRetentionDays"
    | "snapshotWindow"
    | "maintenanceWindow"
>;

/**
 * The replication group's settings: encrypted at rest and in transit (TLS only where the engine supports the mode;
 * Redis OSS before 7.0 rejects it, and enabling TLS at creation makes it TLS-only there), failover and Multi-AZ as
 * configured, AUTH token rotation, snapshots, changes in the maintenance window.
 */
export function replicationGroupSettings(s: GroupSettings) {
    return {
        engine: s.engine,
        engineVersion: s.engineVersion,
        nodeType: s.nodeType,
        port: REDIS_PORT,
        numCacheClusters: s.numCacheClusters,
        automaticFailoverEnabled: s.automaticFailover,
        multiAzEnabled: s.multiAz,
        atRestEncryptionEnabled: true,
        transitEncryptionEnabled: true,
        ...(supportsTransitEncryptionMode(s.engine, s.engineVersion) ? { transitEncryptionMode: "required" } : {}),
        // ROTATE: a new token is added while the old one keeps working, so clients can roll over.
        authTokenUpdateStrategy: "ROTATE",
        autoMinorVersionUpgrade: true,
        snapshotRetentionLimit: s.snapshotRetentionDays,
        snapshotWindow: s.snapshotWindow,
        maintenanceWindow: s.maintenanceWindow,
        applyImmediately: false,
    };
}

/** Log delivery of each log type to its log group, as JSON; the group names pass through untouched. */
export function logDeliveryConfigurations<G>(groups: Array<{ logType: string; group: G }>) {
    return groups.map(({ logType, group }) => ({ destination: group, destinationType: "cloudwatch-logs", logFormat: "json", logType }));
}
