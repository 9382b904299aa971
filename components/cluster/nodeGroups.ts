import type * as pulumi from "@pulumi/pulumi";
import type { ClusterSettings, NodeGroupSettings } from "../config/cluster";
import { amiTypeOf } from "../catalogue/ec2";
import type { Tags } from "../tags";
import { tagSpecifications } from "../tags";
import { instanceTypeInLaunchTemplate } from "./names";

/** EKS AMI type for a node group's instance types (all of one AMI type: config validation ensures it). */
export function amiTypeFor(instanceTypes: string[]): string {
    return amiTypeOf(instanceTypes[0]);
}

/** AWS managed policies of the node role. No CNI policy: the VPC CNI has its own role. SSM core replaces SSH. */
export const NODE_ROLE_MANAGED_POLICIES = [
    "AmazonEKSWorkerNodePolicy",
    "AmazonEC2ContainerRegistryPullOnly",
    "AmazonSSMManagedInstanceCore",
] as const;

/** The two groups the rules join: the network's node group and the EKS-managed cluster security group. */
export type SecurityGroupSide = "nodes" | "cluster";

/** One rule between the node and cluster security groups, as data; the wiring creates one rule resource per row. */
export interface SecurityGroupRuleSpec {
    /** Logical name parts. */
    name: string[];
    direction: "ingress" | "egress";
    /** The group the rule belongs to. */
    on: SecurityGroupSide;
    /** The other side: a group, or a CIDR. */
    peer: { group: SecurityGroupSide } | { cidrIpv4: string };
    /** A TCP port; undefined: all protocols. */
    tcpPort?: number;
    description: string;
}

/**
 * The rules of the node security group (and the one on the cluster security group for nodes reaching the API):
 * node to node, control plane to nodes on 443 / 10250 / 9443 / 10251, nodes to the API on 443, and egress.
 */
export const NODE_SECURITY_GROUP_RULES: readonly SecurityGroupRuleSpec[] = [
    {
        name: ["nodes-from-nodes"],
        direction: "ingress",
        on: "nodes",
        peer: { group: "nodes" },
        description: "Node to node: pod networking, DNS",
    },
    ...[
        { port: 443, what: "control plane to nodes: webhooks, API aggregation" },
        { port: 10250, what: "control plane to kubelets" },
        { port: 9443, what: "control plane to the load balancer controller webhook" },
        { port: 10251, what: "control plane to metrics-server" },
    ].map(({ port, what }): SecurityGroupRuleSpec => ({
        name: ["nodes-from-cp", String(port)],
        direction: "ingress",
        on: "nodes",
        peer: { group: "cluster" },
        tcpPort: port,
        description: what,
    })),
    {
        name: ["cp-from-nodes-443"],
        direction: "ingress",
        on: "cluster",
        peer: { group: "nodes" },
        tcpPort: 443,
        description: "Nodes to the Kubernetes API",
    },
    {
        name: ["nodes-egress"],
        direction: "egress",
        on: "nodes",
        peer: { cidrIpv4: "0.0.0.0/0" },
        description: "Nodes out: control plane, AWS APIs, image registries (through NAT)",
    },
];

/** The arguments of one rule resource, given the two groups' ids. */
export function securityGroupRuleArgs<Id>(rule: SecurityGroupRuleSpec, groups: Record<SecurityGroupSide, Id>) {
    const peer = "group" in rule.peer ? { referencedSecurityGroupId: groups[rule.peer.group] } : { cidrIpv4: rule.peer.cidrIpv4 };
    const protocol =
        rule.tcpPort === undefined ? { ipProtocol: "-1" } : { ipProtocol: "tcp", fromPort: rule.tcpPort, toPort: rule.tcpPort };
    return { securityGroupId: groups[rule.on], ...peer, ...protocol, description: rule.description };
}

/** The nodes' root volume: gp3 at its baseline (3000 IOPS, 125 MiB/s), encrypted, deleted with the instance. */
export const ROOT_VOLUME = { deviceName: "/dev/xvda", volumeType: "gp3", iops: 3000, throughput: 125 } as const;

