import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import YAML from "yaml";
import { validateWorkflow } from "@action-validator/core";
import { ROOT, STACKS } from "./helpers";
import { RUNNER_WORKFLOWS } from "../components/cluster/runner";
import { planCommentMarker } from "../scripts/plan-comment";

const DIR = path.join(ROOT, ".github", "workflows");
const files = fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const read = (f: string) => fs.readFileSync(path.join(DIR, f), "utf8");

interface Step {
    id?: string;
    name?: string;
    uses?: string;
    run?: string;
    if?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
}
interface Job {
    uses?: string;
    needs?: string | string[];
    with?: Record<string, unknown>;
    environment?: unknown;
    concurrency?: { group: string; "cancel-in-progress"?: boolean };
    "runs-on"?: string;
    permissions?: Record<string, string>;
    strategy?: { "fail-fast"?: boolean; matrix: Record<string, unknown> };
    steps?: Step[];
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
        expect(steps[pulumiUp].with).toMatchObject({
            policyPacks: "policy",
            policyPackConfigs: "policy/config/stacks/${{ inputs.stack }}.json",
        });
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

/** Runs a workflow step's `run` script as GitHub's bash does, with stub commands in front of PATH. */
function runStep(script: string, env: Record<string, string>, stubs: Record<string, string>) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "step-"));
    const bin = path.join(dir, "bin");
    fs.mkdirSync(bin);
    for (const [name, body] of Object.entries(stubs)) fs.writeFileSync(path.join(bin, name), `#!/bin/bash\n${body}\n`, { mode: 0o755 });
    const file = path.join(dir, "step.sh");
    fs.writeFileSync(file, script);
    const vars = {
        LOG: path.join(dir, "log"),
        RUNNER_TEMP: dir,
        GITHUB_OUTPUT: path.join(dir, "output"),
        GITHUB_STEP_SUMMARY: path.join(dir, "summary"),
    };
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", file], {
        cwd: ROOT,
        encoding: "utf8",
        env: { PATH: `${bin}:${process.env.PATH}`, HOME: dir, ROOT, ...vars, ...env },
    });
    const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "");
    const outputs = Object.fromEntries(
        read(vars.GITHUB_OUTPUT)
            .split("\n")
            .filter(Boolean)
            .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    return {
        status: r.status,
        stdout: r.stdout,
        stderr: r.stderr,
        outputs,
        log: read(vars.LOG),
        summary: read(vars.GITHUB_STEP_SUMMARY),
        dir,
        read,
    };
}

