import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { COMMENT_LIMIT, fitComment, main, planComment, planCommentMarker } from "../scripts/plan-comment";

const REPORT = "### Strata plan: dev\n\n**0 to create, 1 to update, 0 to replace, 0 to delete, 9 unchanged**\n";
const base = {
    stack: "dev",
    stderr: "",
    baseSha: "b".repeat(40),
    headSha: "a".repeat(40),
    runUrl: "https://github.com/o/r/actions/runs/1",
};

describe("planComment", () => {
    test("a clean diff: the marker first, the report, the commits and the run; no failure line", () => {
        const body = planComment({ ...base, exitCode: 0, report: REPORT });
        const lines = body.split("\n");
        expect(lines[0]).toBe("<!-- strata-plan:dev -->");
        expect(lines[1]).toBe("### Strata plan: dev");
        expect(body).toContain("**0 to create, 1 to update");
        expect(body).not.toContain("fails");
        expect(body).toContain(
            "<sub>Head aaaaaaa merged into its base, against the base's plan at bbbbbbb; [workflow run](https://github.com/o/r/actions/runs/1)</sub>",
        );
    });

    test("a refused replacement (exit 1): the report and the failing exit code with its meaning", () => {
        const body = planComment({ ...base, exitCode: 1, report: REPORT, stderr: "" });
        expect(body).toContain(
            "**The plan check fails: exit 1**, a mandatory finding (the lifecycle guard or a policy) or the program failed.",
        );
        expect(body).toContain("**0 to create");
    });

    test("bad config (exit 2, nothing on stdout): the problems from stderr in a code block", () => {
        const stderr = "Invalid configuration:\n  strata:services.api.image: bad value; allowed: a tag or digest\n";
        const body = planComment({ ...base, exitCode: 2, report: "", stderr });
        expect(body).toContain("### Strata plan: dev");
        expect(body).toContain("**The plan check fails: exit 2**, invalid input (flags, stack file, configuration).");
        expect(body).toContain("```text\nInvalid configuration:\n  strata:services.api.image: bad value; allowed: a tag or digest\n```");
    });

    test("no base plan: says why, shows the head's plain summary folded, and names no base commit", () => {
        const body = planComment({ ...base, exitCode: 0, report: "Stack dev: 120 resources", noBase: "the base has no Pulumi.dev.yaml" });
        expect(body).toContain("No base plan: the base has no Pulumi.dev.yaml. Nothing to diff against");
        expect(body).toContain("<details><summary>Plan summary</summary>\n\n```text\nStack dev: 120 resources\n```\n\n</details>");
        expect(body).not.toContain("against the base's plan");
    });

    test("a long program error keeps its last 40 lines; backticks in it cannot close the fence", () => {
        const stderr = [...Array.from({ length: 100 }, (_, i) => `line ${i}`), "``` x"].join("\n");
        const body = planComment({ ...base, exitCode: 1, report: "", stderr });
        expect(body).toContain("... (61 earlier lines in the job log)");
        expect(body).not.toContain("line 60\n");
        expect(body).toContain("line 61\n");
        expect(body).toContain("````text\n");
    });

    test("the marker names the stack, so each stack keeps its own comment", () => {
        expect(planComment({ ...base, stack: "prod", exitCode: 0, report: REPORT }).startsWith(planCommentMarker("prod"))).toBe(true);
        expect(planCommentMarker("prod")).not.toBe(planCommentMarker("dev"));
    });
});

describe("fitComment", () => {
    test("a body within the limit is unchanged", () => {
        expect(fitComment("abc\n", 10)).toBe("abc\n");
    });
    test("a long body is cut at a line break within GitHub's limit, closes an open <details> and points at the run", () => {
        const rows = Array.from({ length: 5000 }, (_, i) => `| update | \`kubernetes:apps/v1:Deployment\` | svc-${i} | update: spec |`);
        const body = ["<!-- strata-plan:dev -->", "<details open><summary>x</summary>", "", ...rows, "", "</details>"].join("\n");
        const fit = fitComment(body, COMMENT_LIMIT, "https://run");
        expect(body.length).toBeGreaterThan(COMMENT_LIMIT);
        expect(fit.length).toBeLessThanOrEqual(COMMENT_LIMIT);
        expect(fit.startsWith("<!-- strata-plan:dev -->")).toBe(true);
        expect(fit).toMatch(/\| update: spec \|\n\n<\/details>\n\n\*\*Cut to fit a comment\*\*/);
        expect(fit).toContain("the whole report is in the job summary of the [workflow run](https://run)");
    });
});

describe("plan-comment CLI", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-comment-"));
    const f = (n: string) => path.join(dir, n);
    let stderr = "";
    beforeEach(() => {
        stderr = "";
        jest.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
    });
    afterEach(() => jest.restoreAllMocks());

    test("writes the comment and the summary; an empty --no-base means there is a base", () => {
        fs.writeFileSync(f("plan.md"), REPORT);
        const argv = ["--stack", "dev", "--exit-code", "0", "--report", f("plan.md"), "--stderr", f("missing.err"), "--no-base", ""];
        expect(main([...argv, "--comment", f("c.md"), "--summary", f("s.md")])).toBe(0);
        expect(fs.readFileSync(f("c.md"), "utf8")).toBe(fs.readFileSync(f("s.md"), "utf8"));
        expect(fs.readFileSync(f("c.md"), "utf8")).toContain("**0 to create");
        expect(fs.readFileSync(f("c.md"), "utf8")).not.toContain("No base plan");
    });

    test("refuses an unknown flag, a missing required one and a non-numeric exit code with one line, exit 2", () => {
        expect(main(["--stack", "dev", "--colour", "x"])).toBe(2);
        expect(stderr).toMatch(/^plan-comment: --colour: allowed: --stack <value>, /);
        expect(main(["--stack", "dev"])).toBe(2);
        expect(stderr).toContain("--exit-code is required");
        const all = ["--report", "r", "--stderr", "e", "--comment", "c", "--summary", "s"];
        expect(main(["--stack", "dev", "--exit-code", "one", ...all])).toBe(2);
        expect(stderr).toContain("--exit-code one: allowed: a process exit code (0-255)");
    });
});
