import { containers, podSpec } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { resourcePolicy } from "../lib/metadata";

export const kubernetesWorkloadRequireProbes = resourcePolicy({
    name: "kubernetes-workload-require-probes",
    description: "Every long-running container must have liveness and readiness probes.",
    checks: "`livenessProbe` and `readinessProbe` on each container of Deployments, StatefulSets, DaemonSets, Pods and Argo Rollouts (init containers excluded); Jobs and CronJobs run to completion and are not checked.",
    category: "workload-hardening",
    severity: "medium",
    controls: { checkov: ["CKV_K8S_8", "CKV_K8S_9"], other: ["kube-linter no-liveness-probe / no-readiness-probe", "Polaris"] },
    validateResource: validateWorkloads(
        (props, args, reportViolation) => {
            for (const c of containers(podSpec(args.type, props))) {
                const missing = ["livenessProbe", "readinessProbe"].filter((p) => !c[p]);
                if (missing.length > 0) reportViolation(`container '${c.name ?? "?"}' lacks ${missing.join(" and ")}.`);
            }
        },
        { longRunningOnly: true },
    ),
});
