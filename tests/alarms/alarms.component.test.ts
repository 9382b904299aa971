import type { AlarmsArgs } from "../../components/alarms";
import { Alarms } from "../../components/alarms";
import { render } from "../../plan";
import { configProblems, loadConfig } from "../helpers";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/notifications";

/** The prod stack's Alarms with one e-mail subscription and the targets given. */
function renderProdAlarms(
    targets: Omit<AlarmsArgs, "naming" | "environment" | "protection" | "defaultTags" | "subscriptions" | "thresholds" | "kmsKeyArns">,
) {
    const cfg = loadConfig({
        "strata:environment": "prod",
        "strata:alarms": { subscriptions: [{ protocol: "email", endpoint: "oncall@example.com" }] },
    });
    return render(
        ({ awsProvider }) =>
            new Alarms(
                cfg.naming.name("alarms"),
                {
                    naming: cfg.naming,
                    environment: cfg.environment,
                    protection: cfg.protection,
                    defaultTags: cfg.defaultTags,
                    subscriptions: cfg.alarms.subscriptions,
                    thresholds: cfg.alarms,
                    kmsKeyArns: { notifications: KEY },
                    ...targets,
                },
                { providers: { aws: awsProvider() } },
            ),
    );
}

test("Alarms (component), prod: an encrypted topic, subscriptions, alarms on each database instance and cache node notifying it", async () => {
    const r = await renderProdAlarms({
        database: {
            identifier: "strata-prod-postgres",
            replicaIdentifiers: ["strata-prod-postgres-replica-1"],
            allocatedStorageGiB: 100,
            maxConnections: 901,
        },
        cache: { replicationGroupId: "strata-prod-cache", nodes: 3 },
    });
    const topic = r.one("aws:sns/topic:Topic");
    expect(topic.inputs.kmsMasterKeyId).toBe(KEY);
    expect(r.one("aws:sns/topicSubscription:TopicSubscription").inputs).toMatchObject({
        protocol: "email",
        endpoint: "oncall@example.com",
    });
    const alarms = r.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
    // Per database instance: CPU, storage, memory, connections (+ replica lag); per cache node: engine CPU, memory,
    // evictions, replication lag.
    expect(alarms).toHaveLength(4 + 5 + 12);
    for (const a of alarms) {
        expect(a.propertyDependencies.alarmActions).toContain(topic.urn);
        expect(a.inputs.actionsEnabled).toBe(true);
    }
    const dims = alarms.map((a) => Object.values(a.inputs.dimensions as Record<string, string>)[0]);
    expect(new Set(dims)).toEqual(
        new Set([
            "strata-prod-postgres",
            "strata-prod-postgres-replica-1",
            "strata-prod-cache-001",
            "strata-prod-cache-002",
            "strata-prod-cache-003",
        ]),
    );
});

test("strata:alarms refuses a subscription endpoint that does not fit its protocol, and http", () => {
    expect(configProblems({ "strata:alarms": { subscriptions: [{ protocol: "https", endpoint: "http://hooks.example.com" }] } })).toEqual([
        'strata:alarms.subscriptions[0].endpoint: "http://hooks.example.com" is not a valid https endpoint',
    ]);
    expect(configProblems({ "strata:alarms": { subscriptions: [{ protocol: "http", endpoint: "http://x" }] } })[0]).toMatch(
        /^strata:alarms\.subscriptions\[0\]\.protocol: "http" is not allowed/,
    );
});

test("Alarms (component): connections at a share of max_connections, queues and their dead letters, NAT ports, and the ALBs through Metrics Insights", async () => {
    const r = await renderProdAlarms({
        database: { identifier: "strata-prod-postgres", replicaIdentifiers: [], allocatedStorageGiB: 100, maxConnections: 901 },
        queues: [{ key: "jobs", name: "strata-prod-jobs", deadLetterQueue: "strata-prod-jobs-dlq" }],
        natGateways: { count: 2, ids: ["nat-0aaa", "nat-0bbb"] },
        loadBalancers: true,
        certificateArns: ["arn:aws:acm:us-east-1:123456789012:certificate/c1", "arn:aws:acm:us-east-1:123456789012:certificate/c1"],
    });
    const byName = (name: string) => r.one("aws:cloudwatch/metricAlarm:MetricAlarm", name).inputs;
    expect(byName("strata-prod-db-connections")).toMatchObject({
        metricName: "DatabaseConnections",
        statistic: "Maximum",
        threshold: 720, // 80 % of 901
        comparisonOperator: "GreaterThanThreshold",
    });
    expect(byName("strata-prod-queue-jobs-dead-letters")).toMatchObject({
        namespace: "AWS/SQS",
        metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: "strata-prod-jobs-dlq" },
        threshold: 0,
    });
    expect(byName("strata-prod-queue-jobs-oldest-message")).toMatchObject({
        metricName: "ApproximateAgeOfOldestMessage",
        dimensions: { QueueName: "strata-prod-jobs" },
        threshold: 900,
    });
    expect(byName("strata-prod-nat-2-port-allocation")).toMatchObject({
        namespace: "AWS/NATGateway",
        metricName: "ErrorPortAllocation",
        dimensions: { NatGatewayId: "nat-0bbb" },
        statistic: "Sum",
        threshold: 0,
    });
    const alb = byName("strata-prod-alb-target-5xx");
    expect(alb.metricQueries).toEqual([
        {
            id: "q",
            expression: 'SELECT SUM(HTTPCode_Target_5XX_Count) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer)',
            period: 300,
            returnData: true,
        },
    ]);
    // A query alarm names no metric of its own (PutMetricAlarm refuses both).
    expect([alb.metricName, alb.namespace, alb.statistic, alb.dimensions]).toEqual([undefined, undefined, undefined, undefined]);
    expect(byName("strata-prod-alb-unhealthy-targets").threshold).toBe(0);
    // One alarm per certificate, however many Ingresses share it.
    expect(byName("strata-prod-cert-1-days-to-expiry")).toMatchObject({
        dimensions: { CertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/c1" },
        threshold: 30,
    });
    expect(r.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").filter((x) => x.name.includes("-cert-"))).toHaveLength(1);
});
