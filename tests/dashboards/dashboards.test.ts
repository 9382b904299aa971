import * as k8s from "@pulumi/kubernetes";
import type { ScrapedService } from "../../components/alertRules/rules";
import { metricContract } from "../../components/alertRules/rules";
import type { CloudWatchTarget, Panel, PromTarget } from "../../components/dashboards";
import { Dashboards, dataTierDashboard, LOAD_BALANCER_QUERIES, servicesDashboard } from "../../components/dashboards";
import { render } from "../../plan";
import { loadConfig } from "../helpers";
import { metricsOf, promqlProblems } from "../promql";

const API: ScrapedService = {
    name: "api",
    namespace: "shop",
    kind: "web",
    requestDurationMetric: "http_server_request_duration_seconds",
    statusCodeLabel: "http_response_status_code",
    latencyTargetMs: 300,
};
const JOBS: ScrapedService = { ...API, name: "jobs", kind: "worker", latencyTargetMs: undefined };

const services = servicesDashboard([API, JOBS], ["shop", "strata"]);
const dataTier = dataTierDashboard({
    databaseInstances: ["strata-prod-postgres", "strata-prod-postgres-replica-1"],
    cacheMembers: ["strata-prod-cache-001", "strata-prod-cache-002"],
    queues: [{ name: "orders-1a2b3c", deadLetterQueue: "orders-dlq-4d5e6f" }],
    loadBalancers: true,
});
const graphs = (panels: Panel[]) => panels.filter((p) => p.type === "timeseries");

describe("the services dashboard", () => {
    const exprs = graphs(services.panels).flatMap((p) => (p.targets as PromTarget[]).map((t) => t.expr));

    test.each(exprs.map((e) => [e]))("%s parses and type-checks, and reads only metrics with a source", (expr) => {
        expect(promqlProblems(expr)).toEqual([]);
        const contract = metricContract([API]);
        expect(metricsOf(expr).filter((m) => !(m in contract))).toEqual([]);
    });

    test("a row per scraped web service (workers serve no requests) and the workloads row, on the Prometheus data source", () => {
        expect(services.panels.filter((p) => p.type === "row").map((p) => p.title)).toEqual(["shop/api", "Workloads"]);
        expect(graphs(services.panels).map((p) => p.title)).toEqual([
            "Requests per second by status",
            "5xx share of requests",
            "Latency (target p95 300 ms)",
            "CPU by pod",
            "Memory (working set) by pod",
            "Container restarts in the last hour",
        ]);
        for (const p of graphs(services.panels)) expect(p.datasource).toEqual({ type: "prometheus", uid: "prometheus" });
        const latency = graphs(services.panels)[2].targets as PromTarget[];
        expect(latency.map((t) => t.legendFormat)).toEqual(["p50", "p95", "p99"]);
        expect(latency[1].expr).toBe(
            'histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{namespace="shop", strata_service="api"}[5m])))',
        );
        expect(exprs.at(-1)).toContain('namespace=~"shop|strata"');
    });

    test("panels do not overlap on the 24-column grid, and ids are unique", () => {
        for (const d of [services, dataTier]) {
            const cells = new Set<string>();
            for (const p of d.panels) {
                expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
                for (let x = p.gridPos.x; x < p.gridPos.x + p.gridPos.w; x++)
                    for (let y = p.gridPos.y; y < p.gridPos.y + p.gridPos.h; y++) {
                        expect(cells.has(`${x},${y}`)).toBe(false);
                        cells.add(`${x},${y}`);
                    }
            }
            expect(new Set(d.panels.map((p) => p.id)).size).toBe(d.panels.length);
        }
    });
});

