import { resourcePolicy } from "../lib/metadata";
import { asArray, field, strings } from "../lib/values";

const ROLE_TYPES = ["kubernetes:rbac.authorization.k8s.io/v1:Role", "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"];

/** A permission that lets its holder take over the cluster, with the Checkov check that names it. */
interface DangerousPermission {
    apiGroup: string;
    verbs: string[];
    resources: string[];
    what: string;
}

/** The permissions refused (Checkov CKV_K8S_155 to 158; Kubernetes "RBAC Good Practices", privilege escalation risks). */
export const DANGEROUS_PERMISSIONS: readonly DangerousPermission[] = [
    {
        apiGroup: "admissionregistration.k8s.io",
        verbs: ["create", "update", "patch"],
        resources: ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"],
        what: "control over admission webhooks",
    },
    {
        apiGroup: "certificates.k8s.io",
        verbs: ["update", "patch"],
        resources: ["certificatesigningrequests/approval"],
        what: "approving CertificateSigningRequests",
    },
    { apiGroup: "certificates.k8s.io", verbs: ["approve"], resources: ["signers"], what: "approving CertificateSigningRequests" },
    { apiGroup: "rbac.authorization.k8s.io", verbs: ["bind"], resources: ["rolebindings", "clusterrolebindings"], what: "binding roles" },
    { apiGroup: "rbac.authorization.k8s.io", verbs: ["bind"], resources: ["roles", "clusterroles"], what: "binding roles" },
    { apiGroup: "rbac.authorization.k8s.io", verbs: ["escalate"], resources: ["roles", "clusterroles"], what: "escalating roles" },
];

export const kubernetesRbacDisallowPrivilegedPermissions = resourcePolicy({
    name: "kubernetes-rbac-disallow-privileged-permissions",
    description: "Roles and ClusterRoles must not use wildcards nor grant permissions that escalate privileges.",
    checks: "In every rule of each `Role` and `ClusterRole`: no `*` in `apiGroups`, `resources` or `verbs`; and no rule grants a DANGEROUS_PERMISSIONS entry (create/update/patch admission webhook configurations, approve CertificateSigningRequests, bind or escalate roles).",
    category: "workload-hardening",
    severity: "high",
    controls: {
        cis: ["EKS 4.1.3", "EKS 4.1.8"],
        checkov: ["CKV_K8S_49", "CKV_K8S_155", "CKV_K8S_156", "CKV_K8S_157", "CKV_K8S_158"],
        other: ["kube-linter wildcard-in-rules"],
    },
    validateResource: (args, reportViolation) => {
        if (!ROLE_TYPES.includes(args.type)) return;
        asArray(field(args.props, "rules")).forEach((rule, i) => {
            const groups = strings(field(rule, "apiGroups"));
            const resources = strings(field(rule, "resources"));
            const verbs = strings(field(rule, "verbs"));
            for (const [k, list] of [
                ["apiGroups", groups],
                ["resources", resources],
                ["verbs", verbs],
            ] as const)
                if (list.some((s) => s.includes("*"))) reportViolation(`rule ${i}: ${k} has a wildcard.`);
            for (const d of DANGEROUS_PERMISSIONS) {
                if (groups.includes(d.apiGroup) && d.verbs.some((v) => verbs.includes(v)) && d.resources.some((r) => resources.includes(r)))
                    reportViolation(`rule ${i} grants ${d.what} (${d.verbs.join("/")} ${d.resources.join(", ")}).`);
            }
        });
    },
});
