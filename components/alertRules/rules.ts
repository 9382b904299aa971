/**
 * The platform's alert rules as data: each alert's PromQL, how long it must hold, its severity, the runbook section
 * (a heading of docs/operations.md) and the metrics it reads with their source, so a test can parse every expression
 * and check that some source provides each metric. Thresholds come from `AlertThresholds`.
 */

/** Where a metric comes from: an exporter the metrics stack runs, or the kubelet's own endpoints. */
export type MetricSource = "kube-state-metrics" | "cadvisor" | "kubelet" | "node-exporter";

/**
 * The metric contract: every metric a rule may use and the source that exposes it (kube-state-metrics
 * docs/metrics, cAdvisor's container metrics via the kubelet's /metrics/cadvisor, the kubelet's volume stats).
 * A rule that reads a metric not listed here fails its test: nothing would ever fire it.
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
    container_memory_working_set_bytes: "cadvisor",
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
}

export const DEFAULT_THRESHOLDS: AlertThresholds = { memoryRatio: 0.9, volumeFreeRatio: 0.1, pendingMinutes: 10, hpaAtMaxMinutes: 15 };

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

/** A PrometheusRule object's spec: one group of the rules, each labelled with its severity and linked to its runbook. */
export function prometheusRuleSpec(rules: AlertRule[], runbookBase: string) {
    return {
        groups: [
            {
                name: "strata.platform",
                rules: rules.map((r) => ({
                    alert: r.alert,
                    expr: r.expr,
                    for: r.for,
                    labels: { severity: r.severity },
                    annotations: { summary: r.summary, runbook_url: `${runbookBase}#${r.anchor}` },
                })),
            },
        ],
    };
}

/** Where runbook links point: the configured URL of docs/operations.md, else its repository path. */
export function runbookBase(configured?: string): string {
    return configured ?? "docs/operations.md";
}
