import fc from "fast-check";
import type { NetworkSettings } from "../../components/config/network";
import { awsxAzMask, NAT_STRATEGIES, networkSchema } from "../../components/config/network";
import { formatIp, parseCidr } from "../../components/config/common";
import { cidrsOverlap, RESERVED_IPV4_BLOCKS } from "../../components/cidr";
import { SUBNET_TIERS, vpcArgs } from "../../components/network/vpc";
import type { LaidOutSubnet } from "../../components/subnetLayout";
import { awsxSubnetLayout } from "../../components/subnetLayout";
import { loadConfig } from "../helpers";

/**
 * The checks awsx.ec2.Vpc runs on its arguments (pulumi-awsx awsx/ec2/vpc.ts and awsx/ec2/subnetDistributorNew.ts),
 * against the arguments Strata derives from strata:network: every setting the schema accepts must give awsx arguments
 * it accepts. awsxSubnetLayout is checked against awsx's own output in subnetLayout.vectors.test.ts, so it stands in
 * for awsx's allocation here.
 */

const size = (mask: number) => 2 ** (32 - mask);
const azCountOf = (n: NetworkSettings) => n.availabilityZoneNames?.length ?? n.availabilityZones;
const layoutOf = (n: NetworkSettings): LaidOutSubnet[] =>
    awsxSubnetLayout(n.cidr, azCountOf(n), [
        { tier: "private", cidrMask: n.privateSubnetMask },
        { tier: "public", cidrMask: n.publicSubnetMask },
        { tier: "isolated", cidrMask: n.isolatedSubnetMask },
    ]);
const rangeOf = (cidr: string) => {
    const c = parseCidr(cidr)!;
    return { first: c.base, last: c.base + size(c.mask) - 1 };
};

/** strata:network settings over the whole domain the schema types allow (and a little beyond, to be refused). */
const networkInput = fc
    .record({
        vpcMask: fc.integer({ min: 14, max: 26 }),
        first: fc.constantFrom(10, 172, 192),
        block: fc.nat({ max: 2 ** 24 - 1 }),
        availabilityZones: fc.integer({ min: 2, max: 6 }),
        natGateways: fc.constantFrom(...NAT_STRATEGIES),
        privateSubnetMask: fc.integer({ min: 16, max: 24 }),
        publicSubnetMask: fc.integer({ min: 20, max: 28 }),
        isolatedSubnetMask: fc.integer({ min: 20, max: 28 }),
    })
    .map(({ vpcMask, first, block, ...rest }) => {
        const hostBits = 32 - vpcMask;
        const base = first * 2 ** 24 + block;
        const aligned = base - (base % 2 ** hostBits);
        return { cidr: `${formatIp(aligned)}/${vpcMask}`, ...rest };
    });

describe("awsx rule: NAT gateway strategy and Elastic IPs (validateEips, validateNatGatewayStrategy)", () => {
    test("strata:network only knows Single and OnePerAz, never None", () => {
        expect([...NAT_STRATEGIES]).toEqual(["single", "onePerAz"]);
        for (const natGateways of ["none", "None", "OnePerAz", "perAz"]) {
            expect(networkSchema("prod").safeParse({ natGateways }).success).toBe(false);
        }
    });

    test("Elastic IP allocation ids cannot be configured, so awsx's EIP count rules (none for None, at most 1 for Single, one per AZ for OnePerAz) are never reached", () => {
        expect(networkSchema("prod").safeParse({ elasticIpAllocationIds: ["eipalloc-1"] }).success).toBe(false);
        expect(
            networkSchema("prod").safeParse({ natGateways: { strategy: "Single", elasticIpAllocationIds: ["eipalloc-1"] } }).success,
        ).toBe(false);
    });

    // With at least one AZ. An empty availabilityZoneNames list gives no subnet at all, which awsx refuses; the schema
    // accepts it today (pinned in subnetLayout.vectors.test.ts).
    test("Single and OnePerAz need a public subnet and a private or isolated one: every AZ gets all three tiers", () => {
        fc.assert(
            fc.property(networkInput, (input) => {
                const parsed = networkSchema("dev").safeParse(input);
                fc.pre(parsed.success);
                const layout = layoutOf(parsed.data!);
                const azs = azCountOf(parsed.data!);
                for (let az = 0; az < azs; az++) {
                    expect(layout.filter((s) => s.azIndex === az).map((s) => s.tier)).toEqual(["private", "public", "isolated"]);
                }
                expect(layout.length).toBe(3 * azs);
            }),
            { numRuns: 300 },
        );
    });
});

describe("awsx rule: subnet specs (validateAndNormalizeSubnetInputs, pickSubnetAllocator)", () => {
    test("one spec per type, each named after its tier: awsx's unique-name rule for several specs of a type never applies", () => {
        expect(SUBNET_TIERS.map((t) => t.type)).toEqual(["Private", "Public", "Isolated"]);
        expect(SUBNET_TIERS.map((t) => t.tier)).toEqual(["private", "public", "isolated"]);
        expect(new Set(SUBNET_TIERS.map((t) => t.type.toLowerCase())).size).toBe(SUBNET_TIERS.length);
    });

    test("masks are whole numbers the settings bound (private /16-/24, public and isolated /20-/28); no size, no cidrBlocks, so the Auto allocator is used", () => {
        for (const [key, ok, bad] of [
            ["privateSubnetMask", [16, 24], [15, 25, 19.5]],
            ["publicSubnetMask", [20, 28], [19, 29]],
            ["isolatedSubnetMask", [20, 28], [19, 29]],
        ] as const) {
            // The bound itself (a type issue on the key): a large private mask may also be refused for not fitting the VPC.
            const keyRefuses = (v: number) =>
                (networkSchema("dev").safeParse({ [key]: v }).error?.issues ?? []).some(
                    (i) => i.path.join(".") === key && i.code !== "custom",
                );
            for (const v of ok) expect(keyRefuses(v)).toBe(false);
            for (const v of bad) expect(keyRefuses(v)).toBe(true);
        }
        expect(networkSchema("dev").safeParse({ privateSubnetSize: 8192 }).success).toBe(false);
        expect(networkSchema("dev").safeParse({ subnetCidrBlocks: ["10.0.0.0/19"] }).success).toBe(false);
    });
});

