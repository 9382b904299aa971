/** The plan's advisory when the node groups at maxSize cannot hold the Deployments at their HPA maximums (a whole program). */
import { planOfFile, tempStackFile } from "../helpers";

describe("the plan warns when autoscalers cannot reach their maximum", () => {
    test("an HPA whose maximum does not fit the node groups at maxSize is an advisory, not a failure", async () => {
        const yaml = [
            "config:",
            "  aws:region: us-east-1",
            "  strata:environment: dev",
            `  strata:cluster: ${JSON.stringify({ nodeGroups: [{ name: "system", instanceTypes: ["t3.medium"], capacityType: "SPOT", minSize: 1, maxSize: 2 }] })}`,
            `  strata:services: ${JSON.stringify({
                api: {
                    image: "hashicorp/http-echo:1.0.0",
                    port: 8080,
                    autoscaling: { minReplicas: 1, maxReplicas: 10 },
                    resources: { requests: { cpu: "500m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
                },
            })}`,
        ].join("\n");
        const plan = await planOfFile(tempStackFile("dev", yaml));
        const v = plan.violations.filter((x) => x.policy === "strata-cluster-capacity-hpa-max");
        expect(v).toHaveLength(1);
        expect(v[0].enforcementLevel).toBe("advisory");
        expect(v[0].message).toMatch(/request 5\.9 vCPU .* more than the node groups offer at maxSize \(3\.5 vCPU/);
    });
});
