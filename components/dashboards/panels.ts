/**
 * The platform's Grafana dashboards as data: a services dashboard on Prometheus (requests, errors and latency of each
 * scraped web service; CPU, memory and restarts of every pod of the platform's namespaces) and a data-tier dashboard on
 * CloudWatch (the database instances, the cache members, the queues and the load balancers). Grafana's dashboard JSON
 * model (Grafana documentation, "JSON model"); CloudWatch queries in the form of Grafana's CloudWatch data source
 * ("Query the CloudWatch data source": metric search with namespace, metric, dimensions and statistic, or a Metrics
 * Insights SQL query).
 */
import type { ScrapedService } from "../alertRules/rules";
import { CLOUDWATCH_DATASOURCE_UID, PROMETHEUS_DATASOURCE_UID } from "../catalogue/monitoring";
import { SERVICE_METRIC_LABEL } from "../service/metrics";

/** A target of a Prometheus panel. */
export interface PromTarget {
    refId: string;
    expr: string;
    legendFormat: string;
}

/** A target of a CloudWatch panel: a metric search, or (with `sqlExpression`) a Metrics Insights query. */
export interface CloudWatchTarget {
    refId: string;
    region: "default";
    namespace: string;
    metricName: string;
    dimensions: Record<string, string>;
    statistic: string;
    matchExact: boolean;
    /** 0: metric search; 1: Metrics Insights (Grafana's `MetricQueryType`). */
    metricQueryType: 0 | 1;
    /** 0: builder; 1: code (Grafana's `MetricEditorMode`). */
    metricEditorMode: 0 | 1;
    queryMode: "Metrics";
    /** The query's id for math expressions (none here). */
    id: string;
    expression: string;
    sqlExpression?: string;
    label: string;
}

export interface Panel {
    id: number;
    type: "timeseries" | "row";
    title: string;
    gridPos: { x: number; y: number; w: number; h: number };
    datasource?: { type: "prometheus" | "cloudwatch"; uid: string };
    fieldConfig?: { defaults: { unit: string }; overrides: [] };
    targets?: Array<PromTarget | CloudWatchTarget>;
    collapsed?: boolean;
    panels?: [];
}

export interface Dashboard {
    uid: string;
    title: string;
    tags: string[];
    timezone: "utc";
    schemaVersion: number;
    editable: false;
    time: { from: string; to: string };
    refresh: string;
    templating: { list: [] };
    panels: Panel[];
}

const PROM = { type: "prometheus" as const, uid: PROMETHEUS_DATASOURCE_UID };
const CW = { type: "cloudwatch" as const, uid: CLOUDWATCH_DATASOURCE_UID };
const WIDTH = 24;
const HEIGHT = 8;

/** Lays rows of panels out on Grafana's 24-column grid: a row header, then its panels three to a line. */
function layout(rows: Array<{ title: string; panels: Array<Omit<Panel, "id" | "gridPos">> }>): Panel[] {
    const out: Panel[] = [];
    let y = 0;
    let id = 1;
    for (const row of rows) {
        out.push({ id: id++, type: "row", title: row.title, gridPos: { x: 0, y, w: WIDTH, h: 1 }, collapsed: false, panels: [] });
        y += 1;
        row.panels.forEach((p, i) => {
            const w = WIDTH / 3;
            out.push({ ...p, id: id++, gridPos: { x: (i % 3) * w, y: y + Math.floor(i / 3) * HEIGHT, w, h: HEIGHT } });
        });
        y += Math.ceil(row.panels.length / 3) * HEIGHT;
    }
    return out;
}

function dashboard(uid: string, title: string, panels: Panel[]): Dashboard {
    return {
        uid,
        title,
        tags: ["strata"],
        timezone: "utc",
        schemaVersion: 39,
        editable: false,
        time: { from: "now-6h", to: "now" },
        refresh: "1m",
        templating: { list: [] },
        panels,
    };
}

const prom = (title: string, unit: string, targets: Array<[string, string]>): Omit<Panel, "id" | "gridPos"> => ({
    type: "timeseries",
    title,
    datasource: PROM,
    fieldConfig: { defaults: { unit }, overrides: [] },
    targets: targets.map(([expr, legendFormat], i) => ({ refId: String.fromCharCode(65 + i), expr, legendFormat })),
});

