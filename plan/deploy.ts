import type { PlanResource } from "./types";

type Inputs = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Typical creation minutes per resource: the middle of the ranges AWS documents and public `terraform apply` /
 * `pulumi up` logs show (an EKS control plane about 10 minutes, "Creating an Amazon EKS cluster", EKS User Guide; a
 * Multi-AZ RDS instance 15-20; a managed node group 2-3; a NAT gateway 1-2). Anything not listed is an API call of a
 * few seconds.
 */
export function createMinutes(r: PlanResource): number {
    const i = r.inputs as Inputs;
    switch (r.type) {
        case "awsx:ec2:Vpc":
            return 0.5 + 0.15 + (i.natGateways?.strategy === "None" ? 0 : 1.75); // VPC, subnets, NAT gateways (in parallel)
        case "aws:eks/cluster:Cluster":
            return 10;
        case "aws:eks/nodeGroup:NodeGroup":
            return 2.5;
        case "aws:eks/addon:Addon":
            return 0.75;
        case "aws:rds/instance:Instance":
            return i.replicateSourceDb ? 8 : i.multiAz ? 17.5 : 8;
        case "aws:rds/proxy:Proxy":
            return 5;
        case "aws:elasticache/replicationGroup:ReplicationGroup":
            return Number(i.numCacheClusters ?? 1) > 1 && i.multiAzEnabled ? 14 : 8;
        // DocumentDB: the cluster (storage volume) in minutes, each instance about 10 more; instances start in parallel.
        case "aws:docdb/cluster:Cluster":
            return 3;
        case "aws:docdb/clusterInstance:ClusterInstance":
            return 10;
        case "aws:kms/key:Key":
            return 0.35;
        case "aws:ec2/vpcEndpoint:VpcEndpoint":
            return i.vpcEndpointType === "Interface" ? 1.5 : 0.2;
        case "kubernetes:helm.sh/v3:Release":
            return 1.5;
        case "kubernetes:networking.k8s.io/v1:Ingress":
            return 2.75; // the controller provisions an ALB
        case "kubernetes:apps/v1:Deployment":
            return 1;
        case "kubernetes:batch/v1:Job":
            return 1.5; // image pull, the run itself (a schema migration), completion reported
        default:
            if (!r.custom || r.type.startsWith("pulumi:providers:")) return 0;
            return 0.1;
    }
}

/**
 * First-deploy estimate: Pulumi creates a resource once everything it depends on exists, so the deploy takes as long
 * as the longest chain of creation times through the dependency graph (a dependency on a component waits for all
 * of the component's resources), not the sum.
 */
export function estimateDeploy(resources: PlanResource[]): { criticalPathMinutes: number; sumMinutes: number; path: string[] } {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const children = new Map<string, string[]>();
    for (const r of resources) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r.urn]);

    const finish = new Map<string, { at: number; via: string[] }>();
    const visiting = new Set<string>();

    const done = (urn: string): { at: number; via: string[] } => {
        const cached = finish.get(urn);
        if (cached) return cached;
        const r = byUrn.get(urn);
        if (!r || visiting.has(urn)) return { at: 0, via: [] };
        visiting.add(urn);
        let start = { at: 0, via: [] as string[] };
        for (const d of r.dependencies) {
            const f = done(d);
            if (f.at > start.at) start = f;
        }
        let result: { at: number; via: string[] };
        const own = createMinutes(r);
        if (!r.custom && r.type !== "awsx:ec2:Vpc") {
            // A component is done when its resources are.
            result = start;
            for (const c of children.get(urn) ?? []) {
                const f = done(c);
                if (f.at > result.at) result = f;
            }
        } else {
            result = own > 0 ? { at: start.at + own, via: [...start.via, urn] } : start;
        }
        visiting.delete(urn);
        finish.set(urn, result);
        return result;
    };

    let best = { at: 0, via: [] as string[] };
    for (const r of resources) {
        const f = done(r.urn);
        if (f.at > best.at) best = f;
    }
    const sum = resources.reduce((s, r) => s + createMinutes(r), 0);
    const round = (n: number) => Math.round(n * 10) / 10;
    return { criticalPathMinutes: round(best.at), sumMinutes: round(sum), path: best.via };
}
