import * as childProcess from "child_process";
import { ROOT, planOf, stackFile } from "./helpers";
import { runPlan, PlanConfigurationError } from "../plan";

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
    const r = childProcess.spawnSync(
        process.execPath,
        [require.resolve("ts-node/dist/bin.js"), "--transpile-only", "plan/cli.ts", ...args],
        {
            cwd: ROOT,
            encoding: "utf8",
            env: { ...process.env, STRATA_PLAN_CACHE: process.env.STRATA_PLAN_CACHE },
        },
    );
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe("offline plan document", () => {
    test("has every documented key, in the documented shapes", async () => {
        const plan = await planOf("dev");
        expect(Object.keys(plan).sort()).toEqual(["cost", "deploy", "outputs", "project", "resources", "stack", "violations"]);
        expect(plan.project).toBe("strata");
        expect(plan.stack).toBe("dev");
        for (const r of plan.resources) {
            expect(Object.keys(r).sort()).toEqual([
                "custom",
                "dependencies",
                "identity",
                "inputs",
                "name",
                "options",
                "parent",
                "propertyDependencies",
                "provider",
                "type",
                "urn",
            ]);
            // The id and the reference strings the diff traces through dependents' inputs.
            if (r.custom && r.type.startsWith("aws:"))
                expect(r.identity!.some((x) => x.startsWith("arn:aws:") || /-[0-9a-z]{6,}$/.test(x))).toBe(true);
            // customTimeouts only where the program sets them (the migration Job).
            const optional = r.type === "kubernetes:batch/v1:Job" ? ["customTimeouts"] : [];
            expect(Object.keys(r.options).sort()).toEqual([
                ...optional,
                "deleteBeforeReplace",
                "ignoreChanges",
                "protect",
                "retainOnDelete",
            ]);
        }
        expect(typeof plan.cost.monthlyUsd).toBe("number");
        expect(plan.cost.priceTable).toMatch(/us-east-1/);
        expect(plan.deploy.criticalPathMinutes).toBeGreaterThan(0);
        expect(plan.deploy.criticalPathMinutes).toBeLessThan(plan.deploy.sumMinutes);
    });

    test("records parents, explicit providers and dependencies as the engine receives them", async () => {
        const plan = await planOf("dev");
        const flow = plan.resources.find((r) => r.type === "aws:ec2/flowLog:FlowLog")!;
        expect(flow.parent).toMatch(/strata:network:Network::strata-dev-network$/);
        expect(flow.provider).toMatch(/^urn:pulumi:dev::strata::.*pulumi:providers:aws::strata-dev-aws::/);
        const role = plan.resources.find((r) => r.type === "aws:iam/role:Role" && r.name.endsWith("flow-logs"))!;
        expect(flow.dependencies).toContain(role.urn);
        expect(flow.propertyDependencies.iamRoleArn).toEqual([role.urn]);
    });

    test("every AWS and Kubernetes resource reaches an explicit provider (the default ones are disabled)", async () => {
        for (const stack of ["dev", "prod"]) {
            const plan = await planOf(stack);
            const missing = plan.resources.filter(
                (r) =>
                    (r.custom || r.type === "awsx:ec2:Vpc") &&
                    /^(aws|awsx|kubernetes):/.test(r.type) &&
                    !r.type.startsWith("pulumi:providers:") &&
                    !r.provider,
            );
            expect(missing.map((r) => r.urn)).toEqual([]);
            expect(plan.violations.filter((v) => v.policy === "pulumi-default-provider-disabled")).toEqual([]);
        }
    });

    test("the AWS provider is pinned to the stack's region and tags everything with the required tags", async () => {
        for (const stack of ["dev", "staging", "prod"]) {
            const plan = await planOf(stack);
            const providers = plan.resources.filter((r) => r.type === "pulumi:providers:aws");
            expect(providers.length).toBeGreaterThan(0);
            const main = providers.find((p) => p.name === `strata-${stack}-aws`)!;
            expect(main.inputs.region).toBe("us-east-1");
            const tags = JSON.parse(main.inputs.defaultTags as string).tags;
            expect(tags).toEqual(
                expect.objectContaining({
                    Project: "strata",
                    Environment: stack,
                    Owner: "platform-team",
                    CostCenter: "engineering",
                    ManagedBy: "pulumi",
                }),
            );
        }
    });

    test("an invoke without an explicit provider is reported, as the engine would fail it", async () => {
        const file = stackFile({ environment: "dev" });
        const plan = await runPlan({
            root: ROOT,
            configFile: file,
            program: "tests/fixtures/invokeWithoutProvider.ts",
            skipPolicies: true,
        });
        const v = plan.violations.filter((x) => x.policy === "pulumi-default-provider-disabled");
        expect(v).toHaveLength(1);
        expect(v[0].message).toMatch(/aws:index\/getCallerIdentity:getCallerIdentity is called without an explicit provider/);
    });

    test("a missing provider mock or a failing program is an error, not an empty plan", async () => {
        const file = stackFile({ environment: "dev" });
        await expect(runPlan({ root: ROOT, configFile: file, program: "tests/fixtures/throws.ts" })).rejects.toThrow(
            /boom from the program/,
        );
    });
});

describe("offline plan CLI", () => {
    test("--json prints the plan document and exits 0 for a clean stack", () => {
        const r = cli(["--stack", "dev", "--json"]);
        expect(r.stderr).not.toMatch(/Error/);
        const doc = JSON.parse(r.stdout);
        expect(doc.stack).toBe("dev");
        expect(doc.resources.find((x: { type: string }) => x.type === "awsx:ec2:Vpc").inputs.natGateways.strategy).toBe("Single");
        expect(r.code).toBe(doc.violations.some((v: { enforcementLevel: string }) => v.enforcementLevel === "mandatory") ? 1 : 0);
    });

    test("the summary names costs, deploy time and policies", () => {
        const r = cli(["--stack", "prod"]);
        expect(r.stdout).toMatch(/Estimated monthly cost: \$[\d,]+\.\d\d/);
        expect(r.stdout).toMatch(/First deploy: about [\d.]+ min on the critical path/);
        expect(r.stdout).toMatch(/Policies: \d+ mandatory violation/);
    });

    test("a bad value exits 2 naming the key, the value and what is allowed; no stack trace; nothing registered", async () => {
        const file = stackFile({ environment: "prod", network: { natGateways: "two" } }, { stack: "bad" });
        const r = cli(["--config-file", file]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('strata:network.natGateways: "two" is not allowed; expected one of: "single", "onePerAz"');
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(r.stdout).toBe("");
        const err = await runPlan({ root: ROOT, configFile: file }).catch((e) => e);
        expect(err).toBeInstanceOf(PlanConfigurationError);
        expect(err.registered).toEqual([]);
    });

    test("unknown arguments exit 2 with usage", () => {
        const r = cli(["--stak", "dev"]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/unknown argument --stak/);
    });
});
