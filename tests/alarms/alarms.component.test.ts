import { Alarms } from "../../components/alarms";
import { render } from "../../plan";
import { configProblems, loadConfig } from "../helpers";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/notifications";

test("Alarms (component), prod: an encrypted topic, subscriptions, alarms on each database instance and cache node notifying it", async () => {
    const cfg = loadConfig({
        "strata:environment": "prod",
        "strata:alarms": { subscriptions: [{ protocol: "email", endpoint: "oncall@example.com" }] },
    });
    const r = await render(
        ({ awsProvider }) =>
            new Alarms(
                cfg.naming.name("alarms"),
                {
                    naming: cfg.naming,
                    environment: cfg.environment,
                    protection: cfg.protection,
                    defaultTags: cfg.defaultTags,
                    subscriptions: cfg.alarms.subscriptions,
                    thresholds: { database: cfg.alarms.database, cache: cfg.alarms.cache },
                    database: {
                        identifier: "strata-prod-postgres",
                        replicaIdentifiers: ["strata-prod-postgres-replica-1"],
                        allocatedStorageGiB: 100,
                    },
                    cache: { replicationGroupId: "strata-prod-cache", nodes: 3 },
                    kmsKeyArns: { notifications: KEY },
                },
                { providers: { aws: awsProvider() } },
            ),
    );
    const topic = r.one("aws:sns/topic:Topic");
    expect(topic.inputs.kmsMasterKeyId).toBe(KEY);
    expect(r.one("aws:sns/topicSubscription:TopicSubscription").inputs).toMatchObject({
        protocol: "email",
        endpoint: "oncall@example.com",
    });
    const alarms = r.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
    expect(alarms).toHaveLength(3 + 4 + 9);
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
