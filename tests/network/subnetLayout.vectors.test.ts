import * as fs from "fs";
import * as path from "path";
import { networkSchema } from "../../components/config/network";
import { parseCidr } from "../../components/config/common";
import type { SubnetTier } from "../../components/subnetLayout";
import { awsxSubnetLayout } from "../../components/subnetLayout";

/**
 * Vectors computed by pulumi-awsx's own subnet allocation and validation functions (see the file's "source" header):
 * the project's reproduction of the "Auto" layout must give exactly awsx's subnets, and Strata's network config must
 * refuse what awsx (or EC2) would refuse.
 */
interface SpecInput {
    type: "Private" | "Public" | "Isolated";
    name?: string;
    cidrMask?: number;
    size?: number;
    cidrBlocks?: string[];
}
interface Vector {
    id: string;
    group: "strata" | "shapes" | "rules";
    input: {
        cidrBlock: string;
        availabilityZones: number;
        natGatewayStrategy: string;
        elasticIpAllocationIds?: string[];
        subnetSpecs: SpecInput[];
    };
    subnets?: Array<{ type: SpecInput["type"]; azIndex: number; name: string; cidrBlock: string }>;
    error?: string;
}
interface VectorFile {
    source: { repository: string; commit: string; files: Record<string, string> };
    counts: { vectors: number; accepted: number; rejected: number };
    vectors: Vector[];
}

const file: VectorFile = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/vectors/awsx-subnet-layout.json"), "utf8"));
const accepted = file.vectors.filter((v) => v.subnets !== undefined);
const explicitMasks = accepted.filter((v) => v.input.subnetSpecs.every((s) => s.cidrMask !== undefined));
const defaultMasks = accepted.filter((v) => v.input.subnetSpecs.some((s) => s.cidrMask === undefined));
const strata = file.vectors.filter((v) => v.group === "strata");

const tierOf = (type: SpecInput["type"]) => type.toLowerCase() as SubnetTier;
const awsxSubnets = (v: Vector) => v.subnets!.map((s) => ({ tier: tierOf(s.type), azIndex: s.azIndex, cidrBlock: s.cidrBlock }));
const range = (cidr: string) => {
    const c = parseCidr(cidr)!;
    return { first: c.base, last: c.base + 2 ** (32 - c.mask) - 1 };
};
/** EC2 refuses a subnet whose CIDR is not inside the VPC's (CreateSubnet; VPC User Guide, "Subnet CIDR blocks"). */
const insideVpc = (v: Vector) => {
    const vpc = range(v.input.cidrBlock);
    return v.subnets!.every((s) => range(s.cidrBlock).first >= vpc.first && range(s.cidrBlock).last <= vpc.last);
};

/** The strata:network settings that make components/network.ts pass a vector's input to awsx.ec2.Vpc. */
function strataConfigOf(v: Vector): Record<string, unknown> {
    const [priv, pub, iso] = v.input.subnetSpecs;
    expect([priv, pub, iso].map((s) => `${s.type}+${s.name}`)).toEqual(["Private+private", "Public+public", "Isolated+isolated"]);
    const azs = v.input.availabilityZones;
    return {
        cidr: v.input.cidrBlock,
        natGateways: v.input.natGatewayStrategy === "Single" ? "single" : "onePerAz",
        privateSubnetMask: priv.cidrMask,
        publicSubnetMask: pub.cidrMask,
        isolatedSubnetMask: iso.cidrMask,
        // `availabilityZones` takes 2-6; other counts are only reachable through a list of AZ names.
        ...(azs >= 2 && azs <= 6
            ? { availabilityZones: azs }
            : { availabilityZoneNames: ["a", "b", "c", "d", "e", "f", "g"].slice(0, azs).map((s) => `us-east-1${s}`) }),
    };
}

