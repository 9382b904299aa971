import { allContainers, podSpec } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { resourcePolicy } from "../lib/metadata";
import { field } from "../lib/values";

export const kubernetesWorkloadRestrictProcMount = resourcePolicy({
    name: "kubernetes-workload-restrict-proc-mount",
    description: "Containers must keep the default masked /proc mount.",
    checks: "Each container's `securityContext.procMount` (init and ephemeral included) is unset or `Default`, as the Pod Security Standards baseline '/proc Mount Type' control requires.",
    category: "workload-hardening",
    severity: "high",
    controls: { other: ["PSS baseline /proc Mount Type"] },
    validateResource: validateWorkloads((props, args, reportViolation) => {
        for (const c of allContainers(podSpec(args.type, props))) {
            const procMount = field(c.securityContext, "procMount");
            if (procMount !== undefined && procMount !== null && procMount !== "Default")
                reportViolation(`container '${c.name ?? "?"}': procMount is '${String(procMount)}'; only Default is allowed.`);
        }
    }),
});
