import type { PlanResource, PlanViolation } from "./types";
import type { WorkloadRequest } from "../components/capacity";
import { allocatable, totalRequests } from "../components/capacity";
import { launchedInstanceTypes } from "../components/cluster/nodeGroups";
import { REPLICA_SET_OWNERS } from "./workloadTypes";

type Inputs = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Advisory: can the node groups at their maximum size hold every Deployment at its HorizontalPodAutoscaler's
 * maximum? Config validation already refuses stacks whose minimum replicas do not fit; past that, an HPA that
 * cannot reach its maximum is a sizing decision, so the plan says so without failing.
 */
export function hpaCapacityAdvisories(resources: PlanResource[]): PlanViolation[] {
    const nodeGroups = resources.filter((r) => r.type === "aws:eks/nodeGroup:NodeGroup");
    if (nodeGroups.length === 0) return [];
    let milliCpu = 0;
    let memoryBytes = 0;
    for (const g of nodeGroups) {
        const i = g.inputs as Inputs;
        const lt = g.dependencies
            .map((d) => resources.find((r) => r.urn === d))
            .find((d) => d?.type === "aws:ec2/launchTemplate:LaunchTemplate");
        const sizes = launchedInstanceTypes(i, lt?.inputs).map(allocatable);
        if (sizes.length === 0 || sizes.some((a) => a === undefined)) return [];
        const max = Number(i.scalingConfig?.maxSize ?? 0);
        milliCpu += max * Math.min(...sizes.map((a) => a!.milliCpu));
        memoryBytes += max * Math.min(...sizes.map((a) => a!.memoryBytes));
    }
    const hpaMax = new Map<string, number>();
    for (const h of resources.filter((r) => r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler")) {
        const i = h.inputs as Inputs;
        hpaMax.set(`${i.metadata?.namespace}/${i.spec?.scaleTargetRef?.name}`, Number(i.spec?.maxReplicas ?? 0));
    }
    const workloads: WorkloadRequest[] = [];
    for (const d of resources.filter((r) => REPLICA_SET_OWNERS.has(r.type))) {
        const i = d.inputs as Inputs;
        const replicas = hpaMax.get(`${i.metadata?.namespace}/${i.metadata?.name}`) ?? Number(i.spec?.replicas ?? 1);
        for (const c of i.spec?.template?.spec?.containers ?? []) {
            workloads.push({
                replicas,
                cpu: String(c.resources?.requests?.cpu ?? "0"),
                memory: String(c.resources?.requests?.memory ?? "0"),
            });
        }
    }
    if (workloads.length === 0) return [];
    const need = totalRequests(workloads);
    if (need.milliCpu <= milliCpu && need.memoryBytes <= memoryBytes) return [];
    const gib = (b: number) => (b / 2 ** 30).toFixed(1);
    return [
        {
            policy: "strata-cluster-capacity-hpa-max",
            enforcementLevel: "advisory",
            urn: nodeGroups[0].urn,
            message: `at their autoscalers' maximums the Deployments (plus cluster add-ons) request ${(need.milliCpu / 1000).toFixed(1)} vCPU / ${gib(need.memoryBytes)} GiB, more than the node groups offer at maxSize (${(milliCpu / 1000).toFixed(1)} vCPU / ${gib(memoryBytes)} GiB allocatable): pods past that stay Pending; raise strata:cluster.nodeGroups[].maxSize or lower strata:services.<name>.autoscaling.maxReplicas`,
        },
    ];
}
