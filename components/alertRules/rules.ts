/**
 * The platform's alert rules as data: each alert's PromQL, how long it must hold, its severity, the runbook section
 * (a heading of docs/operations.md) and the metrics it reads with their source, so a test can parse every expression
 * and check that some source provides each metric. Thresholds come from `AlertThresholds`.
 */

import { SERVICE_METRIC_LABEL } from "../service/metrics";

/**
 * Where a metric comes from: an exporter the metrics stack runs, the kubelet's own endpoints, or a service's declared
 * scrape target (`strata:services.<name>.metrics`).
 */
export type MetricSource = "kube-state-metrics" | "cadvisor" | "kubelet" | "node-exporter" | "service";

/**
 * The metric contract: every metric a rule may use and the source that exposes it (kube-state-metrics
 * docs/metrics, cAdvisor's container metrics via the kubelet's /metrics/cadvisor, the kubelet's volume stats).
 * A rule (or dashboard panel) that reads a metric not listed here fails its test: nothing would ever fire it (or draw it).
 */
export const METRIC_CONTRACT: Readonly<Record<string, MetricSource>> = {
    kube_deployment_spec_replicas: "kube-state-metrics",
    kube_deployment_status_replicas_available: "kube-state-metrics",
    kube_pod_container_resource_limits: "kube-state-metrics",
    kube_pod_container_status_waiting_reason: "kube-state-metrics",
    kube_horizontalpodautoscaler_status_current_replicas: "kube-state-metrics",
    kube_horizontalpodautoscaler_spec_max_replicas: "kube-state-metrics",
    kube_pod_status_phase: "kube-state-metrics",
    kube_node_status_condition: "kube-state-metrics",
    kube_pod_container_status_restarts_total: "kube-state-metrics",
    container_memory_working_set_bytes: "cadvisor",
    container_cpu_usage_seconds_total: "cadvisor",
    kubelet_volume_stats_available_bytes: "kubelet",
    kubelet_volume_stats_capacity_bytes: "kubelet",
};

