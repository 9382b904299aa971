import { today } from "../exceptions";
import { z } from "zod";
import { arnProblem } from "../arn";
import { SPOT_NODE_GROUP_TAINT, SPOT_NODE_LABELS } from "../catalogue/spot";
import type { ClusterAddonName } from "../catalogue/kubernetes";
import {
    ALL_CLUSTER_ADDONS,
    CAPACITY_TYPES,
    DEFAULT_KUBERNETES_VERSION,
    KUBERNETES_VERSIONS,
    TAINT_EFFECTS,
    unsupportedVersionReason,
} from "../catalogue/kubernetes";
import { CHART_DEFAULTS, CLUSTER_AUTOSCALER_EXPANDERS, REFUSED_EXPANDERS } from "../catalogue/charts";
import { amiTypeOf, isArmInstanceType, isKnownInstanceType } from "../catalogue/ec2";
import type { Environment, PerEnvironment } from "./environment";
import { iamPrincipalArn, ipv4Cidr, logRetentionDays, parseCidr } from "./common";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";
import { clusterNames } from "../cluster/names";

// AWS facts the cluster settings use live in the catalogue; re-exported here for the code that imports them from config.
export {
    ALL_CLUSTER_ADDONS,
    CAPACITY_TYPES,
    CLUSTER_ADDONS,
    CLUSTER_AUTOSCALER_IMAGE_TAGS,
    ClusterAddonName,
    CoreAddonName,
    KUBERNETES_VERSIONS,
    KubernetesVersion,
    OPTIONAL_CLUSTER_ADDONS,
    OptionalAddonName,
    TAINT_EFFECTS,
} from "../catalogue/kubernetes";
export { CHART_DEFAULTS, CLUSTER_AUTOSCALER_EXPANDERS, PRIORITY_EXPANDER_CONFIGMAP } from "../catalogue/charts";
export { amiTypeOf, isArmInstanceType, isKnownInstanceType } from "../catalogue/ec2";

const instanceType = allowed(
    z.string().refine(isKnownInstanceType, {
        message: "is not an EC2 instance type EKS nodes can use (a current-generation type such as t3.medium, m7i.large or m7g.xlarge)",
    }),
    "current-generation EC2 instance types EKS nodes can use (t3+, m4+, c4+, r4+, x, z, i3+, im4, is4, d3+, g4+, p3+, inf, trn, hpc6+, u7+), e.g. t3.medium, m7g.xlarge",
);

