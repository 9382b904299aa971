import fc from "fast-check";
import { CACHE_ENGINE_VERSIONS } from "../../components/catalogue/elasticache";
import {
    AUTH_TOKEN_SPECIALS,
    authTokenSpec,
    CACHE_LOG_TYPES,
    CACHE_PARAMETER_GROUP_IGNORE_CHANGES,
    cacheParameterGroupDescription,
    cacheParameters,
    logDeliveryConfigurations,
    REDIS_PORT,
    replicationGroupSettings,
} from "../../components/cache/replicationGroup";
import { cacheLogGroupName, cacheNames } from "../../components/cache/names";

const base = {
    engine: "valkey" as const,
    engineVersion: "8.0",
    nodeType: "cache.t4g.small",
    numCacheClusters: 2,
    automaticFailover: true,
    multiAz: true,
    snapshotRetentionDays: 7,
    snapshotWindow: "03:00-04:00",
    maintenanceWindow: "sun:05:00-sun:06:00",
    applyImmediately: false,
};

describe("cache spec", () => {
    test.each(["allkeys-lru", "volatile-lru", "noeviction"])("the parameter group sets maxmemory-policy %s and nothing else", (policy) => {
        expect(cacheParameters({ maxmemoryPolicy: policy as never })).toEqual([{ name: "maxmemory-policy", value: policy }]);
    });

    test("the replication group: encrypted at rest and in transit, on 6379, token rotation, failover as configured", () => {
        expect(replicationGroupSettings(base)).toMatchObject({
            port: REDIS_PORT,
            atRestEncryptionEnabled: true,
            transitEncryptionEnabled: true,
            transitEncryptionMode: "required",
            authTokenUpdateStrategy: "ROTATE",
            automaticFailoverEnabled: true,
            multiAzEnabled: true,
            numCacheClusters: 2,
            snapshotRetentionLimit: 7,
            applyImmediately: false,
        });
        expect(REDIS_PORT).toBe(6379);
    });

    test.each([false, true])("applyImmediately %s is the replication group's (a family change needs true)", (now) => {
        expect(replicationGroupSettings({ ...base, applyImmediately: now }).applyImmediately).toBe(now);
    });

    test("the parameter group description carries no engine version, so a minor or default bump keeps the group", () => {
        expect(cacheParameterGroupDescription("strata-prod")).toBe("strata-prod cache parameters");
        fc.assert(
            fc.property(
                fc.constantFrom(...Object.keys(CACHE_ENGINE_VERSIONS.valkey), ...Object.keys(CACHE_ENGINE_VERSIONS.redis)),
                (version) => {
                    expect(cacheParameterGroupDescription("strata-dev")).not.toContain(version);
                },
            ),
        );
        expect(CACHE_PARAMETER_GROUP_IGNORE_CHANGES).toEqual(["description"]);
    });

    test.each([
        ["valkey", "8.0", "required"],
        ["redis", "7.1", "required"],
        ["redis", "6.2", undefined],
    ] as const)("%s %s: transitEncryptionMode %s", (engine, engineVersion, mode) => {
        expect((replicationGroupSettings({ ...base, engine, engineVersion }) as Record<string, unknown>).transitEncryptionMode).toBe(mode);
    });

    test("the AUTH token: ElastiCache's special characters only", () => {
        expect(authTokenSpec(64)).toEqual({
            length: 64,
            special: true,
            overrideSpecial: AUTH_TOKEN_SPECIALS,
            minLower: 2,
            minUpper: 2,
            minNumeric: 2,
            minSpecial: 1,
        });
        expect(AUTH_TOKEN_SPECIALS).not.toMatch(/[@"/ ]/);
    });

    test("slow and engine logs go to their groups as JSON", () => {
        const groups = CACHE_LOG_TYPES.map((logType) => ({ logType, group: cacheLogGroupName("strata-prod-cache", logType) }));
        expect(logDeliveryConfigurations(groups)).toEqual([
            {
                destination: "/aws/elasticache/strata-prod-cache/slow-log",
                destinationType: "cloudwatch-logs",
                logFormat: "json",
                logType: "slow-log",
            },
            {
                destination: "/aws/elasticache/strata-prod-cache/engine-log",
                destinationType: "cloudwatch-logs",
                logFormat: "json",
                logType: "engine-log",
            },
        ]);
        expect(cacheNames.replicationGroupId).toBe("cache");
    });
});
