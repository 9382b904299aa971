import { estimateCost, PRICE_TABLE } from "../../plan/cost";
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
