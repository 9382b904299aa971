import type { ServiceSettings } from "../config/services";
import { MONITORING_NAMESPACE, NAMESPACE_NAME_LABEL, PROMETHEUS_POD_LABELS } from "../catalogue/monitoring";
import { POD_TEMPLATE_HASH_LABEL } from "../catalogue/rollouts";
import { selectorLabels } from "./names";

/** The name of the container port (and Service port) Prometheus scrapes. */
export const METRICS_PORT_NAME = "metrics";

/** The label a service's metrics Service carries; its ServiceMonitor selects it, so no other Service is scraped. */
export const SCRAPE_LABEL = "strata.dev/scrape";

/**
 * The target label every sample scraped from a service carries: the service's name in `strata:services`. The alert
 * rules and dashboards select a service by it (with `namespace`), whatever the job and instance labels are.
 */
export const SERVICE_METRIC_LABEL = "strata_service";

type MetricsSettings = Pick<ServiceSettings, "kind" | "port" | "metrics">;

/** The port of a service's metrics endpoint: `metrics.port`, else the service's own port; undefined without metrics. */
export function metricsPort(s: MetricsSettings): number | undefined {
    return s.metrics ? (s.metrics.port ?? s.port) : undefined;
}

/**
 * Whether the container declares a separate `metrics` port: a worker (which has no `http` port) or a web service
 * whose metrics listen elsewhere. A web service scraped on its own port reuses the `http` port.
 */
export function needsMetricsContainerPort(s: MetricsSettings): boolean {
    const port = metricsPort(s);
    return port !== undefined && (s.kind === "worker" || port !== s.port);
}

/**
 * The headless Service Prometheus discovers the pods through (its EndpointSlices list every ready pod; headless:
 * no virtual IP, Prometheus scrapes each pod's address). Its port is the container port (the EKS network policy
 * agent matches the container port, as for the service's own ClusterIP Service).
 */
export function metricsServiceSpec(service: string, s: MetricsSettings) {
    const port = metricsPort(s)!;
    return {
        clusterIP: "None",
        selector: selectorLabels(service),
        ports: [{ name: METRICS_PORT_NAME, port, targetPort: port, protocol: "TCP" }],
    };
}

/** The labels of the metrics Service: the service's own, plus the scrape label. */
export function metricsServiceLabels(labels: Record<string, string>): Record<string, string> {
    return { ...labels, [SCRAPE_LABEL]: "true" };
}

/**
 * The ServiceMonitor of a service (prometheus-operator `monitoring.coreos.com/v1`): the metrics Service of this
 * service only (name label plus scrape label, in its own namespace), its path and interval, and a static
 * `strata_service` label on every series.
 */
export function serviceMonitorSpec(service: string, namespace: string, s: MetricsSettings & Partial<Pick<ServiceSettings, "rollout">>) {
    const m = s.metrics!;
    return {
        selector: { matchLabels: { ...selectorLabels(service), [SCRAPE_LABEL]: "true" } },
        namespaceSelector: { matchNames: [namespace] },
        endpoints: [
            {
                port: METRICS_PORT_NAME,
                path: m.path,
                interval: m.interval,
                scheme: "http",
                relabelings: [{ action: "replace", targetLabel: SERVICE_METRIC_LABEL, replacement: service }],
            },
        ],
        // A rollout's analysis tells the new pods' series from the stable pods' by the controller's pod-template hash.
        ...(s.rollout ? { podTargetLabels: [POD_TEMPLATE_HASH_LABEL] } : {}),
    };
}

/** Prometheus's server pods, in the monitoring namespace: the peer a scraped service's NetworkPolicy admits. */
export const PROMETHEUS_PEER = {
    namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: MONITORING_NAMESPACE } },
    podSelector: { matchLabels: { ...PROMETHEUS_POD_LABELS } },
};
