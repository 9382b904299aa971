import fc from "fast-check";
import { Naming } from "../../components/naming";
import {
    availabilityZoneCount,
    endpointSecurityGroupRules,
    endpointSpecs,
    flowLogGroupSpec,
    flowLogRoleStatements,
    subnetCidrs,
    subnetTiers,
    vpcArgs,
} from "../../components/network/vpc";
import { parseCidr } from "../../components/config/common";

const naming = new Naming("strata-dev");
const layout = {
    cidr: "10.0.0.0/16",
    availabilityZones: 2,
    availabilityZoneNames: undefined,
    privateSubnetMask: 19,
    publicSubnetMask: 22,
    isolatedSubnetMask: 22,
};

describe("subnetTiers", () => {
    it("tags public subnets for internet-facing and private subnets for internal load balancers; isolated ones for neither", () => {
        const t = subnetTiers(layout);
        expect(t.public.tags["kubernetes.io/role/elb"]).toBe("1");
        expect(t.private.tags["kubernetes.io/role/internal-elb"]).toBe("1");
        expect(Object.keys(t.isolated.tags).filter((k) => k.startsWith("kubernetes.io/"))).toEqual([]);
        expect([t.private.cidrMask, t.public.cidrMask, t.isolated.cidrMask]).toEqual([19, 22, 22]);
    });
});

describe("vpcArgs", () => {
    it("DNS hostnames on, Auto strategy, one named spec per tier in layout order, the NAT strategy", () => {
        const a = vpcArgs(naming, { ...layout, natGateways: "single" });
        expect(a).toMatchObject({
            cidrBlock: "10.0.0.0/16",
            numberOfAvailabilityZones: 2,
            enableDnsHostnames: true,
            enableDnsSupport: true,
            subnetStrategy: "Auto",
        });
        expect(a.subnetSpecs.map((s) => [s.type, s.name, s.cidrMask])).toEqual([
            ["Private", "private", 19],
            ["Public", "public", 22],
            ["Isolated", "isolated", 22],
        ]);
        expect(a.natGateways.strategy).toBe("Single");
        expect(vpcArgs(naming, { ...layout, natGateways: "onePerAz" }).natGateways.strategy).toBe("OnePerAz");
    });
    it("AZ names replace the count (awsx refuses both together)", () => {
        const a = vpcArgs(naming, { ...layout, availabilityZoneNames: ["us-east-1a", "us-east-1c"], natGateways: "single" });
        expect(a).toMatchObject({ availabilityZoneNames: ["us-east-1a", "us-east-1c"] });
        expect("numberOfAvailabilityZones" in a).toBe(false);
        expect(availabilityZoneCount({ availabilityZones: 3, availabilityZoneNames: ["a", "b"] })).toBe(2);
    });
});

describe("subnetCidrs", () => {
    it("one subnet per tier per AZ, inside the VPC and disjoint, whenever the tiers fit one AZ block largest first", () => {
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 17, max: 21 }), (azs, priv) => {
                // awsx gives each AZ a block of mask VPC + ceil(log2(AZs)); the private tier must leave room for the others.
                fc.pre(priv > 16 + Math.ceil(Math.log2(azs)));
                const c = subnetCidrs({
                    ...layout,
                    availabilityZones: azs,
                    privateSubnetMask: priv,
                    publicSubnetMask: 22,
                    isolatedSubnetMask: 23,
                });
                const all = [...c.private, ...c.public, ...c.isolated].map((x) => parseCidr(x)!);
                expect(c.private).toHaveLength(azs);
                expect(c.public).toHaveLength(azs);
                const vpc = parseCidr("10.0.0.0/16")!;
                const range = (x: { base: number; mask: number }) => [x.base, x.base + 2 ** (32 - x.mask) - 1];
                for (const s of all) {
                    const [lo, hi] = range(s);
                    expect(lo).toBeGreaterThanOrEqual(vpc.base);
                    expect(hi).toBeLessThanOrEqual(range(vpc)[1]);
                }
                for (let i = 0; i < all.length; i++)
                    for (let j = i + 1; j < all.length; j++) {
                        const [a0, a1] = range(all[i]);
                        const [b0, b1] = range(all[j]);
                        expect(a1 < b0 || b1 < a0).toBe(true);
                    }
            }),
        );
    });
});

describe("flow logs and endpoints", () => {
    it("the flow-log group is named under the stack prefix with the configured retention", () => {
        expect(flowLogGroupSpec(naming, { flowLogRetentionDays: 90 })).toEqual({
            logGroupName: "/strata/strata-dev/vpc-flow-logs",
            retentionInDays: 90,
        });
    });
    it("the delivery role writes only to its group and its streams", () => {
        const [st] = flowLogRoleStatements("arn:aws:logs:us-east-1:1:log-group:g");
        expect(st.Action).toEqual(["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]);
        expect(st.Resource).toEqual(["arn:aws:logs:us-east-1:1:log-group:g", "arn:aws:logs:us-east-1:1:log-group:g:*"]);
    });
    it("endpoint service names are regional; interface endpoints admit HTTPS from the VPC only", () => {
        const e = endpointSpecs(naming, "eu-west-1", ["ecr.api", "sts"]);
        expect(e.gateway.serviceName).toBe("com.amazonaws.eu-west-1.s3");
        expect(e.interface.map((x) => [x.name, x.serviceName])).toEqual([
            ["strata-dev-vpce-ecr-api", "com.amazonaws.eu-west-1.ecr.api"],
            ["strata-dev-vpce-sts", "com.amazonaws.eu-west-1.sts"],
        ]);
        const sg = endpointSecurityGroupRules("10.1.0.0/16");
        expect(sg.ingress).toEqual([
            { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.1.0.0/16"], description: "HTTPS from the VPC" },
        ]);
        expect(sg.egress).toEqual([]);
    });
});
