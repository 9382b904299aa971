import { podSpec, securityContexts } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { resourcePolicy } from "../lib/metadata";
import { field } from "../lib/values";

/** The SELinux types a pod may ask for (Pod Security Standards baseline "SELinux"); any other type is refused. */
export const ALLOWED_SELINUX_TYPES: readonly string[] = ["container_t", "container_init_t", "container_kvm_t"];

const unset = (v: unknown) => v === undefined || v === null || v === "";

export const kubernetesWorkloadRestrictSelinuxOptions = resourcePolicy({
    name: "kubernetes-workload-restrict-selinux-options",
    description: "Pods and containers must not set a custom SELinux user or role, nor a type outside the container types.",
    checks: "On the pod and every container (init and ephemeral included), `securityContext.seLinuxOptions.type` is unset or one of ALLOWED_SELINUX_TYPES (`container_t`, `container_init_t`, `container_kvm_t`), and `seLinuxOptions.user` and `.role` are unset.",
    category: "workload-hardening",
    severity: "high",
    controls: { other: ["PSS baseline SELinux"] },
    validateResource: validateWorkloads((props, args, reportViolation) => {
        for (const { where, sc } of securityContexts(podSpec(args.type, props))) {
            const se = field(sc, "seLinuxOptions");
            const type = field(se, "type");
            if (!unset(type) && !ALLOWED_SELINUX_TYPES.includes(String(type)))
                reportViolation(`${where}: seLinuxOptions.type '${String(type)}' is not one of ${ALLOWED_SELINUX_TYPES.join(", ")}.`);
            for (const k of ["user", "role"]) if (!unset(field(se, k))) reportViolation(`${where}: seLinuxOptions.${k} must not be set.`);
        }
    }),
});
