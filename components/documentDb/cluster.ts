import type { DocumentDbSettings } from "../config/documentDb";
import { DOCDB_PASSWORD_SPECIALS, DOCDB_PORT } from "../catalogue/documentDb";

/**
 * The DocumentDB cluster as plain data: its parameter group, its settings, its instances' AZs and its master
 * password, as the Amazon DocumentDB Developer Guide documents them ("Managing Amazon DocumentDB cluster parameter
 * groups", "Auditing Amazon DocumentDB events", "Profiling Amazon DocumentDB operations", "Encrypting data in transit").
 */

export { DOCDB_PORT } from "../catalogue/documentDb";

/** The logs the cluster exports to CloudWatch Logs (CreateDBCluster EnableCloudwatchLogsExports: audit, profiler). */
export const DOCDB_LOG_EXPORTS = ["audit", "profiler"] as const;

/** Where the pods find the CA bundle the MONGODB_URL names (`tlsCAFile`). */
export const DOCDB_CA_FILE = "/etc/strata/documentdb/global-bundle.pem";

/**
 * The cluster parameter group's parameters. `tls=enabled` makes TLS required; `audit_logs=enabled` records DDL,
 * authentication and authorization events ("Auditing Amazon DocumentDB events"; `enabled` is the legacy value, equal
 * to `ddl`, accepted by every engine version, and one of the values CKV_AWS_104 accepts with `ddl` and `all`);
 * `profiler=enabled` with `profiler_threshold_ms` logs slow operations. tls and audit_logs are static (pending-reboot
 * apply method), the profiler parameters dynamic.
 */
export function documentDbParameters(s: Pick<DocumentDbSettings, "profilerThresholdMs">) {
    return [
        { name: "tls", value: "enabled", applyMethod: "pending-reboot" },
        { name: "audit_logs", value: "enabled", applyMethod: "pending-reboot" },
        { name: "profiler", value: "enabled", applyMethod: "immediate" },
        { name: "profiler_threshold_ms", value: String(s.profilerThresholdMs), applyMethod: "immediate" },
    ];
}

/**
 * The description of the parameter group: `description` forces a new group (terraform-provider-aws
 * internal/service/docdb/cluster_parameter_group.go: ForceNew), so it names nothing version-specific; only a new
 * family (a major version) makes a new group.
 */
export function documentDbParameterGroupDescription(prefix: string): string {
    return `${prefix} DocumentDB cluster parameters (TLS, audit, profiler)`;
}

/**
 * The master password: random, from the characters DocumentDB accepts (printable ASCII without / " @, 8-100 long;
 * DocumentDB API Reference, CreateDBCluster MasterUserPassword).
 */
export function documentDbPasswordSpec(length: number) {
    return { length, special: true, overrideSpecial: DOCDB_PASSWORD_SPECIALS, minLower: 2, minUpper: 2, minNumeric: 2, minSpecial: 1 };
}

type ClusterSettings = Pick<
    DocumentDbSettings,
    | "engineVersion"
    | "masterUsername"
    | "backupRetentionDays"
    | "backupWindow"
    | "maintenanceWindow"
    | "deletionProtection"
    | "finalSnapshot"
    | "applyImmediately"
>;

/**
 * The cluster's settings: storage encrypted (the key is given by the caller), both log exports, backups and windows,
 * deletion protection as configured, the final snapshot unless turned off (`skipFinalSnapshot` true otherwise: the
 * provider refuses to delete without a final snapshot identifier when it is false), and the three AZs set explicitly.
 */
export function documentDbClusterSettings(s: ClusterSettings) {
    return {
        engine: "docdb",
        engineVersion: s.engineVersion,
        port: DOCDB_PORT,
        masterUsername: s.masterUsername,
        storageEncrypted: true,
        enabledCloudwatchLogsExports: [...DOCDB_LOG_EXPORTS],
        backupRetentionPeriod: s.backupRetentionDays,
        preferredBackupWindow: s.backupWindow,
        preferredMaintenanceWindow: s.maintenanceWindow,
        deletionProtection: s.deletionProtection,
        skipFinalSnapshot: !s.finalSnapshot,
        // A major version change (4.0 -> 5.0 -> 8.0) is an in-place major version upgrade (ModifyDBCluster).
        allowMajorVersionUpgrade: true,
        applyImmediately: s.applyImmediately,
        copyTagsToSnapshot: true,
    };
}

/**
 * A final snapshot identifier that stays the same for the life of the cluster (the provider only checks
 * `^[0-9A-Za-z-]+$`, no "--", no trailing "-"; DocumentDB requires a letter first and at most 255 characters). The
 * suffix makes it differ from a final snapshot left by an earlier cluster of the same identifier, which DocumentDB
 * would refuse (DBClusterSnapshotAlreadyExistsFault).
 */
export function finalSnapshotIdentifier(clusterIdentifier: string, suffix: string): string {
    const id = `${clusterIdentifier}-final-${suffix}`.replace(/-+/g, "-").replace(/-$/, "");
    if (!/^[A-Za-z][0-9A-Za-z-]{0,254}$/.test(id)) throw new Error(`${id} is not a DocumentDB snapshot identifier`);
    return id;
}

/**
 * The cluster's `availabilityZones`: the first three of the network's. DocumentDB keeps the cluster's storage in three
 * AZs and DescribeDBClusters returns three; terraform-provider-aws internal/service/docdb/cluster.go has
 * availability_zones Optional, Computed and ForceNew and sets it from the API on every read, so a list of fewer than
 * three differs from the state on every later `up` and proposes a replacement. Exactly three, always.
 */
export function clusterAvailabilityZones(names: readonly string[]): string[] {
    if (names.length < 3) throw new Error(`a DocumentDB cluster spans 3 availability zones; the network has ${names.length}`);
    return names.slice(0, 3);
}

/** The AZ of each instance: the cluster's three AZs in turn, so three instances land one per AZ. */
export function instanceAvailabilityZones(count: number, availabilityZones: readonly string[]): string[] {
    return Array.from({ length: count }, (_, i) => availabilityZones[i % availabilityZones.length]);
}
