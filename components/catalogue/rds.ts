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
