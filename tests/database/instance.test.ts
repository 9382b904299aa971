import {
    masterPasswordSpec,
    masterSecretValue,
    monitoringPolicyArn,
    needsMonitoringRole,
    POSTGRES_PORT,
    primaryInstanceSettings,
    RDS_PASSWORD_SPECIALS,
    replicaInstanceSettings,
    sharedInstanceSettings,
} from "../../components/database/instance";

const shared = {
    maxAllocatedStorage: 1000,
    deletionProtection: true,
    maintenanceWindow: "sun:05:00-sun:06:00",
    performanceInsights: true,
    performanceInsightsRetentionDays: 31,
    monitoringInterval: 60,
    allowMajorVersionUpgrade: false,
};

describe("sharedInstanceSettings", () => {
    test("encrypted gp3, private, IAM auth, both logs exported, the pinned CA, changes in the maintenance window", () => {
        expect(sharedInstanceSettings(shared)).toMatchObject({
            storageType: "gp3",
            storageEncrypted: true,
            publiclyAccessible: false,
            iamDatabaseAuthenticationEnabled: true,
            copyTagsToSnapshot: true,
            enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
            caCertIdentifier: "rds-ca-rsa2048-g1",
            applyImmediately: false,
            maintenanceWindow: "sun:05:00-sun:06:00",
            deletionProtection: true,
            monitoringInterval: 60,
        });
    });

    test.each([
        [false, false],
        [true, true],
    ])("allowMajorVersionUpgrade %s: changes apply immediately %s (primary and replicas)", (major, now) => {
        expect(sharedInstanceSettings({ ...shared, allowMajorVersionUpgrade: major }).applyImmediately).toBe(now);
    });

    test.each([
        [true, 31],
        [false, undefined],
    ])("Performance Insights %s: retention %s", (on, retention) => {
        const s = sharedInstanceSettings({ ...shared, performanceInsights: on }) as Record<string, unknown>;
        expect(s.performanceInsightsEnabled).toBe(on);
        expect(s.performanceInsightsRetentionPeriod).toBe(retention);
    });
});

describe("primary and replicas", () => {
    const primary = {
        engineVersion: "16",
        instanceClass: "db.m7g.large",
        allocatedStorage: 100,
        databaseName: "app",
        username: "strata_admin",
        multiAz: true,
        backupRetentionDays: 35,
        backupWindow: "03:00-04:00",
        retainAutomatedBackups: true,
        finalSnapshot: true,
        allowMajorVersionUpgrade: false,
    };

    test("the primary: postgres on the port, Multi-AZ and backups as configured", () => {
        expect(primaryInstanceSettings(primary)).toEqual({
            engine: "postgres",
            engineVersion: "16",
            allowMajorVersionUpgrade: false,
            instanceClass: "db.m7g.large",
            allocatedStorage: 100,
            dbName: "app",
            username: "strata_admin",
            port: POSTGRES_PORT,
            multiAz: true,
            backupRetentionPeriod: 35,
            backupWindow: "03:00-04:00",
            deleteAutomatedBackups: false,
            skipFinalSnapshot: false,
        });
    });

    test.each([false, true])("the switch %s is the primary's allowMajorVersionUpgrade (RDS refuses a major change without it)", (on) => {
        expect(primaryInstanceSettings({ ...primary, allowMajorVersionUpgrade: on }).allowMajorVersionUpgrade).toBe(on);
    });

    test.each([
        [false, false, true, true],
        [true, true, false, false],
    ])("retainAutomatedBackups %s / finalSnapshot %s: delete backups %s, skip snapshot %s", (retain, snapshot, deleteBackups, skip) => {
        const s = primaryInstanceSettings({ ...primary, retainAutomatedBackups: retain, finalSnapshot: snapshot });
        expect([s.deleteAutomatedBackups, s.skipFinalSnapshot]).toEqual([deleteBackups, skip]);
    });

    test.each([
        ["db.r7g.large", "db.r7g.large"],
        [undefined, "db.m7g.large"],
    ])("a replica of class %s runs on %s, single-AZ, without final snapshot", (replicaClass, expected) => {
        expect(replicaInstanceSettings({ instanceClass: "db.m7g.large", replicaInstanceClass: replicaClass })).toEqual({
            instanceClass: expected,
            multiAz: false,
            skipFinalSnapshot: true,
        });
    });

    test("a replica has no engine version of its own: RDS upgrades it with its source", () => {
        const s = replicaInstanceSettings({ instanceClass: "db.m7g.large", replicaInstanceClass: undefined }) as Record<string, unknown>;
        expect(Object.keys(s)).not.toContain("engineVersion");
        expect(Object.keys(s)).not.toContain("allowMajorVersionUpgrade");
    });
});

describe("monitoring, password and secret", () => {
    test.each([
        [0, false],
        [1, true],
        [60, true],
    ])("monitoring interval %i: role %s", (interval, role) => {
        expect(needsMonitoringRole({ monitoringInterval: interval })).toBe(role);
    });

    test.each([
        ["aws", "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"],
        ["aws-cn", "arn:aws-cn:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"],
    ])("the managed monitoring policy in %s", (partition, arn) => {
        expect(monitoringPolicyArn(partition)).toBe(arn);
    });

    test('the password: the RDS special set, two of every class; none of / @ " or space', () => {
        expect(masterPasswordSpec(32)).toEqual({
            length: 32,
            special: true,
            overrideSpecial: RDS_PASSWORD_SPECIALS,
            minLower: 2,
            minUpper: 2,
            minNumeric: 2,
            minSpecial: 2,
        });
        expect(RDS_PASSWORD_SPECIALS).not.toMatch(/[/@" ]/);
    });

    test("the secret: the JSON shape of RDS credentials, with the PostgreSQL port", () => {
        const value = JSON.parse(masterSecretValue({ username: "u", password: "p", host: "h", database: "d", identifier: "i" }));
        expect(value).toEqual({
            engine: "postgres",
            username: "u",
            password: "p",
            host: "h",
            port: 5432,
            dbname: "d",
            dbInstanceIdentifier: "i",
        });
    });
});
