import { allocatable, instanceCapacity, nodesNeeded, totalRequests } from "../components/capacity";
import { configProblems, planOfFile } from "./helpers";

describe("node capacity", () => {
    test.each([
        ["t3.medium", 2, 4],
        ["t3.small", 2, 2],
        ["m6i.large", 2, 8],
        ["m6i.xlarge", 4, 16],
        ["m7g.2xlarge", 8, 32],
        ["c6i.xlarge", 4, 8],
        ["r6i.large", 2, 16],
    ])("%s has %i vCPU and %i GiB", (type, vcpu, mem) => {
        expect(instanceCapacity(type)).toEqual({ vcpu, memoryGiB: mem });
    });

    test("families it does not model are not guessed", () => {
        expect(instanceCapacity("g5.xlarge")).toBeUndefined();
        expect(allocatable("p4d.24xlarge")).toBeUndefined();
    });

    test("nodes needed counts whichever of CPU and memory needs more", () => {
        const need = totalRequests([{ replicas: 10, cpu: "500m", memory: "128Mi" }]); // CPU-bound
        expect(nodesNeeded("m6i.large", need)).toBe(Math.ceil((5000 + 900) / 1750));
    });
});

describe("services must fit the node groups at their maximum size", () => {
    const base = {
        "aws:region": "us-east-1",
        "strata:environment": "dev",
        "strata:cluster": JSON.stringify({
            nodeGroups: [{ name: "system", instanceTypes: ["t3.medium"], capacityType: "SPOT", minSize: 1, maxSize: 2 }],
        }),
    };
    const svc = (replicas: number) =>
        JSON.stringify({
            api: {
                image: "hashicorp/http-echo:0.2.3",
                port: 8080,
                replicas,
                resources: { requests: { cpu: "500m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
            },
        });
    const problems = (raw: Record<string, string>) => configProblems(raw);

    test("fits: no problem", () => {
        expect(problems({ ...base, "strata:services": svc(2) })).toEqual([]);
    });

    test("does not fit: the error says how much is requested and offered, and what to change", () => {
        expect(problems({ ...base, "strata:services": svc(8) })).toEqual([
            "strata:services: at their minimum replicas the services (plus cluster add-ons) request 4.9 vCPU and 3.3 GiB, more than strata:cluster.nodeGroups can offer at maxSize (3.5 vCPU, 5.5 GiB allocatable); raise a node group's maxSize or instance size, or lower replicas or requests",
        ]);
    });
});

describe("the cost estimate counts the nodes the autoscaler adds for the minimum replicas", () => {
    test("seed 004 prod needs more than its 3 desired m6i.xlarge nodes", async () => {
        const plan = await planOfFile("blueprints/seed-004-business-hub/Pulumi.prod.yaml");
        const extra = plan.cost.items.find((i) => /the cluster autoscaler adds/.test(i.basis));
        expect(extra).toBeDefined();
        expect(extra!.basis).toMatch(/^\d+ more x m6i\.xlarge/);
        expect(extra!.monthlyUsd).toBeGreaterThan(0);
    });
});
