import { parseCpu, parseMemory } from "./config/quantity";

/**
 * What a node can hold, for the common general-purpose, compute and memory families (t, m, c, r). vCPUs follow the
 * size (medium/large 2, xlarge 4, Nxlarge 4N; t micro/small/medium 2); memory per vCPU follows the family (t and m 4 GiB,
 * c 2 GiB, r 8 GiB; t micro, small and medium have 1, 2 and 4 GiB in all). Other families return undefined (not checked).
 */
export function instanceCapacity(instanceType: string): { vcpu: number; memoryGiB: number } | undefined {
    const m = /^([tmcr])\d+[a-z]*(-flex)?\.(micro|small|medium|large|xlarge|(\d+)xlarge)$/.exec(instanceType);
    if (!m) return undefined;
    const family = m[1];
    const size = m[3];
    if (family === "t" && (size === "micro" || size === "small" || size === "medium")) return { vcpu: 2, memoryGiB: { micro: 1, small: 2, medium: 4 }[size] };
    if (size === "micro" || size === "small") return undefined;
    const vcpu = size === "medium" || size === "large" ? 2 : size === "xlarge" ? 4 : 4 * Number(m[4]);
    const perVcpu = family === "c" ? 2 : family === "r" ? 8 : 4;
    return { vcpu, memoryGiB: vcpu * perVcpu };
}

/**
 * What pods can request on a node: EKS reserves CPU and memory for the kubelet and the system (about 70-90m CPU
 * and 255 MiB + 11 MiB per pod the node can run, roughly 0.6-1.2 GiB on these sizes) and a DaemonSet set (VPC CNI,
 * kube-proxy, pod identity agent, EBS CSI node) runs on every node; this keeps a flat 0.25 vCPU and 1.25 GiB.
 */
export function allocatable(instanceType: string): { milliCpu: number; memoryBytes: number } | undefined {
    const c = instanceCapacity(instanceType);
    if (!c) return undefined;
    return { milliCpu: c.vcpu * 1000 - 250, memoryBytes: (c.memoryGiB - 1.25) * 2 ** 30 };
}

/** Cluster-wide add-ons' requests (CoreDNS x2, load balancer controller x2, autoscaler, metrics-server, EBS CSI controller). */
export const SYSTEM_REQUESTS = { milliCpu: 900, memoryBytes: 1.25 * 2 ** 30 };

export interface WorkloadRequest {
    replicas: number;
    cpu: string;
    memory: string;
}

/** Total requests of workloads at the given replica counts. */
export function totalRequests(workloads: WorkloadRequest[]): { milliCpu: number; memoryBytes: number } {
    let milliCpu = SYSTEM_REQUESTS.milliCpu;
    let memoryBytes = SYSTEM_REQUESTS.memoryBytes;
    for (const w of workloads) {
        milliCpu += w.replicas * (parseCpu(w.cpu) ?? 0);
        memoryBytes += w.replicas * (parseMemory(w.memory) ?? 0);
    }
    return { milliCpu, memoryBytes };
}

/** Nodes of `instanceType` needed to hold `requests` (by CPU or memory, whichever needs more), or undefined. */
export function nodesNeeded(instanceType: string, requests: { milliCpu: number; memoryBytes: number }): number | undefined {
    const a = allocatable(instanceType);
    if (!a) return undefined;
    return Math.max(Math.ceil(requests.milliCpu / a.milliCpu), Math.ceil(requests.memoryBytes / a.memoryBytes));
}
