import { containers, podSpec } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { field } from "../lib/values";
import { resourcePolicy } from "../lib/metadata";

export const kubernetesWorkloadRequireResourceLimits = resourcePolicy({
    name: "kubernetes-workload-require-resource-limits",
    description: "Every container must set CPU and memory requests and limits.",
    checks: "`resources.requests.cpu`, `resources.requests.memory`, `resources.limits.cpu` and `resources.limits.memory` on each container.",
    category: "workload-hardening",
    severity: "medium",
    controls: {
        checkov: ["CKV_K8S_10", "CKV_K8S_11", "CKV_K8S_12", "CKV_K8S_13"],
        other: ["kube-linter unset-cpu-requirements / unset-memory-requirements", "Polaris"],
    },
    validateResource: validateWorkloads((props, args, reportViolation) => {
        for (const c of containers(podSpec(args.type, props))) {
            const missing = ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"].filter((path) => {
                const [kind, res] = path.split(".");
                const v = field(c.resources, kind, res);
                return v === undefined || v === null || v === "";
            });
            if (missing.length > 0) reportViolation(`container '${c.name ?? "?"}' lacks resources ${missing.join(", ")}.`);
        }
    }),
});
