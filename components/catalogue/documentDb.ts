/**
 * Amazon DocumentDB facts Strata uses: the engine versions under standard support in late 2026 with their cluster
 * parameter group families, the instance classes each version runs on, the port and the master password rules.
 *
 * Versions: "Amazon DocumentDB engine version support dates" (Amazon DocumentDB Developer Guide,
 * https://docs.aws.amazon.com/documentdb/latest/devguide/docdb-version-support-dates.html): 3.6 left standard support on
 * 30 March 2026 (Extended Support only, so not offered); 4.0 (November 2020), 5.0 (March 2023, LTS) and 8.0
 * (14 November 2025) have no end of standard support announced.
 * Instance classes: "Amazon DocumentDB Features and Configurations" (docdb-engine-version-supportability, its
 * "Instance types" table) and "Managing instance classes" (R5, R6G, R8G, T3 and T4G current generation; R4 is 3.6 only).
 */

export const DOCDB_ENGINE_VERSIONS = ["4.0", "5.0", "8.0"] as const;
export type DocdbEngineVersion = (typeof DOCDB_ENGINE_VERSIONS)[number];
export const DEFAULT_DOCDB_ENGINE_VERSION: DocdbEngineVersion = "5.0";

/** The cluster parameter group family of each engine version (CreateDBClusterParameterGroup DBParameterGroupFamily). */
export const DOCDB_PARAMETER_FAMILY: Record<DocdbEngineVersion, string> = { "4.0": "docdb4.0", "5.0": "docdb5.0", "8.0": "docdb8.0" };

const classes = (family: string, sizes: string[]) => sizes.map((s) => `db.${family}.${s}`);
const R = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];
const R5 = ["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"];

/**
 * Instance classes per engine version. T3 and R5 are not offered for 8.0 here: the supportability table lists the
 * Graviton classes (T4G, R6G, R8G) for 8.0; R8G from 5.0 on.
 */
export const DOCDB_INSTANCE_CLASSES: Record<DocdbEngineVersion, readonly string[]> = {
    "4.0": ["db.t3.medium", "db.t4g.medium", ...classes("r5", R5), ...classes("r6g", R)],
    "5.0": ["db.t3.medium", "db.t4g.medium", ...classes("r5", R5), ...classes("r6g", R), ...classes("r8g", R)],
    "8.0": ["db.t4g.medium", ...classes("r6g", R), ...classes("r8g", R)],
};

/** Every instance class of any version (the config's catalogue check; the per-version check follows). */
export const ALL_DOCDB_INSTANCE_CLASSES: readonly string[] = [...new Set(Object.values(DOCDB_INSTANCE_CLASSES).flat())];

export const DOCDB_PORT = 27017;

/** The most instances a cluster holds: one primary and up to 15 replicas ("Features and Configurations": 15 read replicas). */
export const DOCDB_MAX_INSTANCES = 16;

/**
 * The master password: "any printable ASCII character except forward slash (/), double quote ("), or the 'at' symbol
 * (@)", 8 to 100 characters (DocumentDB API Reference, CreateDBCluster / ModifyDBCluster MasterUserPassword). The
 * specials below are a subset of what is allowed that also needs no quoting in a shell; the URL percent-encodes them.
 */
export const DOCDB_PASSWORD_SPECIALS = "!#$%&*()-_=+[]{}<>:?";
export const DOCDB_PASSWORD_LENGTH = { min: 8, max: 100 } as const;

/** Master user names DocumentDB reserves ("admin" and "root" among them; the CDK notes "admin" is reserved). */
export const DOCDB_RESERVED_USERNAMES = ["admin", "root", "serviceadmin"] as const;
