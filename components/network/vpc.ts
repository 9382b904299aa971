/**
 * The network's decisions as data: the subnet tiers and their masks and tags, the awsx.ec2.Vpc arguments, the subnet
 * CIDRs awsx will assign, the flow-log delivery and the VPC endpoints. Pure: plain settings in, plain values out.
 */
import type { NetworkSettings } from "../config/network";
import type { Naming } from "../naming";
import type { PolicyStatement } from "../iam";
import { awsxSubnetLayout } from "../subnetLayout";

export type SubnetTier = "private" | "public" | "isolated";

/** awsx's subnet type names, in the order their subnets are laid out inside each AZ block. */
export const SUBNET_TIERS = [
    { tier: "private", type: "Private" },
    { tier: "public", type: "Public" },
    { tier: "isolated", type: "Isolated" },
] as const;

type Layout = Pick<
    NetworkSettings,
    "cidr" | "availabilityZones" | "availabilityZoneNames" | "privateSubnetMask" | "publicSubnetMask" | "isolatedSubnetMask"
>;

/**
 * Each tier's mask and tags: the load balancer controller finds public subnets by `kubernetes.io/role/elb` and private
 * ones by `kubernetes.io/role/internal-elb` (AWS Load Balancer Controller docs, "Subnet auto-discovery").
 */
export function subnetTiers(s: Layout): Record<SubnetTier, { cidrMask: number; tags: Record<string, string> }> {
    return {
        private: { cidrMask: s.privateSubnetMask, tags: { "kubernetes.io/role/internal-elb": "1", Tier: "private" } },
        public: { cidrMask: s.publicSubnetMask, tags: { "kubernetes.io/role/elb": "1", Tier: "public" } },
        isolated: { cidrMask: s.isolatedSubnetMask, tags: { Tier: "isolated" } },
    };
}

/** How many AZs the VPC spans: the names when config lists them, otherwise the count. */
export function availabilityZoneCount(s: Pick<NetworkSettings, "availabilityZones" | "availabilityZoneNames">): number {
    return s.availabilityZoneNames?.length ?? s.availabilityZones;
}

/** The subnet CIDRs per tier, in AZ order, as awsx's Auto strategy lays them out. */
export function subnetCidrs(s: Layout): Record<SubnetTier, string[]> {
    const tiers = subnetTiers(s);
    const layout = awsxSubnetLayout(
        s.cidr,
        availabilityZoneCount(s),
        SUBNET_TIERS.map(({ tier }) => ({ tier, cidrMask: tiers[tier].cidrMask })),
    );
    const of = (tier: SubnetTier) => layout.filter((l) => l.tier === tier).map((l) => l.cidrBlock);
    return { private: of("private"), public: of("public"), isolated: of("isolated") };
}

/**
 * The awsx.ec2.Vpc arguments: DNS hostnames on (EKS private endpoints and interface endpoints need them; awsx
 * defaults it off), the Auto subnet strategy with one named spec per tier, NAT per the settings.
 */
export function vpcArgs(naming: Naming, s: Layout & Pick<NetworkSettings, "natGateways">) {
    const tiers = subnetTiers(s);
    return {
        cidrBlock: s.cidr,
        ...(s.availabilityZoneNames
            ? { availabilityZoneNames: s.availabilityZoneNames }
            : { numberOfAvailabilityZones: s.availabilityZones }),
        enableDnsHostnames: true,
        enableDnsSupport: true,
        subnetStrategy: "Auto" as const,
        subnetSpecs: SUBNET_TIERS.map(({ tier, type }) => ({ type, name: tier, cidrMask: tiers[tier].cidrMask, tags: tiers[tier].tags })),
        natGateways: { strategy: s.natGateways === "onePerAz" ? ("OnePerAz" as const) : ("Single" as const) },
        tags: { Name: naming.name("vpc") },
    };
}

/** The flow-log group: every accepted and rejected flow, kept as long as the settings say. */
export function flowLogGroupSpec(naming: Naming, s: Pick<NetworkSettings, "flowLogRetentionDays">) {
    return { logGroupName: `/strata/${naming.prefix}/vpc-flow-logs`, retentionInDays: s.flowLogRetentionDays };
}

/** What the flow-log delivery role may do: write streams and events of that group only. */
export function flowLogRoleStatements(groupArn: string): PolicyStatement[] {
    return [
        {
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resource: [groupArn, `${groupArn}:*`],
        },
    ];
}

/** The flow log: ALL traffic at the one-minute aggregation interval (the finest EC2 offers). */
export const FLOW_LOG = { trafficType: "ALL", logDestinationType: "cloud-watch-logs", maxAggregationInterval: 60 } as const;

/** The VPC endpoints: the S3 gateway (free, on every route table) and one interface endpoint per listed service. */
export function endpointSpecs(naming: Naming, region: string, interfaceEndpoints: readonly string[]) {
    return {
        gateway: { name: naming.name("s3"), serviceName: `com.amazonaws.${region}.s3` },
        interface: interfaceEndpoints.map((service) => ({
            name: naming.name("vpce", service.replace(/\./g, "-")),
            nameTag: naming.name("vpce", service),
            serviceName: `com.amazonaws.${region}.${service}`,
        })),
    };
}

/** The interface endpoints' security group: HTTPS from inside the VPC, nothing out. */
export function endpointSecurityGroupRules(vpcCidr: string) {
    return {
        ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [vpcCidr], description: "HTTPS from the VPC" }],
        egress: [] as never[],
    };
}
