/**
 * Cases of the Kubernetes policies of policy pack v2 (spread into CASES by cases.ts). One baseline per resource type,
 * each violating case changes one property of it. The baselines are what Strata's service component creates.
 */
import type { PlanResource } from "../../plan/types";
import type { PolicyCase } from "./cases";
import { res } from "./fake";

const K = {
    deploy: "kubernetes:apps/v1:Deployment",
    sa: "kubernetes:core/v1:ServiceAccount",
    svc: "kubernetes:core/v1:Service",
    cm: "kubernetes:core/v1:ConfigMap",
    ingress: "kubernetes:networking.k8s.io/v1:Ingress",
    pdb: "kubernetes:policy/v1:PodDisruptionBudget",
    role: "kubernetes:rbac.authorization.k8s.io/v1:Role",
    clusterRole: "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
    roleBinding: "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
} as const;

type Obj = Record<string, unknown>;

/** The baseline container: the restricted security context of components/service/podTemplate.ts. */
export const k8sContainer = (over: Obj = {}, securityContext: Obj = {}): Obj => ({
    name: "api",
    image: "ghcr.io/acme/api:1.4.2",
    env: [{ name: "LOG_LEVEL", value: "info" }],
    securityContext: {
        runAsNonRoot: true,
        runAsUser: 10001,
        allowPrivilegeEscalation: false,
        privileged: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
        seccompProfile: { type: "RuntimeDefault" },
        ...securityContext,
    },
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
    livenessProbe: { httpGet: { path: "/healthz", port: 8080 } },
    readinessProbe: { httpGet: { path: "/ready", port: 8080 } },
    ...over,
});

/** The baseline pod spec (Strata's service pod template). */
export const k8sPodSpec = (over: { pod?: Obj; container?: Obj; securityContext?: Obj; podSecurityContext?: Obj } = {}): Obj => ({
    serviceAccountName: "api",
    automountServiceAccountToken: false,
    securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" }, ...over.podSecurityContext },
    containers: [k8sContainer(over.container, over.securityContext)],
    volumes: [{ name: "writable-0", emptyDir: { sizeLimit: "1Gi" } }],
    ...over.pod,
});

/** The baseline Deployment. */
export const k8sDeployment = (
    over: { pod?: Obj; container?: Obj; securityContext?: Obj; podSecurityContext?: Obj; annotations?: Obj; namespace?: string } = {},
): PlanResource =>
    res(K.deploy, "api", {
        metadata: {
            name: "api",
            ...(over.namespace === undefined ? { namespace: "apps" } : over.namespace ? { namespace: over.namespace } : {}),
        },
        spec: {
            replicas: 3,
            selector: { matchLabels: { "app.kubernetes.io/name": "api" } },
            template: {
                metadata: { labels: { "app.kubernetes.io/name": "api" }, ...(over.annotations ? { annotations: over.annotations } : {}) },
                spec: k8sPodSpec(over),
            },
        },
    });
const D = k8sDeployment().urn;

const serviceAccount = (over: Obj = {}) =>
    res(K.sa, "api-sa", { metadata: { name: "api", namespace: "apps" }, automountServiceAccountToken: false, ...over });
const service = (over: Obj = {}) =>
    res(K.svc, "api-service", {
        metadata: { name: "api", namespace: "apps" },
        spec: { type: "ClusterIP", selector: { "app.kubernetes.io/name": "api" }, ports: [{ port: 80, targetPort: "http" }], ...over },
    });
const ingress = (annotations: Obj = {}) =>
    res(K.ingress, "api-ingress", {
        metadata: {
            name: "api",
            namespace: "apps",
            annotations: { "alb.ingress.kubernetes.io/scheme": "internet-facing", ...annotations },
        },
        spec: { ingressClassName: "alb", rules: [{ host: "api.example.com" }] },
    });
const configMap = (data: Obj = {}) =>
    res(K.cm, "api-env", {
        metadata: { name: "api-env-1a2b", namespace: "apps" },
        data: { LOG_LEVEL: "info", AWS_REGION: "us-east-1", ...data },
    });
const pdb = (spec: Obj = {}) =>
    res(K.pdb, "api-pdb", {
        metadata: { name: "api", namespace: "apps" },
        spec: { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "api" } }, ...spec },
    });
const readRule = { apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] };
const role = (rule: Obj = {}) =>
    res(K.role, "reader", { metadata: { name: "reader", namespace: "apps" }, rules: [{ ...readRule, ...rule }] });
const roleBinding = (subject: Obj = {}) =>
    res(K.roleBinding, "reader", {
        metadata: { name: "reader", namespace: "apps" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "reader" },
        subjects: [{ kind: "ServiceAccount", name: "api", namespace: "apps", ...subject }],
    });