const POOL_NAME = /^[a-z][a-z0-9-]{0,19}$/;
const LABEL_KEY = /^([a-z0-9.-]+\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

const nodeGroupSchema = z
    .object({
        name: allowed(
            z.string().regex(POOL_NAME, "must be 1-20 lower-case letters, digits or hyphens, starting with a letter"),
            "1-20 lower-case letters, digits or hyphens, starting with a letter; unique among the node groups",
        ).describe("Short name of the pool: part of the node group's name and of the `strata.io/pool` label."),
        instanceTypes: allowed(
            z.array(instanceType).min(1).max(20),
            "1-20 EKS-capable EC2 instance types, each once, all of one architecture and one AMI type (accelerated types in their own group)",
        ).describe("Instance types the node group launches (the smallest counts for capacity checks); several spread spot interruptions."),
        capacityType: z.enum(CAPACITY_TYPES).default("ON_DEMAND").describe("On-demand or spot instances."),
        minSize: allowed(z.number().int().min(0).max(1000), "integer 0-1000, at most maxSize").describe(
            "Fewest nodes the autoscaler keeps.",
        ),
        maxSize: z.number().int().min(1).max(1000).describe("Most nodes the autoscaler may run in this group."),
        desiredSize: allowed(z.number().int().min(0).max(1000), "integer 0-1000, between minSize and maxSize")
            .optional()
            .describe("Only the initial size: the cluster autoscaler owns it after creation (the program ignores drift on it)."),
        diskSizeGiB: z
            .number()
            .int()
            .min(20)
            .max(16384)
            .default(50)
            .describe("Root volume (gp3, KMS-encrypted) size in GiB, set in the launch template."),
        labels: allowed(
            z.record(z.string().regex(LABEL_KEY, "is not a Kubernetes label key"), z.string().max(63).describe("The label's value.")),
            "Kubernetes label keys ([prefix/]name, name up to 63 characters) to values of up to 63 characters",
        )
            .default({})
            .describe("Kubernetes labels of the group's nodes."),
        taints: z
            .array(
                z
                    .object({
                        key: z.string().min(1).max(63).describe("Taint key."),
                        value: z.string().max(63).optional().describe("Taint value."),
                        effect: z.enum(TAINT_EFFECTS).describe("Taint effect, in the EKS API's spelling."),
                    })
                    .strict(),
            )
            .max(50)
            .default([])
            .describe("Taints of the group's nodes; at least one group must have no NoSchedule/NoExecute taint and at least one node."),
        maxUnavailable: z
            .number()
            .int()
            .min(1)
            .max(100)
            .default(1)
            .describe("Nodes replaced at once during an update (node group update config)."),
    })
    .strict();
export type NodeGroupSettings = z.output<typeof nodeGroupSchema>;

const addonVersion = z.string().regex(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/, "is not an EKS add-on version like v1.19.2-eksbuild.1");
const duration = () => z.string().regex(/^\d+(s|m|h)$/, "is not a duration like 10m, 30s or 1h");
const chartVersion = (example: string) => z.string().regex(/^\d+\.\d+\.\d+$/, `is not a chart version like ${example}`);

interface ClusterDefaults {
    nodeGroups: z.input<typeof nodeGroupSchema>[];
    logRetentionDays: number;
    autoscaler: {
        scaleDownUtilizationThreshold: number;
        scaleDownUnneededTime: string;
        scaleDownDelayAfterAdd: string;
        maxNodesTotal: number;
    };
    observability: { containerInsights: boolean; logRetentionDays: number };
}

/** Per-environment presets: dev spot, small, 1-4; staging on-demand 2-6; prod on-demand 3-20 + a spot worker pool. */
const defaults: PerEnvironment<ClusterDefaults> = {
    dev: {
        nodeGroups: [
            {
                name: "system",
                instanceTypes: ["t3.medium", "t3a.medium"],
                capacityType: "SPOT",
                minSize: 1,
                maxSize: 4,
                desiredSize: 2,
                diskSizeGiB: 30,
                labels: { "strata.io/pool": "system" },
            },
        ],
        logRetentionDays: 30,
        autoscaler: { scaleDownUtilizationThreshold: 0.5, scaleDownUnneededTime: "10m", scaleDownDelayAfterAdd: "10m", maxNodesTotal: 10 },
        // Container logs reach CloudWatch in every environment; dev keeps them a week.
        observability: { containerInsights: true, logRetentionDays: 7 },
    },
    staging: {
        nodeGroups: [
            {
                name: "system",
                instanceTypes: ["m6i.large"],
                capacityType: "ON_DEMAND",
                minSize: 2,
                maxSize: 6,
                desiredSize: 2,
                diskSizeGiB: 50,
                labels: { "strata.io/pool": "system" },
            },
        ],
        logRetentionDays: 90,
        autoscaler: { scaleDownUtilizationThreshold: 0.5, scaleDownUnneededTime: "10m", scaleDownDelayAfterAdd: "10m", maxNodesTotal: 20 },
        observability: { containerInsights: true, logRetentionDays: 90 },
    },
    prod: {
        nodeGroups: [
            {
                name: "system",
                instanceTypes: ["m6i.xlarge"],
                capacityType: "ON_DEMAND",
                minSize: 3,
                maxSize: 20,
                desiredSize: 3,
                diskSizeGiB: 100,
                labels: { "strata.io/pool": "system" },
            },
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
        // Production: 70% node target, 10 minutes before scale-down, 50 nodes at most.
        autoscaler: { scaleDownUtilizationThreshold: 0.7, scaleDownUnneededTime: "10m", scaleDownDelayAfterAdd: "10m", maxNodesTotal: 50 },
        observability: { containerInsights: true, logRetentionDays: 365 },
    },
};

/** RFC 1918 ranges: EKS refuses them as public-endpoint CIDRs (they can never reach a public endpoint). */
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((c) => parseCidr(c)!);

function withinPrivateRange(cidr: string): boolean {
    const c = parseCidr(cidr);
    if (!c) return false;
    return PRIVATE_RANGES.some(
        (p) => c.mask >= p.mask && Math.floor(c.base / 2 ** (32 - p.mask)) === Math.floor(p.base / 2 ** (32 - p.mask)),
    );
}

/** The routes by which the deployer (the identity running `pulumi up`) reaches the Kubernetes API. */
export const ACCESS_ROUTES = ["publicCidrs", "runner", "network"] as const;
export type AccessRoute = (typeof ACCESS_ROUTES)[number];

/** CodeBuild compute types a deploy runner may use (the AWS CodeBuild docs' "Build environment compute types"). */
export const RUNNER_COMPUTE_TYPES = ["BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM", "BUILD_GENERAL1_LARGE"] as const;

/** GitHub `owner/name` (owner: 1-39 letters, digits, hyphens; name: letters, digits, `.`, `_`, `-`). */
export const GITHUB_REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/** An AWS CodeConnections (formerly CodeStar Connections) connection ARN. */
export const CODE_CONNECTION_ARN =
    /^arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z]{2}(-[a-z]+)+-\d:\d{12}:connection\/[0-9a-f-]{36}$/;

const runnerSchema = z
    .object({
        repository: allowed(
            z.string().regex(GITHUB_REPOSITORY, "is not a GitHub repository (owner/name)"),
            "a GitHub repository as owner/name",
        ).describe("The GitHub repository whose workflow jobs the runner takes (the repository holding this program and its stack files)."),
        connectionArn: allowed(
            z.string().regex(CODE_CONNECTION_ARN, "is not a CodeConnections connection ARN"),
            "arn:aws:codeconnections:<region>:<account>:connection/<uuid> (a connection to GitHub, authorised once in the console)",
        ).describe(
            "The AWS CodeConnections connection to GitHub that CodeBuild uses to register as a runner and read the repository. Creating one needs a one-time authorisation in the console (Developer Tools > Connections), so the stack references it rather than creating it.",
        ),
        computeType: z
            .enum(RUNNER_COMPUTE_TYPES)
            .default("BUILD_GENERAL1_MEDIUM")
            .describe(
                "CodeBuild compute type of a runner job (MEDIUM: 4 vCPU, 7 GiB; a plan of this program needs about 0.5 GiB, `pulumi up` more).",
            ),
        timeoutMinutes: allowed(z.number().int().min(5).max(2160), "integer 5-2160 (CodeBuild's build timeout limits)")
            .default(90)
            .describe("Longest a runner job may run before CodeBuild stops it."),
    })
    .strict()
    .describe(
        "An in-VPC deploy runner: a CodeBuild project in the private subnets that takes this repository's GitHub Actions jobs (`runs-on: codebuild-<project>-${{ github.run_id }}-${{ github.run_attempt }}`) and may reach the private API endpoint. The stack creates it, so it cannot run the stack's first deploy: see docs/delivery.md (two-phase first deploy).",
    );

const accessSchema = z
    .object({
        route: allowed(z.enum(ACCESS_ROUTES), "publicCidrs, runner or network").describe(
            "How the deployer reaches the Kubernetes API: `publicCidrs` (the public endpoint for the CIDRs in strata:cluster.publicAccessCidrs, the private endpoint stays on), `runner` (the in-VPC runner of access.runner, public endpoint off unless CIDRs are listed), or `network` (an existing path into the VPC such as a VPN, Direct Connect or peering: access.sourceCidrs with access.reason).",
        ),
        sourceCidrs: z
            .array(ipv4Cidr)
            .max(50)
            .default([])
            .describe(
                "With route `network`: the CIDRs of the network routed into the VPC (VPN clients, on-premises, peered VPC) that may reach the private endpoint on port 443.",
            ),
        reason: z
            .string()
            .optional()
            .describe(
                'With route `network`: which path carries the deployer into the VPC (e.g. "Client VPN endpoint cvpn-0abc, 10.200.0.0/22"), for reviewers; at least 10 characters.',
            ),
        runner: runnerSchema.optional(),
    })
    .strict()
    .optional()
    .describe(
        "Required: the route by which the deployer reaches the Kubernetes API. A first `pulumi up` builds the network, the cluster and its nodes (about 20 minutes) before the first Kubernetes object, so a route that does not reach the endpoint fails late; the check happens here, before anything is created.",
    );

/** The access route's problems: missing, or impossible with the rest of the cluster section. Pure; paths under strata:cluster. */
export function accessProblems(c: {
    access?: { route: AccessRoute; sourceCidrs: string[]; reason?: string; runner?: unknown };
    publicAccessCidrs: string[];
}): Array<{ path: (string | number)[]; message: string }> {
    const a = c.access;
    if (!a)
        return [
            {
                path: ["access"],
                message:
                    "!is required: name the route by which `pulumi up` reaches the Kubernetes API: { route: publicCidrs } with your CIDRs in strata:cluster.publicAccessCidrs, { route: runner, runner: {...} } for the in-VPC runner, or { route: network, sourceCidrs: [...], reason: ... } for a VPN / Direct Connect / peering path (docs/delivery.md)",
            },
        ];
    const out: Array<{ path: (string | number)[]; message: string }> = [];
    if (a.route === "publicCidrs" && c.publicAccessCidrs.length === 0)
        out.push({
            path: ["publicAccessCidrs"],
            message:
                "!is empty, and strata:cluster.access.route is publicCidrs: with no CIDR listed the public endpoint stays off and nothing outside the VPC reaches the API; list the CIDRs the deploys come from (your address as x.x.x.x/32, static-IP runners) or choose route runner or network",
        });
    if (a.route === "runner" && a.runner === undefined)
        out.push({
            path: ["access", "runner"],
            message: "!is required with route runner: the repository and the CodeConnections connection of the in-VPC runner",
        });
    if (a.route === "network") {
        if (a.sourceCidrs.length === 0)
            out.push({
                path: ["access", "sourceCidrs"],
                message:
                    "!is empty, and route network needs the CIDRs of the network routed into the VPC (VPN clients, on-premises, peered VPC)",
            });
        if ((a.reason ?? "").trim().length < 10)
            out.push({
                path: ["access", "reason"],
                message:
                    "!is required with route network (at least 10 characters): which VPN, Direct Connect or peering path carries the deployer into the VPC",
            });
    } else {
        if (a.sourceCidrs.length > 0)
            out.push({
                path: ["access", "sourceCidrs"],
                message: `!is only used by route network, and the route is ${a.route}; remove it or set route network`,
            });
    }
    return out;
}

/**
 * `strata:cluster`: the EKS cluster, its node groups, add-ons and in-cluster platform.
 * The public API endpoint is on only when `publicAccessCidrs` lists CIDRs (empty: private endpoint only).
 */
export function clusterSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            version: z
                .enum(KUBERNETES_VERSIONS)
                .default(DEFAULT_KUBERNETES_VERSION)
                .describe(
                    "Kubernetes minor version, pinned; upgrades are a config change (one minor at a time). A version past EKS standard support is refused unless supportType is EXTENDED, one past extended support always (checked against today's date, or STRATA_TODAY=YYYY-MM-DD).",
                ),
            supportType: z
                .enum(["STANDARD", "EXTENDED"])
                .default("STANDARD")
                .describe(
                    "EKS support policy: STANDARD (EKS upgrades the control plane itself when standard support ends, so Strata refuses such versions), or EXTENDED support (6x the control-plane price once standard support ends).",
                ),
            access: accessSchema,
            publicAccessCidrs: allowed(
                z
                    .array(ipv4Cidr)
                    .max(40)
                    .default([])
                    .describe(
                        "CIDRs allowed to reach the public API endpoint. Empty (the default): the public endpoint is off and only the VPC (and what is routed into it) reaches the API.",
                    ),
                "up to 40 public IPv4 CIDR blocks (no RFC 1918 ranges); 0.0.0.0/0 only in dev",
            ),
            adminPrincipalArns: allowed(
                z.array(iamPrincipalArn).default([]).describe("IAM roles / users given cluster admin through access entries."),
                "IAM role or user ARNs, each principal once across adminPrincipalArns and readOnlyPrincipalArns",
            ),
            readOnlyPrincipalArns: allowed(
                z
                    .array(iamPrincipalArn)
                    .default([])
                    .describe("IAM roles / users given read-only (AmazonEKSViewPolicy, no Secrets) access."),
                "IAM role or user ARNs, each principal once across adminPrincipalArns and readOnlyPrincipalArns",
            ),
            deployerPrincipalArn: allowed(
                iamPrincipalArn.optional(),
                "an IAM role or user ARN, not also in adminPrincipalArns / readOnlyPrincipalArns",
            ).describe(
                "The IAM role (or user) that runs `pulumi up` for this stack (your CI role, or the operators' role): it gets cluster admin through its own access entry, so the program can manage Kubernetes objects. Nothing is taken from the identity running a deploy: set this, or list that role in `adminPrincipalArns`.",
            ),
            deployerAdmin: allowed(
                z
                    .boolean()
                    .optional()
                    .describe(
                        "Removed: the deployer's access no longer comes from the identity running the deploy. `false` is accepted and does nothing; `true` is refused (set `deployerPrincipalArn` instead).",
                    ),
                "false (no effect); unset",
            ),
            logRetentionDays: logRetentionDays
                .default(d.logRetentionDays)
                .describe("Retention of the control plane's log group `/aws/eks/<cluster>/cluster`."),
            imdsHopLimit: z
                .union([z.literal(1), z.literal(2)])
                .default(1)
                .describe(
                    "IMDSv2 hop limit of the nodes: 1 keeps pods (other than host-network ones) away from the node role's credentials; 2 only if a workload must read instance metadata itself.",
                ),
            nodeGroups: z
                .array(nodeGroupSchema)
                .min(1)
                .max(10)
                .default(d.nodeGroups as z.input<typeof nodeGroupSchema>[])
                .describe("EKS managed node groups (pools); the sum of their minSize may not exceed autoscaler.maxNodesTotal."),
            addonVersions: z
                .object(
                    Object.fromEntries(
                        ALL_CLUSTER_ADDONS.map((a) => [
                            a,
                            allowed(addonVersion, "an EKS add-on version like v1.19.2-eksbuild.1")
                                .optional()
                                .describe(`Version of the ${a} add-on.`),
                        ]),
                    ) as Record<ClusterAddonName, z.ZodOptional<typeof addonVersion>>,
                )
                .strict()
                .default({})
                .describe("Add-on versions; an add-on not listed gets EKS's default version for the cluster's Kubernetes version."),
            autoscaler: z
                .object({
                    scaleDownUtilizationThreshold: z
                        .number()
                        .gt(0)
                        .max(1)
                        .default(d.autoscaler.scaleDownUtilizationThreshold)
                        .describe("Node utilization (requests / allocatable) below which the autoscaler considers removing a node."),
                    scaleDownUnneededTime: allowed(duration(), "a duration like 10m, 30s or 1h")
                        .default(d.autoscaler.scaleDownUnneededTime)
                        .describe("How long a node must be unneeded before the autoscaler removes it."),
                    scaleDownDelayAfterAdd: allowed(duration(), "a duration like 10m, 30s or 1h")
                        .default(d.autoscaler.scaleDownDelayAfterAdd)
                        .describe("How long after a scale-up the autoscaler waits before considering scale-down."),
                    maxNodesTotal: allowed(
                        z.number().int().min(1).max(5000),
                        "integer 1-5000, at least the sum of the node groups' minSize",
                    )
                        .default(d.autoscaler.maxNodesTotal)
                        .describe("Most nodes the autoscaler runs across all node groups."),
                    expander: allowed(
                        z.enum([...CLUSTER_AUTOSCALER_EXPANDERS, ...(Object.keys(REFUSED_EXPANDERS) as ["price"])]),
                        `one of ${CLUSTER_AUTOSCALER_EXPANDERS.join(", ")} (not price: AWS has no pricing model); priority needs priorities`,
                    )
                        .default("least-waste")
                        .describe("How the autoscaler picks the node group to grow."),
                    priorities: allowed(
                        z.record(
                            z.string().min(1),
                            z.number().int().min(1).max(100000).describe("Priority of the groups the expression matches (higher wins)."),
                        ),
                        "regular expressions matching auto scaling group names to integer priorities 1-100000 (higher wins)",
                    )
                        .optional()
                        .describe(
                            "With expander priority (and only then): regular expressions over the node groups' auto scaling group names (EKS names them `eks-<node group name>-<id>`, e.g. `.*-ng-workers-.*`) to priorities; the autoscaler grows the matching group with the highest priority. Written to the `cluster-autoscaler-priority-expander` ConfigMap.",
                        ),
                    imageTag: allowed(
                        z.string().regex(/^v\d+\.\d+\.\d+$/, "is not a cluster-autoscaler image tag like v1.35.2"),
                        "a cluster-autoscaler image tag like v1.35.2",
                    )
                        .optional()
                        .describe("cluster-autoscaler image tag; defaults to the release of the cluster's Kubernetes minor."),
                })
                .strict()
                .default({})
                .describe("The cluster-autoscaler's scale-down behaviour and limits."),
            observability: z
                .object({
                    containerInsights: z
                        .boolean()
                        .default(d.observability.containerInsights)
                        .describe("Turn on Container Insights (the amazon-cloudwatch-observability add-on, its IRSA role and log groups)."),
                    logRetentionDays: logRetentionDays
                        .default(d.observability.logRetentionDays)
                        .describe("Retention of the Container Insights log groups."),
                })
                .strict()
                .default({})
                .describe(
                    "CloudWatch Container Insights with enhanced observability and Fluent Bit application logs: the EKS add-on amazon-cloudwatch-observability with its own IRSA role, and its four log groups (`/aws/containerinsights/<cluster>/{application,dataplane,host,performance}`) created first with the logs key and `logRetentionDays`. Usage-priced (observations, log ingestion): on in every environment, dev keeping its logs 7 days.",
                ),
            charts: z
                .object({
                    loadBalancerController: allowed(chartVersion("3.5.0"), "a chart version like 3.5.0")
                        .default(CHART_DEFAULTS.loadBalancerController.version)
                        .describe("Version of the aws-load-balancer-controller Helm chart."),
                    clusterAutoscaler: allowed(chartVersion("9.59.0"), "a chart version like 9.59.0")
                        .default(CHART_DEFAULTS.clusterAutoscaler.version)
                        .describe("Version of the cluster-autoscaler Helm chart."),
                })
                .strict()
                .default({})
                .describe("Helm chart versions of the in-cluster platform."),
        })
        .strict()
        .superRefine((c, ctx) => {
            for (const p of accessProblems(c)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: p.path, message: p.message });
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
                        message:
                            "is a private (RFC 1918) range, which EKS refuses for the public endpoint; private networks reach the API through the private endpoint",
                    });
                }
            });
            const names = new Set<string>();
            let untainted = 0;
            c.nodeGroups.forEach((g, i) => {
                if (names.has(g.name))
                    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["nodeGroups", i, "name"], message: "names a node group twice" });
                names.add(g.name);
                if (g.minSize > g.maxSize)
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["nodeGroups", i, "minSize"],
                        message: `is larger than maxSize (${g.maxSize})`,
                    });
                if (g.desiredSize !== undefined && (g.desiredSize < g.minSize || g.desiredSize > g.maxSize)) {
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["nodeGroups", i, "desiredSize"],
                        message: `must be between minSize (${g.minSize}) and maxSize (${g.maxSize})`,
                    });
                }
                const arches = new Set(g.instanceTypes.map((t) => (isArmInstanceType(t) ? "arm64" : "x86_64")));
                if (arches.size > 1) {
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["nodeGroups", i, "instanceTypes"],
                        message: "mixes arm64 (Graviton) and x86_64 instance types; one node group runs one AMI architecture",
                    });
                }
                const amiTypes = [...new Set(g.instanceTypes.map(amiTypeOf))];
                if (arches.size === 1 && amiTypes.length > 1) {
                    // One node group runs one AMI (amiTypeOf).
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["nodeGroups", i, "instanceTypes"],
                        message: `mixes instance types that need different EKS AMIs (${amiTypes.join(", ")}); put accelerated (GPU, Inferentia, Trainium) types in their own node group`,
                    });
                }
                if (new Set(g.instanceTypes).size !== g.instanceTypes.length) {
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["nodeGroups", i, "instanceTypes"],
                        message: "lists an instance type twice",
                    });
                }
                if (g.taints.every((t) => t.effect === "PREFER_NO_SCHEDULE") && Math.max(g.minSize, g.desiredSize ?? g.minSize) > 0)
                    untainted++;
            });
            if (untainted === 0) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["nodeGroups"],
                    message:
                        "!needs at least one node group without NoSchedule/NoExecute taints and with at least one node, where CoreDNS, the load balancer controller and the autoscaler can run",
                });
            }
            // EKS allows one access entry per principal: a second one fails CreateAccessEntry (ResourceInUseException)
            // after the control plane is up.
            const principals = new Map<string, string>();
            for (const list of ["adminPrincipalArns", "readOnlyPrincipalArns"] as const) {
                c[list].forEach((arn, i) => {
                    const first = principals.get(arn);
                    if (first) {
                        ctx.addIssue({
                            code: z.ZodIssueCode.custom,
                            path: [list, i],
                            message: `is already listed in ${first}; EKS allows one access entry per principal`,
                        });
                    } else {
                        principals.set(arn, `${list}[${i}]`);
                    }
                });
            }
            if (c.deployerAdmin === true) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["deployerAdmin"],
                    message:
                        "is no longer supported: the deployer's access entry followed whoever ran `pulumi up`, so the next engineer or CI role replaced it and removed the previous admin; set strata:cluster.deployerPrincipalArn to the role that runs the deploys (or list it in adminPrincipalArns) and remove deployerAdmin",
                });
            }
            if (c.deployerPrincipalArn !== undefined) {
                const listed = [...c.adminPrincipalArns, ...c.readOnlyPrincipalArns].map((a) => a.toLowerCase());
                if (listed.includes(c.deployerPrincipalArn.toLowerCase())) {
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["deployerPrincipalArn"],
                        message:
                            "is also listed in adminPrincipalArns / readOnlyPrincipalArns, and EKS allows one access entry per principal; keep it in one place",
                    });
                }
            }
            const refused = REFUSED_EXPANDERS[c.autoscaler.expander];
            if (refused) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["autoscaler", "expander"],
                    message: `is refused: ${refused}; use least-waste or priority`,
                });
            }
            if (
                c.autoscaler.expander === "priority" &&
                (c.autoscaler.priorities === undefined || Object.keys(c.autoscaler.priorities).length === 0)
            ) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["autoscaler", "priorities"],
                    message:
                        '!is required with expander priority: without the cluster-autoscaler-priority-expander ConfigMap every scale-up fails; map regular expressions over the auto scaling group names to priorities, e.g. { ".*-ng-workers-.*": 50, ".*": 10 }',
                });
            }
            if (c.autoscaler.expander !== "priority" && c.autoscaler.priorities !== undefined) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["autoscaler", "priorities"],
                    message: `!is only read by the priority expander, and the expander is ${c.autoscaler.expander}; set autoscaler.expander to priority or remove priorities`,
                });
            }
            for (const pattern of Object.keys(c.autoscaler.priorities ?? {})) {
                try {
                    new RegExp(pattern);
                } catch {
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["autoscaler", "priorities", pattern],
                        message: "!is not a valid regular expression",
                    });
                }
            }
            const minTotal = c.nodeGroups.reduce((s, g) => s + g.minSize, 0);
            if (c.autoscaler.maxNodesTotal < minTotal) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["autoscaler", "maxNodesTotal"],
                    message: `is below the sum of the node groups' minSize (${minTotal})`,
                });
            }
        })
        .default({})
        .describe(
            "EKS cluster: version, endpoint access, access entries, node groups, add-ons, autoscaler. See docs/components/cluster.md.",
        );
}
export type ClusterSettings = z.output<ReturnType<typeof clusterSchema>>;

