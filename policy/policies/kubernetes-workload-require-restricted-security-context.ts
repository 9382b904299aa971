import { allContainers, podSpec } from "../lib/k8s";
import { validateWorkloads } from "../lib/k8sValidate";
import { resourcePolicy } from "../lib/metadata";
import { asArray, field, objectAt } from "../lib/values";

export const kubernetesWorkloadRequireRestrictedSecurityContext = resourcePolicy({
    name: "kubernetes-workload-require-restricted-security-context",
    description: "Workloads must meet the Pod Security Standards 'restricted' profile for their containers.",
    checks:
        "Every container (init and ephemeral included), from its own or the pod's security context: `runAsNonRoot: true`, " +
        "`runAsUser` not 0, `allowPrivilegeEscalation: false`, `privileged` not true, `capabilities.drop` includes `ALL` and `capabilities.add` " +
        "nothing but `NET_BIND_SERVICE` (so no `SYS_ADMIN`, no `NET_RAW`), `seccompProfile.type` `RuntimeDefault` or " +
        "`Localhost`, `readOnlyRootFilesystem: true`; each of these needs a container `securityContext`.",
    category: "workload-hardening",
    severity: "high",
    controls: {
        cis: ["EKS 4.2.1", "EKS 4.2.2", "EKS 4.2.3", "EKS 4.2.4", "EKS 4.2.5"],
        checkov: [
            "CKV_K8S_16",
            "CKV_K8S_20",
            "CKV_K8S_22",
            "CKV_K8S_23",
            "CKV_K8S_28",
            "CKV_K8S_30",
            "CKV_K8S_31",
            "CKV_K8S_37",
            "CKV_K8S_39",
        ],
        other: [
            "PSS restricted Capabilities / Seccomp / Running as Non-root / Privilege Escalation",
            "PSS baseline Privileged Containers",
            "kube-linter run-as-non-root / privilege-escalation-container / no-read-only-root-fs",
            "Polaris",
        ],
    },
    validateResource: validateWorkloads((props, args, reportViolation) => {
        const spec = podSpec(args.type, props);
        const pod = objectAt(spec.securityContext);
        for (const c of allContainers(spec)) {
            const sc = objectAt(c.securityContext);
            const problems: string[] = [];
            if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true) problems.push("runAsNonRoot is not true");
            if ((sc.runAsUser ?? pod.runAsUser) === 0) problems.push("runAsUser is 0");
            if (sc.allowPrivilegeEscalation !== false) problems.push("allowPrivilegeEscalation is not false");
            if (sc.privileged === true) problems.push("privileged is true");
            if (!asArray(field(sc.capabilities, "drop")).includes("ALL")) problems.push("capabilities.drop lacks ALL");
            const added = asArray(field(sc.capabilities, "add")).filter((a) => a !== "NET_BIND_SERVICE");
            if (added.length > 0) problems.push(`capabilities.add ${added.join(", ")}`);
            const seccomp = field(sc.seccompProfile ?? pod.seccompProfile, "type");
            if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") problems.push("seccompProfile is not RuntimeDefault");
            if (sc.readOnlyRootFilesystem !== true) problems.push("readOnlyRootFilesystem is not true");
            if (problems.length > 0) reportViolation(`container '${c.name ?? "?"}': ${problems.join("; ")}.`);
        }
    }),
});
