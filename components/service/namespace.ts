import type { ServiceSettings } from "../config/services";
import { formatCpu, formatMemory, parseCpu, parseMemory } from "../catalogue/quantity";
import { maxReplicas } from "./autoscaling";
import { DNS_PORTS, KUBE_DNS_PEER } from "./networkPolicy";

export interface ResourceAmounts {
    cpu: string;
    memory: string;
}

/** A namespace's ResourceQuota: totals of its requests and limits, and its pod count. */
export interface NamespaceQuota {
    requests: ResourceAmounts;
    limits: ResourceAmounts;
    pods: number;
}

/** A namespace's LimitRange per container: defaults for containers that set nothing, and the largest allowed. */
export interface NamespaceLimitRange {
    defaultRequest: ResourceAmounts;
    default: ResourceAmounts;
    max: ResourceAmounts;
}

/** The namespace label that makes the AWS Load Balancer Controller inject its target-health readiness gate. */
export const READINESS_GATE_LABEL = "elbv2.k8s.aws/pod-readiness-gate-inject";

/** The Pod Security Standards `restricted` profile, enforced, audited and warned about, at the latest version. */
export const POD_SECURITY_LABELS: Readonly<Record<string, string>> = {
    "pod-security.kubernetes.io/enforce": "restricted",
    "pod-security.kubernetes.io/enforce-version": "latest",
    "pod-security.kubernetes.io/audit": "restricted",
    "pod-security.kubernetes.io/audit-version": "latest",
    "pod-security.kubernetes.io/warn": "restricted",
    "pod-security.kubernetes.io/warn-version": "latest",
};

/** Labels of every object Strata creates in a namespace. */
export function namespaceCommonLabels(prefix: string): Record<string, string> {
    return { "app.kubernetes.io/managed-by": "strata", "strata.dev/stack": prefix };
}

/** The namespace's own labels: common, extra, the readiness gate when asked, and the PSS labels (which nothing overrides). */
export function namespaceLabels(
    prefix: string,
    extra: Record<string, string> | undefined,
    readinessGateInjection: boolean | undefined,
): Record<string, string> {
    return {
        ...namespaceCommonLabels(prefix),
        ...(extra ?? {}),
        ...(readinessGateInjection ? { [READINESS_GATE_LABEL]: "enabled" } : {}),
        ...POD_SECURITY_LABELS,
    };
}

/** Deny all ingress and egress of every pod (each service's policy opens what it declares). */
export function defaultDenySpec() {
    return { podSelector: {}, policyTypes: ["Ingress", "Egress"] };
}

/** Every pod may reach kube-dns. */
export function allowDnsSpec() {
    return { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [KUBE_DNS_PEER], ports: DNS_PORTS }] };
}

/** The ResourceQuota spec: the quota, and no LoadBalancer or NodePort Services (traffic enters through the ALB). */
export function quotaSpec(quota: NamespaceQuota) {
    return {
        hard: {
            "requests.cpu": quota.requests.cpu,
            "requests.memory": quota.requests.memory,
            "limits.cpu": quota.limits.cpu,
            "limits.memory": quota.limits.memory,
            pods: String(quota.pods),
            "services.loadbalancers": "0",
            "services.nodeports": "0",
        },
    };
}

/** The LimitRange spec: one Container entry. */
export function limitRangeSpec(limitRange: NamespaceLimitRange) {
    return {
        limits: [
            {
                type: "Container",
                defaultRequest: { ...limitRange.defaultRequest },
                default: { ...limitRange.default },
                max: { ...limitRange.max },
            },
        ],
    };
}

export const LIMIT_RANGE_DEFAULTS = { defaultRequest: { cpu: "100m", memory: "128Mi" }, default: { cpu: "500m", memory: "512Mi" } };
/** Extra room of the quota over the services' sum. */
export const QUOTA_HEADROOM = 1.2;

/**
 * Pods of a service at its peak: max replicas plus the rolling update's surge (25%, at least one pod). A job runs one
 * pod at a time (a replaced Job's new pod runs after the old one completed; a failed pod is terminal and leaves the
 * quota's count); a cron job one, or two when overlapping runs may meet (Replace stops the old pod while the new one
 * starts; Allow runs them side by side, counted as two). A service with a rollout peaks at twice its replicas.
 */
export function peakPods(
    s: Pick<ServiceSettings, "autoscaling" | "replicas"> & Partial<Pick<ServiceSettings, "kind" | "cron" | "rollout">>,
): number {
    if (s.kind === "job") return 1;
    if (s.kind === "cronjob") return s.cron?.concurrencyPolicy === "Forbid" ? 1 : 2;
    // A rollout runs the old and the new set side by side (canary at full size before the stable set shrinks; blue-green).
    if (s.rollout) return 2 * maxReplicas(s);
    return maxReplicas(s) + Math.max(1, Math.ceil(maxReplicas(s) * 0.25));
}

/**
 * A namespace's quota and limit range, from the services in it: each service at its maximum replica count plus the
 * rolling update's surge (25%, at least one pod), with 20% headroom; the LimitRange's max is the largest limit any
 * of its services declares (at least the default).
 */
export function namespaceBudget(services: ServiceSettings[]): { quota: NamespaceQuota; limitRange: NamespaceLimitRange } {
    let reqCpu = 0;
    let reqMem = 0;
    let limCpu = 0;
    let limMem = 0;
    let pods = 0;
    let maxCpu = parseCpu(LIMIT_RANGE_DEFAULTS.default.cpu)!;
    let maxMem = parseMemory(LIMIT_RANGE_DEFAULTS.default.memory)!;
    for (const s of services) {
        const n = peakPods(s);
        pods += n;
        reqCpu += n * parseCpu(s.resources.requests.cpu)!;
        reqMem += n * parseMemory(s.resources.requests.memory)!;
        limCpu += n * parseCpu(s.resources.limits.cpu)!;
        limMem += n * parseMemory(s.resources.limits.memory)!;
        maxCpu = Math.max(maxCpu, parseCpu(s.resources.limits.cpu)!);
        maxMem = Math.max(maxMem, parseMemory(s.resources.limits.memory)!);
    }
    return {
        quota: {
            requests: { cpu: formatCpu(reqCpu * QUOTA_HEADROOM), memory: formatMemory(reqMem * QUOTA_HEADROOM) },
            limits: { cpu: formatCpu(limCpu * QUOTA_HEADROOM), memory: formatMemory(limMem * QUOTA_HEADROOM) },
            pods: Math.ceil(pods * QUOTA_HEADROOM),
        },
        limitRange: { ...LIMIT_RANGE_DEFAULTS, max: { cpu: formatCpu(maxCpu), memory: formatMemory(maxMem) } },
    };
}