/**
 * The day (UTC, `YYYY-MM-DD`) the version support check runs as: `STRATA_TODAY` when set (to plan as of another day,
 * e.g. before an end-of-support date), otherwise the clock's. Undefined when STRATA_TODAY is not such a date.
 */
export const supportCheckDay = today;

export const cluster = {
    schema: clusterSchema,
    checks: [
        sectionCheck<"cluster">({
            name: "the cluster's, node groups' and IAM roles' names fit AWS limits",
            check: (settings, report, { naming }) => {
                checkName(naming, report, ["cluster"], () => naming.physical("eksCluster", clusterNames.cluster));
                settings.cluster.nodeGroups.forEach((g, i) => {
                    checkName(naming, report, ["cluster", "nodeGroups", i, "name"], () =>
                        naming.autoNamed("eksNodeGroup", ...clusterNames.nodeGroup(g)),
                    );
                });
                for (const { purpose, configPath } of clusterNames.roles(settings.cluster)) {
                    checkName(naming, report, ["cluster", ...configPath], () => naming.autoNamed("iamRole", ...clusterNames.role(purpose)));
                }
            },
        }),
        sectionCheck<"cluster">({
            name: "someone named in config is cluster admin",
            check: (settings, report) => {
                // Authentication mode API without the creator's bootstrap admin (bootstrapClusterCreatorAdminPermissions
                // is false, and changing it replaces the cluster): with no admin named, nobody could use the cluster,
                // the program's own Kubernetes objects would fail after the control plane is up, and on an existing
                // cluster the deployer's former entry would be deleted.
                const c = settings.cluster;
                if (c.deployerPrincipalArn === undefined && c.adminPrincipalArns.length === 0) {
                    report(
                        ["cluster", "deployerPrincipalArn"],
                        "!is required while adminPrincipalArns is empty: no one (not even this program) could reach the Kubernetes API; set it to the IAM role that runs `pulumi up` (e.g. arn:aws:iam::123456789012:role/deployer), or list that role in adminPrincipalArns",
                    );
                }
            },
        }),
        sectionCheck<"cluster">({
            name: "the Kubernetes version is within EKS support for the support type",
            check: (settings, report) => {
                const today = supportCheckDay();
                if (today === undefined) {
                    report(
                        ["cluster", "version"],
                        `!cannot be checked against EKS support: STRATA_TODAY ${JSON.stringify(process.env.STRATA_TODAY)} is not a date YYYY-MM-DD`,
                    );
                    return;
                }
                const c = settings.cluster;
                const reason = unsupportedVersionReason(c.version, c.supportType, today);
                if (reason) report(["cluster", "version"], `!${JSON.stringify(c.version)} is refused on ${today}: ${reason}`);
            },
        }),
        sectionCheck<"cluster">({
            name: "the cluster's IAM principals and the runner's connection are ARNs of the stack's partition",
            check: ({ cluster: c }, report, { region }) => {
                const iam = { services: ["iam"], stackRegion: region, region: "none" } as const;
                const principals: Array<[Array<string | number>, string]> = [
                    ...c.adminPrincipalArns.map((a, i): [Array<string | number>, string] => [["adminPrincipalArns", i], a]),
                    ...c.readOnlyPrincipalArns.map((a, i): [Array<string | number>, string] => [["readOnlyPrincipalArns", i], a]),
                    ...(c.deployerPrincipalArn
                        ? [[["deployerPrincipalArn"], c.deployerPrincipalArn] as [Array<string | number>, string]]
                        : []),
                ];
                for (const [path, arn] of principals) {
                    const problem = arnProblem(arn, iam);
                    if (problem) report(["cluster", ...path], `!"${arn}" ${problem}`);
                }
                const connection = c.access?.runner?.connectionArn;
                if (connection) {
                    const problem = arnProblem(connection, {
                        services: ["codeconnections", "codestar-connections"],
                        stackRegion: region,
                        region: "any",
                    });
                    if (problem) report(["cluster", "access", "runner", "connectionArn"], `!"${connection}" ${problem}`);
                }
            },
        }),
    ],
} satisfies Section<ReturnType<typeof clusterSchema>>;
