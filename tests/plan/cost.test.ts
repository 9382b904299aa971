import fc from "fast-check";
import { estimateCost, PRICE_TABLE } from "../../plan/cost";
import { PRICE_FAMILIES, priceFamilyOf, REGION_PRICE_MULTIPLIERS } from "../../plan/pricing/regions";
import type { PlanResource } from "../../plan/types";

const INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
function r(type: string, name: string, inputs: Record<string, unknown> = {}): PlanResource {
    return {
        urn: `urn:pulumi:dev::strata::${type}::${name}`,
        type,
        name,
        parent: null,
        provider: null,
        custom: true,
        inputs,
        options: { protect: false, retainOnDelete: false, ignoreChanges: [], deleteBeforeReplace: false },
        dependencies: [],
        propertyDependencies: {},
    };
}
const ingress = (name: string, group?: string) =>
    r(INGRESS, name, { metadata: { annotations: group ? { "alb.ingress.kubernetes.io/group.name": group } : {} } });
const vpc = (azs: number) => r("awsx:ec2:Vpc", "vpc", { numberOfAvailabilityZones: azs, natGateways: { strategy: "None" } });
const albItems = (resources: PlanResource[]) => estimateCost(resources).items.filter((i) => i.type === INGRESS);

describe("ALBs: one per ingress group, priced per hour plus one public IPv4 address per AZ", () => {
    test.each([
        ["one Ingress, 2 AZs", [ingress("a", "g1")], 2, 1],
        ["two Ingresses of one group share one ALB", [ingress("a", "g1"), ingress("b", "g1")], 2, 1],
        ["two groups are two ALBs", [ingress("a", "g1"), ingress("b", "g2")], 3, 2],
        ["an Ingress without a group is its own ALB", [ingress("a"), ingress("b", "g1")], 3, 2],
    ])("%s", (_what, ingresses, azs, albs) => {
        const items = albItems([vpc(azs), ...ingresses]);
        expect(items).toHaveLength(albs);
        const monthly = Math.round((PRICE_TABLE.albHour + azs * PRICE_TABLE.publicIpv4Hour) * PRICE_TABLE.hoursPerMonth * 100) / 100;
        for (const i of items) {
            expect(i.monthlyUsd).toBe(monthly);
            expect(i.basis).toContain(`${azs} public IPv4 (one per AZ)`);
        }
    });

    test("us-east-1 list prices: 0.0225 per ALB-hour, 0.005 per public IPv4 hour; 2 AZs cost 23.73 a month", () => {
        expect([PRICE_TABLE.albHour, PRICE_TABLE.publicIpv4Hour, PRICE_TABLE.albLcuHour]).toEqual([0.0225, 0.005, 0.008]);
        expect(albItems([vpc(2), ingress("a", "g1")])[0].monthlyUsd).toBe(23.73);
    });

    test("no Ingress, no ALB", () => {
        expect(albItems([vpc(3)])).toEqual([]);
    });
});

describe("regional prices: us-east-1 list prices x the region's multiplier per family", () => {
    const stack = () => [
        r("aws:eks/cluster:Cluster", "eks"),
        r("aws:rds/instance:Instance", "db", { instanceClass: "db.t4g.medium", allocatedStorage: 20 }),
        r("awsx:ec2:Vpc", "vpc", { numberOfAvailabilityZones: 2, natGateways: { strategy: "Single" } }),
        r("aws:kms/key:Key", "key"),
        ingress("a", "g1"),
    ];
    const byName = (region: string) => new Map(estimateCost(stack(), region).items.map((i) => [i.urn.split("::").at(-1), i]));

    test("us-east-1 is the table itself: the same figures and bases as without a region", () => {
        const plain = estimateCost(stack());
        expect(estimateCost(stack(), "us-east-1")).toEqual(plain);
        expect(plain.warnings).toEqual([]);
        expect(plain.priceTable).toBe(PRICE_TABLE.name);
    });

    test("us-west-2 lists the us-east-1 prices: multiplier 1, said in each basis", () => {
        const east = byName("us-east-1");
        const west = byName("us-west-2");
        for (const [name, item] of west) {
            expect(item.monthlyUsd).toBe(east.get(name)!.monthlyUsd);
            expect(item.basis).toMatch(/; x 1 for us-west-2 \((eks|rds|nat|other|alb)\)$/);
        }
        expect(estimateCost(stack(), "us-west-2").warnings).toEqual([]);
    });

    test("eu-west-1: NAT x 1.067 and ALB x 1.12 applied; RDS and the rest unknown there, left unpriced and warned", () => {
        const east = byName("us-east-1");
        const eu = byName("eu-west-1");
        expect(eu.get("vpc")!.monthlyUsd).toBe(Math.round(east.get("vpc")!.monthlyUsd * 1.067 * 100) / 100);
        expect(eu.get("eks")!.monthlyUsd).toBe(east.get("eks")!.monthlyUsd);
        expect(eu.get("db")!.monthlyUsd).toBe(0);
        expect(eu.get("db")!.basis).toMatch(/^prices for eu-west-1 unknown: left unpriced \(us-east-1: db\.t4g\.medium/);
        expect(eu.get("key")!.monthlyUsd).toBe(0);
        expect(estimateCost(stack(), "eu-west-1").warnings).toEqual([
            "prices for eu-west-1 unknown: left unpriced (rds: 1 item, other: 1 item; plan/pricing/regions.ts)",
        ]);
        const alb = estimateCost(stack(), "eu-west-1").items.find((i) => i.type === INGRESS)!;
        // (0.0225 + 2 public IPv4 x 0.005) x 730 h = 23.725 in us-east-1; x 1.12 = 26.572
        expect(alb.monthlyUsd).toBe(26.57);
    });

    test("a region without an entry: every item unpriced (never priced as us-east-1), one warning", () => {
        const cost = estimateCost(stack(), "ap-southeast-7");
        expect(cost.monthlyUsd).toBe(0);
        expect(cost.items.every((i) => i.monthlyUsd === 0 && i.basis.startsWith("prices for ap-southeast-7 unknown: left unpriced"))).toBe(
            true,
        );
        expect(cost.warnings).toEqual([
            expect.stringMatching(/^prices for ap-southeast-7 unknown: left unpriced \(eks: 1 item, rds: 1 item/),
        ]);
    });

    test("property: with every multiplier 1 the total is us-east-1's; no region costs more than its largest multiplier allows", () => {
        fc.assert(
            fc.property(fc.constantFrom(...Object.keys(REGION_PRICE_MULTIPLIERS)), (region) => {
                const east = estimateCost(stack()).monthlyUsd;
                const total = estimateCost(stack(), region).monthlyUsd;
                const ms = Object.values(REGION_PRICE_MULTIPLIERS[region]) as number[];
                expect(total).toBeLessThanOrEqual(Math.round(east * Math.max(...ms) * 100) / 100 + 0.01 * stack().length);
                if (ms.length === PRICE_FAMILIES.length && ms.every((m) => m === 1)) expect(total).toBe(east);
            }),
        );
    });

    test("families: each priced core type maps to its family, the rest to other", () => {
        expect(
            [
                "aws:eks/nodeGroup:NodeGroup",
                "aws:rds/instance:Instance",
                "aws:elasticache/replicationGroup:ReplicationGroup",
                "awsx:ec2:Vpc",
                INGRESS,
                "aws:eks/cluster:Cluster",
                "aws:kms/key:Key",
            ].map(priceFamilyOf),
        ).toEqual(["ec2", "rds", "elasticache", "nat", "alb", "eks", "other"]);
    });
});
