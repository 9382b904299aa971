/**
 * awsx.ec2.Vpc is a remote component, recorded as one resource: its children (the VPC, subnets, NAT gateways, EIPs)
 * never reach the recording. Their changes are derived here from the component's inputs with the same layout the
 * awsx mock returns (awsx's Auto strategy: components/subnetLayout.ts), and terraform-provider-aws's rules for them:
 * - aws_vpc `cidr_block` is ForceNew: a new CIDR replaces the VPC, so every subnet, gateway and EIP with it.
 * - aws_subnet `cidr_block`, `availability_zone` and `vpc_id` are ForceNew: a subnet whose CIDR or AZ changes is replaced.
 * - aws_nat_gateway `subnet_id` and `allocation_id` are ForceNew: a NAT gateway in a replaced subnet is replaced, with
 *   its EIP kept (the EIP has no such input).
 * Sources: internal/service/ec2/vpc_.go, vpc_subnet.go, vpc_nat_gateway.go in hashicorp/terraform-provider-aws.
 * Children are named as awsx names them (`<vpc>-<tier>-<az number>`, `<vpc>-<n>` for NAT gateways and EIPs).
 */
import type { PlanDocument, PlanResource } from "./types";
import type { ChangeAction, ResourceChange } from "./diff";
import type { AwsxVpcInputs } from "./mocks/awsx";
import { awsxVpcState } from "./mocks/awsx";
import { mockContext } from "./mocks";

interface Child {
    urn: string;
    type: string;
    name: string;
    /** The physical id the awsx mock gives it (what dependents' inputs carry). */
    id: string;
    /** What forces its replacement when it differs. */
    identity: Record<string, unknown>;
}

function regionOf(plan: PlanDocument, r: PlanResource): string {
    const ref = r.provider ?? "";
    const provider = plan.resources.find((p) => ref.startsWith(`${p.urn}::`));
    return typeof provider?.inputs.region === "string" ? provider.inputs.region : "us-east-1";
}

/** The children awsx creates for a recorded Vpc, with the inputs that force each one's replacement. */
export function vpcChildren(plan: PlanDocument, vpc: PlanResource): Child[] {
    const state = awsxVpcState(vpc.name, vpc.inputs as AwsxVpcInputs, mockContext(regionOf(plan, vpc), plan.project, plan.stack)).state;
    const parts = vpc.urn.split("::");
    const urn = (type: string, name: string) => `${parts[0]}::${parts[1]}::${parts[2]}$${type}::${name}`;
    const children: Child[] = [
        {
            urn: urn("aws:ec2/vpc:Vpc", vpc.name),
            type: "aws:ec2/vpc:Vpc",
            name: vpc.name,
            id: state.vpc.id,
            identity: { cidrBlock: state.vpc.cidrBlock },
        },
    ];
    for (const s of state.subnets) {
        const name = s.tags.Name;
        children.push({
            urn: urn("aws:ec2/subnet:Subnet", name),
            type: "aws:ec2/subnet:Subnet",
            name,
            id: s.id,
            identity: { cidrBlock: s.cidrBlock, availabilityZone: s.availabilityZone },
        });
    }
    const subnetById = new Map(state.subnets.map((s) => [s.id, s]));
    for (const n of state.natGateways) {
        const subnet = subnetById.get(n.subnetId)!;
        children.push({
            urn: urn("aws:ec2/natGateway:NatGateway", n.tags.Name),
            type: "aws:ec2/natGateway:NatGateway",
            name: n.tags.Name,
            id: n.id,
            identity: { subnet: subnet.tags.Name, subnetCidr: subnet.cidrBlock, subnetAz: subnet.availabilityZone },
        });
    }
    for (const e of state.eips)
        children.push({ urn: urn("aws:ec2/eip:Eip", e.tags.Name), type: "aws:ec2/eip:Eip", name: e.tags.Name, id: e.id, identity: {} });
    return children;
}

const change = (c: Child, action: ChangeAction, reasons: string[] = []): ResourceChange => ({
    urn: c.urn,
    type: c.type,
    name: c.name,
    action,
    changedInputs: action === "replace" ? reasons.map((r) => r.split(" ")[0]) : [],
    replaceReasons: reasons,
    deleteBeforeReplace: false,
    deleteBeforeReplaceExplicit: false,
});

/**
 * The derived changes of every awsx Vpc's children between two plans, and the physical ids of the children that are
 * replaced or deleted (inputs that carry them are unknown until deploy).
 */
export function vpcChildChanges(before: PlanDocument, after: PlanDocument): { changes: ResourceChange[]; goneIds: Set<string> } {
    const out: ResourceChange[] = [];
    const goneIds = new Set<string>();
    const vpcs = (p: PlanDocument) => new Map(p.resources.filter((r) => r.type === "awsx:ec2:Vpc").map((r) => [r.urn, r]));
    const [old, now] = [vpcs(before), vpcs(after)];
    for (const urn of new Set([...old.keys(), ...now.keys()])) {
        const a = old.get(urn) ? vpcChildren(before, old.get(urn)!) : [];
        const b = now.get(urn) ? vpcChildren(after, now.get(urn)!) : [];
        const aByUrn = new Map(a.map((c) => [c.urn, c]));
        const vpcReplaced = a.length > 0 && b.length > 0 && a[0].identity.cidrBlock !== b[0].identity.cidrBlock;
        for (const c of b) {
            const prev = aByUrn.get(c.urn);
            if (!prev) out.push(change(c, "create"));
            else if (vpcReplaced)
                out.push(change(c, "replace", [c.type === "aws:ec2/vpc:Vpc" ? "cidrBlock" : "vpcId (the VPC is replaced)"]));
            else {
                const reasons = Object.keys(c.identity).filter((k) => JSON.stringify(c.identity[k]) !== JSON.stringify(prev.identity[k]));
                out.push(
                    change(
                        c,
                        reasons.length ? "replace" : "same",
                        reasons.map((k) => (c.type === "aws:ec2/natGateway:NatGateway" ? `subnetId (${k} changes)` : k)),
                    ),
                );
            }
        }
        const bUrns = new Set(b.map((c) => c.urn));
        for (const c of a) if (!bUrns.has(c.urn)) out.push(change(c, "delete"));
        const gone = new Set(out.filter((c) => c.action === "replace" || c.action === "delete").map((c) => c.urn));
        for (const c of a) if (gone.has(c.urn)) goneIds.add(c.id);
    }
    return { changes: out, goneIds };
}
