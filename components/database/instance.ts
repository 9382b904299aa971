import type { DatabaseSettings } from "../config/database";

/**
 * The decisions of the RDS instances as plain data: what primary and replicas share, what only the primary has, and
 * when the monitoring role exists. Settings as the Amazon RDS User Guide documents them (Multi-AZ, read replicas,
 * backups, Enhanced Monitoring, Performance Insights). Keys and other Inputs are added by the wiring.
 */

export const POSTGRES_PORT = 5432;

/** The log types RDS for PostgreSQL exports to CloudWatch Logs. */
export const POSTGRES_LOG_EXPORTS = ["postgresql", "upgrade"] as const;

/**
 * Special characters of the generated master password: printable ASCII that RDS accepts in a master password
 * (everything but '/', '@', '"' and space). The URL carries it percent-encoded.
 */
export const RDS_PASSWORD_SPECIALS = "!#$%&*()-_=+[]{}<>:?";

/** The RDS certificate authority the instances use. */
export const RDS_CA = "rds-ca-rsa2048-g1";

/** The master password: random, from characters RDS accepts, at least two of each class. */
export function masterPasswordSpec(length: number) {
    return { length, special: true, overrideSpecial: RDS_PASSWORD_SPECIALS, minLower: 2, minUpper: 2, minNumeric: 2, minSpecial: 2 };
}

/** Enhanced Monitoring needs its own role; interval 0 turns monitoring off. */
export function needsMonitoringRole(s: Pick<DatabaseSettings, "monitoringInterval">): boolean {
    return s.monitoringInterval > 0;
}

/** The AWS managed policy of the Enhanced Monitoring role, in a partition. */
export function monitoringPolicyArn(partition: string): string {
    return `arn:${partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole`;
}

type InstanceSettings = Pick<
    DatabaseSettings,
    | "maxAllocatedStorage"
    | "deletionProtection"
    | "maintenanceWindow"
    | "performanceInsights"
    | "performanceInsightsRetentionDays"
    | "monitoringInterval"
    | "allowMajorVersionUpgrade"
>;

/**
 * What primary and replicas share: gp3 storage, encrypted, private, minor upgrades, IAM auth, tags on snapshots,
 * Performance Insights (with retention) and monitoring as configured, both logs exported, changes in the maintenance
 * window, except while a major upgrade is switched on (`allowMajorVersionUpgrade`): then changes apply at once, so
 * the primary (and with it RDS's in-region replicas) runs the new major before the replicas move to the new family's
 * parameter group and before the old group is deleted. The keys (storage, Performance Insights) come from the wiring.
 */
export function sharedInstanceSettings(s: InstanceSettings) {
    return {
        storageType: "gp3",
        maxAllocatedStorage: s.maxAllocatedStorage,
        storageEncrypted: true,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        iamDatabaseAuthenticationEnabled: true,
        copyTagsToSnapshot: true,
        deletionProtection: s.deletionProtection,
        maintenanceWindow: s.maintenanceWindow,
        performanceInsightsEnabled: s.performanceInsights,
        ...(s.performanceInsights ? { performanceInsightsRetentionPeriod: s.performanceInsightsRetentionDays } : {}),
        monitoringInterval: s.monitoringInterval,
        enabledCloudwatchLogsExports: [...POSTGRES_LOG_EXPORTS],
        caCertIdentifier: RDS_CA,
        applyImmediately: s.allowMajorVersionUpgrade,
    };
}

type PrimarySettings = Pick<
    DatabaseSettings,
    | "engineVersion"
    | "instanceClass"
    | "allocatedStorage"
    | "databaseName"
    | "username"
    | "multiAz"
    | "backupRetentionDays"
    | "backupWindow"
    | "retainAutomatedBackups"
    | "finalSnapshot"
    | "allowMajorVersionUpgrade"
>;

/**
 * What only the primary has: engine and version, size, the database and user, Multi-AZ, backups, final snapshot.
 * A major version change needs `allowMajorVersionUpgrade` (ModifyDBInstance refuses it otherwise); the provider sends
 * the new engine version and the new parameter group in one ModifyDBInstance call (terraform-provider-aws
 * internal/service/rds/instance.go, resourceInstanceUpdate) and waits for the instance to be available again.
 */
export function primaryInstanceSettings(s: PrimarySettings) {
    return {
        engine: "postgres",
        engineVersion: s.engineVersion,
        allowMajorVersionUpgrade: s.allowMajorVersionUpgrade,
        instanceClass: s.instanceClass,
        allocatedStorage: s.allocatedStorage,
        dbName: s.databaseName,
        username: s.username,
        port: POSTGRES_PORT,
        multiAz: s.multiAz,
        backupRetentionPeriod: s.backupRetentionDays,
        backupWindow: s.backupWindow,
        deleteAutomatedBackups: !s.retainAutomatedBackups,
        skipFinalSnapshot: !s.finalSnapshot,
    };
}

/**
 * A read replica: the replica class (or the primary's), single-AZ, and no final snapshot (RDS cannot snapshot a
 * replica). No engine version: RDS upgrades in-region replicas together with their source ("Choosing a major version
 * for an RDS for PostgreSQL upgrade", Amazon RDS User Guide), so a replica follows the primary's version.
 */
export function replicaInstanceSettings(s: Pick<DatabaseSettings, "instanceClass" | "replicaInstanceClass">) {
    return { instanceClass: s.replicaInstanceClass ?? s.instanceClass, multiAz: false, skipFinalSnapshot: true };
}

/** The master credentials as the secret stores them (the JSON shape RDS and Secrets Manager rotation expect). */
export function masterSecretValue(p: { username: string; password: string; host: string; database: string; identifier: string }): string {
    return JSON.stringify({
        engine: "postgres",
        username: p.username,
        password: p.password,
        host: p.host,
        port: POSTGRES_PORT,
        dbname: p.database,
        dbInstanceIdentifier: p.identifier,
    });
}
