import * as fs from "fs";
import * as path from "path";
import YAML from "yaml";
import { validateWorkflow } from "@action-validator/core";
import { ROOT, STACKS } from "./helpers";
import { RUNNER_WORKFLOWS } from "../components/cluster/runner";

const DIR = path.join(ROOT, ".github", "workflows");
const files = fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const read = (f: string) => fs.readFileSync(path.join(DIR, f), "utf8");

interface Job {
    uses?: string;
    needs?: string | string[];
    with?: Record<string, unknown>;
    environment?: unknown;
    concurrency?: { group: string; "cancel-in-progress"?: boolean };
    "runs-on"?: string;
    steps?: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }>;
}
interface Workflow {
    name: string;
    on: Record<string, unknown>;
    permissions?: Record<string, string>;
    jobs: Record<string, Job>;
}
const workflow = (f: string) => YAML.parse(read(f)) as Workflow;

describe(".github/workflows", () => {
    test.each(files)("%s validates against the GitHub Actions workflow schema", (f) => {
        expect(validateWorkflow(read(f)).errors).toEqual([]);
    });

    test("the validator can fail: a job without runs-on or steps is refused", () => {
        expect(validateWorkflow("name: x\non: push\njobs:\n  a:\n    timeout-minutes: 1\n").errors.length).toBeGreaterThan(0);
    });

    test("deploy runs dev, then staging, then prod on main, each through the one stack workflow", () => {
        const w = workflow("deploy.yml");
        expect(w.on.push).toEqual({ branches: ["main"] });
        expect(Object.keys(w.jobs)).toEqual([...STACKS]);
        expect(STACKS.map((s) => [w.jobs[s].uses, w.jobs[s].with?.stack, w.jobs[s].needs])).toEqual([
            ["./.github/workflows/deploy-stack.yml", "dev", undefined],
            ["./.github/workflows/deploy-stack.yml", "staging", "dev"],
            ["./.github/workflows/deploy-stack.yml", "prod", "staging"],
        ]);
    });

    test("a stack's deployment: OIDC credentials, its own environment, one at a time per stack, plan before up", () => {
        const w = workflow("deploy-stack.yml");
        expect(w.permissions).toEqual({ "id-token": "write", contents: "read" });
        const jobs = Object.values(w.jobs);
        expect(jobs).toHaveLength(1);
        const [up] = jobs;
        expect(up.environment).toBe("${{ inputs.stack }}");
        expect(up.concurrency).toEqual({ group: "deploy-${{ inputs.stack }}", "cancel-in-progress": false });
        const steps = up.steps!;
        const at = (pred: (s: (typeof steps)[number]) => boolean) => steps.findIndex(pred);
        const plan = at((s) => /npm run -s plan -- --stack \$\{\{ inputs\.stack \}\}/.test(s.run ?? ""));
        const creds = at((s) => (s.uses ?? "").startsWith("aws-actions/configure-aws-credentials@"));
        const pulumiUp = at((s) => (s.uses ?? "").startsWith("pulumi/actions@") && s.with?.command === "up");
        expect(plan).toBeGreaterThan(-1);
        expect(creds).toBeGreaterThan(plan);
        expect(pulumiUp).toBeGreaterThan(creds);
        expect(steps[creds].with).toMatchObject({ "role-to-assume": "${{ vars.AWS_DEPLOY_ROLE_ARN }}" });
        expect(steps[pulumiUp].with).toMatchObject({ policyPacks: "policy", policyPackConfigs: "policy/config/${{ inputs.stack }}.json" });
        // No long-lived AWS keys anywhere.
        expect(read("deploy-stack.yml")).not.toMatch(/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY/);
    });

    test("previews read the cluster from the stack's runner; the offline plan (ci.yml) needs no runner in the VPC", () => {
        const preview = workflow("preview.yml").jobs.preview;
        expect(preview["runs-on"]).toBe("${{ vars[format('RUNNER_LABEL_{0}', matrix.stack)] || 'ubuntu-latest' }}");
        expect(Object.values(workflow("ci.yml").jobs).map((j) => j["runs-on"])).toEqual(["ubuntu-latest", "ubuntu-latest"]);
    });

    test("the runner's webhook takes exactly the workflows that touch the Kubernetes API", () => {
        const names = files.map((f) => workflow(f).name);
        for (const w of RUNNER_WORKFLOWS) expect(names).toContain(w);
        // The reusable stack workflow runs inside the caller's run (workflow name "deploy"), so the webhook sees "deploy".
        expect(workflow("deploy-stack.yml").on).toHaveProperty("workflow_call");
    });
});