export interface AlertThresholds {
    /** Share of its memory limit a container may use before the alert (0-1). */
    memoryRatio: number;
    /** Share of a volume that must stay free (0-1). */
    volumeFreeRatio: number;
    /** Minutes a pod may stay Pending. */
    pendingMinutes: number;
    /** Minutes an autoscaler may sit at its maximum. */
    hpaAtMaxMinutes: number;
    /** Share of a service's requests that may fail with a 5xx status (0-1). */
    errorRatio: number;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = {
    memoryRatio: 0.9,
    volumeFreeRatio: 0.1,
    pendingMinutes: 10,
    hpaAtMaxMinutes: 15,
    errorRatio: 0.05,
};

export interface AlertRule {
    alert: string;
    expr: string;
    for: string;
    severity: "critical" | "warning";
    summary: string;
    /** The heading of docs/operations.md that explains it (its GitHub anchor slug). */
    anchor: string;
    /** The metrics the expression reads. */
    metrics: string[];
    /** Labels the alert carries besides its severity (the service a per-service rule watches). */
    labels?: Record<string, string>;
}

/** The rules, with the thresholds filled in; `namespaces` limits the workload rules to the platform's own. */
export function alertRules(t: AlertThresholds, namespaces: string[]): AlertRule[] {
    const ns = `namespace=~"${namespaces.join("|")}"`;
    return [
        {
            alert: "StrataServiceDown",
            expr: `kube_deployment_status_replicas_available{${ns}} == 0 and kube_deployment_spec_replicas{${ns}} > 0`,
            for: "2m",
            severity: "critical",
            summary: "Deployment {{ $labels.namespace }}/{{ $labels.deployment }} has no ready pod",
            anchor: "strataservicedown",
            metrics: ["kube_deployment_status_replicas_available", "kube_deployment_spec_replicas"],
        },
        {
            alert: "StrataContainerMemoryNearLimit",
            expr:
                `max by (namespace, pod, container) (container_memory_working_set_bytes{${ns}, container!=""})` +
                ` / max by (namespace, pod, container) (kube_pod_container_resource_limits{${ns}, resource="memory"}) > ${t.memoryRatio}`,
            for: "5m",
            severity: "warning",
            summary: `Container {{ $labels.namespace }}/{{ $labels.pod }}/{{ $labels.container }} uses over ${Math.round(t.memoryRatio * 100)}% of its memory limit`,
            anchor: "stratacontainermemorynearlimit",
            metrics: ["container_memory_working_set_bytes", "kube_pod_container_resource_limits"],
        },
        {
            alert: "StrataVolumeFillingUp",
            expr: `kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes < ${t.volumeFreeRatio}`,
            for: "5m",
            severity: "warning",
            summary: `Volume {{ $labels.namespace }}/{{ $labels.persistentvolumeclaim }} has less than ${Math.round(t.volumeFreeRatio * 100)}% free`,
            anchor: "stratavolumefillingup",
            metrics: ["kubelet_volume_stats_available_bytes", "kubelet_volume_stats_capacity_bytes"],
        },
        {
            alert: "StrataPodCrashLooping",
            expr: `max_over_time(kube_pod_container_status_waiting_reason{${ns}, reason="CrashLoopBackOff"}[5m]) >= 1`,
            for: "15m",
            severity: "warning",
            summary: "Container {{ $labels.namespace }}/{{ $labels.pod }}/{{ $labels.container }} is crash looping",
            anchor: "stratapodcrashlooping",
            metrics: ["kube_pod_container_status_waiting_reason"],
        },
        {
            alert: "StrataAutoscalerAtMaximum",
            expr: `kube_horizontalpodautoscaler_status_current_replicas{${ns}} >= kube_horizontalpodautoscaler_spec_max_replicas{${ns}}`,
            for: `${t.hpaAtMaxMinutes}m`,
            severity: "warning",
            summary: "Autoscaler {{ $labels.namespace }}/{{ $labels.horizontalpodautoscaler }} has run at its maximum replicas",
            anchor: "strataautoscaleratmaximum",
            metrics: ["kube_horizontalpodautoscaler_status_current_replicas", "kube_horizontalpodautoscaler_spec_max_replicas"],
        },
        {
            alert: "StrataPodPending",
            expr: `sum by (namespace, pod) (kube_pod_status_phase{${ns}, phase="Pending"}) > 0`,
            for: `${t.pendingMinutes}m`,
            severity: "warning",
            summary: "Pod {{ $labels.namespace }}/{{ $labels.pod }} has been Pending",
            anchor: "stratapodpending",
            metrics: ["kube_pod_status_phase"],
        },
        {
            alert: "StrataNodeNotReady",
            expr: `kube_node_status_condition{condition="Ready", status="true"} == 0`,
            for: "5m",
            severity: "critical",
            summary: "Node {{ $labels.node }} is not Ready",
            anchor: "stratanodenotready",
            metrics: ["kube_node_status_condition"],
        },
    ];
}

/** A service Prometheus scrapes (`strata:services.<name>.metrics`), as its HTTP alerts need it. */
export interface ScrapedService {
    name: string;
    namespace: string;
    kind: "web" | "worker";
    /** The request-duration histogram (without `_bucket` / `_count`) and its status-code label. */
    requestDurationMetric: string;
    statusCodeLabel: string;
    /** The promised p95 latency, in milliseconds. */
    latencyTargetMs?: number;
}

/**
 * The HTTP rules of the scraped web services (workers serve no requests): the 5xx share of requests over 5 minutes
 * above `errorRatio`, and, where the service declares `latencyTargetMs`, the p95 of the request-duration histogram
 * above it for 10 minutes. Each rule carries the service's name and namespace as labels (the sums drop them).
 */
export function serviceAlertRules(t: Pick<AlertThresholds, "errorRatio">, services: ScrapedService[]): AlertRule[] {
    return services
        .filter((s) => s.kind === "web")
        .flatMap((s) => {
            const sel = `namespace="${s.namespace}", ${SERVICE_METRIC_LABEL}="${s.name}"`;
            const count = `${s.requestDurationMetric}_count`;
            const bucket = `${s.requestDurationMetric}_bucket`;
            const labels = { service: s.name, namespace: s.namespace };
            const rules: AlertRule[] = [
                {
                    alert: "StrataHighErrorRate",
                    expr:
                        `sum(rate(${count}{${sel}, ${s.statusCodeLabel}=~"5.."}[5m]))` +
                        ` / sum(rate(${count}{${sel}}[5m])) > ${t.errorRatio}`,
                    for: "5m",
                    severity: "critical",
                    summary: `Over ${Math.round(t.errorRatio * 100)}% of the requests to ${s.namespace}/${s.name} fail with a 5xx status`,
                    anchor: "stratahigherrorrate",
                    metrics: [count],
                    labels,
                },
            ];
            if (s.latencyTargetMs !== undefined) {
                rules.push({
                    alert: "StrataLatencyAboveTarget",
                    expr: `histogram_quantile(0.95, sum by (le) (rate(${bucket}{${sel}}[5m]))) > ${s.latencyTargetMs / 1000}`,
                    for: "10m",
                    severity: "warning",
                    summary: `The p95 latency of ${s.namespace}/${s.name} is above its ${s.latencyTargetMs} ms target`,
                    anchor: "stratalatencyabovetarget",
                    metrics: [bucket],
                    labels,
                });
            }
            return rules;
        });
}

/** The metric contract of a stack: the exporters' metrics plus each scraped service's histogram series. */
export function metricContract(services: ScrapedService[]): Readonly<Record<string, MetricSource>> {
    const own = services.flatMap((s) => [`${s.requestDurationMetric}_count`, `${s.requestDurationMetric}_bucket`]);
    return { ...METRIC_CONTRACT, ...Object.fromEntries(own.map((m) => [m, "service" as const])) };
}

/** The metrics a set of rules reads that no source of the contract provides (nothing would ever fire those rules). */
export function unsourcedMetrics(rules: AlertRule[], contract: Readonly<Record<string, MetricSource>>): string[] {
    return [...new Set(rules.flatMap((r) => r.metrics))].filter((m) => !(m in contract));
}

const ruleOf = (runbookBase: string) => (r: AlertRule) => ({
    alert: r.alert,
    expr: r.expr,
    for: r.for,
    labels: { severity: r.severity, ...r.labels },
    annotations: { summary: r.summary, runbook_url: `${runbookBase}#${r.anchor}` },
});

/**
 * A PrometheusRule object's spec: the platform group, and the services group when any service is scraped; each rule
 * labelled with its severity and linked to its runbook.
 */
export function prometheusRuleSpec(rules: AlertRule[], runbookBase: string, serviceRules: AlertRule[] = []) {
    return {
        groups: [
            { name: "strata.platform", rules: rules.map(ruleOf(runbookBase)) },
            ...(serviceRules.length > 0 ? [{ name: "strata.services", rules: serviceRules.map(ruleOf(runbookBase)) }] : []),
        ],
    };
}

/** Where runbook links point: the configured URL of docs/operations.md, else its repository path. */
export function runbookBase(configured?: string): string {
    return configured ?? "docs/operations.md";
}