describe("awsx subnet-layout vectors: the file", () => {
    test("names pulumi-awsx, a full commit hash and the source files the vectors came from", () => {
        expect(file.source.repository).toBe("https://github.com/pulumi/pulumi-awsx");
        expect(file.source.commit).toMatch(/^[0-9a-f]{40}$/);
        expect(Object.keys(file.source.files)).toEqual(expect.arrayContaining(["awsx/ec2/subnetDistributorNew.ts", "awsx/ec2/vpc.ts"]));
    });

    test("every vector is checked below: explicit masks, default masks or rejected", () => {
        expect(file.vectors.length).toBe(file.counts.vectors);
        expect(accepted.length).toBe(file.counts.accepted);
        expect(explicitMasks.length + defaultMasks.length + file.counts.rejected).toBe(file.vectors.length);
        expect(new Set(file.vectors.map((v) => v.id)).size).toBe(file.vectors.length);
        // Strata's own stacks: 10.0.0.0/16, 2 or 3 AZs, private /19, public /24, isolated /24.
        expect(explicitMasks.map((v) => v.id)).toEqual(
            expect.arrayContaining([
                "strata 10.0.0.0/16 az2 Single Private/19+private,Public/24+public,Isolated/24+isolated",
                "strata 10.0.0.0/16 az3 OnePerAz Private/19+private,Public/24+public,Isolated/24+isolated",
            ]),
        );
    });
});

describe("awsxSubnetLayout gives exactly awsx's subnets (explicit cidrMask, as Strata passes them)", () => {
    test.each(explicitMasks.map((v) => [v.id, v] as const))("%s", (_id, v) => {
        const layout = awsxSubnetLayout(
            v.input.cidrBlock,
            v.input.availabilityZones,
            v.input.subnetSpecs.map((s) => ({ tier: tierOf(s.type), cidrMask: s.cidrMask! })),
        );
        expect(layout).toEqual(awsxSubnets(v));
    });
});

describe("specs without a cidrMask (Strata always passes one): same allocation once given the masks awsx chose", () => {
    test.each(defaultMasks.map((v) => [v.id, v] as const))("%s", (_id, v) => {
        const firstAz = v.subnets!.filter((s) => s.azIndex === 0);
        expect(firstAz.map((s) => s.type)).toEqual(v.input.subnetSpecs.map((s) => s.type));
        const masks = firstAz.map((s) => parseCidr(s.cidrBlock)!.mask);
        v.input.subnetSpecs.forEach((s, i) => s.cidrMask === undefined || expect(masks[i]).toBe(s.cidrMask));
        const layout = awsxSubnetLayout(
            v.input.cidrBlock,
            v.input.availabilityZones,
            v.input.subnetSpecs.map((s, i) => ({ tier: tierOf(s.type), cidrMask: masks[i] })),
        );
        expect(layout).toEqual(awsxSubnets(v));
    });
});

/**
 * Strata-shaped inputs (three tiers, named by tier, explicit masks) that strata:network accepts although awsx refuses
 * them, or awsx accepts but lays a subnet outside the VPC (which EC2 refuses). Reported to the config owner; listed
 * here so the test states the gap exactly and fails when it changes.
 */