export const KUBERNETES_CASES: Record<string, PolicyCase> = {
    "kubernetes-workload-disallow-host-process": {
        compliant: [k8sDeployment()],
        violating: [k8sDeployment({ securityContext: { windowsOptions: { hostProcess: true } } })],
        urn: D,
        message: /container 'api': windowsOptions\.hostProcess is true/,
    },
    "kubernetes-workload-restrict-proc-mount": {
        compliant: [k8sDeployment({ securityContext: { procMount: "Default" } })],
        violating: [k8sDeployment({ securityContext: { procMount: "Unmasked" } })],
        urn: D,
        message: /procMount is 'Unmasked'/,
    },
    "kubernetes-workload-restrict-sysctls": {
        compliant: [k8sDeployment({ podSecurityContext: { sysctls: [{ name: "net.ipv4.ip_unprivileged_port_start", value: "0" }] } })],
        violating: [k8sDeployment({ podSecurityContext: { sysctls: [{ name: "kernel.msgmax", value: "65536" }] } })],
        urn: D,
        message: /sysctl 'kernel\.msgmax' is not in the safe set/,
    },
    "kubernetes-workload-restrict-selinux-options": {
        compliant: [k8sDeployment({ podSecurityContext: { seLinuxOptions: { type: "container_init_t", level: "s0:c123,c456" } } })],
        violating: [k8sDeployment({ podSecurityContext: { seLinuxOptions: { type: "spc_t" } } })],
        urn: D,
        message: /pod: seLinuxOptions\.type 'spc_t'/,
    },
    "kubernetes-workload-restrict-apparmor-profile": {
        compliant: [
            k8sDeployment({
                securityContext: { appArmorProfile: { type: "RuntimeDefault" } },
                annotations: { "container.apparmor.security.beta.kubernetes.io/api": "localhost/k8s-api" },
            }),
        ],
        violating: [k8sDeployment({ annotations: { "container.apparmor.security.beta.kubernetes.io/api": "unconfined" } })],
        urn: D,
        message: /container\.apparmor\.security\.beta\.kubernetes\.io\/api is 'unconfined'/,
    },
    "kubernetes-workload-restrict-volume-types": {
        compliant: [k8sDeployment()],
        violating: [k8sDeployment({ pod: { volumes: [{ name: "data", nfs: { server: "10.0.0.5", path: "/export" } }] } })],
        urn: D,
        message: /volume 'data' uses nfs/,
    },
    "kubernetes-workload-disallow-service-account-token-automount": {
        compliant: [k8sDeployment(), serviceAccount()],
        violating: [serviceAccount({ automountServiceAccountToken: undefined })],
        urn: serviceAccount().urn,
        message: /ServiceAccount 'api': automountServiceAccountToken is not false/,
    },
    "kubernetes-workload-disallow-default-service-account": {
        compliant: [k8sDeployment(), roleBinding()],
        violating: [k8sDeployment({ pod: { serviceAccountName: undefined } })],
        urn: D,
        message: /runs as the default ServiceAccount/,
    },
    "kubernetes-resource-disallow-default-namespace": {
        compliant: [k8sDeployment(), res("kubernetes:core/v1:Namespace", "apps", { metadata: { name: "apps" } })],
        violating: [k8sDeployment({ namespace: "" })],
        urn: D,
        message: /Deployment is in the default namespace/,
    },
    "kubernetes-rbac-disallow-privileged-permissions": {
        compliant: [role()],
        violating: [role({ verbs: ["*"] })],
        urn: role().urn,
        message: /rule 0: verbs has a wildcard/,
    },
    "kubernetes-ingress-disallow-nginx-snippets": {
        compliant: [ingress()],
        violating: [ingress({ "nginx.ingress.kubernetes.io/server-snippet": "location /x { alias /etc/; }" })],
        urn: ingress().urn,
        message: /server-snippet injects NGINX configuration/,
    },
    "kubernetes-service-disallow-node-exposure": {
        compliant: [service()],
        violating: [service({ type: "NodePort" })],
        urn: service().urn,
        message: /of type NodePort/,
    },
    "kubernetes-poddisruptionbudget-require-allowed-disruption": {
        compliant: [k8sDeployment(), pdb()],
        violating: [k8sDeployment(), pdb({ maxUnavailable: 0 })],
        urn: pdb().urn,
        message: /maxUnavailable 0 allows no eviction/,
    },
    "kubernetes-workload-disallow-literal-secret-env": {
        compliant: [
            k8sDeployment({ container: { env: [{ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }] } }),
        ],
        violating: [k8sDeployment({ container: { env: [{ name: "DB_PASSWORD", value: "hunter2" }] } })],
        urn: D,
        message: /env DB_PASSWORD has a literal value/,
        environment: "prod",
    },
    "kubernetes-configmap-disallow-secret-keys": {
        compliant: [configMap()],
        violating: [configMap({ STRIPE_API_KEY: "sk_live_x" })],
        urn: configMap().urn,
        message: /key STRIPE_API_KEY looks like a credential/,
        environment: "prod",
    },
};
