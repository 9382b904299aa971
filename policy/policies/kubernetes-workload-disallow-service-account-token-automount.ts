import * as k8s from "@pulumi/kubernetes";
import { validateResourceOfType } from "@pulumi/policy";
import { podSpec } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { resourcePolicy } from "../lib/metadata";

export const kubernetesWorkloadDisallowServiceAccountTokenAutomount = resourcePolicy({
    name: "kubernetes-workload-disallow-service-account-token-automount",
    description: "Pods and ServiceAccounts must not mount the service account token automatically.",
    checks: "`automountServiceAccountToken: false` on each workload's pod spec and on each `ServiceAccount` (unset means true). A service that calls the Kubernetes API sets Strata's `automountServiceAccountToken: true` and is reported.",
    category: "workload-hardening",
    severity: "medium",
    controls: {
        cis: ["EKS 4.1.6"],
        checkov: ["CKV_K8S_38"],
    },
    validateResource: [
        ...validateWorkloads((props, args, reportViolation) => {
            if (podSpec(args.type, props).automountServiceAccountToken !== false)
                reportViolation("the pod spec's automountServiceAccountToken is not false.");
        }),
        validateResourceOfType(k8s.core.v1.ServiceAccount, (sa, _args, reportViolation) => {
            if (sa.automountServiceAccountToken !== false)
                reportViolation(`ServiceAccount '${sa.metadata?.name ?? "?"}': automountServiceAccountToken is not false.`);
        }),
    ],
});