/** The PromQL of a web service's panels, read from its own request-duration histogram. */
export function servicePanelQueries(s: ScrapedService) {
    const sel = `namespace="${s.namespace}", ${SERVICE_METRIC_LABEL}="${s.name}"`;
    const count = `${s.requestDurationMetric}_count`;
    const bucket = `${s.requestDurationMetric}_bucket`;
    const quantile = (q: number) => `histogram_quantile(${q}, sum by (le) (rate(${bucket}{${sel}}[5m])))`;
    return {
        requests: `sum by (${s.statusCodeLabel}) (rate(${count}{${sel}}[5m]))`,
        errorRatio: `sum(rate(${count}{${sel}, ${s.statusCodeLabel}=~"5.."}[5m])) / sum(rate(${count}{${sel}}[5m]))`,
        latency: { p50: quantile(0.5), p95: quantile(0.95), p99: quantile(0.99) },
    };
}

/** The PromQL of the workload panels of the platform's namespaces (kube-state-metrics and cAdvisor). */
export function workloadPanelQueries(namespaces: string[]) {
    const ns = `namespace=~"${namespaces.join("|")}"`;
    return {
        cpu: `sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{${ns}, container!=""}[5m]))`,
        memory: `sum by (namespace, pod) (container_memory_working_set_bytes{${ns}, container!=""})`,
        restarts: `sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total{${ns}}[1h]))`,
    };
}

/** The services dashboard: a row per scraped web service, then the workloads of the platform's namespaces. */
export function servicesDashboard(services: ScrapedService[], namespaces: string[]): Dashboard {
    const rows = services
        .filter((s) => s.kind === "web")
        .map((s) => {
            const q = servicePanelQueries(s);
            return {
                title: `${s.namespace}/${s.name}`,
                panels: [
                    prom("Requests per second by status", "reqps", [[q.requests, `{{${s.statusCodeLabel}}}`]]),
                    prom("5xx share of requests", "percentunit", [[q.errorRatio, "5xx"]]),
                    prom(`Latency${s.latencyTargetMs !== undefined ? ` (target p95 ${s.latencyTargetMs} ms)` : ""}`, "s", [
                        [q.latency.p50, "p50"],
                        [q.latency.p95, "p95"],
                        [q.latency.p99, "p99"],
                    ]),
                ],
            };
        });
    const w = workloadPanelQueries(namespaces);
    rows.push({
        title: "Workloads",
        panels: [
            prom("CPU by pod", "cores", [[w.cpu, "{{namespace}}/{{pod}}"]]),
            prom("Memory (working set) by pod", "bytes", [[w.memory, "{{namespace}}/{{pod}}"]]),
            prom("Container restarts in the last hour", "short", [[w.restarts, "{{namespace}}/{{pod}}"]]),
        ],
    });
    return dashboard("strata-services", "Strata services", layout(rows));
}

/** What the data-tier dashboard shows: the names the metrics are dimensioned by. */
export interface DataTierTargets {
    /** RDS instance identifiers (primary first). */
    databaseInstances: string[];
    /** ElastiCache member clusters (`<replication group id>-001`, ...). */
    cacheMembers: string[];
    /** SQS queue names, each with its dead-letter queue's name. */
    queues: Array<{ name: string; deadLetterQueue: string }>;
    /** The stack has Ingresses: the load balancer panels (Metrics Insights over every ALB in the region). */
    loadBalancers: boolean;
}

const cwTarget = (
    refId: string,
    namespace: string,
    metricName: string,
    dimensions: Record<string, string>,
    statistic: string,
    label: string,
): CloudWatchTarget => ({
    refId,
    region: "default",
    namespace,
    metricName,
    dimensions,
    statistic,
    matchExact: true,
    metricQueryType: 0,
    metricEditorMode: 0,
    queryMode: "Metrics",
    id: "",
    expression: "",
    label,
});

const cwSql = (refId: string, sqlExpression: string, label: string): CloudWatchTarget => ({
    ...cwTarget(refId, "", "", {}, "", label),
    metricQueryType: 1,
    metricEditorMode: 1,
    sqlExpression,
});

const cw = (title: string, unit: string, targets: CloudWatchTarget[]): Omit<Panel, "id" | "gridPos"> => ({
    type: "timeseries",
    title,
    datasource: CW,
    fieldConfig: { defaults: { unit }, overrides: [] },
    targets,
});

/** One CloudWatch target per dimension value, lettered A, B, ... */
const perTarget = (namespace: string, metric: string, dimension: string, values: string[], statistic: string) =>
    values.map((v, i) => cwTarget(String.fromCharCode(65 + i), namespace, metric, { [dimension]: v }, statistic, v));

