import type { MockContext, MockModule } from "./types";
import type { SubnetTier } from "../../components/subnetLayout";
import { awsxSubnetLayout } from "../../components/subnetLayout";

interface SubnetSpecInput {
    type: "Public" | "Private" | "Isolated" | "Unused";
    name?: string;
    cidrMask?: number;
    tags?: Record<string, string>;
}

/**
 * awsx.ec2.Vpc is a remote component: under the mock runtime it registers as one resource and its outputs are what
 * this mock returns. It lays out subnets exactly as awsx's Auto strategy does and returns, per AZ and tier, the
 * subnets, route tables, NAT gateways and EIPs awsx would create, so the plan can count and cost them.
 */
export const awsx: MockModule = {
    resources: {
        "awsx:ec2:Vpc": (args, ctx) => awsxVpcState(args.name, args.inputs as AwsxVpcInputs, ctx),
    },
};

export interface AwsxVpcInputs {
    cidrBlock?: string;
    availabilityZoneNames?: string[];
    numberOfAvailabilityZones?: number;
    subnetSpecs?: SubnetSpecInput[];
    natGateways?: { strategy?: string };
    subnetStrategy?: string;
}

/** The id and outputs awsx.ec2.Vpc gives for these inputs: its children as awsx names and lays them out. */
export function awsxVpcState(name: string, inputs: AwsxVpcInputs, ctx: MockContext) {
    const cidr = inputs.cidrBlock ?? "10.0.0.0/16";
    const azNames =
        inputs.availabilityZoneNames ??
        ["a", "b", "c", "d", "e", "f"].slice(0, inputs.numberOfAvailabilityZones ?? 3).map((s) => `${ctx.region}${s}`);
    const specs = (
        inputs.subnetSpecs ?? [
            { type: "Private", cidrMask: 19 },
            { type: "Public", cidrMask: 20 },
        ]
    ).filter((s) => s.type !== "Unused");
    const layout = awsxSubnetLayout(
        cidr,
        azNames.length,
        specs.map((s) => ({ tier: s.type.toLowerCase() as SubnetTier, cidrMask: s.cidrMask ?? 24 })),
    );
    const vpcId = `vpc-${ctx.hex(name, 17)}`;
    const strategy = inputs.natGateways?.strategy ?? "OnePerAz";
    const subnets = layout.map((l, i) => {
        const spec = specs[i % specs.length];
        const subnetName = `${name}-${spec.name ?? spec.type.toLowerCase()}-${l.azIndex + 1}`;
        return {
            id: `subnet-${ctx.hex(subnetName, 17)}`,
            arn: ctx.arn("ec2", `subnet/subnet-${ctx.hex(subnetName, 17)}`),
            vpcId,
            cidrBlock: l.cidrBlock,
            availabilityZone: azNames[l.azIndex],
            mapPublicIpOnLaunch: l.tier === "public",
            tags: { ...(spec.tags ?? {}), Name: subnetName, SubnetType: spec.type },
            tier: l.tier,
        };
    });
    const routeTables = subnets.map((s) => ({
        id: `rtb-${ctx.hex(s.id, 17)}`,
        vpcId,
        tags: { Name: s.tags.Name, SubnetType: s.tags.SubnetType },
    }));
    const publicSubnets = subnets.filter((s) => s.tier === "public");
    const natCount = strategy === "None" ? 0 : strategy === "Single" ? 1 : publicSubnets.length;
    const eips = publicSubnets.slice(0, natCount).map((s, i) => ({
        id: `eipalloc-${ctx.hex(s.id + "eip", 17)}`,
        allocationId: `eipalloc-${ctx.hex(s.id + "eip", 17)}`,
        publicIp: `3.${90 + i}.${(ctx.hex(s.id, 2).charCodeAt(0) % 200) + 10}.${20 + i}`,
        domain: "vpc",
        tags: { Name: `${name}-${i + 1}` },
    }));
    const natGateways = publicSubnets.slice(0, natCount).map((s, i) => ({
        id: `nat-${ctx.hex(s.id + "nat", 17)}`,
        subnetId: s.id,
        allocationId: eips[i].allocationId,
        connectivityType: "public",
        tags: { Name: `${name}-${i + 1}` },
    }));
    const byTier = (tier: string) => subnets.filter((s) => s.tier === tier).map((s) => s.id);
    return {
        id: vpcId,
        state: {
            vpcId,
            vpc: { id: vpcId, arn: ctx.arn("ec2", `vpc/${vpcId}`), cidrBlock: cidr, enableDnsHostnames: true, enableDnsSupport: true },
            subnets: subnets.map(({ tier: _t, ...s }) => s),
            publicSubnetIds: byTier("public"),
            privateSubnetIds: byTier("private"),
            isolatedSubnetIds: byTier("isolated"),
            routeTables,
            routeTableAssociations: subnets.map((s, i) => ({
                id: `rtbassoc-${ctx.hex(s.id, 17)}`,
                subnetId: s.id,
                routeTableId: routeTables[i].id,
            })),
            routes: [],
            natGateways,
            eips,
            internetGateway: { id: `igw-${ctx.hex(vpcId, 17)}`, vpcId },
            vpcEndpoints: [],
            subnetLayout: specs.map((s) => ({ type: s.type, name: s.name, cidrMask: s.cidrMask })),
        },
    };
}