describe("the data-tier dashboard", () => {
    const byTitle = (title: string) => graphs(dataTier.panels).find((p) => p.title === title)!;
    const dims = (title: string) => (byTitle(title).targets as CloudWatchTarget[]).map((t) => [t.namespace, t.metricName, t.dimensions]);

    test("database panels per instance, replica lag on the replicas only", () => {
        expect(dims("Connections")).toEqual([
            ["AWS/RDS", "DatabaseConnections", { DBInstanceIdentifier: "strata-prod-postgres" }],
            ["AWS/RDS", "DatabaseConnections", { DBInstanceIdentifier: "strata-prod-postgres-replica-1" }],
        ]);
        expect(dims("Replica lag")).toEqual([["AWS/RDS", "ReplicaLag", { DBInstanceIdentifier: "strata-prod-postgres-replica-1" }]]);
    });

    test("cache panels per member cluster; queue panels on the queue and its dead-letter queue", () => {
        expect(dims("Hit rate")).toEqual([
            ["AWS/ElastiCache", "CacheHitRate", { CacheClusterId: "strata-prod-cache-001" }],
            ["AWS/ElastiCache", "CacheHitRate", { CacheClusterId: "strata-prod-cache-002" }],
        ]);
        expect(dims("Oldest message age")).toEqual([["AWS/SQS", "ApproximateAgeOfOldestMessage", { QueueName: "orders-1a2b3c" }]]);
        expect(dims("Dead-letter messages")).toEqual([
            ["AWS/SQS", "ApproximateNumberOfMessagesVisible", { QueueName: "orders-dlq-4d5e6f" }],
        ]);
    });

    test("load balancers through Metrics Insights (the controller names the ALBs later)", () => {
        const t = byTitle("Unhealthy targets").targets as CloudWatchTarget[];
        expect(t[0]).toMatchObject({ metricQueryType: 1, metricEditorMode: 1, sqlExpression: LOAD_BALANCER_QUERIES.unhealthy });
        for (const q of Object.values(LOAD_BALANCER_QUERIES))
            expect(q).toMatch(/^SELECT (SUM|MAX|AVG)\(\w+\) FROM SCHEMA\("AWS\/ApplicationELB", /);
        for (const p of graphs(dataTier.panels)) expect(p.datasource).toEqual({ type: "cloudwatch", uid: "cloudwatch" });
    });

    test("a stack without a part has no row for it", () => {
        const d = dataTierDashboard({ databaseInstances: ["db"], cacheMembers: [], queues: [], loadBalancers: false });
        expect(d.panels.filter((p) => p.type === "row").map((p) => p.title)).toEqual(["PostgreSQL (RDS)"]);
    });
});

test("Dashboards (component): two labelled ConfigMaps in the monitoring namespace, after the metrics release", async () => {
    const cfg = loadConfig({ "strata:environment": "prod" });
    const r = await render(({ kubernetesProvider }) => {
        const provider = kubernetesProvider();
        const release = new k8s.core.v1.ConfigMap("stand-in-release", { metadata: { name: "x" } }, { provider });
        return new Dashboards(
            cfg.naming.name("dashboards"),
            {
                naming: cfg.naming,
                environment: cfg.environment,
                protection: cfg.protection,
                defaultTags: cfg.defaultTags,
                scrapedServices: [API],
                namespaces: ["shop"],
                dataTier: { databaseInstances: ["strata-prod-postgres"], queues: [{ name: "orders", deadLetterQueue: "orders-dlq" }] },
                metricsRelease: release,
            },
            { providers: { kubernetes: provider } },
        );
    });
    const maps = r.ofType("kubernetes:core/v1:ConfigMap").filter((m) => m.name !== "stand-in-release");
    expect(maps.map((m) => m.inputs.metadata)).toEqual([
        {
            name: "strata-services-dashboard",
            namespace: "monitoring",
            labels: { grafana_dashboard: "1", "app.kubernetes.io/managed-by": "strata" },
        },
        {
            name: "strata-data-tier-dashboard",
            namespace: "monitoring",
            labels: { grafana_dashboard: "1", "app.kubernetes.io/managed-by": "strata" },
        },
    ]);
    for (const m of maps) expect(m.dependencies).toContain(r.one("kubernetes:core/v1:ConfigMap", "stand-in-release").urn);
    const data = JSON.parse((maps[1].inputs.data as Record<string, string>)["strata-data-tier.json"]) as { uid: string; panels: Panel[] };
    expect(data.uid).toBe("strata-data-tier");
    expect(data.panels.filter((p) => p.type === "row").map((p) => p.title)).toEqual(["PostgreSQL (RDS)", "Queues (SQS)"]);
});
