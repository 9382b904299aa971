import { z } from "zod";
import { SPOT_NODE_GROUP_TAINT, SPOT_NODE_LABELS } from "../catalogue/spot";
import { Environment, PerEnvironment } from "./environment";
import { iamPrincipalArn, ipv4Cidr, logRetentionDays, parseCidr } from "./common";
import { checkName, CROSS_CHECKS } from "./checks";
import { clusterNames } from "../cluster/names";

/**
 * Kubernetes versions Strata supports on EKS, each with the cluster-autoscaler image of the same minor (the
 * autoscaler supports only its own Kubernetes minor). Tags from kubernetes/autoscaler releases, August 2026.
 */
export const KUBERNETES_VERSIONS = ["1.32", "1.33", "1.34", "1.35", "1.36"] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];
export const CLUSTER_AUTOSCALER_IMAGE_TAGS: Record<KubernetesVersion, string> = {
    "1.32": "v1.32.7",
    "1.33": "v1.33.6",
    "1.34": "v1.34.5",
    "1.35": "v1.35.2",
    "1.36": "v1.36.1",
};

/** The EKS managed add-ons every cluster gets, in the names AWS gives them. */
export const CLUSTER_ADDONS = ["vpc-cni", "eks-pod-identity-agent", "coredns", "kube-proxy", "aws-ebs-csi-driver", "metrics-server"] as const;
export type CoreAddonName = (typeof CLUSTER_ADDONS)[number];
/** EKS managed add-ons a cluster gets only when its config turns them on (`observability.containerInsights`). */
export const OPTIONAL_CLUSTER_ADDONS = ["amazon-cloudwatch-observability"] as const;
export type OptionalAddonName = (typeof OPTIONAL_CLUSTER_ADDONS)[number];
/** Every add-on name `addonVersions` accepts. */
export const ALL_CLUSTER_ADDONS = [...CLUSTER_ADDONS, ...OPTIONAL_CLUSTER_ADDONS] as const;
export type ClusterAddonName = CoreAddonName | OptionalAddonName;

/** Helm charts of the in-cluster platform, pinned. */
export const CHART_DEFAULTS = {
    loadBalancerController: { chart: "aws-load-balancer-controller", repository: "https://aws.github.io/eks-charts", version: "3.5.0" },
    clusterAutoscaler: { chart: "cluster-autoscaler", repository: "https://kubernetes.github.io/autoscaler", version: "9.59.0" },
} as const;

export const CAPACITY_TYPES = ["ON_DEMAND", "SPOT"] as const;
export const TAINT_EFFECTS = ["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"] as const;

/**
 * EC2 instance types EKS managed node groups can run: a current-generation family (`m7i`, `c7g`, `r6a`, `t3`,
 * `m7i-flex`, ...) and a size. Previous-generation families the EKS-optimized AMIs do not support (t1, t2, m1-m3,
 * c1-c3, r3), A1 (Graviton 1: the AL2023 AMIs, the only ones Strata uses, do not support it; EKS user guide,
 * "Choose an optimal Amazon EC2 node instance type") and unknown families are refused.
 */
const INSTANCE_TYPE_SHAPE = /^([a-z]+)(\d+)([a-z]*)(-flex)?\.(nano|micro|small|medium|large|xlarge|[1-9]\d*xlarge|metal(-\d+xl)?)$/;
/** Instance families (letters before the generation digit) and the oldest generation EKS nodes can use. */
const INSTANCE_FAMILIES: Record<string, number> = { t: 3, m: 4, c: 4, r: 4, x: 1, z: 1, i: 3, im: 4, is: 4, d: 3, g: 4, p: 3, inf: 1, trn: 1, hpc: 6, u: 7 };

export function isKnownInstanceType(instanceType: string): boolean {
    const m = INSTANCE_TYPE_SHAPE.exec(instanceType);
    if (!m) return false;
    const oldest = INSTANCE_FAMILIES[m[1]];
    return oldest !== undefined && Number(m[2]) >= oldest;
}

