import { describe, namespaceOf, NETWORK_POLICY_TYPE, podLabels, selects, WORKLOAD_TYPES } from "../lib/k8s";
import { stackPolicy } from "../lib/metadata";
import { ofTypes } from "../lib/stack";
import { asArray, field } from "../lib/values";

/**
 * Whether a NetworkPolicy restricts its pods' egress: `policyTypes` lists Egress, or `policyTypes` is unset and the
 * policy has egress rules (Kubernetes then defaults policyTypes to Ingress plus Egress; NetworkPolicySpec reference).
 */
export function restrictsEgress(spec: unknown): boolean {
    const types = field(spec, "policyTypes");
    if (Array.isArray(types)) return types.includes("Egress");
    return asArray(field(spec, "egress")).length > 0;
}

export const kubernetesWorkloadRequireNetworkPolicy = stackPolicy({
    name: "kubernetes-workload-require-network-policy",
    description: "Every workload must be selected by a NetworkPolicy that restricts its egress.",
    checks:
        "A `networking.k8s.io/v1` `NetworkPolicy` in the workload's namespace whose `spec.podSelector` selects the pod " +
        "template's labels (an empty selector selects every pod in the namespace) and that restricts Egress " +
        "(`policyTypes` lists `Egress`, or is unset and the policy has `egress` rules); an Ingress-only policy is not enough.",
    category: "workload-hardening",
    severity: "high",
    controls: { cis: ["EKS 4.3.2"], checkov: ["CKV2_K8S_6"], other: ["kube-linter (network policy)", "Polaris"] },
    validateStack: (args, reportViolation) => {
        const workloads = ofTypes(args.resources, WORKLOAD_TYPES);
        if (workloads.length === 0) args.notApplicable("no workloads");
        const nps = ofTypes(args.resources, [NETWORK_POLICY_TYPE]);
        for (const w of workloads) {
            const labels = podLabels(w.type, w.props);
            const selecting = nps.filter(
                (np) => namespaceOf(np.props) === namespaceOf(w.props) && selects(np.props?.spec?.podSelector ?? null, labels),
            );
            if (selecting.length === 0) reportViolation(`${describe(w.type, w.props, w.name)} is selected by no NetworkPolicy.`, w.urn);
            else if (!selecting.some((np) => restrictsEgress(field(np.props, "spec"))))
                reportViolation(`${describe(w.type, w.props, w.name)} is selected by no NetworkPolicy that restricts Egress.`, w.urn);
        }
    },
});