describe("awsx rule: the AZ block (getSubnetSpecs: 'Subnets are too large for VPC')", () => {
    test("the schema accepts settings exactly when each AZ's subnets fit in its block of VPC mask + ceil(log2(AZs)) bits", () => {
        fc.assert(
            fc.property(networkInput, (input) => {
                const vpc = parseCidr(input.cidr)!;
                fc.pre(vpc.mask >= 16 && vpc.mask <= 24);
                // (Nor one overlapping a reserved block such as the Docker bridge network.)
                fc.pre(Object.keys(RESERVED_IPV4_BLOCKS).every((b) => !cidrsOverlap(vpc, parseCidr(b)!)));
                const azMask = awsxAzMask(vpc.mask, input.availabilityZones);
                const perAz = size(input.privateSubnetMask) + size(input.publicSubnetMask) + size(input.isolatedSubnetMask);
                // (A VPC outside private address space is refused for another reason: keep that out of this rule.)
                expect(networkSchema("dev").safeParse({ ...input, allowNonPrivateCidr: true }).success).toBe(perAz <= size(azMask));
            }),
            { numRuns: 500 },
        );
    });

    test("the VPC CIDR is a /16 to /24 network address (awsx's netmask parser would silently drop host bits)", () => {
        expect(networkSchema("dev").safeParse({ cidr: "10.0.0.0/15" }).success).toBe(false);
        expect(networkSchema("dev").safeParse({ cidr: "10.0.0.0/25", availabilityZones: 2, privateSubnetMask: 24 }).success).toBe(false);
        expect(networkSchema("dev").safeParse({ cidr: "10.0.0.1/16" }).success).toBe(false);
        expect(networkSchema("dev").safeParse({ cidr: "10.0.0.0/16" }).success).toBe(true);
    });
});

describe("awsx rule: no two subnets overlap (validateSubnets); EC2: every subnet inside the VPC", () => {
    test("when the tiers are sized largest first (private >= public >= isolated, as every preset is), accepted settings give disjoint subnets inside the VPC", () => {
        fc.assert(
            fc.property(networkInput, (input) => {
                fc.pre(input.privateSubnetMask <= input.publicSubnetMask && input.publicSubnetMask <= input.isolatedSubnetMask);
                const parsed = networkSchema("dev").safeParse(input);
                fc.pre(parsed.success);
                const ranges = layoutOf(parsed.data!)
                    .map((s) => rangeOf(s.cidrBlock))
                    .sort((a, b) => a.first - b.first);
                const vpc = rangeOf(input.cidr);
                expect(ranges[0].first).toBeGreaterThanOrEqual(vpc.first);
                expect(ranges[ranges.length - 1].last).toBeLessThanOrEqual(vpc.last);
                for (let i = 1; i < ranges.length; i++) expect(ranges[i].first).toBeGreaterThan(ranges[i - 1].last);
            }),
            { numRuns: 500 },
        );
    });

    test("every environment's preset is sized largest first and fits", () => {
        for (const env of ["dev", "staging", "prod"] as const) {
            const n = networkSchema(env).parse({});
            expect([n.privateSubnetMask, n.publicSubnetMask, n.isolatedSubnetMask]).toEqual([19, 24, 24]);
            const layout = layoutOf(n);
            const privateBlocks = {
                dev: ["10.0.0.0/19", "10.0.128.0/19"],
                staging: ["10.0.0.0/19", "10.0.128.0/19"],
                prod: ["10.0.0.0/19", "10.0.64.0/19", "10.0.128.0/19"],
            };
            expect(layout.filter((s) => s.tier === "private").map((s) => s.cidrBlock)).toEqual(privateBlocks[env]);
            expect(layout.filter((s) => s.tier === "isolated").map((s) => s.cidrBlock)).toEqual(
                privateBlocks[env].map((c) => c.replace(/\.(\d+)\.0\/19$/, (_m, o) => `.${Number(o) + 33}.0/24`)),
            );
        }
    });
});

describe("awsx rule: exactly one of availabilityZoneNames and numberOfAvailabilityZones", () => {
    test("with AZ names in config the Vpc gets the names and no count", () => {
        const cfg = loadConfig({ "strata:network": { availabilityZoneNames: ["us-east-1a", "us-east-1c", "us-east-1d"] } });
        const vpc = vpcArgs(cfg.naming, cfg.network);
        expect(vpc).toMatchObject({
            availabilityZoneNames: ["us-east-1a", "us-east-1c", "us-east-1d"],
            natGateways: { strategy: "Single" },
        });
        expect("numberOfAvailabilityZones" in vpc).toBe(false);
    });
});
