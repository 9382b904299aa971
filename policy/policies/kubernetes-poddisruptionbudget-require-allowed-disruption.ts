import { describe, namespaceOf, PDB_TYPES, podLabels, REPLICATED_TYPES, selects } from "../lib/k8s";
import { stackPolicy } from "../lib/metadata";
import { ofTypes } from "../lib/stack";
import { field } from "../lib/values";

/** Whether a PDB bound (an int or a percentage string) is zero. */
function isZero(v: unknown): boolean {
    return v === 0 || v === "0" || v === "0%";
}

export const kubernetesPodDisruptionBudgetRequireAllowedDisruption = stackPolicy({
    name: "kubernetes-poddisruptionbudget-require-allowed-disruption",
    description: "A PodDisruptionBudget must allow at least one pod to be evicted, or it blocks node drains.",
    checks: "Each `PodDisruptionBudget`: `maxUnavailable` is not 0 or `0%`; `minAvailable` is not `100%`; and an integer `minAvailable` is below `spec.replicas` (unset: 1) of every Deployment, StatefulSet or Rollout in its namespace whose pods it selects.",
    category: "workload-hardening",
    severity: "medium",
    controls: { other: ["kube-linter pdb-max-unavailable / pdb-min-available"] },
    validateStack: (args, reportViolation) => {
        const pdbs = ofTypes(args.resources, PDB_TYPES);
        if (pdbs.length === 0) args.notApplicable("no PodDisruptionBudgets");
        const workloads = ofTypes(args.resources, REPLICATED_TYPES);
        for (const p of pdbs) {
            const name = `PodDisruptionBudget ${namespaceOf(p.props)}/${String(field(p.props, "metadata", "name") ?? p.name)}`;
            const maxUnavailable = field(p.props, "spec", "maxUnavailable");
            const minAvailable = field(p.props, "spec", "minAvailable");
            if (isZero(maxUnavailable)) reportViolation(`${name}: maxUnavailable ${String(maxUnavailable)} allows no eviction.`, p.urn);
            if (minAvailable === "100%") reportViolation(`${name}: minAvailable 100% allows no eviction.`, p.urn);
            if (typeof minAvailable !== "number") continue;
            const selector = p.props?.spec?.selector ?? null;
            for (const w of workloads) {
                if (namespaceOf(w.props) !== namespaceOf(p.props) || !selects(selector, podLabels(w.type, w.props))) continue;
                const replicas = Number(field(w.props, "spec", "replicas") ?? 1);
                if (minAvailable >= replicas)
                    reportViolation(
                        `${name}: minAvailable ${minAvailable} >= the ${replicas} replica(s) of ${describe(w.type, w.props, w.name)}; no pod can be evicted.`,
                        p.urn,
                    );
            }
        }
    },
});
