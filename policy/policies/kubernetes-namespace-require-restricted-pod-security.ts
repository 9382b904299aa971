import * as k8s from "@pulumi/kubernetes";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

export const kubernetesNamespaceRequireRestrictedPodSecurity = resourcePolicy({
    name: "kubernetes-namespace-require-restricted-pod-security",
    description: "Namespaces must enforce the Pod Security Standards 'restricted' profile.",
    checks: "Label `pod-security.kubernetes.io/enforce: restricted` on each `Namespace` the program creates.",
    category: "workload-hardening",
    severity: "medium",
    controls: { cis: ["EKS 4.2 (Pod Security Standards)"], other: ["PSS restricted", "Pod Security Admission"] },
    validateResource: validateResourceOfType(k8s.core.v1.Namespace, (ns, args, reportViolation) => {
        const labels: Record<string, string> = ns.metadata?.labels ?? {};
        if (labels["pod-security.kubernetes.io/enforce"] !== "restricted") {
            reportViolation("label pod-security.kubernetes.io/enforce must be 'restricted'.");
        }
    }),
});