const CONFIG_ACCEPTS_BUT_AWSX_OR_EC2_REFUSES = [
    // Sizes add up within the AZ block, but alignment pushes the isolated subnet into the next AZ's block:
    // awsx's overlap check refuses the layout.
    "strata 10.0.0.0/16 az5 OnePerAz Private/23+private,Public/20+public,Isolated/28+isolated",
    "strata 10.0.0.0/16 az6 Single Private/23+private,Public/20+public,Isolated/28+isolated",
    "strata 10.0.16.0/20 az2 OnePerAz Private/24+private,Public/22+public,Isolated/23+isolated",
    "strata 10.0.16.0/20 az2 Single Private/24+private,Public/22+public,Isolated/23+isolated",
    "strata 10.64.0.0/18 az2 OnePerAz Private/23+private,Public/20+public,Isolated/28+isolated",
    "strata 10.64.0.0/18 az2 Single Private/23+private,Public/20+public,Isolated/28+isolated",
    "strata 10.64.0.0/18 az5 OnePerAz Private/24+private,Public/22+public,Isolated/23+isolated",
    "strata 10.64.0.0/18 az6 Single Private/24+private,Public/22+public,Isolated/23+isolated",
    "strata 172.16.0.0/16 az5 OnePerAz Private/23+private,Public/20+public,Isolated/28+isolated",
    "strata 172.16.0.0/16 az6 Single Private/23+private,Public/20+public,Isolated/28+isolated",
    "strata 172.20.192.0/18 az2 OnePerAz Private/23+private,Public/20+public,Isolated/28+isolated",
    "strata 172.20.192.0/18 az2 Single Private/23+private,Public/20+public,Isolated/28+isolated",
    "strata 172.20.192.0/18 az5 OnePerAz Private/24+private,Public/22+public,Isolated/23+isolated",
    "strata 172.20.192.0/18 az6 Single Private/24+private,Public/22+public,Isolated/23+isolated",
    "strata 172.31.240.0/20 az2 OnePerAz Private/24+private,Public/22+public,Isolated/23+isolated",
    "strata 172.31.240.0/20 az2 Single Private/24+private,Public/22+public,Isolated/23+isolated",
    // An empty availabilityZoneNames list: no subnet at all, so awsx's NAT check finds no public subnet.
    "strata 10.0.0.0/16 az0 OnePerAz Private/19+private,Public/24+public,Isolated/24+isolated",
    "strata 10.0.0.0/16 az0 Single Private/19+private,Public/24+public,Isolated/24+isolated",
    // One AZ (a single AZ name): awsx accepts, but the isolated subnet lands past the end of the VPC.
    "strata 10.9.8.0/21 az1 OnePerAz Private/24+private,Public/22+public,Isolated/23+isolated",
].sort();

describe("strata:network refuses what awsx refuses", () => {
    test.each(
        strata
            .filter((v) => v.error !== undefined && !CONFIG_ACCEPTS_BUT_AWSX_OR_EC2_REFUSES.includes(v.id))
            .map((v) => [v.id, v] as const),
    )("%s", (_id, v) => {
        expect(networkSchema("dev").safeParse(strataConfigOf(v)).success).toBe(false);
    });

    test("and accepts every layout awsx accepts inside the VPC; the only disagreements are the listed gaps", () => {
        const disagreements = strata
            .filter((v) => networkSchema("dev").safeParse(strataConfigOf(v)).success !== (v.subnets !== undefined && insideVpc(v)))
            .map((v) => v.id)
            .sort();
        expect(disagreements).toEqual(CONFIG_ACCEPTS_BUT_AWSX_OR_EC2_REFUSES);
        for (const id of disagreements)
            expect(networkSchema("dev").safeParse(strataConfigOf(strata.find((v) => v.id === id)!)).success).toBe(true);
    });

    test("the gaps are what the list says: overlaps, no AZ, a subnet outside the VPC", () => {
        const byId = new Map(strata.map((v) => [v.id, v]));
        const reasons = CONFIG_ACCEPTS_BUT_AWSX_OR_EC2_REFUSES.map((id) => {
            const v = byId.get(id)!;
            if (v.subnets) return insideVpc(v) ? "inside" : "outside-vpc";
            if (/^The following subnets overlap/.test(v.error!)) return "overlap";
            return /^If NAT Gateway strategy is 'OnePerAz' or 'Single', public subnets must be declared/.test(v.error!) ? "nat" : v.error!;
        });
        expect(reasons.filter((r) => r === "overlap").length).toBe(16);
        expect(reasons.filter((r) => r === "nat").length).toBe(2);
        expect(reasons.filter((r) => r === "outside-vpc").length).toBe(1);
        const overlap = strata.find(
            (v) => v.id === "strata 10.0.16.0/20 az2 Single Private/24+private,Public/22+public,Isolated/23+isolated",
        )!;
        expect(overlap.error).toMatch(
            /^The following subnets overlap with at least one other subnet[\s\S]*vpc-isolated-1: 10\.0\.24\.0\/23[\s\S]*vpc-private-2: 10\.0\.24\.0\/24/,
        );
    });
});