const instanceType = z.string().refine(isKnownInstanceType, {
    message: "is not an EC2 instance type EKS nodes can use (a current-generation type such as t3.medium, m7i.large or m7g.xlarge)",
});

/** True for Graviton (arm64) instance types: a "g" right after the generation digit (m7g, c6gn, t4g, r8g). */
export function isArmInstanceType(instanceType: string): boolean {
    return /^[a-z]+\d+g[a-z]*(-flex)?\./.test(instanceType);
}

/** EKS AMI type (AL2023) of an instance type: the architecture, and the NVIDIA / Neuron variant for accelerators. */
export function amiTypeOf(instanceType: string): string {
    if (isArmInstanceType(instanceType)) return /^g\d/.test(instanceType) ? "AL2023_ARM_64_NVIDIA" : "AL2023_ARM_64_STANDARD";
    if (/^(g|p)\d/.test(instanceType)) return "AL2023_x86_64_NVIDIA";
    if (/^(inf|trn)\d/.test(instanceType)) return "AL2023_x86_64_NEURON";
    return "AL2023_x86_64_STANDARD";
}

const nodeGroupSchema = z
    .object({
        /** Short name of the pool: part of the node group's name and of the `strata.io/pool` label. */
        name: z.string().regex(/^[a-z][a-z0-9-]{0,19}$/, "must be 1-20 lower-case letters, digits or hyphens, starting with a letter"),
        instanceTypes: z
            .array(instanceType)
            .min(1)
            .max(20),
        capacityType: z.enum(CAPACITY_TYPES).default("ON_DEMAND"),
        minSize: z.number().int().min(0).max(1000),
        maxSize: z.number().int().min(1).max(1000),
        /** Only the initial size: the cluster autoscaler owns it after creation (the program ignores drift on it). */
        desiredSize: z.number().int().min(0).max(1000).optional(),
        /** Root volume (gp3, KMS-encrypted) size in GiB, set in the launch template. */
        diskSizeGiB: z.number().int().min(20).max(16384).default(50),
        labels: z.record(z.string().regex(/^([a-z0-9.-]+\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/, "is not a Kubernetes label key"), z.string().max(63)).default({}),
        taints: z
            .array(
                z
                    .object({
                        key: z.string().min(1).max(63),
                        value: z.string().max(63).optional(),
                        effect: z.enum(TAINT_EFFECTS),
                    })
                    .strict(),
            )
            .max(50)
            .default([]),
        /** Nodes replaced at once during an update (node group update config). */
        maxUnavailable: z.number().int().min(1).max(100).default(1),
    })
    .strict();
export type NodeGroupSettings = z.output<typeof nodeGroupSchema>;

const addonVersion = z.string().regex(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/, "is not an EKS add-on version like v1.19.2-eksbuild.1");
const duration = z.string().regex(/^\d+(s|m|h)$/, "is not a duration like 10m, 30s or 1h");

interface ClusterDefaults {
    nodeGroups: z.input<typeof nodeGroupSchema>[];
    logRetentionDays: number;
    autoscaler: { scaleDownUtilizationThreshold: number; scaleDownUnneededTime: string; scaleDownDelayAfterAdd: string; maxNodesTotal: number };
    observability: { containerInsights: boolean; logRetentionDays: number };
}

/** Per-environment presets (DESIGN.md): dev spot, small, 1-4; staging on-demand 2-6; prod on-demand 3-20 + a spot worker pool. */
const defaults: PerEnvironment<ClusterDefaults> = {
    dev: {
        nodeGroups: [
            { name: "system", instanceTypes: ["t3.medium", "t3a.medium"], capacityType: "SPOT", minSize: 1, maxSize: 4, desiredSize: 2, diskSizeGiB: 30, labels: { "strata.io/pool": "system" } },
        ],
        logRetentionDays: 30,
        autoscaler: { scaleDownUtilizationThreshold: 0.5, scaleDownUnneededTime: "10m", scaleDownDelayAfterAdd: "10m", maxNodesTotal: 10 },
        observability: { containerInsights: false, logRetentionDays: 30 },
    },
    staging: {
        nodeGroups: [{ name: "system", instanceTypes: ["m6i.large"], capacityType: "ON_DEMAND", minSize: 2, maxSize: 6, desiredSize: 2, diskSizeGiB: 50, labels: { "strata.io/pool": "system" } }],
        logRetentionDays: 90,
        autoscaler: { scaleDownUtilizationThreshold: 0.5, scaleDownUnneededTime: "10m", scaleDownDelayAfterAdd: "10m", maxNodesTotal: 20 },
        observability: { containerInsights: true, logRetentionDays: 90 },
    },
    prod: {
        nodeGroups: [
            { name: "system", instanceTypes: ["m6i.xlarge"], capacityType: "ON_DEMAND", minSize: 3, maxSize: 20, desiredSize: 3, diskSizeGiB: 100, labels: { "strata.io/pool": "system" } },
            {
                name: "workers",
                instanceTypes: ["m6i.xlarge", "m6a.xlarge", "m5.xlarge", "m7i.xlarge"],
                capacityType: "SPOT",
                minSize: 0,
                maxSize: 20,
                desiredSize: 0,
                diskSizeGiB: 100,
                labels: { "strata.io/pool": "workers", ...SPOT_NODE_LABELS },
                taints: [{ ...SPOT_NODE_GROUP_TAINT }],
                maxUnavailable: 2,
            },
        ],
        logRetentionDays: 365,
        // Seed 004's production figures: 70% node target, 10 minutes before scale-down, 50 nodes at most.
        autoscaler: { scaleDownUtilizationThreshold: 0.7, scaleDownUnneededTime: "10m", scaleDownDelayAfterAdd: "10m", maxNodesTotal: 50 },
        observability: { containerInsights: true, logRetentionDays: 365 },
    },
};

/** RFC 1918 ranges: EKS refuses them as public-endpoint CIDRs (they can never reach a public endpoint). */
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((c) => parseCidr(c)!);

function withinPrivateRange(cidr: string): boolean {
    const c = parseCidr(cidr);
    if (!c) return false;
    return PRIVATE_RANGES.some((p) => c.mask >= p.mask && Math.floor(c.base / 2 ** (32 - p.mask)) === Math.floor(p.base / 2 ** (32 - p.mask)));
}

/**
 * `strata:cluster`: the EKS cluster, its node groups, add-ons and in-cluster platform.
 * The public API endpoint is on only when `publicAccessCidrs` lists CIDRs (empty: private endpoint only).
 */
export function clusterSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            /** Kubernetes minor version, pinned; upgrades are a config change (one minor at a time). */
            version: z.enum(KUBERNETES_VERSIONS).default("1.35"),
            /** STANDARD, or EXTENDED support (6x the control-plane price once standard support ends). */
            supportType: z.enum(["STANDARD", "EXTENDED"]).default("STANDARD"),
            /**
             * CIDRs allowed to reach the public API endpoint. Empty (the default): the public endpoint is off and only
             * the VPC (and what is routed into it) reaches the API. 0.0.0.0/0 is refused in staging and prod.
             */
            publicAccessCidrs: z.array(ipv4Cidr).max(40).default([]),
            /** IAM roles / users given cluster admin through access entries. */
            adminPrincipalArns: z.array(iamPrincipalArn).default([]),
            /** IAM roles / users given read-only (AmazonEKSViewPolicy, no Secrets) access. */
            readOnlyPrincipalArns: z.array(iamPrincipalArn).default([]),
            /**
             * Give the identity running `pulumi up` (resolved to its IAM role) cluster admin, so the program can manage
             * Kubernetes objects. Turn off only when that role is in `adminPrincipalArns` (one access entry per principal).
             */
            deployerAdmin: z.boolean().default(true),
            /** Retention of `/aws/eks/<cluster>/cluster`. */
            logRetentionDays: logRetentionDays.default(d.logRetentionDays),
            /**
             * IMDSv2 hop limit of the nodes: 1 keeps pods (other than host-network ones) away from the node role's
             * credentials; 2 only if a workload must read instance metadata itself.
             */
            imdsHopLimit: z.union([z.literal(1), z.literal(2)]).default(1),
            nodeGroups: z.array(nodeGroupSchema).min(1).max(10).default(d.nodeGroups as z.input<typeof nodeGroupSchema>[]),
            /** Add-on versions; an add-on not listed gets EKS's default version for the cluster's Kubernetes version. */
            addonVersions: z
                .object(Object.fromEntries(ALL_CLUSTER_ADDONS.map((a) => [a, addonVersion.optional()])) as Record<ClusterAddonName, z.ZodOptional<typeof addonVersion>>)
                .strict()
                .default({}),
            autoscaler: z
                .object({
                    scaleDownUtilizationThreshold: z.number().gt(0).max(1).default(d.autoscaler.scaleDownUtilizationThreshold),
                    scaleDownUnneededTime: duration.default(d.autoscaler.scaleDownUnneededTime),
                    scaleDownDelayAfterAdd: duration.default(d.autoscaler.scaleDownDelayAfterAdd),
                    maxNodesTotal: z.number().int().min(1).max(5000).default(d.autoscaler.maxNodesTotal),
                    expander: z.enum(["least-waste", "random", "most-pods", "priority", "price"]).default("least-waste"),
                    /** cluster-autoscaler image tag; defaults to the release of the cluster's Kubernetes minor. */
                    imageTag: z.string().regex(/^v\d+\.\d+\.\d+$/, "is not a cluster-autoscaler image tag like v1.35.2").optional(),
                })
                .strict()
                .default({}),
            /**
             * CloudWatch Container Insights with enhanced observability and Fluent Bit application logs: the EKS add-on
             * amazon-cloudwatch-observability with its own IRSA role, and its four log groups
             * (`/aws/containerinsights/<cluster>/{application,dataplane,host,performance}`) created first with the logs
             * key and `logRetentionDays`. Usage-priced (observations, log ingestion): off in dev by default.
             */
            observability: z
                .object({
                    containerInsights: z.boolean().default(d.observability.containerInsights),
                    /** Retention of the Container Insights log groups. */
                    logRetentionDays: logRetentionDays.default(d.observability.logRetentionDays),
                })
                .strict()
                .default({}),
            charts: z
                .object({
                    loadBalancerController: z.string().regex(/^\d+\.\d+\.\d+$/, "is not a chart version like 3.5.0").default(CHART_DEFAULTS.loadBalancerController.version),
                    clusterAutoscaler: z.string().regex(/^\d+\.\d+\.\d+$/, "is not a chart version like 9.59.0").default(CHART_DEFAULTS.clusterAutoscaler.version),
                })
                .strict()
                .default({}),
        })
        .strict()
        .superRefine((c, ctx) => {
            c.publicAccessCidrs.forEach((cidr, i) => {
                const parsed = parseCidr(cidr);
                if (!parsed) return;
                if (parsed.mask === 0 && env !== "dev") {
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["publicAccessCidrs", i],
                        message: `!"${cidr}" opens the Kubernetes API endpoint to the whole internet, which ${env} does not allow; list the CIDRs of your operators and CI runners, or leave the list empty for a private-only endpoint`,
                    });
                } else if (withinPrivateRange(cidr)) {
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["publicAccessCidrs", i],
                        message: "is a private (RFC 1918) range, which EKS refuses for the public endpoint; private networks reach the API through the private endpoint",
                    });
                }
            });
            const names = new Set<string>();
            let untainted = 0;
            c.nodeGroups.forEach((g, i) => {
                if (names.has(g.name)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["nodeGroups", i, "name"], message: "names a node group twice" });
                names.add(g.name);
                if (g.minSize > g.maxSize) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["nodeGroups", i, "minSize"], message: `is larger than maxSize (${g.maxSize})` });
                if (g.desiredSize !== undefined && (g.desiredSize < g.minSize || g.desiredSize > g.maxSize)) {
                    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["nodeGroups", i, "desiredSize"], message: `must be between minSize (${g.minSize}) and maxSize (${g.maxSize})` });
                }
                const arches = new Set(g.instanceTypes.map((t) => (isArmInstanceType(t) ? "arm64" : "x86_64")));
                if (arches.size > 1) {
                    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["nodeGroups", i, "instanceTypes"], message: "mixes arm64 (Graviton) and x86_64 instance types; one node group runs one AMI architecture" });
                }
                const amiTypes = [...new Set(g.instanceTypes.map(amiTypeOf))];
                if (arches.size === 1 && amiTypes.length > 1) {
                    // One node group runs one AMI: the standard AMIs do not support GPU / Neuron families and the
                    // accelerated AMIs do not support the a, c, hpc, m and t families (EKS user guide).
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["nodeGroups", i, "instanceTypes"],
                        message: `mixes instance types that need different EKS AMIs (${amiTypes.join(", ")}); put accelerated (GPU, Inferentia, Trainium) types in their own node group`,
                    });
                }
                if (new Set(g.instanceTypes).size !== g.instanceTypes.length) {
                    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["nodeGroups", i, "instanceTypes"], message: "lists an instance type twice" });
                }
                if (g.taints.every((t) => t.effect === "PREFER_NO_SCHEDULE") && Math.max(g.minSize, g.desiredSize ?? g.minSize) > 0) untainted++;
            });
            if (untainted === 0) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["nodeGroups"],
                    message: "!needs at least one node group without NoSchedule/NoExecute taints and with at least one node, where CoreDNS, the load balancer controller and the autoscaler can run",
                });
            }
            // EKS allows one access entry per principal: a second one fails CreateAccessEntry (ResourceInUseException)
            // after the control plane is up.
            const principals = new Map<string, string>();
            for (const list of ["adminPrincipalArns", "readOnlyPrincipalArns"] as const) {
                c[list].forEach((arn, i) => {
                    const first = principals.get(arn);
                    if (first) {
                        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [list, i], message: `is already listed in ${first}; EKS allows one access entry per principal` });
                    } else {
                        principals.set(arn, `${list}[${i}]`);
                    }
                });
            }
            if (!c.deployerAdmin && c.adminPrincipalArns.length === 0) {
                // Authentication mode API without the creator's bootstrap admin: nobody could use the cluster, and the
                // program's own Kubernetes objects would fail after the control plane and node groups are up.
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["deployerAdmin"],
                    message: "!cannot be false while adminPrincipalArns is empty: no one (not even this program) could reach the Kubernetes API; list the deploying role in adminPrincipalArns or keep deployerAdmin on",
                });
            }
            const minTotal = c.nodeGroups.reduce((s, g) => s + g.minSize, 0);
            if (c.autoscaler.maxNodesTotal < minTotal) {
                ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["autoscaler", "maxNodesTotal"], message: `is below the sum of the node groups' minSize (${minTotal})` });
            }
        })
        .default({});
}
export type ClusterSettings = z.output<ReturnType<typeof clusterSchema>>;

CROSS_CHECKS.push((settings, report, naming) => {
    checkName(naming, report, ["cluster"], () => naming.physical("eksCluster", clusterNames.cluster));
    settings.cluster.nodeGroups.forEach((g, i) => {
        checkName(naming, report, ["cluster", "nodeGroups", i, "name"], () => naming.autoNamed("eksNodeGroup", ...clusterNames.nodeGroup(g.name)));
    });
    for (const { purpose, configPath } of clusterNames.roles(settings.cluster)) {
        checkName(naming, report, ["cluster", ...configPath], () => naming.autoNamed("iamRole", ...clusterNames.role(purpose)));
    }
});
