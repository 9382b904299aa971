/**
 * EC2 facts for EKS node groups: which instance types EKS nodes can use, which AL2023 AMI type each needs, and what
 * a node of the common families can hold.
 */

/**
 * EC2 instance types EKS managed node groups can run: a current-generation family (`m7i`, `c7g`, `r6a`, `t3`,
 * `m7i-flex`, ...) and a size. Previous-generation families the EKS-optimized AMIs do not support (t1, t2, m1-m3,
 * c1-c3, r3), A1 (Graviton 1: the AL2023 AMIs, the only ones Strata uses, do not support it; EKS user guide,
 * "Choose an optimal Amazon EC2 node instance type") and unknown families are refused.
 */
const INSTANCE_TYPE_SHAPE = /^([a-z]+)(\d+)([a-z]*)(-flex)?\.(nano|micro|small|medium|large|xlarge|[1-9]\d*xlarge|metal(-\d+xl)?)$/;
/** Instance families (letters before the generation digit) and the oldest generation EKS nodes can use. */
export const INSTANCE_FAMILIES: Readonly<Record<string, number>> = {
    t: 3,
    m: 4,
    c: 4,
    r: 4,
    x: 1,
    z: 1,
    i: 3,
    im: 4,
    is: 4,
    d: 3,
    g: 4,
    p: 3,
    inf: 1,
    trn: 1,
    hpc: 6,
    u: 7,
};

export function isKnownInstanceType(instanceType: string): boolean {
    const m = INSTANCE_TYPE_SHAPE.exec(instanceType);
    if (!m) return false;
    const oldest = INSTANCE_FAMILIES[m[1]];
    return oldest !== undefined && Number(m[2]) >= oldest;
}

/** True for Graviton (arm64) instance types: a "g" right after the generation digit (m7g, c6gn, t4g, r8g). */
export function isArmInstanceType(instanceType: string): boolean {
    return /^[a-z]+\d+g[a-z]*(-flex)?\./.test(instanceType);
}

/** The EKS AMI types (AL2023) Strata's node groups use. */
export const AMI_TYPES = [
    "AL2023_x86_64_STANDARD",
    "AL2023_ARM_64_STANDARD",
    "AL2023_x86_64_NVIDIA",
    "AL2023_ARM_64_NVIDIA",
    "AL2023_x86_64_NEURON",
] as const;
export type AmiType = (typeof AMI_TYPES)[number];

/**
 * EKS AMI type (AL2023) of an instance type: the architecture, and the NVIDIA / Neuron variant for accelerators. One
 * node group runs one AMI: the standard AMIs do not support GPU / Neuron families and the accelerated AMIs do not
 * support the a, c, hpc, m and t families (EKS user guide, "Create nodes with optimized Amazon Linux AMIs").
 */
export function amiTypeOf(instanceType: string): AmiType {
    if (isArmInstanceType(instanceType)) return /^g\d/.test(instanceType) ? "AL2023_ARM_64_NVIDIA" : "AL2023_ARM_64_STANDARD";
    if (/^(g|p)\d/.test(instanceType)) return "AL2023_x86_64_NVIDIA";
    if (/^(inf|trn)\d/.test(instanceType)) return "AL2023_x86_64_NEURON";
    return "AL2023_x86_64_STANDARD";
}

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
    if (family === "t" && (size === "micro" || size === "small" || size === "medium"))
        return { vcpu: 2, memoryGiB: { micro: 1, small: 2, medium: 4 }[size] };
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
