import {
    cacheAlarms,
    certificateAlarms,
    databaseAlarms,
    memberClusterIds,
    postgresMaxConnections,
    queueAlarms,
    topicPolicyStatements,
} from "../../components/alarms";
import { RDS_INSTANCE_CLASSES } from "../../components/catalogue/rds";

const T = {
    database: { cpuPercent: 80, freeStoragePercent: 15, freeableMemoryMiB: 256, replicaLagSeconds: 60, connectionsPercent: 80 },
    cache: { engineCpuPercent: 75, memoryPercent: 80, evictionsPerPeriod: 0, replicationLagSeconds: 10 },
    queues: { oldestMessageAgeSeconds: 900 },
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

test("max_connections: RDS's default LEAST(memory / 9531392, 5000) per class, or the parameter group's number", () => {
    expect(postgresMaxConnections("db.t4g.micro")).toBe(112); // 1 GiB
    expect(postgresMaxConnections("db.m7g.large")).toBe(901); // 8 GiB
    expect(postgresMaxConnections("db.r7g.16xlarge")).toBe(5000); // capped
    expect(postgresMaxConnections("db.m7g.large", { max_connections: "300" })).toBe(300);
    // A formula value is RDS's to evaluate: the default applies.
    expect(postgresMaxConnections("db.m7g.large", { max_connections: "{DBInstanceClassMemory/9531392}" })).toBe(901);
});

test("every RDS class config accepts has a max_connections (the platform computes it for the alarm)", () => {
    for (const c of RDS_INSTANCE_CLASSES) expect([c, postgresMaxConnections(c) > 0]).toEqual([c, true]);
});

test("connections alarm only with a known max_connections, at its share", () => {
    expect(databaseAlarms("d", 100, T.database).map((x) => x.suffix)).not.toContain("connections");
    const c = databaseAlarms("d", 100, T.database, false, 901).find((x) => x.suffix === "connections")!;
    expect([c.metricName, c.statistic, c.threshold]).toEqual(["DatabaseConnections", "Maximum", 720]);
});

test("cache replication lag only in groups with replicas; the primary's silence is not breaching", () => {
    expect(cacheAlarms("c-001", T.cache).map((x) => x.metricName)).not.toContain("ReplicationLag");
    const lag = cacheAlarms("c-001", T.cache, true).find((x) => x.metricName === "ReplicationLag")!;
    expect([lag.threshold, lag.treatMissingData, lag.statistic]).toEqual([10, "notBreaching", "Maximum"]);
});

test("certificate alarm: ACM's daily DaysToExpiry of the certificate below the threshold", () => {
    const arn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";
    const [c] = certificateAlarms(arn, { daysToExpiry: 30 });
    expect([c.namespace, c.metricName, c.dimensions, c.statistic, c.period, c.comparisonOperator, c.threshold]).toEqual([
        "AWS/CertificateManager",
        "DaysToExpiry",
        { CertificateArn: arn },
        "Minimum",
        86400,
        "LessThanThreshold",
        30,
    ]);
});

test("queue alarms: any dead letter at once, the oldest message for 15 minutes", () => {
    const [dlq, oldest] = queueAlarms("q", "q-dlq", T.queues);
    expect([dlq.dimensions, dlq.threshold, dlq.evaluationPeriods]).toEqual([{ QueueName: "q-dlq" }, 0, 1]);
    expect([oldest.dimensions, oldest.threshold, oldest.evaluationPeriods * oldest.period]).toEqual([{ QueueName: "q" }, 900, 900]);
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
    expect(topicPolicyStatements("arn:aws-cn:sns:cn-north-1:123456789012:t", "123456789012")[0].Principal).toEqual({
        AWS: "arn:aws-cn:iam::123456789012:root",
    });
    const events = s.find((x) => x.Sid === "EventBridgeRulesOfThisAccountPublish")!;
    expect([events.Principal, events.Action, events.Condition]).toEqual([
        { Service: "events.amazonaws.com" },
        "sns:Publish",
        { StringEquals: { "aws:SourceAccount": "123456789012" } },
    ]);
    const deny = s.find((x) => x.Effect === "Deny")!;
    expect(deny.Condition).toEqual({ Bool: { "aws:SecureTransport": "false" } });
});
