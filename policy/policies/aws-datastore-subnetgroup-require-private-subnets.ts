import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/metadata";
import { linked, ofTypes } from "../lib/stack";
import { asArray, field, isOpenCidr, isTrue } from "../lib/values";

const SUBNET_GROUP_TYPES = ["aws:rds/subnetGroup:SubnetGroup", "aws:elasticache/subnetGroup:SubnetGroup"];
const SUBNET = "aws:ec2/subnet:Subnet";
const ROUTE_TABLE = "aws:ec2/routeTable:RouteTable";
const ROUTE = "aws:ec2/route:Route";
const ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
const IGW = "aws:ec2/internetGateway:InternetGateway";

/** Route tables with a default route to an internet gateway (inline routes or separate Route resources). */
function publicRouteTables(resources: PolicyResource[]): Set<PolicyResource> {
    const tables = ofTypes(resources, [ROUTE_TABLE]);
    const igws = ofTypes(resources, [IGW]);
    const out = new Set<PolicyResource>();
    const toIgw = (r: unknown, owner: PolicyResource, prop: string) => {
        const gatewayId = field(r, "gatewayId");
        return (
            isOpenCidr(
                field(r, "cidrBlock") ??
                    field(r, "destinationCidrBlock") ??
                    field(r, "ipv6CidrBlock") ??
                    field(r, "destinationIpv6CidrBlock") ??
                    "",
            ) &&
            ((typeof gatewayId === "string" && gatewayId.startsWith("igw-")) || linked(owner, prop, igws).length > 0)
        );
    };
    for (const t of tables) if (asArray(field(t.props, "routes")).some((r) => toIgw(r, t, "routes"))) out.add(t);
    for (const r of ofTypes(resources, [ROUTE]))
        if (toIgw(r.props, r, "gatewayId")) for (const t of linked(r, "routeTableId", tables)) out.add(t);
    return out;
}

export const awsDatastoreSubnetgroupRequirePrivateSubnets = stackPolicy({
    name: "aws-datastore-subnetgroup-require-private-subnets",
    description: "RDS and ElastiCache subnet groups must use only private (isolated) subnets.",
    checks:
        "For each RDS / ElastiCache subnet group, the `aws.ec2.Subnet`s its `subnetIds` depend on must not map public IPs " +
        "on launch nor be associated with a route table that routes 0.0.0.0/0 to an internet gateway. Subnets made " +
        "inside a remote component (awsx.ec2.Vpc) are not visible to policies; there the component's isolated subnet " +
        "ids are trusted.",
    category: "network-exposure",
    severity: "high",
    controls: { fsbp: ["RDS.2", "ElastiCache.7"], other: ["AWS prescriptive guidance: data tier in isolated subnets"] },
    validateStack: (args, reportViolation) => {
        const groups = ofTypes(args.resources, SUBNET_GROUP_TYPES);
        if (groups.length === 0) args.notApplicable("no data store subnet groups");
        const subnets = ofTypes(args.resources, [SUBNET]);
        const publicTables = publicRouteTables(args.resources);
        const publicSubnets = new Set<PolicyResource>(subnets.filter((s) => isTrue(s.props?.mapPublicIpOnLaunch)));
        for (const a of ofTypes(args.resources, [ASSOCIATION])) {
            if (linked(a, "routeTableId", [...publicTables]).length > 0)
                for (const s of linked(a, "subnetId", subnets)) publicSubnets.add(s);
        }
        for (const g of groups) {
            const bad = linked(g, "subnetIds", subnets).filter((s) => publicSubnets.has(s));
            if (bad.length > 0)
                reportViolation(`subnet group '${g.name}' uses public subnet(s) ${bad.map((s) => s.name).join(", ")}.`, g.urn);
        }
    },
});
