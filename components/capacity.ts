import { parseCpu, parseMemory } from "./catalogue/quantity";
import { allocatable } from "./catalogue/ec2";

/** Node capacity is an EC2 fact: it lives in the catalogue (re-exported here for the plan and existing imports). */
export { allocatable, instanceCapacity } from "./catalogue/ec2";

/** Cluster-wide add-ons' requests (CoreDNS x2, load balancer controller x2, autoscaler, metrics-server, EBS CSI controller). */
export const SYSTEM_REQUESTS = { milliCpu: 900, memoryBytes: 1.25 * 2 ** 30 };

/**
 * A workload the platform itself runs inside a Helm release (invisible to the plan as a Deployment): what the capacity
 * model adds to the services' requests. A DaemonSet's requests count once per node. Each chart's spec module derives
 * both the chart values and this list from the same settings.
 */
export interface PlatformWorkload {
    /** The workload's name as the chart creates it. */
    name: string;
    kind: "Deployment" | "StatefulSet" | "DaemonSet";
    /** Pods (ignored for a DaemonSet: one per node). */
    replicas: number;
    /** Requests of one pod (all its containers), as Kubernetes quantities. */
    cpu: string;
    memory: string;
}

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
