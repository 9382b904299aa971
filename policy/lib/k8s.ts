/** Helpers over Kubernetes workload inputs (Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod, Job, CronJob, Argo Rollouts' Rollout). */
import type { Props } from "./values";
import { field, objectAt } from "./values";

/** Argo Rollouts' Rollout: a Deployment's replicas, selector and pod template, with a delivery strategy. */
export const ROLLOUT_TYPE = "kubernetes:argoproj.io/v1alpha1:Rollout";
/** Workloads whose pods run until stopped. */
export const LONG_RUNNING_TYPES = [
    "kubernetes:apps/v1:Deployment",
    "kubernetes:apps/v1:StatefulSet",
    "kubernetes:apps/v1:DaemonSet",
    "kubernetes:apps/v1:ReplicaSet",
    "kubernetes:core/v1:Pod",
    ROLLOUT_TYPE,
] as const;
/** Workloads whose pods run to completion. */
export const RUN_TO_COMPLETION_TYPES = ["kubernetes:batch/v1:Job", "kubernetes:batch/v1:CronJob"] as const;
export const WORKLOAD_TYPES = [...LONG_RUNNING_TYPES, ...RUN_TO_COMPLETION_TYPES] as const;
const CRON_JOB = "kubernetes:batch/v1:CronJob";
export const REPLICATED_TYPES = ["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", ROLLOUT_TYPE] as const;
export const NETWORK_POLICY_TYPE = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
export const PDB_TYPES = ["kubernetes:policy/v1:PodDisruptionBudget", "kubernetes:policy/v1beta1:PodDisruptionBudget"];
export const HPA_TYPES = [
    "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
    "kubernetes:autoscaling/v2beta2:HorizontalPodAutoscaler",
    "kubernetes:autoscaling/v1:HorizontalPodAutoscaler",
];

/** The pod spec of a workload's inputs (a Pod's own spec, a CronJob's job template's, else the pod template's); empty when absent. */
export function podSpec(type: string, props: unknown): Props {
    if (type === "kubernetes:core/v1:Pod") return objectAt(field(props, "spec"));
    if (type === CRON_JOB) return objectAt(field(props, "spec", "jobTemplate", "spec", "template", "spec"));
    return objectAt(field(props, "spec", "template", "spec"));
}

/** The labels of a workload's pods; empty when absent. */
export function podLabels(type: string, props: unknown): Props {
    if (type === "kubernetes:core/v1:Pod") return objectAt(field(props, "metadata", "labels"));
    if (type === CRON_JOB) return objectAt(field(props, "spec", "jobTemplate", "spec", "template", "metadata", "labels"));
    return objectAt(field(props, "spec", "template", "metadata", "labels"));
}

/** The namespace in a resource's metadata (`default` when unset), as written: inputs are unchecked JSON. */
export function namespaceOf(props: unknown): unknown {
    return field(props, "metadata", "namespace") ?? "default";
}

/** A container of a pod spec, its fields (name, image, securityContext, resources, probes, ports) unknown until checked. */
export type Container = Props;

/** The containers listed under `key` of a pod spec; an entry that is not an object reads as an empty container. */
function containerList(spec: unknown, key: string): Container[] {
    const list = field(spec, key);
    return Array.isArray(list) ? list.map(objectAt) : [];
}

/** Long-running containers, and all containers including init and ephemeral ones. */
export function containers(spec: unknown): Container[] {
    return containerList(spec, "containers");
}

export function allContainers(spec: unknown): Container[] {
    return [...containerList(spec, "initContainers"), ...containers(spec), ...containerList(spec, "ephemeralContainers")];
}

export interface LabelSelector {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Kubernetes label-selector semantics; an empty selector selects everything. */
export function selects(selector: LabelSelector | undefined | null, labels: Readonly<Props>): boolean {
    if (!selector) return false;
    for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
    for (const e of selector.matchExpressions ?? []) {
        const has = Object.prototype.hasOwnProperty.call(labels, e.key);
        const values: readonly unknown[] = e.values ?? [];
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

/** A security context of a pod spec: the pod's own (`where` is "pod") or a container's, init and ephemeral included. */
export interface SecurityContextAt {
    where: string;
    sc: Props;
}

/** The pod's security context and each container's (init and ephemeral included), absent ones read as empty. */
export function securityContexts(spec: unknown): SecurityContextAt[] {
    return [
        { where: "pod", sc: objectAt(field(spec, "securityContext")) },
        ...allContainers(spec).map((c) => ({ where: `container '${String(c.name ?? "?")}'`, sc: objectAt(c.securityContext) })),
    ];
}

/** The annotations of a workload's pods (the pod template's, a Pod's own); empty when absent. */
export function podAnnotations(type: string, props: unknown): Props {
    if (type === "kubernetes:core/v1:Pod") return objectAt(field(props, "metadata", "annotations"));
    if (type === CRON_JOB) return objectAt(field(props, "spec", "jobTemplate", "spec", "template", "metadata", "annotations"));
    return objectAt(field(props, "spec", "template", "metadata", "annotations"));
}

export function describe(type: string, props: unknown, fallbackName: string): string {
    const kind = type.split(":").pop();
    return `${kind} ${namespaceOf(props)}/${field(props, "metadata", "name") ?? fallbackName}`;
}
