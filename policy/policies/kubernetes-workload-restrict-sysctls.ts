import { podSpec } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { resourcePolicy } from "../lib/metadata";
import { asArray, field } from "../lib/values";

/**
 * The sysctls the Pod Security Standards baseline allows ("Sysctls": the safe, namespaced subset), from the
 * Kubernetes "Pod Security Standards" page (kubernetes.io/docs/concepts/security/pod-security-standards).
 */
export const SAFE_SYSCTLS: readonly string[] = [
    "kernel.shm_rmid_forced",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",
    "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
];

export const kubernetesWorkloadRestrictSysctls = resourcePolicy({
    name: "kubernetes-workload-restrict-sysctls",
    description: "Pods may set only the safe sysctls.",
    checks: "Each name in the pod's `securityContext.sysctls` is in SAFE_SYSCTLS (the Pod Security Standards baseline 'Sysctls' list).",
    category: "workload-hardening",
    severity: "high",
    controls: { other: ["PSS baseline Sysctls"] },
    validateResource: validateWorkloads((props, args, reportViolation) => {
        for (const s of asArray(field(podSpec(args.type, props), "securityContext", "sysctls"))) {
            const name = field(s, "name");
            if (typeof name !== "string" || !SAFE_SYSCTLS.includes(name))
                reportViolation(`sysctl '${String(name)}' is not in the safe set (${SAFE_SYSCTLS.join(", ")}).`);
        }
    }),
});
