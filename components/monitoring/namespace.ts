import { MONITORING_NAMESPACE } from "../catalogue/monitoring";

/**
 * The one documented exception to restricted Pod Security: the monitoring namespace enforces `privileged`, because
 * node-exporter (kube-prometheus-stack's DaemonSet) reads each node's metrics through the host's network and PID
 * namespaces and a read-only hostPath mount of `/`, which the `baseline` and `restricted` levels forbid (Kubernetes
 * "Pod Security Standards": Host Namespaces, HostPath Volumes). Warn and audit stay `restricted`, so every other pod in
 * the namespace that would not pass restricted is reported. The policy pack waives exactly this namespace
 * (kubernetes-namespace-require-restricted-pod-security, PRIVILEGED_NAMESPACE_EXEMPTIONS).
 */
export const MONITORING_POD_SECURITY = {
    namespace: MONITORING_NAMESPACE,
    enforce: "privileged",
    reason: "node-exporter needs hostNetwork, hostPID and a read-only hostPath mount of / to report node metrics",
} as const;

/** The monitoring namespace's labels: Strata's common labels and the Pod Security levels (enforce privileged, warn and audit restricted). */
export function monitoringNamespaceLabels(prefix: string): Record<string, string> {
    return {
        "app.kubernetes.io/managed-by": "strata",
        "strata.dev/stack": prefix,
        "pod-security.kubernetes.io/enforce": MONITORING_POD_SECURITY.enforce,
        "pod-security.kubernetes.io/enforce-version": "latest",
        "pod-security.kubernetes.io/audit": "restricted",
        "pod-security.kubernetes.io/audit-version": "latest",
        "pod-security.kubernetes.io/warn": "restricted",
        "pod-security.kubernetes.io/warn-version": "latest",
    };
}

/** Kubernetes names of what the component creates in the namespace. */
export const MONITORING_OBJECT_NAMES = {
    /** Grafana's admin credentials (fixed: the password never changes unless the RandomPassword is replaced). */
    grafanaAdminSecret: "grafana-admin",
    /** Prefix of the auto-named Secret holding alertmanager.yaml (a new configuration is a new Secret, created first). */
    alertmanagerConfigSecret: "alertmanager-config",
} as const;

/** Logical names of the two IAM roles (auto-named by Pulumi: config validation checks them against IAM's 64 characters). */
export const MONITORING_ROLE_PARTS = { grafana: ["grafana", "cloudwatch"], alertmanager: ["alertmanager", "sns"] } as const;

/** What an operator runs to reach Grafana (no Ingress, no LoadBalancer). */
export function grafanaPortForwardHint(service: string, port: number): string {
    return `kubectl -n ${MONITORING_NAMESPACE} port-forward svc/${service} 3000:${port}  # then open http://localhost:3000 (user admin, password: pulumi stack output grafanaAdminPassword --show-secrets)`;
}