describe("plan.yml: the offline plan of each stack diffed against the base, in the job summary and a PR comment", () => {
    const w = workflow("plan.yml");
    const job = w.jobs.plan;
    const steps = job.steps!;
    const step = (id: string) => steps.find((s) => s.id === id)!;
    const comment = steps.find((s) => (s.uses ?? "").startsWith("actions/github-script@"))!;

    test("runs on pull requests, per root stack as a matrix, on a hosted runner (no VPC access needed)", () => {
        expect(Object.keys(w.on)).toEqual(["pull_request"]);
        expect(Object.keys(w.jobs)).toEqual(["plan"]);
        expect(job.strategy).toEqual({ "fail-fast": false, matrix: { stack: [...STACKS] } });
        expect(job["runs-on"]).toBe("ubuntu-latest");
        expect(RUNNER_WORKFLOWS).not.toContain(w.name as never);
        // A newer push cancels the older run of that stack, which would otherwise overwrite the newer comment.
        expect(job.concurrency).toEqual({
            group: "plan-${{ github.event.pull_request.number }}-${{ matrix.stack }}",
            "cancel-in-progress": true,
        });
    });

    test("least privilege: contents read everywhere, pull-requests write only on the job that posts the comment", () => {
        expect(w.permissions).toEqual({ contents: "read" });
        const writers = Object.entries(w.jobs).filter(([, j]) => j.permissions?.["pull-requests"] === "write");
        const commenters = Object.entries(w.jobs).filter(([, j]) =>
            (j.steps ?? []).some((s) => /createComment/.test(String(s.with?.script ?? ""))),
        );
        expect(writers.map(([n]) => n)).toEqual(commenters.map(([n]) => n));
        expect(job.permissions).toEqual({ contents: "read", "pull-requests": "write" });
        // The checkout leaves no token in .git/config for the code (and npm install scripts) the PR brings.
        expect(steps[0]).toEqual({ uses: "actions/checkout@v4", with: { "fetch-depth": 2, "persist-credentials": false } });
    });

    test("order: base plan, then the head's install, the head plan against it, then the comment", () => {
        const at = (pred: (s: Step) => boolean) => steps.findIndex(pred);
        const install = at((s) => s.run === "npm ci --no-audit --no-fund");
        expect([at((s) => s.id === "base"), install, at((s) => s.id === "plan"), steps.indexOf(comment)]).toEqual([2, 3, 4, 5]);
    });

    test("the base plan: the merge's first parent in a worktree, its own npm ci and program and config", () => {
        const base = step("base");
        expect(base.env).toEqual({ STACK: "${{ matrix.stack }}", EVENT_BASE_SHA: "${{ github.event.pull_request.base.sha }}" });
        expect(base.run).toContain('base="$(git rev-parse HEAD^1)"');
        expect(base.run).toContain('git worktree add --detach "$RUNNER_TEMP/base" "$base"');
        expect(base.run).toContain('(cd "$RUNNER_TEMP/base" && npm run -s plan -- --stack "$STACK" --json > "$RUNNER_TEMP/base.json")');
    });

    describe("the base step never fails the job; without a usable base plan it says why", () => {
        const base = step("base").run!;
        const SHA = "c".repeat(40);
        const DOC = JSON.stringify({ project: "strata", stack: "dev", resources: [], cost: { monthlyUsd: 0, items: [] } });
        const stubs = {
            git: [
                'echo "git $*" >> "$LOG"',
                'if [ "$1" = rev-parse ]; then echo "$FAKE_BASE"; fi',
                'if [ "$1" = worktree ]; then mkdir -p "$4"; if [ -n "$FAKE_STACK_FILE" ]; then touch "$4/$FAKE_STACK_FILE"; fi; fi',
            ].join("\n"),
            npm: [
                'echo "$(pwd) npm $*" >> "$LOG"',
                '[ "$1" = ci ] && exit 0',
                'printf "%s" "$FAKE_PLAN_OUT"',
                'exit "${FAKE_PLAN_CODE:-0}"',
            ].join("\n"),
        };
        const run = (env: Record<string, string>) =>
            runStep(base, { STACK: "dev", EVENT_BASE_SHA: SHA, FAKE_BASE: SHA, FAKE_STACK_FILE: "Pulumi.dev.yaml", ...env }, stubs);

        test("a clean base plan: ok, planned with the base's own install in the base worktree", () => {
            const r = run({ FAKE_PLAN_OUT: DOC, FAKE_PLAN_CODE: "0" });
            expect(r.status).toBe(0);
            expect(r.outputs).toEqual({ sha: SHA, ok: "true" });
            expect(r.log).toContain(`git worktree add --detach ${r.dir}/base ${SHA}`);
            expect(r.log).toContain(`${r.dir}/base npm ci --no-audit --no-fund`);
            expect(r.log).toContain(`${r.dir}/base npm run -s plan -- --stack dev --json`);
            expect(JSON.parse(r.read(path.join(r.dir, "base.json")))).toMatchObject({ stack: "dev" });
        });
        test("a base with a mandatory finding (exit 1 with a document) is still the base", () => {
            expect(run({ FAKE_PLAN_OUT: DOC, FAKE_PLAN_CODE: "1" }).outputs.ok).toBe("true");
        });
        test.each([
            ["no stack file", { FAKE_STACK_FILE: "" }, "the base has no Pulumi.dev.yaml"],
            ["bad config", { FAKE_PLAN_OUT: "", FAKE_PLAN_CODE: "2" }, "the base plan failed (exit 2)"],
            ["a failing program", { FAKE_PLAN_OUT: "", FAKE_PLAN_CODE: "1" }, "the base plan failed (exit 1)"],
            ["not a plan document", { FAKE_PLAN_OUT: '{"ok": false}', FAKE_PLAN_CODE: "0" }, "the base plan failed (exit 0)"],
        ])("%s: no base plan, with the reason, and the step succeeds", (_, env, reason) => {
            const r = run(env);
            expect(r.status).toBe(0);
            expect(r.outputs).toEqual({ sha: SHA, ok: "false", reason });
            expect(r.stdout).toContain(`::warning::no base plan for dev: ${reason}`);
        });
        test("a newer base than the event's base.sha is noticed, and the merge's parent is used", () => {
            const r = run({ EVENT_BASE_SHA: "d".repeat(40), FAKE_PLAN_OUT: DOC });
            expect(r.stdout).toContain(`::notice::the merge ref was made from base ${SHA}`);
            expect(r.outputs.sha).toBe(SHA);
        });
    });

    describe("the head plan step: --against --markdown, the job summary, the guard's exit code", () => {
        const plan = step("plan");
        const MD =
            "### Strata plan: dev\n\n**Blocked: 1 mandatory finding** (1 from the lifecycle guard, 0 from policies); the plan exits 1.\n";
        const stubs = {
            npm: ['echo "npm $*" >> "$LOG"', 'printf "%s" "$FAKE_PLAN_OUT"', 'echo "plan stderr" >&2', 'exit "${FAKE_PLAN_CODE:-0}"'].join(
                "\n",
            ),
            npx: ['b="$1"; shift', 'exec "$ROOT/node_modules/.bin/$b" "$@"'].join("\n"),
        };
        const env = { STACK: "dev", NO_BASE: "", BASE_SHA: "b".repeat(40), HEAD_SHA: "a".repeat(40), RUN_URL: "https://run" };

        test("env: the stack, the base step's outputs, the PR head and the run", () => {
            expect(plan.env).toEqual({
                STACK: "${{ matrix.stack }}",
                BASE_OK: "${{ steps.base.outputs.ok }}",
                NO_BASE: "${{ steps.base.outputs.reason }}",
                BASE_SHA: "${{ steps.base.outputs.sha }}",
                HEAD_SHA: "${{ github.event.pull_request.head.sha }}",
                RUN_URL: "${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}",
            });
        });

        test("a refused replacement: the step fails with the plan's exit 1, after writing the summary and the comment", () => {
            const r = runStep(plan.run!, { ...env, BASE_OK: "true", FAKE_PLAN_OUT: MD, FAKE_PLAN_CODE: "1" }, stubs);
            expect(r.status).toBe(1);
            expect(r.log).toBe(`npm run -s plan -- --stack dev --against ${r.dir}/base.json --markdown\n`);
            expect(r.summary.startsWith(`${planCommentMarker("dev")}\n${MD}`)).toBe(true);
            expect(r.summary).toContain("**The plan check fails: exit 1**");
            expect(r.read(path.join(r.dir, "comment.md"))).toBe(r.summary);
            expect(r.stderr).toContain("plan stderr");
        });

        test("no base plan: the head's plain summary, exit 0", () => {
            const r = runStep(
                plan.run!,
                { ...env, BASE_OK: "false", NO_BASE: "the base has no Pulumi.dev.yaml", FAKE_PLAN_OUT: "Stack dev" },
                stubs,
            );
            expect(r.status).toBe(0);
            expect(r.log).toBe("npm run -s plan -- --stack dev\n");
            expect(r.summary).toContain("No base plan: the base has no Pulumi.dev.yaml.");
        }, 20_000);
    });

    test("the comment step runs after a failed plan, not after a cancellation, and is skipped for forks and Dependabot", () => {
        const cond = comment.if!.replace(/\s+/g, " ");
        expect(cond).toMatch(/^\$\{\{ !cancelled\(\) && /);
        expect(cond).toContain("(steps.plan.outcome == 'success' || steps.plan.outcome == 'failure')");
        expect(cond).toContain("github.event.pull_request.head.repo.full_name == github.repository");
        expect(cond).toContain("github.actor != 'dependabot[bot]'");
        expect(comment.uses).toBe("actions/github-script@v8");
        expect(comment.env).toEqual({ COMMENT_FILE: "${{ runner.temp }}/comment.md", MARKER: "<!-- strata-plan:${{ matrix.stack }} -->" });
        for (const s of STACKS) expect(comment.env!.MARKER.replace("${{ matrix.stack }}", s)).toBe(planCommentMarker(s));
    });

    describe("the comment script: one sticky comment per PR and stack", () => {
        type Comment = { id: number; user: { login: string }; body: string };
        async function post(existing: Comment[]) {
            const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "comment-")), "comment.md");
            fs.writeFileSync(file, `${planCommentMarker("dev")}\nnew body\n`);
            const issues = { listComments: jest.fn(), updateComment: jest.fn(), createComment: jest.fn() };
            const github = { rest: { issues }, paginate: jest.fn(async () => existing) };
            const context = { repo: { owner: "o", repo: "r" }, payload: { pull_request: { number: 7 } } };
            const saved = { ...process.env };
            Object.assign(process.env, { COMMENT_FILE: file, MARKER: planCommentMarker("dev") });
            try {
                const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
                await new AsyncFunction("github", "context", "require", String(comment.with!.script))(github, context, require);
            } finally {
                process.env = saved;
            }
            expect(github.paginate).toHaveBeenCalledWith(issues.listComments, { owner: "o", repo: "r", issue_number: 7, per_page: 100 });
            return issues;
        }
        const bot = { login: "github-actions[bot]" };

        test("no comment yet: creates one", async () => {
            const issues = await post([{ id: 1, user: bot, body: "<!-- strata-plan:prod -->\nprod" }]);
            expect(issues.createComment).toHaveBeenCalledWith({
                owner: "o",
                repo: "r",
                issue_number: 7,
                body: "<!-- strata-plan:dev -->\nnew body\n",
            });
            expect(issues.updateComment).not.toHaveBeenCalled();
        });
        test("the stack's comment exists: updates it in place", async () => {
            const issues = await post([
                { id: 1, user: bot, body: "<!-- strata-plan:prod -->\nprod" },
                { id: 2, user: bot, body: "<!-- strata-plan:dev -->\nold" },
            ]);
            expect(issues.updateComment).toHaveBeenCalledWith({
                owner: "o",
                repo: "r",
                comment_id: 2,
                body: "<!-- strata-plan:dev -->\nnew body\n",
            });
            expect(issues.createComment).not.toHaveBeenCalled();
        });
        test("a person's comment quoting the marker is not taken over", async () => {
            const issues = await post([{ id: 3, user: { login: "someone" }, body: "<!-- strata-plan:dev -->\nquoted" }]);
            expect(issues.updateComment).not.toHaveBeenCalled();
            expect(issues.createComment).toHaveBeenCalledTimes(1);
        });
    });
});

