/** Helpers over Kubernetes workload inputs (Deployment, StatefulSet, DaemonSet, Pod). */

export const WORKLOAD_TYPES = [
    "kubernetes:apps/v1:Deployment",
    "kubernetes:apps/v1:StatefulSet",
    "kubernetes:apps/v1:DaemonSet",
    "kubernetes:core/v1:Pod",
] as const;
export const REPLICATED_TYPES = ["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet"] as const;
export const NETWORK_POLICY_TYPE = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
export const PDB_TYPES = ["kubernetes:policy/v1:PodDisruptionBudget", "kubernetes:policy/v1beta1:PodDisruptionBudget"];
export const HPA_TYPES = [
    "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    "kubernetes:autoscaling/v2beta2:HorizontalPodAutoscaler",
    "kubernetes:autoscaling/v1:HorizontalPodAutoscaler",
];

export function podSpec(type: string, props: any): any {
    if (type === "kubernetes:core/v1:Pod") return props?.spec ?? {};
    return props?.spec?.template?.spec ?? {};
}

export function podLabels(type: string, props: any): Record<string, string> {
    if (type === "kubernetes:core/v1:Pod") return props?.metadata?.labels ?? {};
    return props?.spec?.template?.metadata?.labels ?? {};
}

export function namespaceOf(props: any): string {
    return props?.metadata?.namespace ?? "default";
}

export interface Container {
    name?: string;
    image?: string;
    securityContext?: any;
    resources?: any;
    livenessProbe?: unknown;
    readinessProbe?: unknown;
}

/** Long-running containers, and all containers including init and ephemeral ones. */
export function containers(spec: any): Container[] {
    return Array.isArray(spec?.containers) ? spec.containers : [];
}

export function allContainers(spec: any): Container[] {
    const init = Array.isArray(spec?.initContainers) ? spec.initContainers : [];
    const eph = Array.isArray(spec?.ephemeralContainers) ? spec.ephemeralContainers : [];
    return [...init, ...containers(spec), ...eph];
}

export interface LabelSelector {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Kubernetes label-selector semantics; an empty selector selects everything. */
export function selects(selector: LabelSelector | undefined | null, labels: Record<string, string>): boolean {
    if (!selector) return false;
    for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
    for (const e of selector.matchExpressions ?? []) {
        const has = Object.prototype.hasOwnProperty.call(labels, e.key);
        const values = e.values ?? [];
        switch (e.operator) {
            case "In":
                if (!has || !values.includes(labels[e.key])) return false;
                break;
            case "NotIn":
                if (has && values.includes(labels[e.key])) return false;
                break;
            case "Exists":
                if (!has) return false;
                break;
            case "DoesNotExist":
                if (has) return false;
                break;
            default:
                return false;
        }
    }
    return true;
}

export function describe(type: string, props: any, fallbackName: string): string {
    const kind = type.split(":").pop();
    return `${kind} ${namespaceOf(props)}/${props?.metadata?.name ?? fallbackName}`;
}
