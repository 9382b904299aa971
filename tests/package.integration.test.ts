import * as childProcess from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { PlanDocument, render as renderType, RunPlanOptions } from "../plan";
import type * as components from "../components";
import { ROOT, TEST_DEPLOYER_ARN, inputs } from "./helpers";

// What a consumer gets from `npm install @strata/platform`: the built JavaScript and type declarations in dist/.
describe("the built package", () => {
    beforeAll(() => {
        const r = childProcess.spawnSync("npm", ["run", "-s", "build"], { cwd: ROOT, encoding: "utf8" });
        if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
    });

    test("exports the components and their types", async () => {
        const lib = (await import(path.join(ROOT, "dist/components"))) as Record<string, unknown>;
        for (const name of [
            "Platform",
            "KmsKeys",
            "Network",
            "Cluster",
            "Database",
            "Cache",
            "ObjectStore",
            "Queues",
            "Services",
            "Waf",
            "loadPlatformConfig",
        ]) {
            expect([name, typeof lib[name]]).toEqual([name, "function"]);
        }
        expect(fs.existsSync(path.join(ROOT, "dist/components/index.d.ts"))).toBe(true);
    });

    test("another program composes the components, and the compiled offline plan runs it with the policy pack", async () => {
        // The compiled plan tool, as a consumer loads it (not this source tree's).
        const { runPlan } = (await import(path.join(ROOT, "dist/plan"))) as { runPlan(o: RunPlanOptions): Promise<PlanDocument> };
        const plan = await runPlan({ root: path.join(ROOT, "tests/fixtures/consumer"), stack: "dev" });
        const vpc = plan.resources.find((r) => r.type === "awsx:ec2:Vpc")!;
        expect(inputs(vpc).cidrBlock).toBe("10.20.0.0/16");
        expect(plan.outputs.vpcId).toMatch(/^vpc-/);
        expect(plan.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
    });

    test("a consumer tests a component of its own with the compiled render harness", async () => {
        const { render } = (await import(path.join(ROOT, "dist/plan"))) as { render: typeof renderType };
        const lib = (await import(path.join(ROOT, "dist/components"))) as typeof components;
        const cfg = lib.loadPlatformConfig(
            {
                "aws:region": "us-east-1",
                "strata:environment": "dev",
                "strata:cluster": JSON.stringify({ deployerPrincipalArn: TEST_DEPLOYER_ARN }),
            },
            { project: "strata", stack: "dev" },
        );
        const base = { naming: cfg.naming, environment: cfg.environment, protection: cfg.protection, defaultTags: cfg.defaultTags };
        const r = await render(
            ({ awsProvider }) =>
                new lib.KmsKeys("keys", { ...base, ...cfg.kms, region: "us-east-1" }, { providers: { aws: awsProvider() } }),
        );
        expect(r.ofType("aws:kms/key:Key").map((k) => [k.name, k.inputs.enableKeyRotation])).toEqual(
            ["cluster", "ebs", "data", "logs"].map((p) => [`strata-dev-kms-${p}`, true]),
        );
        expect(r.violations).toEqual([]);
    });
});
