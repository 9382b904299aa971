import type { CacheSettings } from "../config/cache";
import { supportsTransitEncryptionMode } from "../catalogue/elasticache";

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

/**
 * The description of the parameter group. `description` forces a new group (terraform-provider-aws
 * internal/service/elasticache/parameter_group.go: ForceNew), so it carries nothing version-specific: a minor
 * upgrade, or a new default engine version, must keep the group; only a new family makes a new one.
 */
export function cacheParameterGroupDescription(prefix: string): string {
    return `${prefix} cache parameters`;
}

/**
 * Inputs of the parameter group the program does not compare: the description, which groups created by earlier
 * releases carry with their engine version in it. Replacing them for the new text alone would be the failing
 * replacement this avoids (the replication group keeps using the old group until its maintenance window).
 */
export const CACHE_PARAMETER_GROUP_IGNORE_CHANGES = ["description"];

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
    | "applyImmediately"
>;

/**
 * The replication group's settings: encrypted at rest and in transit (TLS only where the engine supports the mode;
 * Redis OSS before 7.0 rejects it, and enabling TLS at creation makes it TLS-only there), failover and Multi-AZ as
 * configured, AUTH token rotation, snapshots, changes in the maintenance window unless `applyImmediately`
 * (ModifyReplicationGroup ApplyImmediately, ElastiCache API Reference: false defers changes to the nodes, a new
 * parameter group included, to the next maintenance reboot).
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
        applyImmediately: s.applyImmediately,
    };
}

/** Log delivery of each log type to its log group, as JSON; the group names pass through untouched. */
export function logDeliveryConfigurations<G>(groups: Array<{ logType: string; group: G }>) {
    return groups.map(({ logType, group }) => ({ destination: group, destinationType: "cloudwatch-logs", logFormat: "json", logType }));
}
