/**
 * `pulumi destroy` of dev and staging completes with nothing orphaned: the graph the program records orders every
 * deletion so that controllers still run while what they manage is deleted.
 */
import { teardownGraph, urnsOfType } from "../../plan/teardown";
import { changedStackFile, ROOT, section } from "./scenario";
import { runPlan } from "../../plan/run";
import type { PlanDocument } from "../../plan/types";

const INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
const RELEASE = "kubernetes:helm.sh/v3:Release";

/** The shipped stack with the web service exposed through an Ingress (host and certificate set). */
function withIngress(stack: "dev" | "staging"): Promise<PlanDocument> {
    const file = changedStackFile(`Pulumi.${stack}.yaml`, (config) => {
        const web = section(config, "services").web as Record<string, unknown>;
        web.ingress = { ...(web.ingress as object), host: "app.example.com", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100" };
    });
    return runPlan({ root: ROOT, configFile: file });
}

describe.each(["dev", "staging"] as const)("teardown of %s", (stack) => {
    let plan: PlanDocument;
    beforeAll(async () => {
        plan = await withIngress(stack);
    });

    const one = (type: string, name?: RegExp) => {
        const urns = urnsOfType(plan, type).filter((u) => !name || name.test(u));
        if (urns.length !== 1) throw new Error(`expected one ${type} ${name ?? ""}, found ${urns.length}`);
        return urns[0];
    };

    it("deletes every Ingress while the load balancer controller still runs (it deletes the ALB and its security groups)", () => {
        const ingresses = urnsOfType(plan, INGRESS);
        expect(ingresses.length).toBeGreaterThan(0);
        const lbc = one(RELEASE, /lb-controller/);
        const g = teardownGraph(plan);
        for (const i of ingresses) expect(g.deletedBefore(i, lbc)).toBe(true);
    });

    it("deletes the load balancer controller before the node groups, the node groups before the cluster, the cluster before the VPC", () => {
        const g = teardownGraph(plan);
        const lbc = one(RELEASE, /lb-controller/);
        const cluster = one("aws:eks/cluster:Cluster");
        const vpc = one("awsx:ec2:Vpc");
        const nodeGroups = urnsOfType(plan, "aws:eks/nodeGroup:NodeGroup");
        expect(nodeGroups.length).toBeGreaterThan(0);
        for (const ng of nodeGroups) {
            expect(g.deletedBefore(lbc, ng)).toBe(true);
            expect(g.deletedBefore(ng, cluster)).toBe(true);
        }
        expect(g.deletedBefore(cluster, vpc)).toBe(true);
    });

    it("deletes every Kubernetes object before the cluster, and every resource placed in the VPC before the VPC", () => {
        const g = teardownGraph(plan);
        const cluster = one("aws:eks/cluster:Cluster");
        const vpc = one("awsx:ec2:Vpc");
        for (const r of plan.resources.filter((x) => x.type.startsWith("kubernetes:") && x.custom)) expect([r.name, g.deletedBefore(r.urn, cluster)]).toEqual([r.name, true]);
        const inVpc = plan.resources.filter((r) => r.custom && JSON.stringify(r.inputs).match(/"(vpcId|subnetIds|subnetId)"/));
        expect(inVpc.length).toBeGreaterThan(3);
        for (const r of inVpc) expect([r.name, g.deletedBefore(r.urn, vpc)]).toEqual([r.name, true]);
    });

    it("the deletion order puts dependents first", () => {
        const order = teardownGraph(plan).order();
        const pos = new Map(order.map((u, i) => [u, i]));
        for (const i of urnsOfType(plan, INGRESS)) expect(pos.get(i)!).toBeLessThan(pos.get(one("aws:eks/cluster:Cluster"))!);
    });
});
