import type { MockModule, ResourceMock } from "./types";

type Meta = { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };

/**
 * Kubernetes objects: the API server fills metadata (Pulumi auto-names objects without metadata.name:
 * `<logical name>-<8 random>`), uid, resourceVersion, and some status. The id is `<namespace>/<name>` as the
 * Kubernetes provider reports it (cluster-scoped objects: `<name>`).
 */
const object: ResourceMock = (args, ctx) => {
    const meta = (args.inputs.metadata ?? {}) as Meta;
    const name = meta.name ?? `${args.name}-${ctx.hex(args.name, 8)}`;
    const clusterScoped = /:core\/v1:Namespace$/.test(args.type);
    const namespace = clusterScoped ? undefined : (meta.namespace ?? "default");
    const uid = `${ctx.hex(`${args.name}uid1`, 8)}-${ctx.hex(`${args.name}uid2`, 4)}-4${ctx.hex(`${args.name}uid3`, 3)}-a${ctx.hex(`${args.name}uid4`, 3)}-${ctx.hex(`${args.name}uid5`, 12)}`;
    const state: Record<string, unknown> = {
        metadata: {
            ...meta,
            name,
            ...(namespace ? { namespace } : {}),
            uid,
            resourceVersion: "1",
            generation: 1,
            creationTimestamp: "2026-01-01T00:00:00Z",
        },
    };
    if (args.type === "kubernetes:core/v1:Service") {
        const spec = (args.inputs.spec ?? {}) as Record<string, unknown>;
        const octet = (i: number) => parseInt(ctx.hex(`${args.name}ip${i}`, 2), 16);
        state.spec = { ...spec, clusterIP: `172.20.${octet(1)}.${octet(2)}` };
    }
    if (args.type === "kubernetes:networking.k8s.io/v1:Ingress") {
        state.status = {
            loadBalancer: {
                ingress: [{ hostname: `k8s-${ctx.hex(args.name, 8)}-${ctx.hex(`${args.name}lb`, 10)}.${ctx.region}.elb.amazonaws.com` }],
            },
        };
    }
    return { id: namespace ? `${namespace}/${name}` : name, state };
};

const KINDS = [
    "kubernetes:core/v1:Namespace",
    "kubernetes:core/v1:ServiceAccount",
    "kubernetes:core/v1:ConfigMap",
    "kubernetes:core/v1:Secret",
    "kubernetes:core/v1:Service",
    "kubernetes:core/v1:ResourceQuota",
    "kubernetes:core/v1:LimitRange",
    "kubernetes:apps/v1:Deployment",
    "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    "kubernetes:networking.k8s.io/v1:Ingress",
    "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    "kubernetes:policy/v1:PodDisruptionBudget",
];

export const k8s: MockModule = {
    resources: Object.fromEntries(KINDS.map((k) => [k, object])),
};
