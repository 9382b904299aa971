import * as k8s from "@pulumi/kubernetes";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

/**
 * The namespaces allowed to enforce a weaker Pod Security level, each with the level and why. The pack stays
 * standalone (it is loaded without the components), so the exemption is stated here: the metrics stack's namespace,
 * where node-exporter reads node metrics through the host's network and PID namespaces and a read-only hostPath mount
 * (Kubernetes "Pod Security Standards": Host Namespaces, HostPath Volumes). Such a namespace must still warn and audit
 * at `restricted`, so any other pod there that would fail restricted is reported.
 */
export const PRIVILEGED_NAMESPACE_EXEMPTIONS: Readonly<Record<string, { enforce: string; reason: string }>> = {
    monitoring: {
        enforce: "privileged",
        reason: "node-exporter needs hostNetwork, hostPID and a read-only hostPath mount of / to report node metrics",
    },
};

export const kubernetesNamespaceRequireRestrictedPodSecurity = resourcePolicy({
    name: "kubernetes-namespace-require-restricted-pod-security",
    description: "Namespaces must enforce the Pod Security Standards 'restricted' profile.",
    checks: "Label `pod-security.kubernetes.io/enforce: restricted` on each `Namespace` the program creates; the namespaces of PRIVILEGED_NAMESPACE_EXEMPTIONS (`monitoring`) may enforce their stated level if they warn and audit at `restricted`.",
    category: "workload-hardening",
    severity: "medium",
    controls: { cis: ["EKS 4.2 (Pod Security Standards)"], other: ["PSS restricted", "Pod Security Admission"] },
    validateResource: validateResourceOfType(k8s.core.v1.Namespace, (ns, args, reportViolation) => {
        const labels: Record<string, string> = ns.metadata?.labels ?? {};
        const enforce = labels["pod-security.kubernetes.io/enforce"];
        if (enforce === "restricted") return;
        const exemption = PRIVILEGED_NAMESPACE_EXEMPTIONS[ns.metadata?.name ?? ""];
        if (exemption && enforce === exemption.enforce) {
            if (labels["pod-security.kubernetes.io/warn"] !== "restricted" || labels["pod-security.kubernetes.io/audit"] !== "restricted")
                reportViolation(
                    `namespace '${ns.metadata?.name}' may enforce '${exemption.enforce}' (${exemption.reason}) only if it warns and audits at 'restricted'.`,
                );
            return;
        }
        reportViolation("label pod-security.kubernetes.io/enforce must be 'restricted'.");
    }),
});
