import type { PlatformWorkload } from "../capacity";
import { formatCpu, formatMemory, parseCpu, parseMemory } from "../catalogue/quantity";
import { METRICS_RELEASE_NAME } from "../catalogue/monitoring";

/** Requests and limits of one container, as Kubernetes quantities. */
export interface ContainerResources {
    requests: { cpu: string; memory: string };
    limits: { cpu: string; memory: string };
}

/** What the metrics stack's sizing depends on (a slice of the `strata:monitoring` settings). */
export interface MonitoringSizing {
    prometheus: { replicas: number; resources: ContainerResources };
    alertmanager: { replicas: number };
}

/**
 * Requests and limits of every container of the chart that the settings do not size (Prometheus's server container
 * comes from config): one table the Helm values and the capacity model both read, so they cannot disagree. Sized
 * from the upstream components' idle footprints on a small cluster, with headroom in the limits.
 */
export const CONTAINER_RESOURCES = {
    /** prometheus-config-reloader: the sidecar the operator adds to every Prometheus and Alertmanager pod. */
    configReloader: { requests: { cpu: "10m", memory: "32Mi" }, limits: { cpu: "100m", memory: "64Mi" } },
    alertmanager: { requests: { cpu: "20m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
    grafana: { requests: { cpu: "50m", memory: "192Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
    /** Each of Grafana's two k8s-sidecar containers (dashboards, data sources). */
    grafanaSidecar: { requests: { cpu: "20m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
    operator: { requests: { cpu: "50m", memory: "128Mi" }, limits: { cpu: "200m", memory: "256Mi" } },
    kubeStateMetrics: { requests: { cpu: "20m", memory: "96Mi" }, limits: { cpu: "200m", memory: "256Mi" } },
    nodeExporter: { requests: { cpu: "20m", memory: "32Mi" }, limits: { cpu: "200m", memory: "64Mi" } },
    /** The admission webhook's certificate Jobs (create, patch): short-lived, not counted as a running workload. */
    webhookJob: { requests: { cpu: "10m", memory: "32Mi" }, limits: { cpu: "100m", memory: "64Mi" } },
} as const satisfies Record<string, ContainerResources>;

/** Grafana's sidecar containers (the chart runs one per enabled sidecar: dashboards and data sources). */
export const GRAFANA_SIDECARS = 2;

/**
 * Names the chart gives its workloads with the release named METRICS_RELEASE_NAME (the chart uses the release name as
 * its full name when it contains the chart's name; the operator prefixes the StatefulSets of its custom resources
 * with `prometheus-` and `alertmanager-`).
 */
export const WORKLOAD_NAMES = {
    prometheus: `prometheus-${METRICS_RELEASE_NAME}-prometheus`,
    alertmanager: `alertmanager-${METRICS_RELEASE_NAME}-alertmanager`,
    grafana: `${METRICS_RELEASE_NAME}-grafana`,
    operator: `${METRICS_RELEASE_NAME}-operator`,
    kubeStateMetrics: `${METRICS_RELEASE_NAME}-kube-state-metrics`,
    nodeExporter: `${METRICS_RELEASE_NAME}-prometheus-node-exporter`,
} as const;

/** The sum of containers' requests (a pod's requests). */
function sum(...containers: ContainerResources[]): { cpu: string; memory: string } {
    const cpu = containers.reduce((s, c) => s + parseCpu(c.requests.cpu)!, 0);
    const memory = containers.reduce((s, c) => s + parseMemory(c.requests.memory)!, 0);
    return { cpu: formatCpu(cpu), memory: formatMemory(memory) };
}

/**
 * Every pod the chart keeps running, with the requests of all its containers: what the capacity model adds to the
 * services. The webhook's certificate Jobs run once per install or upgrade and are left out.
 */
export function monitoringWorkloads(s: MonitoringSizing): PlatformWorkload[] {
    const r = CONTAINER_RESOURCES;
    const grafana = sum(r.grafana, ...Array.from({ length: GRAFANA_SIDECARS }, () => r.grafanaSidecar));
    return [
        {
            name: WORKLOAD_NAMES.prometheus,
            kind: "StatefulSet",
            replicas: s.prometheus.replicas,
            ...sum(s.prometheus.resources, r.configReloader),
        },
        {
            name: WORKLOAD_NAMES.alertmanager,
            kind: "StatefulSet",
            replicas: s.alertmanager.replicas,
            ...sum(r.alertmanager, r.configReloader),
        },
        { name: WORKLOAD_NAMES.grafana, kind: "Deployment", replicas: 1, ...grafana },
        { name: WORKLOAD_NAMES.operator, kind: "Deployment", replicas: 1, ...sum(r.operator) },
        { name: WORKLOAD_NAMES.kubeStateMetrics, kind: "Deployment", replicas: 1, ...sum(r.kubeStateMetrics) },
        { name: WORKLOAD_NAMES.nodeExporter, kind: "DaemonSet", replicas: 1, ...sum(r.nodeExporter) },
    ];
}
