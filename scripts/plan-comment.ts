/**
 * The pull-request plan comment of one stack (`.github/workflows/plan.yml`): the head plan's report (the Markdown of
 * `plan --against <base plan> --markdown`, or the plain summary when there is no base plan), or why the plan failed,
 * under a hidden marker the workflow finds the comment by, so each PR keeps one comment per stack that every run updates.
 *
 *   ts-node --transpile-only scripts/plan-comment.ts --stack dev --exit-code 1 --report plan.md --stderr plan.err \
 *     [--no-base "<why>"] [--base-sha <sha>] [--head-sha <sha>] [--run-url <url>] --comment comment.md --summary summary.md
 *
 * Writes the comment (cut to fit GitHub's comment limit) and the job-summary text (whole). Exit 2 on bad arguments.
 */
import * as fs from "fs";

/** GitHub refuses an issue comment body over 65,536 characters ("body is too long"); leave room for the footer. */
export const COMMENT_LIMIT = 65_536;

/** The hidden first line the workflow finds a stack's comment by. */
export const planCommentMarker = (stack: string) => `<!-- strata-plan:${stack} -->`;

/** What each exit code of `npm run plan` means (plan/cli.ts). */
const EXIT: Record<number, string> = {
    0: "clean",
    1: "a mandatory finding (the lifecycle guard or a policy) or the program failed",
    2: "invalid input (flags, stack file, configuration)",
};

export interface PlanCommentInput {
    stack: string;
    /** The head plan's exit code. */
    exitCode: number;
    /** Its stdout: the Markdown diff, or with `noBase` the plain summary. */
    report: string;
    /** Its stderr (configuration problems, a program's error). */
    stderr: string;
    /** Why there is no base plan to diff against; unset when there is one. */
    noBase?: string;
    baseSha?: string;
    headSha?: string;
    /** The workflow run, where the job summary holds the whole report. */
    runUrl?: string;
}

const short = (sha?: string) => (sha ? sha.slice(0, 7) : "?");
const fence = (text: string) => {
    const ticks = "`".repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    return [`${ticks}text`, text.replace(/\s+$/, ""), ticks];
};
/** The last `n` lines: a program's error is at the end of its output. */
const tail = (text: string, n: number) => {
    const lines = text.replace(/\s+$/, "").split("\n");
    return lines.length > n ? [`... (${lines.length - n} earlier lines in the job log)`, ...lines.slice(-n)].join("\n") : lines.join("\n");
};

/** The whole comment body, marker first. */
export function planComment(input: PlanCommentInput): string {
    const out = [planCommentMarker(input.stack)];
    const markdown = !input.noBase && input.report.trim() !== "";
    if (markdown) out.push(input.report.replace(/\s+$/, ""));
    else out.push(`### Strata plan: ${input.stack}`);
    if (input.exitCode !== 0)
        out.push("", `**The plan check fails: exit ${input.exitCode}**, ${EXIT[input.exitCode] ?? "unexpected exit code"}.`);
    if (input.noBase) {
        out.push("", `No base plan: ${input.noBase}. Nothing to diff against; this is the head's plan alone.`);
        if (input.report.trim()) out.push("", "<details><summary>Plan summary</summary>", "", ...fence(input.report), "", "</details>");
    }
    if (input.stderr.trim() && (input.exitCode !== 0 || !markdown)) out.push("", ...fence(tail(input.stderr, 40)));
    const footer = `Head ${short(input.headSha)} merged into its base${input.noBase ? "" : `, against the base's plan at ${short(input.baseSha)}`}`;
    out.push("", `<sub>${footer}${input.runUrl ? `; [workflow run](${input.runUrl})` : ""}</sub>`);
    return `${out.join("\n")}\n`;
}

/** The body cut to `limit` characters at a line break, closing an open `<details>`, with a pointer to the run. */
export function fitComment(body: string, limit: number = COMMENT_LIMIT, runUrl?: string): string {
    if (body.length <= limit) return body;
    const note = `\n\n**Cut to fit a comment** (${body.length.toLocaleString("en-US")} characters): the whole report is in the job summary${runUrl ? ` of the [workflow run](${runUrl})` : ""}.\n`;
    let cut = body.slice(0, limit - note.length - "\n\n</details>".length);
    cut = cut.slice(0, Math.max(0, cut.lastIndexOf("\n")));
    const open = (cut.match(/<details/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
    return `${cut}${open > 0 ? "\n\n</details>" : ""}${note}`;
}

function args(argv: string[]): Record<string, string> {
    const known = ["stack", "exit-code", "report", "stderr", "no-base", "base-sha", "head-sha", "run-url", "comment", "summary"];
    const out: Record<string, string> = {};
    for (let i = 0; i < argv.length; i += 2) {
        const flag = argv[i].replace(/^--/, "");
        if (!known.includes(flag) || argv[i + 1] === undefined)
            throw new Error(`${argv[i]}: allowed: ${known.map((k) => `--${k} <value>`).join(", ")}`);
        out[flag] = argv[i + 1];
    }
    for (const required of ["stack", "exit-code", "report", "stderr", "comment", "summary"])
        if (out[required] === undefined) throw new Error(`--${required} is required`);
    if (!/^\d+$/.test(out["exit-code"])) throw new Error(`--exit-code ${out["exit-code"]}: allowed: a process exit code (0-255)`);
    return out;
}

export function main(argv: string[]): number {
    let a: Record<string, string>;
    try {
        a = args(argv);
    } catch (err) {
        process.stderr.write(`plan-comment: ${(err as Error).message}\n`);
        return 2;
    }
    const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "");
    const body = planComment({
        stack: a.stack,
        exitCode: Number(a["exit-code"]),
        report: read(a.report),
        stderr: read(a.stderr),
        noBase: a["no-base"] || undefined,
        baseSha: a["base-sha"],
        headSha: a["head-sha"],
        runUrl: a["run-url"],
    });
    fs.writeFileSync(a.summary, body);
    fs.writeFileSync(a.comment, fitComment(body, COMMENT_LIMIT, a["run-url"]));
    return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
