/**
 * RDS for PostgreSQL facts: major versions and instance classes (RDS user guide, "Supported DB engines for DB
 * instance classes" and "Amazon RDS for PostgreSQL versions"), and the enhanced monitoring intervals the
 * CreateDBInstance API accepts (MonitoringInterval).
 */

/** PostgreSQL major versions RDS offers (the engine version is pinned to the major; minors upgrade automatically). */
export const POSTGRES_MAJOR_VERSIONS = ["13", "14", "15", "16", "17"] as const;

const sizes = (family: string, list: string[]) => list.map((s) => `db.${family}.${s}`);
const T = ["micro", "small", "medium", "large", "xlarge", "2xlarge"];
const M5 = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"];
const G = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];
const I = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"];

/** RDS for PostgreSQL instance classes Strata accepts (current generations). */
export const RDS_INSTANCE_CLASSES: readonly string[] = [
    ...sizes("t3", T),
    ...sizes("t4g", T),
    ...sizes("m5", M5),
    ...sizes("m6g", G),
    ...sizes("m6i", I),
    ...sizes("m7g", G),
    ...sizes("m7i", [...I, "48xlarge"]),
    ...sizes("r5", M5),
    ...sizes("r6g", G),
    ...sizes("r6i", I),
    ...sizes("r7g", G),
    ...sizes("r7i", [...I, "48xlarge"]),
];

/** Enhanced monitoring intervals (seconds) RDS accepts; 0 turns it off. */
export const MONITORING_INTERVALS = [0, 1, 5, 10, 15, 30, 60] as const;

/**
 * PostgreSQL parameters RDS applies only at a reboot ("static" in the parameter group's Apply type): the ones
 * PostgreSQL reads at server start (context `postmaster` in the PostgreSQL documentation, "Server Configuration"),
 * plus RDS's own start-time settings, as the Amazon RDS User Guide lists them ("Working with parameters on your RDS
 * for PostgreSQL DB instance"; the parameter group shows Apply type static). ModifyDBParameterGroup accepts the
 * `immediate` apply method for dynamic parameters only, so these take `pending-reboot`; every other parameter is
 * dynamic and takes `immediate`.
 */
export const POSTGRES_STATIC_PARAMETERS: readonly string[] = [
    "autovacuum_freeze_max_age",
    "autovacuum_max_workers",
    "autovacuum_multixact_freeze_max_age",
    "cron.database_name",
    "huge_pages",
    "max_connections",
    "max_files_per_process",
    "max_locks_per_transaction",
    "max_logical_replication_workers",
    "max_pred_locks_per_transaction",
    "max_prepared_transactions",
    "max_replication_slots",
    "max_wal_senders",
    "max_worker_processes",
    "old_snapshot_threshold",
    "pg_stat_statements.max",
    "rds.logical_replication",
    "rds.rds_superuser_reserved_connections",
    "shared_buffers",
    "shared_preload_libraries",
    "superuser_reserved_connections",
    "track_activity_query_size",
    "track_commit_timestamp",
    "wal_buffers",
    "wal_log_hints",
];

/** How RDS applies a change of a PostgreSQL parameter: at once (dynamic) or at the next reboot (static). */
export function postgresApplyMethod(name: string): "immediate" | "pending-reboot" {
    return POSTGRES_STATIC_PARAMETERS.includes(name) ? "pending-reboot" : "immediate";
}
