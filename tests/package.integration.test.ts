import * as childProcess from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { PlanDocument, render as renderType, RunPlanOptions } from "../plan";
import type * as components from "../components";
import { ROOT, TEST_ACCESS_ROUTE, TEST_DEPLOYER_ARN, inputs } from "./helpers";

// What a consumer gets from `npm install @strata/platform`: the built JavaScript and type declarations in dist/.
// One build for the whole file (jest runs test files in parallel: a second build would delete this one's dist/).
beforeAll(() => {
    const r = childProcess.spawnSync("npm", ["run", "-s", "build"], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
});

describe("the built package", () => {
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
                "strata:cluster": JSON.stringify({ deployerPrincipalArn: TEST_DEPLOYER_ARN, access: TEST_ACCESS_ROUTE }),
            },
            { project: "strata", stack: "dev" },
        );
        const base = { naming: cfg.naming, environment: cfg.environment, protection: cfg.protection, defaultTags: cfg.defaultTags };
        const r = await render(
            ({ awsProvider }) =>
                new lib.KmsKeys("keys", { ...base, ...cfg.kms, region: "us-east-1" }, { providers: { aws: awsProvider() } }),
        );
        expect(r.ofType("aws:kms/key:Key").map((k) => [k.name, k.inputs.enableKeyRotation])).toEqual(
            [...lib.KEY_PURPOSES].map((p) => [`strata-dev-kms-${p}`, true]),
        );
        expect(r.violations).toEqual([]);
    });
});

/**
 * The package as a consumer gets it: `npm pack`, installed into a new TypeScript program next to the @pulumi/*
 * versions the consumer chose, at the declared minimum (the lower bounds of peerDependencies) and at the newest
 * version tested (tests/fixtures/tested-versions.json). The program type-checks under moduleResolution "node",
 * one copy of @pulumi/pulumi is installed, the compiled offline plan runs the TypeScript program, and the policy
 * pack loads from the installed package.
 */

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    peerDependencies: Record<string, string>;
    devDependencies: Record<string, string>;
};
const tested = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/tested-versions.json"), "utf8")) as {
    latest: Record<string, string>;
};
/** The lower bound of each peer range (">=3.248.0 <4" -> 3.248.0). */
const minimum = Object.fromEntries(Object.entries(pkg.peerDependencies).map(([k, range]) => [k, /^>=(\S+)/.exec(range)![1]]));

function run(cmd: string, args: string[], cwd: string): string {
    const r = childProcess.spawnSync(cmd, args, {
        cwd,
        encoding: "utf8",
        env: { ...process.env, npm_config_fund: "false", npm_config_audit: "false" },
    });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
}

let tarball: string;
beforeAll(() => {
    const dest = fs.mkdtempSync(path.join(os.tmpdir(), "strata-pack-"));
    const out = JSON.parse(run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dest], ROOT)) as Array<{
        filename: string;
        files: Array<{ path: string }>;
    }>;
    tarball = path.join(dest, out[0].filename);
    packedFiles = out[0].files.map((f) => f.path);
});
let packedFiles: string[] = [];

test("the tarball holds the library, the plan tool, the policy pack and the licence", () => {
    for (const f of [
        "LICENSE",
        "package.json",
        "dist/components/index.js",
        "dist/plan/index.d.ts",
        "dist/policy/PulumiPolicy.yaml",
        "dist/policy/package.json",
        "dist/policy/index.js",
        "policy/config/prod.json",
    ])
        expect([f, packedFiles.includes(f)]).toEqual([f, true]);
    expect(packedFiles.some((f) => f.startsWith("tests/") || (f.endsWith(".ts") && !f.endsWith(".d.ts")))).toBe(false);
});

describe.each([
    ["the declared minimum", { ...minimum }],
    ["the newest tested", { ...minimum, ...tested.latest }],
])("installed with %s of @pulumi/*", (_label, versions) => {
    let dir: string;
    beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-consumer-"));
        for (const f of ["index.ts", "Pulumi.yaml", "Pulumi.dev.yaml", "tsconfig.json"])
            fs.copyFileSync(path.join(ROOT, "tests/fixtures/ts-consumer", f), path.join(dir, f));
        const dependencies = {
            "@strata/platform": `file:${tarball}`,
            ...versions,
            typescript: pkg.devDependencies.typescript,
            "ts-node": pkg.devDependencies["ts-node"],
            "@types/node": pkg.devDependencies["@types/node"],
        };
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "shop", private: true, dependencies }, null, 2));
        // Install scripts are not run (they download provider plugins); the offline plan needs none.
        run("npm", ["install", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"], dir);
    }, 600_000);

    test("one copy of @pulumi/pulumi, at the chosen version", () => {
        const tree = JSON.parse(run("npm", ["ls", "@pulumi/pulumi", "--all", "--json"], dir)) as object;
        const found = new Set<string>();
        const walk = (node: { dependencies?: Record<string, { version?: string; dependencies?: object }> }) => {
            for (const [name, child] of Object.entries(node.dependencies ?? {})) {
                if (name === "@pulumi/pulumi" && child.version) found.add(child.version);
                walk(child as never);
            }
        };
        walk(tree as never);
        expect([...found]).toEqual([versions["@pulumi/pulumi"]]);
    });

    test.each([
        ["node", "commonjs"],
        ["node16", "node16"],
        ["bundler", "esnext"],
    ])("the TypeScript program type-checks under moduleResolution %s", (resolution, module) => {
        run(path.join(dir, "node_modules/.bin/tsc"), ["-p", "tsconfig.json", "--moduleResolution", resolution, "--module", module], dir);
    });

    test("the installed offline plan runs the TypeScript program (no program option) with the policy pack", async () => {
        const lib = (await import(path.join(dir, "node_modules/@strata/platform/dist/plan"))) as {
            runPlan(o: RunPlanOptions): Promise<PlanDocument>;
        };
        const plan = await lib.runPlan({ root: dir, stack: "dev", environment: "dev" });
        const vpc = plan.resources.find((r) => r.type === "awsx:ec2:Vpc")!;
        expect(vpc.inputs.cidrBlock).toBe("10.20.0.0/16");
        expect(plan.outputs.vpcId).toMatch(/^vpc-/);
        expect(plan.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
        // The policy level is an option: judged as prod, the resources tagged Environment=dev are refused.
        const asProd = await lib.runPlan({ root: dir, stack: "dev", environment: "dev", policyEnvironment: "prod" });
        const mandatory = asProd.violations.filter((v) => v.enforcementLevel === "mandatory");
        expect(mandatory.length).toBeGreaterThan(0);
        expect(new Set(mandatory.map((v) => v.message))).toEqual(
            new Set(["tag Environment is 'dev' but this stack's environment is 'prod'."]),
        );
    }, 120_000);

    test("the policy pack loads from the installed package and has every policy", async () => {
        const packDir = path.join(dir, "node_modules/@strata/platform/dist/policy");
        const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as { main: string };
        expect(fs.existsSync(path.join(packDir, manifest.main))).toBe(true);
        expect(fs.readFileSync(path.join(packDir, "PulumiPolicy.yaml"), "utf8")).toMatch(/^runtime: nodejs$/m);
        const installed = (await import(path.join(packDir, "policies"))) as { policies: Array<{ name: string }> };
        const source = (await import("../policy/policies")) as { policies: Array<{ name: string }> };
        expect(installed.policies.map((p) => p.name)).toEqual(source.policies.map((p) => p.name));
    });
});
