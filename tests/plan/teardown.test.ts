import type { PlanResource } from "../../plan/types";
import { planOfResources, resource } from "./synthetic";
import { teardownGraph } from "../../plan/teardown";

/** A resource without inputs or a provider (components and their children as the recording has them). */
const r = (type: string, name: string, extra: Partial<PlanResource> = {}) => resource(type, name, {}, { provider: null, ...extra });
const plan = (resources: PlanResource[]) => planOfResources(resources);

describe("teardownGraph", () => {
    const cluster = r("aws:eks/cluster:Cluster", "c");
    const k8s = r("pulumi:providers:kubernetes", "k", { dependencies: [cluster.urn] });
    const ns = r("kubernetes:core/v1:Namespace", "ns", { provider: `${k8s.urn}::id` });
    const component = r("strata:x:Comp", "comp", { custom: false });
    const child = r("aws:sqs/queue:Queue", "q", { parent: component.urn });
    const user = r("aws:iam/role:Role", "role", { dependencies: [component.urn] });
    const g = teardownGraph(plan([cluster, k8s, ns, component, child, user]));

    it("a resource goes before what it depends on through its provider", () => {
        expect(g.deletedBefore(ns.urn, cluster.urn)).toBe(true);
        expect(g.deletedBefore(cluster.urn, ns.urn)).toBe(false);
    });
    it("a dependency on a component waits for its children; a child goes before its parent", () => {
        expect(g.deletedBefore(user.urn, child.urn)).toBe(true);
        expect(g.deletedBefore(child.urn, component.urn)).toBe(true);
        expect(g.deletedBefore(child.urn, user.urn)).toBe(false);
    });
    it("the order lists dependents first", () => {
        const order = g.order();
        expect(order.indexOf(ns.urn)).toBeLessThan(order.indexOf(k8s.urn));
        expect(order.indexOf(k8s.urn)).toBeLessThan(order.indexOf(cluster.urn));
        expect(order.indexOf(user.urn)).toBeLessThan(order.indexOf(child.urn));
    });
});
