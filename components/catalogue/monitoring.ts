/**
 * Names the in-cluster observability tiers share, so the workloads that are scraped or traced, their NetworkPolicies
 * and the tiers themselves agree on one spelling.
 */

/** The namespace of the metrics stack (Prometheus, Alertmanager, Grafana, node-exporter, kube-state-metrics). */
export const MONITORING_NAMESPACE = "monitoring";

/** The Helm release name of kube-prometheus-stack (its objects are named after it). */
export const METRICS_RELEASE_NAME = "kube-prometheus-stack";

/**
 * Labels the Prometheus operator sets on every Prometheus server pod (prometheus-operator, `pkg/prometheus/statefulset.go`):
 * the pod selector a scraped workload's NetworkPolicy admits from the monitoring namespace.
 */
export const PROMETHEUS_POD_LABELS = { "app.kubernetes.io/name": "prometheus" } as const;

/**
 * Prometheus's in-cluster address: kube-prometheus-stack names its Prometheus Service `<fullname>-prometheus`
 * (templates/prometheus/service.yaml; the fullname is the release name, which contains the chart's name) and serves
 * on 9090 (`prometheus.service.port`).
 */
export const PROMETHEUS_URL = `http://${METRICS_RELEASE_NAME}-prometheus.${MONITORING_NAMESPACE}.svc.cluster.local:9090`;

/** The namespace of the OpenTelemetry collectors (agent and gateway tiers). */
export const TRACING_NAMESPACE = "tracing";

/** OTLP receiver ports (OpenTelemetry specification, "OTLP/gRPC" 4317 and "OTLP/HTTP" 4318). */
export const OTLP_PORTS = { grpc: 4317, http: 4318 } as const;

/** The standard Kubernetes namespace label (set by the API server since 1.22) that NetworkPolicies select namespaces by. */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

/**
 * The label Grafana's dashboard sidecar selects ConfigMaps by (in every namespace): a ConfigMap carrying it, with one
 * JSON dashboard per key, appears in Grafana without a restart (kiwigrid/k8s-sidecar, as the Grafana chart configures it
 * under `sidecar.dashboards`).
 */
export const GRAFANA_DASHBOARD_LABEL = { grafana_dashboard: "1" } as const;

/**
 * The uid of the Prometheus data source kube-prometheus-stack provisions in Grafana (`grafana.sidecar.datasources.uid`,
 * set explicitly in the chart values): dashboards name their data source by it.
 */
export const PROMETHEUS_DATASOURCE_UID = "prometheus";

/** The uid of the CloudWatch data source the metrics stack adds to Grafana. */
export const CLOUDWATCH_DATASOURCE_UID = "cloudwatch";
