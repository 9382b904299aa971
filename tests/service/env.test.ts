import fc from "fast-check";
import { configMapData, environmentMetadata, secretData, upperSnake } from "../../components/service/env";

test.each([
    ["user-data", "USER_DATA"],
    ["workflow.tasks", "WORKFLOW_TASKS"],
    ["a--b__c", "A_B_C"],
    ["agent", "AGENT"],
])("upperSnake(%s) = %s", (input, out) => {
    expect(upperSnake(input)).toBe(out);
});

test("property: upperSnake gives an environment variable name", () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z][a-z0-9.-]{0,30}$/), (key) => /^[A-Z][A-Z0-9_]*$/.test(upperSnake(key))));
});

describe("ConfigMap data", () => {
    const base = {
        settings: { env: {} as Record<string, string> },
        region: "us-east-1",
        environment: "prod",
        callees: [
            { name: "agent", namespace: "shop", port: 8080, url: "http://agent.shop.svc.cluster.local:8080" },
            { name: "no-url", namespace: "shop" },
        ],
        buckets: { "user-data": { bucket: "shop-prod-user-data-abc" } },
        queues: { "workflow-tasks": { url: "https://sqs.us-east-1.amazonaws.com/123456789012/tasks" } },
        serviceName: "api",
        namespace: "shop",
    };

    test("callee URLs, bucket names, queue URLs, region and environment", () => {
        expect(configMapData(base)).toEqual({
            AGENT_URL: "http://agent.shop.svc.cluster.local:8080",
            BUCKET_USER_DATA: "shop-prod-user-data-abc",
            QUEUE_WORKFLOW_TASKS_URL: "https://sqs.us-east-1.amazonaws.com/123456789012/tasks",
            AWS_REGION: "us-east-1",
            STRATA_ENVIRONMENT: "prod",
        });
    });

    test("with tracing: the OpenTelemetry SDK environment, which the service's env may override", () => {
        const data = configMapData({ ...base, tracing: true });
        expect([data.OTEL_EXPORTER_OTLP_ENDPOINT, data.OTEL_SERVICE_NAME, data.OTEL_TRACES_SAMPLER]).toEqual([
            "http://otel-router.tracing.svc.cluster.local:4318",
            "api",
            "parentbased_always_on",
        ]);
        const own = configMapData({
            ...base,
            tracing: true,
            serviceName: "api",
            namespace: "shop",
            settings: { env: { OTEL_SERVICE_NAME: "storefront" } },
        });
        expect(own.OTEL_SERVICE_NAME).toBe("storefront");
        expect(Object.keys(configMapData(base)).filter((k) => k.startsWith("OTEL_"))).toEqual([]);
    });

    test("the service's env overrides derived values, but never the region or environment", () => {
        const data = configMapData({ ...base, settings: { env: { AGENT_URL: "http://elsewhere", LOG_LEVEL: "debug", AWS_REGION: "x" } } });
        expect([data.AGENT_URL, data.LOG_LEVEL, data.AWS_REGION]).toEqual(["http://elsewhere", "debug", "us-east-1"]);
    });
});

describe("Secret data", () => {
    const none = { service: "api", settings: { database: false, cache: false, documentDb: false }, secretValues: {} };
    test("secretEnv values, DATABASE_URL and REDIS_URL where declared", () => {
        expect(secretData(none)).toEqual({});
        expect(
            secretData({
                ...none,
                settings: { database: true, cache: true, documentDb: false },
                secretValues: { LLM_API_KEY: "k" },
                database: { url: "postgresql://db" },
                cache: { url: "rediss://c" },
            }),
        ).toEqual({ LLM_API_KEY: "k", DATABASE_URL: "postgresql://db", REDIS_URL: "rediss://c" });
        expect(secretData({ ...none, database: { url: "postgresql://db" } })).toEqual({});
    });

    test.each([
        ["database", { database: true, cache: false, documentDb: false }, "service api declares database: true but no database was given"],
        ["cache", { database: false, cache: true, documentDb: false }, "service api declares cache: true but no cache was given"],
        [
            "documentDb",
            { database: false, cache: false, documentDb: true },
            "service api declares documentDb: true but no DocumentDB cluster was given",
        ],
    ])("a declared %s that was not given is a programming error", (_name, settings, message) => {
        expect(() => secretData({ ...none, settings })).toThrow(message);
    });
});

test("a service declaring documentDb gets MONGODB_URL in its Secret, and only then", () => {
    const url = "mongodb://u:p@h:27017/?tls=true";
    const given = { service: "api", secretValues: {}, documentDb: { url } };
    expect(secretData({ ...given, settings: { database: false, cache: false, documentDb: true } })).toEqual({ MONGODB_URL: url });
    expect(secretData({ ...given, settings: { database: false, cache: false, documentDb: false } })).toEqual({});
});

describe("ConfigMap and Secret metadata: auto-named, so a changed value gets a new object and the pods roll", () => {
    test("namespace and labels, and no name (a fixed name would make every change delete-before-replace)", () => {
        expect(environmentMetadata("shop", { "app.kubernetes.io/name": "api" })).toEqual({
            namespace: "shop",
            labels: { "app.kubernetes.io/name": "api" },
        });
    });

    test("property: exactly the keys namespace and labels, whatever the labels", () => {
        fc.assert(
            fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,62}$/), fc.dictionary(fc.string(), fc.string()), (ns, labels) => {
                const m = environmentMetadata(ns, labels);
                return Object.keys(m).sort().join(",") === "labels,namespace" && m.namespace === ns && m.labels === labels;
            }),
        );
    });
});
