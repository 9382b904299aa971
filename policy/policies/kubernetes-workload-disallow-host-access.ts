import { allContainers, podSpec } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { resourcePolicy } from "../lib/metadata";
import { asArray, field } from "../lib/values";

export const kubernetesWorkloadDisallowHostAccess = resourcePolicy({
    name: "kubernetes-workload-disallow-host-access",
    description: "Workloads must not share the node's network, PID or IPC namespaces nor mount host paths or ports.",
    checks: "`hostNetwork`, `hostPID`, `hostIPC` are not true; no `hostPath` volumes; no `hostPort` on any container (init and ephemeral included); a hostPath of `/var/run/docker.sock` is one of the refused mounts.",
    category: "workload-hardening",
    severity: "critical",
    controls: {
        cis: ["EKS 4.2.2", "EKS 4.2.3", "EKS 4.2.4"],
        checkov: ["CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19", "CKV_K8S_26", "CKV_K8S_27"],
        other: [
            "PSS baseline Host Namespaces / HostPath Volumes / Host Ports",
            "kube-linter host-network / host-pid / host-ipc / sensitive-host-mounts / docker-sock",
        ],
    },
    validateResource: validateWorkloads((props, args, reportViolation) => {
        const spec = podSpec(args.type, props);
        for (const k of ["hostNetwork", "hostPID", "hostIPC"]) if (spec[k] === true) reportViolation(`${k} must not be true.`);
        for (const v of asArray(spec.volumes)) if (field(v, "hostPath")) reportViolation(`volume '${field(v, "name")}' mounts a hostPath.`);
        for (const c of allContainers(spec)) {
            for (const p of asArray(field(c, "ports"))) {
                const hostPort = field(p, "hostPort");
                if (hostPort) reportViolation(`container '${field(c, "name")}' binds hostPort ${hostPort}.`);
            }
        }
    }),
});