/**
 * A node group's launch template: IMDSv2 required with the configured hop limit (1 keeps pods away from the node
 * role), the root volume encrypted with the ebs key (NodeGroup.diskSize cannot be combined with a launch template),
 * both security groups (EKS adds the cluster group only when no launch template sets groups), the stack's tags
 * on what it starts (provider default tags do not reach those), and a single-type pool's instance type: a change of
 * it is a new template version, to which the node group rolls its nodes in place honouring PodDisruptionBudgets
 * (EKS user guide, "Customize managed nodes with launch templates": a setting goes in the template or the node
 * group, never both).
 */
export function launchTemplateSpec<Id>(
    pool: NodeGroupSettings,
    c: {
        clusterName: string;
        imdsHopLimit: ClusterSettings["imdsHopLimit"];
        defaultTags: Tags;
        ebsKmsKeyArn: pulumi.Input<string>;
        securityGroupIds: Id[];
    },
) {
    return {
        description: `EKS node group ${pool.name} of ${c.clusterName}`,
        updateDefaultVersion: true,
        ...(instanceTypeInLaunchTemplate(pool) ? { instanceType: pool.instanceTypes[0] } : {}),
        vpcSecurityGroupIds: c.securityGroupIds,
        metadataOptions: {
            httpEndpoint: "enabled",
            httpTokens: "required",
            httpPutResponseHopLimit: c.imdsHopLimit,
            instanceMetadataTags: "disabled",
        },
        blockDeviceMappings: [
            {
                deviceName: ROOT_VOLUME.deviceName,
                ebs: {
                    volumeSize: pool.diskSizeGiB,
                    volumeType: ROOT_VOLUME.volumeType,
                    iops: ROOT_VOLUME.iops,
                    throughput: ROOT_VOLUME.throughput,
                    encrypted: "true",
                    kmsKeyId: c.ebsKmsKeyArn,
                    deleteOnTermination: "true",
                },
            },
        ],
        tagSpecifications: tagSpecifications({ ...c.defaultTags, Name: `${c.clusterName}-${pool.name}` }),
    };
}

/** The label every node of a pool carries. */
export const POOL_LABEL = "strata.io/pool";

/** Node group fields the program leaves alone after creation: the cluster autoscaler owns the desired size. */
export const NODE_GROUP_IGNORE_CHANGES = ["scalingConfig.desiredSize"];

/**
 * A managed node group's own arguments (cluster, role, subnets and launch template come from the wiring): AMI type
 * from the instance family, the instance types of a multi-type pool (a single type is in the launch template),
 * initial desired size (minSize unless set), update config, node repair on, labels with the pool label, taints.
 */
export function nodeGroupSpec(pool: NodeGroupSettings) {
    return {
        amiType: amiTypeFor(pool.instanceTypes),
        capacityType: pool.capacityType,
        ...(instanceTypeInLaunchTemplate(pool) ? {} : { instanceTypes: pool.instanceTypes }),
        scalingConfig: { minSize: pool.minSize, maxSize: pool.maxSize, desiredSize: pool.desiredSize ?? pool.minSize },
        updateConfig: { maxUnavailable: pool.maxUnavailable },
        nodeRepairConfig: { enabled: true },
        labels: { ...pool.labels, [POOL_LABEL]: pool.name },
        taints: pool.taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
    };
}

/**
 * The instance types a node group launches, from its arguments and its launch template's (as a plan records them):
 * a multi-type pool's `instanceTypes`, or the single type in the launch template.
 */
export function launchedInstanceTypes(
    nodeGroup: { instanceTypes?: unknown },
    launchTemplate: { instanceType?: unknown } | undefined,
): string[] {
    if (Array.isArray(nodeGroup.instanceTypes)) return nodeGroup.instanceTypes.map(String);
    return typeof launchTemplate?.instanceType === "string" ? [launchTemplate.instanceType] : [];
}

/** EKS does not copy tags to a node group's auto scaling group: one tag resource per default tag (name part, tag). */
export function autoScalingGroupTags(
    defaultTags: Tags,
): Array<{ slug: string; tag: { key: string; value: string; propagateAtLaunch: boolean } }> {
    return Object.entries(defaultTags).map(([key, value]) => ({
        slug: key.toLowerCase().replace(/[^a-z0-9-]+/g, "-"),
        // Not propagated at launch: the launch template tags the instances.
        tag: { key, value, propagateAtLaunch: false },
    }));
}
