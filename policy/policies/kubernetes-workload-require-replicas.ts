import { describe, HPA_TYPES, namespaceOf, REPLICATED_TYPES } from "../lib/k8s";
import { stackPolicy } from "../lib/metadata";
import { ofTypes } from "../lib/stack";
import { field } from "../lib/values";

export interface ReplicasConfig {
    minimumReplicas: number;
}

export const kubernetesWorkloadRequireReplicas = stackPolicy({
    name: "kubernetes-workload-require-replicas",
    description: "Deployments, StatefulSets and Argo Rollouts must run at least the configured number of replicas (2 by default).",
    checks:
        "`spec.replicas` >= `minimumReplicas` (config, default 2), or a HorizontalPodAutoscaler in the same namespace " +
        "targets the workload (`scaleTargetRef`, or a dependency on it) with `minReplicas` >= `minimumReplicas`.",
    category: "workload-hardening",
    severity: "medium",
    controls: { other: ["Polaris deploymentMissingReplicas", "kube-linter minimum-three-replicas (relaxed to 2)"] },
    configSchema: { properties: { minimumReplicas: { type: "integer", minimum: 1, default: 2 } } },
    validateStack: (args, reportViolation) => {
        const workloads = ofTypes(args.resources, REPLICATED_TYPES);
        if (workloads.length === 0) args.notApplicable("no Deployments, StatefulSets or Rollouts");
        const min = args.getConfig<ReplicasConfig>().minimumReplicas ?? 2;
        const hpas = ofTypes(args.resources, HPA_TYPES);
        for (const w of workloads) {
            const kind = w.type.split(":").pop();
            const name = field(w.props, "metadata", "name");
            const hpa = hpas.find((h) => {
                if (namespaceOf(h.props) !== namespaceOf(w.props)) return false;
                const ref = field(h.props, "spec", "scaleTargetRef");
                return (
                    (field(ref, "kind") === kind && name !== undefined && field(ref, "name") === name) ||
                    (h.propertyDependencies?.spec ?? h.dependencies ?? []).includes(w)
                );
            });
            const replicas = hpa ? Number(hpa.props?.spec?.minReplicas ?? 1) : Number(w.props?.spec?.replicas ?? 1);
            if (replicas < min) {
                const source = hpa
                    ? `its HorizontalPodAutoscaler's minReplicas is ${replicas}`
                    : `replicas is ${w.props?.spec?.replicas ?? "unset (1)"}`;
                reportViolation(`${describe(w.type, w.props, w.name)}: ${source}; at least ${min} required.`, w.urn);
            }
        }
    },
});