describe("release-image.yml: the reusable release workflow an application repository calls", () => {
    const w = workflow("release-image.yml");
    const call = w.on.workflow_call as {
        inputs: Record<string, { required: boolean; type: string; default?: string }>;
        secrets: Record<string, { required: boolean }>;
        outputs: Record<string, { value: string }>;
    };
    const job = w.jobs.release;
    const steps = job.steps!;
    const byId = (id: string) => steps.find((s) => s.id === id)!;
    const uses = (prefix: string) => steps.filter((s) => (s.uses ?? "").startsWith(prefix));
    const DIGEST = `sha256:${"ab".repeat(32)}`;
    const REPO = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/strata-prod/api";

    test("on workflow_call only, with the inputs, the app's two secrets and the digest as outputs", () => {
        expect(Object.keys(w.on)).toEqual(["workflow_call"]);
        const required = Object.entries(call.inputs)
            .filter(([, i]) => i.required)
            .map(([n]) => n);
        expect(required).toEqual(["service", "stack", "platform-repository", "aws-region", "image-push-role-arn", "image-repository"]);
        expect(Object.fromEntries(Object.entries(call.inputs).map(([n, i]) => [n, i.default]))).toMatchObject({
            context: ".",
            dockerfile: "Dockerfile",
            "image-platform": "linux/amd64",
            "platform-branch": "main",
            "severity-threshold": "HIGH",
            "source-image": "",
        });
        expect(Object.values(call.inputs).every((i) => i.type === "string")).toBe(true);
        expect(call.secrets).toEqual({
            "platform-app-client-id": expect.objectContaining({ required: true }),
            "platform-app-private-key": expect.objectContaining({ required: true }),
        });
        expect(call.outputs.digest.value).toBe("${{ jobs.release.outputs.digest }}");
        expect(job.concurrency).toEqual({ group: "release-image-${{ inputs.service }}-${{ inputs.stack }}", "cancel-in-progress": false });
    });

    test("OIDC with the stack's push role from an input; no long-lived key, no other permission", () => {
        expect(w.permissions).toEqual({ contents: "read", "id-token": "write" });
        expect(job.permissions).toBeUndefined();
        const [creds] = uses("aws-actions/configure-aws-credentials@");
        expect(creds.with).toEqual({ "role-to-assume": "${{ inputs.image-push-role-arn }}", "aws-region": "${{ inputs.aws-region }}" });
        expect(read("release-image.yml")).not.toMatch(
            /AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|aws-access-key-id|secrets\.GITHUB_TOKEN|github\.token/,
        );
    });

    test("builds once and pushes tag = the commit SHA, one platform, no attestations; the digest output feeds the scan and set-image", () => {
        const build = byId("build");
        expect(build.uses).toBe("docker/build-push-action@v7");
        expect(build.with).toMatchObject({
            push: true,
            tags: "${{ inputs.image-repository }}:${{ github.sha }}",
            platforms: "${{ inputs.image-platform }}",
            provenance: false,
            sbom: false,
        });
        expect(byId("digest").env).toMatchObject({
            BUILT: "${{ steps.build.outputs.digest }}",
            PROMOTED: "${{ steps.promote.outputs.digest }}",
        });
        const scan = steps.find((s) => /describe-image-scan-findings/.test(s.run ?? ""))!;
        expect(scan.env?.DIGEST).toBe("${{ steps.digest.outputs.digest }}");
        expect(scan.run).toContain('--image-id "imageDigest=$DIGEST"');
        expect(byId("pr").env?.DIGEST).toBe("${{ steps.digest.outputs.digest }}");
        expect(byId("pr").run).toContain(
            'npm run -s set-image -- --stack-file "Pulumi.$STACK.yaml" --service "$SERVICE" --image "$DIGEST"',
        );
        const order = ["inputs", "existing", "build", "promote", "digest"].map((id) => steps.indexOf(byId(id)));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(steps.indexOf(scan)).toBeGreaterThan(order[4]);
        expect(steps.indexOf(uses("actions/create-github-app-token@")[0])).toBeGreaterThan(steps.indexOf(scan));
    });

    test("the platform token: a GitHub App token for that one repository, contents and pull requests only", () => {
        const [app] = uses("actions/create-github-app-token@");
        expect(app.uses).toBe("actions/create-github-app-token@v3");
        expect(app.with).toEqual({
            "client-id": "${{ secrets.platform-app-client-id }}",
            "private-key": "${{ secrets.platform-app-private-key }}",
            owner: "${{ steps.inputs.outputs.platform-owner }}",
            repositories: "${{ steps.inputs.outputs.platform-name }}",
            "permission-contents": "write",
            "permission-pull-requests": "write",
        });
        const platform = uses("actions/checkout@").find((s) => s.with?.repository)!;
        expect(platform.with).toMatchObject({
            repository: "${{ inputs.platform-repository }}",
            token: "${{ steps.app-token.outputs.token }}",
            path: "platform",
        });
        expect(byId("pr").env?.GH_TOKEN).toBe("${{ steps.app-token.outputs.token }}");
    });

    describe("promotion copies the source image by digest, and the digest must stay the source's", () => {
        const SOURCE = `210987654321.dkr.ecr.eu-west-1.amazonaws.com/strata-staging/api@${DIGEST}`;
        const digestStep = (env: Record<string, string>) =>
            runStep(
                byId("digest").run!,
                { BUILT: "", PROMOTED: "", EXISTING: "", IMAGE_REPOSITORY: REPO, SOURCE_IMAGE: "", GITHUB_SHA: "a".repeat(40), ...env },
                {},
            );
        test("the copy keeps the digest and tags the commit SHA; no build runs when promoting", () => {
            expect(byId("promote").run).toContain(
                'skopeo copy --preserve-digests "docker://$SOURCE_IMAGE" "docker://$IMAGE_REPOSITORY:$GITHUB_SHA"',
            );
            expect(byId("promote").if).toBe("inputs.source-image != '' && steps.existing.outputs.digest == ''");
            expect(byId("build").if).toBe("inputs.source-image == '' && steps.existing.outputs.digest == ''");
        });
        test("the digest step: built, promoted or already there, as <repository>@<digest>", () => {
            expect(digestStep({ BUILT: DIGEST }).outputs).toEqual({ digest: DIGEST, image: `${REPO}@${DIGEST}` });
            expect(digestStep({ PROMOTED: DIGEST, SOURCE_IMAGE: SOURCE }).status).toBe(0);
        });
        test("refuses no digest, and a tag already holding another digest than the promoted one", () => {
            expect(digestStep({}).status).toBe(1);
            const other = `sha256:${"cd".repeat(32)}`;
            const r = digestStep({ EXISTING: other, SOURCE_IMAGE: SOURCE });
            expect(r.status).toBe(1);
            expect(r.stdout).toContain(`is ${other}, not the source image's ${DIGEST}`);
        });
    });

    describe("the input check refuses what would go wrong later, one error line per input", () => {
        const run = (env: Record<string, string>) =>
            runStep(
                byId("inputs").run!,
                {
                    SERVICE: "api",
                    STACK: "prod",
                    PLATFORM_REPOSITORY: "acme/platform",
                    AWS_REGION: "eu-west-1",
                    IMAGE_REPOSITORY: REPO,
                    SEVERITY: "HIGH",
                    SOURCE_IMAGE: "",
                    ...env,
                },
                {},
            );
        test("valid inputs: owner, name, the repository name and the registry", () => {
            const r = run({});
            expect(r.status).toBe(0);
            expect(r.outputs).toEqual({
                "platform-owner": "acme",
                "platform-name": "platform",
                "repository-name": "strata-prod/api",
                registries: "123456789012",
            });
        });
        test("a source image in another account adds its registry", () => {
            const r = run({ SOURCE_IMAGE: `210987654321.dkr.ecr.eu-west-1.amazonaws.com/strata-staging/api@${DIGEST}` });
            expect(r.outputs.registries).toBe("123456789012,210987654321");
        });
        test.each([
            [{ SERVICE: "Api_1" }, 'service: "Api_1"; allowed: a service name'],
            [{ PLATFORM_REPOSITORY: "platform" }, 'platform-repository: "platform"; allowed: owner/name'],
            [
                { IMAGE_REPOSITORY: "ghcr.io/acme/api" },
                'image-repository: "ghcr.io/acme/api"; allowed: the stack output imageRepositories[service]',
            ],
            [{ AWS_REGION: "us-east-1" }, `image-repository: "${REPO}" is in eu-west-1; allowed: a repository in aws-region us-east-1`],
            [{ SEVERITY: "high" }, 'severity-threshold: "high"; allowed: CRITICAL, HIGH, MEDIUM, LOW or INFORMATIONAL'],
            [{ SOURCE_IMAGE: `${REPO}:v1` }, `source-image: "${REPO}:v1"; allowed: the image output of a release`],
        ])("%j", (env, message) => {
            const r = run(env);
            expect(r.status).toBe(1);
            expect(r.stdout.trim().split("\n")).toEqual([expect.stringContaining(`::error::${message}`)]);
        });
    });

    describe("the scan: waits for that digest's result, fails on findings at or above the threshold, and only then", () => {
        const scan = steps.find((s) => /describe-image-scan-findings/.test(s.run ?? ""))!;
        // FAKE_STATES: the statuses successive calls see (NOTFOUND: the scan has not started yet).
        const stubs = {
            aws: [
                'echo "aws $*" >> "$LOG"',
                'n=$(grep -c "^aws" "$LOG")',
                'state=$(echo "$FAKE_STATES" | cut -d, -f"$n")',
                'state=${state:-$(echo "$FAKE_STATES" | rev | cut -d, -f1 | rev)}',
                'if [ "$state" = NOTFOUND ]; then echo "An error occurred (ScanNotFoundException) when calling DescribeImageScanFindings" >&2; exit 254; fi',
                'printf \'{"status": "%s", "description": "d", "counts": %s}\' "$state" "${FAKE_COUNTS:-null}"',
            ].join("\n"),
        };
        const run = (severity: string, counts: string, states = "COMPLETE") =>
            runStep(
                scan.run!,
                { REPOSITORY: "strata-prod/api", DIGEST, SEVERITY: severity, FAKE_COUNTS: counts, FAKE_STATES: states, POLL_SECONDS: "0" },
                stubs,
            );
        test("MEDIUM findings pass a HIGH threshold and fail a MEDIUM one, naming the count", () => {
            expect(run("HIGH", '{"MEDIUM": 3, "LOW": 9}').status).toBe(0);
            const r = run("MEDIUM", '{"MEDIUM": 3, "LOW": 9}');
            expect(r.status).toBe(1);
            expect(r.stdout).toContain(`::error::3 MEDIUM finding(s) in strata-prod/api@${DIGEST} (threshold MEDIUM)`);
            expect(r.stdout).not.toContain("LOW finding");
        });
        test("a CRITICAL finding fails any threshold; no findings (null) pass", () => {
            expect(run("CRITICAL", '{"CRITICAL": 1}').status).toBe(1);
            expect(run("INFORMATIONAL", "null").status).toBe(0);
        });
        test("waits while the scan has not started or is running; enhanced scanning's ACTIVE is a result", () => {
            const r = run("HIGH", '{"HIGH": 1}', "NOTFOUND,IN_PROGRESS,PENDING,ACTIVE");
            expect(r.log.trim().split("\n")).toHaveLength(4);
            expect(r.log.split("\n")[0]).toMatch(
                new RegExp(`^aws ecr describe-image-scan-findings --repository-name strata-prod/api --image-id imageDigest=${DIGEST} `),
            );
            expect(r.status).toBe(1);
            expect(r.stdout).toContain("::error::1 HIGH finding(s)");
        });
        test.each(["FAILED", "UNSUPPORTED_IMAGE", "FINDINGS_UNAVAILABLE"])("a scan that ends %s fails, with its status", (state) => {
            const r = run("HIGH", "{}", state);
            expect(r.status).toBe(1);
            expect(r.stdout).toContain(`::error::the scan of strata-prod/api@${DIGEST} is ${state}: d`);
        });
        test("a scan that never finishes fails after the attempts", () => {
            const r = run("HIGH", "{}", "IN_PROGRESS");
            expect(r.status).toBe(1);
            expect(r.stdout).toContain("did not finish (IN_PROGRESS)");
            expect(r.log.trim().split("\n")).toHaveLength(120);
        });
    });

    describe("the platform pull request: one per stack and service, created or updated", () => {
        const pr = byId("pr");
        const stubs = {
            npm: ['echo "npm $*" >> "$LOG"', 'if [ -n "$FAKE_CHANGE" ]; then echo changed > Pulumi.prod.yaml; fi'].join("\n"),
            gh: [
                'echo "gh $*" >> "$LOG"',
                'case "$*" in *"pulls?head="*) printf "%s" "$FAKE_OPEN";; *PATCH*) echo https://github.com/acme/platform/pull/$FAKE_OPEN;; *) echo https://github.com/acme/platform/pull/9;; esac',
            ].join("\n"),
        };
        const run = (env: Record<string, string>) => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "platform-"));
            const git = (...a: string[]) => spawnSync("git", a, { cwd: dir, encoding: "utf8" });
            git("init", "-q", "-b", "main");
            fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), "original\n");
            git("add", "-A");
            git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init");
            const remote = fs.mkdtempSync(path.join(os.tmpdir(), "remote-"));
            spawnSync("git", ["init", "-q", "--bare", remote]);
            git("remote", "add", "origin", remote);
            const r = runStep(
                `cd "${dir}"\n${pr.run!}`,
                {
                    GH_TOKEN: "t",
                    APP_SLUG: "strata-release",
                    PLATFORM_REPOSITORY: "acme/platform",
                    PLATFORM_OWNER: "acme",
                    BASE: "main",
                    SERVICE: "api",
                    STACK: "prod",
                    DIGEST,
                    IMAGE: `${REPO}@${DIGEST}`,
                    GITHUB_REPOSITORY: "acme/api",
                    GITHUB_SHA: "a".repeat(40),
                    RUN_URL: "https://run",
                    ...env,
                },
                stubs,
            );
            const pushed = spawnSync("git", ["--git-dir", remote, "log", "-1", "--format=%an <%ae>|%s", "release/prod/api"], {
                encoding: "utf8",
            });
            return { ...r, pushed: pushed.stdout.trim() };
        };

        test("no open PR: pushes release/<stack>/<service> as the app and opens one against the base branch", () => {
            const r = run({ FAKE_CHANGE: "1", FAKE_OPEN: "" });
            expect(r.status).toBe(0);
            expect(r.log).toContain(`npm run -s set-image -- --stack-file Pulumi.prod.yaml --service api --image ${DIGEST}`);
            expect(r.pushed).toBe(`strata-release[bot] <strata-release[bot]@users.noreply.github.com>|api in prod: ${DIGEST}`);
            expect(r.log).toContain(
                "gh api repos/acme/platform/pulls?head=acme:release/prod/api&base=main&state=open --jq .[0].number // empty",
            );
            expect(r.log).toMatch(
                /gh api repos\/acme\/platform\/pulls -f title=api in prod: sha256:\S+ -f body=Sets `strata:services.api.image` in `Pulumi.prod.yaml`/,
            );
            expect(r.log).toContain("-f head=release/prod/api -f base=main");
            expect(r.outputs.url).toBe("https://github.com/acme/platform/pull/9");
        });
        test("an open PR for that stack and service: force-pushes the branch and updates that PR", () => {
            const r = run({ FAKE_CHANGE: "1", FAKE_OPEN: "4" });
            expect(r.status).toBe(0);
            expect(r.log).toContain("gh api -X PATCH repos/acme/platform/pulls/4 -f title=");
            expect(r.log).not.toContain("-f head=");
            expect(r.outputs.url).toBe("https://github.com/acme/platform/pull/4");
        });
        test("the stack file already has the digest: no branch, no PR", () => {
            const r = run({ FAKE_CHANGE: "", FAKE_OPEN: "" });
            expect(r.status).toBe(0);
            expect(r.log).not.toContain("gh ");
            expect(r.pushed).toBe("");
            expect(r.stdout).toContain(`Pulumi.prod.yaml already sets api to ${DIGEST}: no pull request`);
        });
    });
});

