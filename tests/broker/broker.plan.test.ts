import type { PlanDocument } from "../../plan";
import { transitiveDependencies } from "../../plan";
import { one, ofType, planOfFile } from "../helpers";

const SEED = "blueprints/seed-004-business-hub/Pulumi.prod.yaml";

describe("seed 004 prod: the business hub's RabbitMQ broker", () => {
    let plan: PlanDocument;
    beforeAll(async () => {
        plan = await planOfFile(SEED);
    });

    test("a private cluster-multi-AZ broker in the isolated subnets, with zero mandatory violations", () => {
        const b = one(plan, "aws:mq/broker:Broker");
        expect(b.inputs).toMatchObject({ deploymentMode: "CLUSTER_MULTI_AZ", publiclyAccessible: false, engineType: "RabbitMQ" });
        expect([...(b.inputs.subnetIds as string[])].sort()).toEqual([...(plan.outputs.isolatedSubnetIds as string[])].sort());
        expect(plan.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
    });

    test("each broker service has a user Job, waits for it, and gets BROKER_URL as a secret", () => {
        const jobs = ofType(plan, "kubernetes:batch/v1:Job").filter((j) =>
            /-mq-users-[0-9a-f]{8}$/.test(String((j.inputs.metadata as { name: string }).name)),
        );
        expect(jobs.map((j) => (j.inputs.metadata as { namespace: string }).namespace).sort()).toEqual(
            ["audityzer-eu", "bakhmach-hub", "black-sea-corridor", "cannabis-infusion", "debt-defense", "slon-credit"].sort(),
        );
        const deployment = ofType(plan, "kubernetes:apps/v1:Deployment").find(
            (d) => (d.inputs.metadata as { name: string }).name === "slon-finance",
        )!;
        const slonJob = jobs.find((j) => (j.inputs.metadata as { namespace: string }).namespace === "slon-credit")!;
        expect(transitiveDependencies(plan, deployment.urn)).toContain(slonJob.urn);
        const secrets = ofType(plan, "kubernetes:core/v1:Secret").filter(
            (s) => (s.inputs.metadata as { namespace?: string }).namespace === "slon-credit" && s.inputs.stringData !== undefined,
        );
        expect(secrets.length).toBeGreaterThan(0);
        // auth-service declares no broker: no Job in hub-shared.
        expect(jobs.some((j) => (j.inputs.metadata as { namespace: string }).namespace === "hub-shared")).toBe(false);
    });
});
