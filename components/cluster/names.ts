import * as crypto from "crypto";
import { amiTypeOf } from "../catalogue/ec2";
import type { ClusterSettings, NodeGroupSettings } from "../config/cluster";
import type { AwsPartition } from "../catalogue/regions";
import type { Naming } from "../naming";

/**
 * The IAM roles the cluster creates, by purpose: the control plane's, the nodes', and one IRSA role per system
 * workload. Creation takes a purpose from this list, and config validation checks the name of every role listed
 * here, so a new role cannot escape the name-length check.
 */
export const CLUSTER_ROLE_PURPOSES = [
    "cluster",
    "nodes",
    "vpc-cni",
    "ebs-csi",
    "lb-controller",
    "autoscaler",
    "cloudwatch",
    "runner",
] as const;
export type ClusterRolePurpose = (typeof CLUSTER_ROLE_PURPOSES)[number];

/** The settings that decide which roles exist. */
export type ClusterNameSettings = Pick<ClusterSettings, "nodeGroups" | "access"> & {
    observability: Pick<ClusterSettings["observability"], "containerInsights">;
};

/** Roles that exist only when a setting turns them on, with the config key (below `strata:cluster`) that does. */
const CONDITIONAL_ROLES: Partial<Record<ClusterRolePurpose, { configPath: string[]; enabled: (s: ClusterNameSettings) => boolean }>> = {
    cloudwatch: { configPath: ["observability", "containerInsights"], enabled: (s) => s.observability.containerInsights },
    runner: { configPath: ["access", "runner"], enabled: (s) => s.access?.runner !== undefined },
};

/** The pool settings a node group's identity depends on. */
export type NodeGroupIdentitySettings = Pick<NodeGroupSettings, "name" | "instanceTypes" | "capacityType">;

/** True when a pool's one instance type goes into its launch template (a change rolls the nodes, PDBs honoured). */
export function instanceTypeInLaunchTemplate(pool: Pick<NodeGroupSettings, "instanceTypes">): boolean {
    return pool.instanceTypes.length === 1;
}

/**
 * The settings of a pool that EKS cannot change on a node group (terraform-provider-aws
 * internal/service/eks/node_group.go: ami_type, capacity_type and instance_types are ForceNew), as they reach the node
 * group: the instance types only for a multi-type pool (a single type lives in the launch template, whose new version
 * rolls the nodes in place), and where the instance type is kept.
 */
export function nodeGroupReplacingSettings(pool: NodeGroupIdentitySettings): Record<string, unknown> {
    return {
        amiType: amiTypeOf(pool.instanceTypes[0]),
        capacityType: pool.capacityType,
        instanceTypes: instanceTypeInLaunchTemplate(pool) ? "launch-template" : [...pool.instanceTypes],
    };
}

/**
 * Six hex characters naming a pool's generation: the hash of its replacement-forcing settings. It is part of the
 * node group's logical name, so a change of them is a new node group (created first) and the deletion of the old
 * one, instead of a replacement under the same name; the old group can be drained before it goes (docs).
 */
export function nodeGroupGeneration(pool: NodeGroupIdentitySettings): string {
    return crypto
        .createHash("sha256")
        .update(JSON.stringify(nodeGroupReplacingSettings(pool)))
        .digest("hex")
        .slice(0, 6);
}

/** Name parts of what the cluster names (the naming prefix goes in front), and which roles the settings imply. */
export const clusterNames = {
    cluster: "eks",
    /** A pool's node group: pool name and generation. */
    nodeGroup: (pool: NodeGroupIdentitySettings) => ["ng", pool.name, nodeGroupGeneration(pool)],
    /**
     * The node group's name before generations: a multi-type pool keeps its instance types on the node group as
     * before, so its group is the same resource (an alias); a single-type pool's group moves its type into the launch
     * template, which EKS accepts only at creation, so it becomes a new group (no alias).
     */
    legacyNodeGroup: (pool: NodeGroupIdentitySettings) => (instanceTypeInLaunchTemplate(pool) ? undefined : ["ng", pool.name]),
    role: (purpose: ClusterRolePurpose) => ["eks", purpose],
    /** The roles these settings create, each with the config key it is reported under (empty: `strata:cluster`). */
    roles: (settings: ClusterNameSettings): Array<{ purpose: ClusterRolePurpose; configPath: string[] }> =>
        CLUSTER_ROLE_PURPOSES.filter((p) => CONDITIONAL_ROLES[p]?.enabled(settings) ?? true).map((purpose) => ({
            purpose,
            configPath: CONDITIONAL_ROLES[purpose]?.configPath ?? [],
        })),
};

/** The names a cluster with these settings uses (checked against AWS limits: a name too long throws NameTooLongError). */
export interface ClusterNameSet {
    /** Physical name of the EKS cluster. */
    cluster: string;
    /** Logical names (Pulumi auto-names them) of the node groups, by pool. */
    nodeGroups: Record<string, string>;
    /** The logical name a pool's node group had before generations, where it is the same resource (an alias). */
    nodeGroupAliases: Record<string, string | undefined>;
    /** Logical names of the IAM roles the settings imply, by purpose. */
    roles: Partial<Record<ClusterRolePurpose, string>>;
}

export function clusterNameSet(naming: Naming, settings: ClusterNameSettings): ClusterNameSet {
    return {
        cluster: naming.physical("eksCluster", clusterNames.cluster),
        nodeGroups: Object.fromEntries(
            settings.nodeGroups.map((g) => [g.name, naming.autoNamed("eksNodeGroup", ...clusterNames.nodeGroup(g))]),
        ),
        nodeGroupAliases: Object.fromEntries(
            settings.nodeGroups.map((g) => {
                const legacy = clusterNames.legacyNodeGroup(g);
                return [g.name, legacy && naming.autoNamed("eksNodeGroup", ...legacy)];
            }),
        ),
        roles: Object.fromEntries(
            clusterNames.roles(settings).map(({ purpose }) => [purpose, naming.autoNamed("iamRole", ...clusterNames.role(purpose))]),
        ),
    };
}

/** The role name of a purpose the settings create (a purpose they do not create is a programming error). */
export function roleName(names: ClusterNameSet, purpose: ClusterRolePurpose): string {
    const name = names.roles[purpose];
    if (name === undefined) throw new Error(`the cluster's settings create no ${purpose} role`);
    return name;
}

/** ARN of an AWS managed IAM policy, e.g. `arn:aws:iam::aws:policy/AmazonEKSClusterPolicy`. */
export function managedPolicyArn(partition: AwsPartition, policy: string): string {
    return `arn:${partition}:iam::aws:policy/${policy}`;
}

/** ARN of an EKS access policy, e.g. `arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy`. */
export function accessPolicyArn(partition: AwsPartition, policy: string): string {
    return `arn:${partition}:eks::aws:cluster-access-policy/${policy}`;
}

/** A regional resource ARN: `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function regionalArn(
    where: { partition: AwsPartition; region: string; accountId: string },
    service: string,
    resource: string,
): string {
    return `arn:${where.partition}:${service}:${where.region}:${where.accountId}:${resource}`;
}