/**
 * The Metrics Insights queries of the load balancer panels: the AWS Load Balancer Controller creates the ALBs after
 * the program runs, so their names are unknown here; the queries group every ALB of the account and region.
 */
export const LOAD_BALANCER_QUERIES = {
    elb5xx: 'SELECT SUM(HTTPCode_ELB_5XX_Count) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer) GROUP BY LoadBalancer',
    target5xx: 'SELECT SUM(HTTPCode_Target_5XX_Count) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer) GROUP BY LoadBalancer',
    unhealthy: 'SELECT MAX(UnHealthyHostCount) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer, TargetGroup) GROUP BY TargetGroup',
    responseTime: 'SELECT AVG(TargetResponseTime) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer) GROUP BY LoadBalancer',
} as const;

/** The data-tier dashboard (CloudWatch): a row per part the stack has. */
export function dataTierDashboard(t: DataTierTargets): Dashboard {
    const rows: Array<{ title: string; panels: Array<Omit<Panel, "id" | "gridPos">> }> = [];
    const db = t.databaseInstances;
    if (db.length > 0) {
        rows.push({
            title: "PostgreSQL (RDS)",
            panels: [
                cw("CPU", "percent", perTarget("AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", db, "Average")),
                cw("Connections", "short", perTarget("AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", db, "Maximum")),
                cw("Free storage", "bytes", perTarget("AWS/RDS", "FreeStorageSpace", "DBInstanceIdentifier", db, "Minimum")),
                cw("Freeable memory", "bytes", perTarget("AWS/RDS", "FreeableMemory", "DBInstanceIdentifier", db, "Minimum")),
                cw("Read / write latency", "s", [
                    ...perTarget("AWS/RDS", "ReadLatency", "DBInstanceIdentifier", db.slice(0, 1), "Average"),
                    { ...perTarget("AWS/RDS", "WriteLatency", "DBInstanceIdentifier", db.slice(0, 1), "Average")[0], refId: "B" },
                ]),
                ...(db.length > 1
                    ? [cw("Replica lag", "s", perTarget("AWS/RDS", "ReplicaLag", "DBInstanceIdentifier", db.slice(1), "Maximum"))]
                    : []),
            ],
        });
    }
    const cache = t.cacheMembers;
    if (cache.length > 0) {
        rows.push({
            title: "Cache (ElastiCache)",
            panels: [
                cw("Engine CPU", "percent", perTarget("AWS/ElastiCache", "EngineCPUUtilization", "CacheClusterId", cache, "Average")),
                cw(
                    "Memory used",
                    "percent",
                    perTarget("AWS/ElastiCache", "DatabaseMemoryUsagePercentage", "CacheClusterId", cache, "Maximum"),
                ),
                cw("Hit rate", "percent", perTarget("AWS/ElastiCache", "CacheHitRate", "CacheClusterId", cache, "Average")),
                cw("Evictions", "short", perTarget("AWS/ElastiCache", "Evictions", "CacheClusterId", cache, "Sum")),
                cw("Connections", "short", perTarget("AWS/ElastiCache", "CurrConnections", "CacheClusterId", cache, "Maximum")),
            ],
        });
    }
    if (t.queues.length > 0) {
        const names = t.queues.map((q) => q.name);
        rows.push({
            title: "Queues (SQS)",
            panels: [
                cw("Messages visible", "short", perTarget("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", names, "Maximum")),
                cw("Oldest message age", "s", perTarget("AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", names, "Maximum")),
                cw(
                    "Dead-letter messages",
                    "short",
                    perTarget(
                        "AWS/SQS",
                        "ApproximateNumberOfMessagesVisible",
                        "QueueName",
                        t.queues.map((q) => q.deadLetterQueue),
                        "Maximum",
                    ),
                ),
            ],
        });
    }
    if (t.loadBalancers) {
        const q = LOAD_BALANCER_QUERIES;
        rows.push({
            title: "Load balancers (every ALB of the region)",
            panels: [
                cw("ELB 5xx", "short", [cwSql("A", q.elb5xx, "${PROP('Dim.LoadBalancer')}")]),
                cw("Target 5xx", "short", [cwSql("A", q.target5xx, "${PROP('Dim.LoadBalancer')}")]),
                cw("Unhealthy targets", "short", [cwSql("A", q.unhealthy, "${PROP('Dim.TargetGroup')}")]),
                cw("Target response time", "s", [cwSql("A", q.responseTime, "${PROP('Dim.LoadBalancer')}")]),
            ],
        });
    }
    return dashboard("strata-data-tier", "Strata data tier", layout(rows));
}
