import { LONG_RUNNING_TYPES, RUN_TO_COMPLETION_TYPES } from "../lib/k8s";
import { resourcePolicy } from "../lib/metadata";
import { field } from "../lib/values";

/** The namespaced kinds the pack judges (a cluster-scoped kind, e.g. Namespace or ClusterRole, has no namespace). */
export const NAMESPACED_TYPES: readonly string[] = [
    ...LONG_RUNNING_TYPES,
    ...RUN_TO_COMPLETION_TYPES,
    "kubernetes:core/v1:Service",
    "kubernetes:core/v1:ConfigMap",
    "kubernetes:core/v1:Secret",
    "kubernetes:core/v1:ServiceAccount",
    "kubernetes:core/v1:PersistentVolumeClaim",
    "kubernetes:networking.k8s.io/v1:Ingress",
    "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    "kubernetes:policy/v1:PodDisruptionBudget",
    "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    "kubernetes:rbac.authorization.k8s.io/v1:Role",
    "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
];

export const kubernetesResourceDisallowDefaultNamespace = resourcePolicy({
    name: "kubernetes-resource-disallow-default-namespace",
    description: "Namespaced Kubernetes objects must not live in the `default` namespace.",
    checks: "`metadata.namespace` is set and not `default` on each object of NAMESPACED_TYPES (workloads, Service, ConfigMap, Secret, ServiceAccount, PersistentVolumeClaim, Ingress, NetworkPolicy, PodDisruptionBudget, HorizontalPodAutoscaler, Role, RoleBinding).",
    category: "workload-hardening",
    severity: "low",
    controls: { cis: ["EKS 4.6.3"], checkov: ["CKV_K8S_21"] },
    validateResource: (args, reportViolation) => {
        if (!NAMESPACED_TYPES.includes(args.type)) return;
        const ns = field(args.props, "metadata", "namespace");
        if (ns === undefined || ns === null || ns === "" || ns === "default")
            reportViolation(`${args.type.split(":").pop()} is in the default namespace; set metadata.namespace.`);
    },
});