describe("docs/delivery.md's calling workflow", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs", "delivery.md"), "utf8");
    const block = doc.split("```yaml\n").find((b) => b.startsWith("# .github/workflows/release.yml in the application repository"))!;
    const text = block.slice(0, block.indexOf("```"));
    const caller = YAML.parse(text) as Workflow;
    const call = workflow("release-image.yml").on.workflow_call as {
        inputs: Record<string, { required: boolean }>;
        secrets: Record<string, { required: boolean }>;
        outputs: Record<string, unknown>;
    };

    test("validates, grants id-token: write, and calls the release workflow for dev, staging and prod in order", () => {
        expect(validateWorkflow(text).errors).toEqual([]);
        expect(caller.permissions).toEqual({ contents: "read", "id-token": "write" });
        expect(Object.values(caller.jobs).map((j) => [j.uses, j.with?.stack, j.needs])).toEqual([
            ["acme/platform/.github/workflows/release-image.yml@main", "dev", undefined],
            ["acme/platform/.github/workflows/release-image.yml@main", "staging", "dev"],
            ["acme/platform/.github/workflows/release-image.yml@main", "prod", "staging"],
        ]);
    });

    test("passes only declared inputs, every required one, both secrets; staging and prod promote the previous digest", () => {
        const required = Object.entries(call.inputs).filter(([, i]) => i.required);
        for (const job of Object.values(caller.jobs) as Array<Job & { secrets?: Record<string, string> }>) {
            for (const k of Object.keys(job.with ?? {})) expect(Object.keys(call.inputs)).toContain(k);
            for (const [k] of required) expect(job.with).toHaveProperty([k]);
            expect(Object.keys(job.secrets ?? {}).sort()).toEqual(Object.keys(call.secrets).sort());
        }
        expect(caller.jobs.dev.with?.["source-image"]).toBeUndefined();
        expect(caller.jobs.staging.with?.["source-image"]).toBe("${{ needs.dev.outputs.image }}");
        expect(caller.jobs.prod.with?.["source-image"]).toBe("${{ needs.staging.outputs.image }}");
        expect(Object.keys(call.outputs)).toContain("image");
    });
});
