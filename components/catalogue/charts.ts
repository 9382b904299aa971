/**
 * Helm charts of the in-cluster platform, pinned: the AWS Load Balancer Controller from the eks-charts repository
 * and the cluster-autoscaler from the kubernetes/autoscaler chart repository (versions as the repositories' index.yaml
 * list them).
 */
export const CHART_DEFAULTS = {
    loadBalancerController: { chart: "aws-load-balancer-controller", repository: "https://aws.github.io/eks-charts", version: "3.5.0" },
    clusterAutoscaler: { chart: "cluster-autoscaler", repository: "https://kubernetes.github.io/autoscaler", version: "9.59.0" },
    /**
     * The metrics stack (Prometheus operator, Prometheus, Alertmanager, Grafana, kube-state-metrics, node-exporter) from
     * the prometheus-community repository: 88.5.3 is the `version` of charts/kube-prometheus-stack/Chart.yaml in
     * github.com/prometheus-community/helm-charts at commit cf408a290aec489277a94450bb3511432477a53a (2026-08-22), the
     * newest release there (operator appVersion v0.93.1; subcharts kube-state-metrics 8.4.0, prometheus-node-exporter
     * 4.56.1, grafana 12.11.1 from the grafana-community repository).
     */
    kubePrometheusStack: {
        chart: "kube-prometheus-stack",
        repository: "https://prometheus-community.github.io/helm-charts",
        version: "88.5.3",
    },
    /**
     * The OpenTelemetry collector (both tracing tiers) from the open-telemetry repository: 0.170.0 is the `version` of
     * charts/opentelemetry-collector/Chart.yaml in github.com/open-telemetry/opentelemetry-helm-charts at commit
     * dd5665c06f376c00a5e2147aa84b70c3d105ecfb (2026-08-20), appVersion 0.158.0 (the collector image's default tag).
     */
    /**
     * Argo Rollouts (progressive delivery) from the argoproj repository: 2.41.0 is the `version` of
     * charts/argo-rollouts/Chart.yaml in github.com/argoproj/argo-helm at commit af0a9310bacbaa4636018dfe22c801a6d33a5c43
     * (2026-07-02), appVersion v1.9.0.
     */
    argoRollouts: { chart: "argo-rollouts", repository: "https://argoproj.github.io/argo-helm", version: "2.41.0" },
    openTelemetryCollector: {
        chart: "opentelemetry-collector",
        repository: "https://open-telemetry.github.io/opentelemetry-helm-charts",
        version: "0.170.0",
    },
} as const;

/**
 * cluster-autoscaler expanders Strata accepts on AWS (cluster-autoscaler FAQ, "What are Expanders?"). `price` is not
 * among them: the FAQ says it works only for GCE, GKE and Equinix Metal; the AWS cloud provider implements no pricing
 * model, so the autoscaler cannot start with it. `priority` reads its regex -> priority table from the ConfigMap
 * `cluster-autoscaler-priority-expander` in the autoscaler's namespace (expander/priority/readme.md); without it every
 * scale-up fails, so the chart creates it from `expanderPriorities` (templates/priority-expander-configmap.yaml).
 */
export const CLUSTER_AUTOSCALER_EXPANDERS = ["least-waste", "random", "most-pods", "priority"] as const;
export type ClusterAutoscalerExpander = (typeof CLUSTER_AUTOSCALER_EXPANDERS)[number];
/** Expanders the autoscaler has but Strata refuses on AWS, with why. */
export const REFUSED_EXPANDERS: Readonly<Record<string, string>> = {
    price: "the price expander works only on GCE, GKE and Equinix Metal (cluster-autoscaler FAQ): the AWS cloud provider has no pricing model and the autoscaler fails to start with it",
};
/** The ConfigMap the priority expander reads, in the autoscaler's namespace. */
export const PRIORITY_EXPANDER_CONFIGMAP = "cluster-autoscaler-priority-expander";
