import * as childProcess from "child_process";
import * as path from "path";
import { ROOT, inputs } from "./helpers";

// What a consumer gets from `npm install @strata/platform`: the built JavaScript and type declarations in dist/.
describe("the built package", () => {
    beforeAll(() => {
        const r = childProcess.spawnSync("npm", ["run", "-s", "build"], { cwd: ROOT, encoding: "utf8" });
        if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
    });

    test("exports the components and their types", () => {
        const lib = require(path.join(ROOT, "dist/components"));
        for (const name of ["Platform", "KmsKeys", "Network", "Cluster", "Database", "Cache", "ObjectStore", "Queues", "Services", "Waf", "loadPlatformConfig"]) {
            expect([name, typeof lib[name]]).toEqual([name, "function"]);
        }
        expect(require("fs").existsSync(path.join(ROOT, "dist/components/index.d.ts"))).toBe(true);
    });

    test("another program composes the components, and the compiled offline plan runs it with the policy pack", async () => {
        const { runPlan } = require(path.join(ROOT, "dist/plan"));
        const plan = await runPlan({ root: path.join(ROOT, "tests/fixtures/consumer"), stack: "dev" });
        const vpc = plan.resources.find((r: { type: string }) => r.type === "awsx:ec2:Vpc");
        expect(inputs(vpc).cidrBlock).toBe("10.20.0.0/16");
        expect(plan.outputs.vpcId).toMatch(/^vpc-/);
        expect(plan.violations.filter((v: { enforcementLevel: string }) => v.enforcementLevel === "mandatory")).toEqual([]);
    });
});
