import { podSpec, securityContexts } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { resourcePolicy } from "../lib/metadata";
import { field } from "../lib/values";

export const kubernetesWorkloadDisallowHostProcess = resourcePolicy({
    name: "kubernetes-workload-disallow-host-process",
    description: "Workloads must not run Windows HostProcess containers.",
    checks: "`securityContext.windowsOptions.hostProcess` is not true on the pod nor on any container (init and ephemeral included), as the Pod Security Standards baseline 'HostProcess' control requires.",
    category: "workload-hardening",
    severity: "critical",
    controls: { other: ["PSS baseline HostProcess"] },
    validateResource: validateWorkloads((props, args, reportViolation) => {
        for (const { where, sc } of securityContexts(podSpec(args.type, props)))
            if (field(sc, "windowsOptions", "hostProcess") === true) reportViolation(`${where}: windowsOptions.hostProcess is true.`);
    }),
});
