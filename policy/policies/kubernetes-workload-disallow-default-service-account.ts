import * as k8s from "@pulumi/kubernetes";
import { validateResourceOfType } from "@pulumi/policy";
import { podSpec } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { resourcePolicy } from "../lib/metadata";
import { asArray, field } from "../lib/values";

const DEFAULT = "default";

/** The `default` ServiceAccount among a binding's subjects. */
function bindsDefault(subjects: unknown): boolean {
    return asArray(subjects).some((s) => field(s, "kind") === "ServiceAccount" && field(s, "name") === DEFAULT);
}

export const kubernetesWorkloadDisallowDefaultServiceAccount = resourcePolicy({
    name: "kubernetes-workload-disallow-default-service-account",
    description: "Workloads must run as their own ServiceAccount, and the `default` ServiceAccount must stay unused.",
    checks: "Each workload's pod spec names a `serviceAccountName` other than `default`; a `ServiceAccount` named `default` sets `automountServiceAccountToken: false`; no `RoleBinding` or `ClusterRoleBinding` has the `default` ServiceAccount as a subject.",
    category: "workload-hardening",
    severity: "medium",
    controls: { cis: ["EKS 4.1.5"], checkov: ["CKV_K8S_41", "CKV_K8S_42"], other: ["kube-linter default-service-account"] },
    validateResource: [
        ...validateWorkloads((props, args, reportViolation) => {
            const spec = podSpec(args.type, props);
            const name = spec.serviceAccountName ?? spec.serviceAccount;
            if (name === undefined || name === null || name === "" || name === DEFAULT)
                reportViolation("the pod runs as the default ServiceAccount; set serviceAccountName to its own.");
        }),
        validateResourceOfType(k8s.core.v1.ServiceAccount, (sa, _args, reportViolation) => {
            if (sa.metadata?.name === DEFAULT && sa.automountServiceAccountToken !== false)
                reportViolation("the default ServiceAccount must set automountServiceAccountToken: false.");
        }),
        validateResourceOfType(k8s.rbac.v1.RoleBinding, (b, _args, reportViolation) => {
            if (bindsDefault(b.subjects)) reportViolation("RoleBinding binds the default ServiceAccount.");
        }),
        validateResourceOfType(k8s.rbac.v1.ClusterRoleBinding, (b, _args, reportViolation) => {
            if (bindsDefault(b.subjects)) reportViolation("ClusterRoleBinding binds the default ServiceAccount.");
        }),
    ],
});
