import { cacheAlarms, databaseAlarms, memberClusterIds, topicPolicyStatements } from "../../components/alarms";

const T = {
    database: { cpuPercent: 80, freeStoragePercent: 15, freeableMemoryMiB: 256, replicaLagSeconds: 60 },
    cache: { engineCpuPercent: 75, memoryPercent: 80, evictionsPerPeriod: 0 },
};

test("database alarms: metric, dimension, threshold in the metric's unit", () => {
    const a = databaseAlarms("strata-prod-postgres", 100, T.database);
    expect(a.map((x) => [x.metricName, x.statistic, x.comparisonOperator, x.threshold, x.dimensions.DBInstanceIdentifier])).toEqual([
        ["CPUUtilization", "Average", "GreaterThanThreshold", 80, "strata-prod-postgres"],
        ["FreeStorageSpace", "Minimum", "LessThanThreshold", Math.round(100 * 2 ** 30 * 0.15), "strata-prod-postgres"],
        ["FreeableMemory", "Average", "LessThanThreshold", 256 * 2 ** 20, "strata-prod-postgres"],
    ]);
    const replica = databaseAlarms("r", 100, T.database, true).find((x) => x.metricName === "ReplicaLag")!;
    expect([replica.threshold, replica.treatMissingData]).toEqual([60, "breaching"]);
});

test("cache alarms per member cluster: engine CPU, memory, evictions", () => {
    expect(memberClusterIds("strata-prod-cache", 3)).toEqual(["strata-prod-cache-001", "strata-prod-cache-002", "strata-prod-cache-003"]);
    expect(cacheAlarms("strata-prod-cache-002", T.cache).map((x) => [x.metricName, x.threshold, x.dimensions.CacheClusterId])).toEqual([
        ["EngineCPUUtilization", 75, "strata-prod-cache-002"],
        ["DatabaseMemoryUsagePercentage", 80, "strata-prod-cache-002"],
        ["Evictions", 0, "strata-prod-cache-002"],
    ]);
});

test("the topic policy: CloudWatch of this account may publish; no access without TLS", () => {
    const s = topicPolicyStatements("arn:aws:sns:us-east-1:123456789012:t", "123456789012");
    const cw = s.find((x) => x.Sid === "CloudWatchAlarmsOfThisAccountPublish")!;
    expect([cw.Principal, cw.Action, cw.Condition]).toEqual([
        { Service: "cloudwatch.amazonaws.com" },
        "sns:Publish",
        { StringEquals: { "aws:SourceAccount": "123456789012" } },
    ]);
    const deny = s.find((x) => x.Effect === "Deny")!;
    expect(deny.Condition).toEqual({ Bool: { "aws:SecureTransport": "false" } });
});
