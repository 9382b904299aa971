import { describe, namespaceOf, PDB_TYPES, podLabels, REPLICATED_TYPES, selects } from "../lib/k8s";
import { stackPolicy } from "../lib/metadata";
import { ofTypes } from "../lib/stack";

export const kubernetesWorkloadRequireDisruptionBudget = stackPolicy({
    name: "kubernetes-workload-require-disruption-budget",
    description: "Deployments, StatefulSets and Argo Rollouts must be covered by a PodDisruptionBudget.",
    checks: "A `PodDisruptionBudget` in the workload's namespace whose `spec.selector` selects the workload's pod template labels.",
    category: "workload-hardening",
    severity: "medium",
    controls: { other: ["Polaris missingPodDisruptionBudget", "kube-linter (PDB)"] },
    validateStack: (args, reportViolation) => {
        const workloads = ofTypes(args.resources, REPLICATED_TYPES);
        if (workloads.length === 0) args.notApplicable("no Deployments, StatefulSets or Rollouts");
        const pdbs = ofTypes(args.resources, PDB_TYPES);
        for (const w of workloads) {
            const labels = podLabels(w.type, w.props);
            const covered = pdbs.some(
                (p) => namespaceOf(p.props) === namespaceOf(w.props) && selects(p.props?.spec?.selector ?? null, labels),
            );
            if (!covered) reportViolation(`${describe(w.type, w.props, w.name)} has no PodDisruptionBudget selecting its pods.`, w.urn);
        }
    },
});
