/**
 * `pulumi destroy` of dev and staging completes with nothing orphaned: the graph the program records orders every
 * deletion so that controllers still run while what they manage is deleted.
 */
import { teardownGraph, urnsOfType } from "../../plan/teardown";
import { actions, change, changedStackFile, ROOT, scenario, section, type StackConfig } from "./scenario";
import { runPlan } from "../../plan/run";
import type { PlanDocument } from "../../plan/types";

const INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";
const RELEASE = "kubernetes:helm.sh/v3:Release";

/** Exposes the web service through an Ingress (host and certificate set). */
function exposeWeb(config: StackConfig): void {
    const web = section(config, "services").web as Record<string, unknown>;
    web.ingress = {
        ...(web.ingress as object),
        host: "app.example.com",
        certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100",
    };
}

/** The shipped stack with the web service exposed through an Ingress. */
function withIngress(stack: "dev" | "staging"): Promise<PlanDocument> {
    return runPlan({ root: ROOT, configFile: changedStackFile(`Pulumi.${stack}.yaml`, exposeWeb) });
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
        for (const r of plan.resources.filter((x) => x.type.startsWith("kubernetes:") && x.custom))
            expect([r.name, g.deletedBefore(r.urn, cluster)]).toEqual([r.name, true]);
        const inVpc = plan.resources.filter((r) => r.custom && JSON.stringify(r.inputs).match(/"(vpcId|subnetIds|subnetId)"/));
        expect(inVpc.length).toBeGreaterThan(3);
        for (const r of inVpc) expect([r.name, g.deletedBefore(r.urn, vpc)]).toEqual([r.name, true]);
    });

    const addon = (name: string) => {
        const found = plan.resources.filter((r) => r.type === "aws:eks/addon:Addon" && r.inputs.addonName === name);
        if (found.length !== 1) throw new Error(`expected one ${name} add-on, found ${found.length}`);
        return found[0].urn;
    };

    it("EBS volumes of PVCs: the StorageClass goes before the EBS CSI driver, the driver before the node groups; dev and staging reclaim (Delete)", () => {
        const g = teardownGraph(plan);
        const sc = one("kubernetes:storage.k8s.io/v1:StorageClass");
        const csi = addon("aws-ebs-csi-driver");
        expect(g.deletedBefore(sc, csi)).toBe(true);
        for (const ng of urnsOfType(plan, "aws:eks/nodeGroup:NodeGroup")) expect(g.deletedBefore(csi, ng)).toBe(true);
        expect(plan.resources.find((r) => r.urn === sc)!.inputs.reclaimPolicy).toBe("Delete");
    });

    it("EC2 instances the cluster autoscaler launches: the autoscaler goes before the node groups, whose deletion terminates their instances", () => {
        const g = teardownGraph(plan);
        const autoscaler = one(RELEASE, /autoscaler/);
        for (const ng of urnsOfType(plan, "aws:eks/nodeGroup:NodeGroup")) expect(g.deletedBefore(autoscaler, ng)).toBe(true);
    });

    it("ENIs the VPC CNI attaches: the node groups (their instances, and the ENIs with them) go before the vpc-cni add-on", () => {
        const g = teardownGraph(plan);
        const cni = addon("vpc-cni");
        for (const ng of urnsOfType(plan, "aws:eks/nodeGroup:NodeGroup")) expect(g.deletedBefore(ng, cni)).toBe(true);
        expect(g.deletedBefore(cni, one("aws:eks/cluster:Cluster"))).toBe(true);
    });

    it("log groups the agents write to are the stack's, deleted after their writers: the control plane's after the cluster, Container Insights' after the add-on", () => {
        const g = teardownGraph(plan);
        const groups = plan.resources.filter((r) => r.type === "aws:cloudwatch/logGroup:LogGroup");
        const named = (prefix: string) => groups.filter((r) => String(r.inputs.name).startsWith(prefix)).map((r) => r.urn);
        const cluster = one("aws:eks/cluster:Cluster");
        const controlPlane = named("/aws/eks/");
        expect(controlPlane).toHaveLength(1);
        expect(g.deletedBefore(cluster, controlPlane[0])).toBe(true);
        const insights = named("/aws/containerinsights/");
        const observability = plan.resources.filter(
            (r) => r.type === "aws:eks/addon:Addon" && r.inputs.addonName === "amazon-cloudwatch-observability",
        );
        expect(insights.length).toBe(observability.length * 4);
        for (const a of observability) for (const lg of insights) expect(g.deletedBefore(a.urn, lg)).toBe(true);
    });

    it("the deletion order puts dependents first", () => {
        const order = teardownGraph(plan).order();
        const pos = new Map(order.map((u, i) => [u, i]));
        for (const i of urnsOfType(plan, INGRESS)) expect(pos.get(i)!).toBeLessThan(pos.get(one("aws:eks/cluster:Cluster"))!);
    });
});

/**
 * The first step of a prod teardown: protection off in config (Pulumi protect, ALB deletion protection, RDS deletion
 * protection), then `pulumi up`. That step only updates: nothing is replaced or deleted before `pulumi destroy`.
 */
describe("prod teardown, step 1: protection off and applied", () => {
    let diffed: PlanDocument;
    beforeAll(async () => {
        const before = changedStackFile("Pulumi.prod.yaml", exposeWeb);
        const after = changedStackFile("Pulumi.prod.yaml", (config) => {
            exposeWeb(config);
            Object.assign(section(config, "protection"), { protect: false, loadBalancerDeletionProtection: false });
            section(config, "database").deletionProtection = false;
            // Prod refuses both without exceptions naming the policies they pre-empt: a teardown states why and until when.
            config["strata:exceptions"] = [
                {
                    rule: "pulumi-stateful-resource-require-protect",
                    target: "strata-prod-*",
                    reason: "stack torn down (ticket OPS-1)",
                    expires: "2026-12-15",
                },
                {
                    rule: "aws-rds-instance-cluster-require-deletion-protection",
                    target: "strata-prod-postgres",
                    reason: "stack torn down (ticket OPS-1)",
                    expires: "2026-12-15",
                },
            ];
        });
        diffed = (await scenario(before, after)).diffed;
    });

    it("updates only", () => {
        const a = actions(diffed);
        expect(Object.keys(a).length).toBeGreaterThan(3);
        expect(Object.entries(a).filter(([, action]) => action !== "update")).toEqual([]);
    });

    it("the Ingress's ALB attributes turn deletion protection off (the controller applies it, then can delete the ALB)", () => {
        const ingress = diffed.resources.filter((r) => r.type === INGRESS);
        expect(ingress).toHaveLength(1);
        const c = change(diffed, ingress[0].name);
        expect([c.action, c.changedInputs]).toEqual(["update", ["metadata"]]);
        const annotations = (ingress[0].inputs.metadata as { annotations: Record<string, string> }).annotations;
        expect(annotations["alb.ingress.kubernetes.io/load-balancer-attributes"]).toMatch(/deletion_protection\.enabled=false/);
    });

    it("the primary database's deletion protection goes off, in place", () => {
        const primary = diffed.resources.filter(
            (r) => r.type === "aws:rds/instance:Instance" && r.inputs.deletionProtection === false && !r.inputs.replicateSourceDb,
        );
        expect(primary).toHaveLength(1);
        const c = diffed.diff!.changes.find((x) => x.urn === primary[0].urn)!;
        expect([c.action, c.changedInputs]).toEqual(["update", ["deletionProtection"]]);
    });

    it("no resource stays protected", () => {
        expect(diffed.resources.filter((r) => r.options.protect).map((r) => r.name)).toEqual([]);
    });
});
