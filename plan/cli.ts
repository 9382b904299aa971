/**
 * The offline plan: `npm run plan -- --stack dev [--json] [--config-file <file>] [--program <file>]`.
 * Runs the real program under Pulumi's mock runtime with a stack's config; no cloud credentials needed.
 * Exit codes: 0 clean, 1 a mandatory policy fails (or the program fails), 2 configuration error.
 */
import * as fs from "fs";
import * as path from "path";
import { junitReport, sarifReport } from "./reports";
import { policies } from "../policy/policies";
import { runPlan, PlanConfigurationError, PlanProgramError } from "./run";
import { readProjectFile, stackNameOf } from "./stackConfig";
import type { PlanDocument } from "./types";
import { PlanFileError, readPlanDocument, withDiff } from "./against";
import type { PlanDiff } from "./diff";
import { diffMarkdown, summarizeDiff } from "./diffReport";
import { validateStack } from "./validate";
import { summarize } from "./summary";

export { summarize };
import { configErrorMessage } from "../components/errors";

interface CliArgs {
    stack?: string;
    configFile?: string;
    program?: string;
    json: boolean;
    help: boolean;
    /** An earlier plan document of the same stack to diff against. */
    against?: string;
    /** Names (globs) of resources this run may replace or delete (`--allow-replace`, repeatable). */
    allowReplace: string[];
    markdown: boolean;
    /** Check the stack file and its configuration only, without running the program. */
    validate: boolean;
    /** Write the policy findings as SARIF 2.1.0 to this file. */
    sarif?: string;
    /** Write the policy findings as JUnit XML to this file. */
    junit?: string;
}

const USAGE = `Usage: npm run plan -- [--stack <name>] [--config-file <Pulumi.<name>.yaml>] [--program <file>] [--json]
                        [--against <earlier plan.json>] [--allow-replace <name>]... [--markdown]
                        [--validate] [--sarif <file>] [--junit <file>]

  --stack <name>         stack to plan (reads Pulumi.<name>.yaml); default: from --config-file, else dev
  --config-file <file>   another stack file, e.g. blueprints/seed-002-cyber-agent/Pulumi.prod.yaml
  --program <file>       another program file (default: Pulumi.yaml's main, index.ts)
  --json                 print the plan document as JSON
  --against <file>       diff against an earlier plan document of the same stack (from --json): what pulumi up would
                         create, update, replace or delete, guarded against replacing stateful or fixed-name resources
  --allow-replace <name> approve replacing or deleting the resources of that logical name (a glob; names a component
                         to approve its children) in this run; repeatable. Protected resources stay blocked
  --markdown             with --against: print the diff as a pull-request comment
  --validate             check the stack file and its configuration only (fast: the program is not run)
  --sarif <file>         also write the policy findings as SARIF 2.1.0 (GitHub code scanning), located in the stack file
  --junit <file>         also write the policy findings as JUnit XML (one test case per policy)

Exit codes: 0 clean plan, 1 a mandatory policy fails or the program fails, 2 invalid input (flags, stack file,
configuration). With --json, an input error is also printed on stdout as {"ok": false, "error": "configuration", "problems": [...]}.`;

export function parseArgs(argv: string[]): CliArgs {
    const args: CliArgs = { json: false, help: false, allowReplace: [], markdown: false, validate: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined || v.startsWith("--")) throw new UsageError(`${a} needs a value`);
            return v;
        };
        const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
        switch (flag) {
            case "--stack":
            case "-s":
                args.stack = inline ?? value();
                break;
            case "--config-file":
                args.configFile = inline ?? value();
                break;
            case "--program":
                args.program = inline ?? value();
                break;
            case "--json":
                args.json = true;
                break;
            case "--against":
                args.against = inline ?? value();
                break;
            case "--allow-replace":
                args.allowReplace.push(inline ?? value());
                break;
            case "--markdown":
                args.markdown = true;
                break;
            case "--validate":
                args.validate = true;
                break;
            case "--sarif":
                args.sarif = inline ?? value();
                break;
            case "--junit":
                args.junit = inline ?? value();
                break;
            case "--help":
            case "-h":
                args.help = true;
                break;
            default:
                throw new UsageError(`unknown argument ${a}`);
        }
    }
    return args;
}

class UsageError extends Error {}

/** The SARIF and JUnit files of a plan, located in its stack file (relative to the working directory). */
function writeReports(plan: PlanDocument, args: CliArgs, stack: string | undefined): void {
    const file = args.configFile ?? `Pulumi.${stack ?? plan.stack}.yaml`;
    const rel = path.relative(process.cwd(), path.resolve(file)).split(path.sep).join("/");
    const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const line = Math.max(1, text.split("\n").findIndex((l) => /^config:/.test(l)) + 1);
    // plan/ in the source tree, dist/plan/ in the package: the package.json is one or two levels up.
    const pkg = [path.join(__dirname, "..", "package.json"), path.join(__dirname, "..", "..", "package.json")].find((f) =>
        fs.existsSync(f),
    )!;
    const version = (JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string }).version;
    const options = { stackFile: rel, line, policies, version };
    if (args.sarif) fs.writeFileSync(args.sarif, `${JSON.stringify(sarifReport(plan, options), null, 2)}\n`);
    if (args.junit) fs.writeFileSync(args.junit, junitReport(plan, options));
}

/** True when the project in `root` is Strata itself (its program validates with Strata's config schema). */
function isStrataProject(root: string): boolean {
    try {
        return readProjectFile(root).name === "strata";
    } catch {
        return false;
    }
}

export async function main(argv: string[]): Promise<number> {
    let args: CliArgs;
    try {
        args = parseArgs(argv);
    } catch (err) {
        process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
        return 2;
    }
    if (args.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    const stack = args.stack ?? (args.configFile ? stackNameOf(args.configFile) : undefined);
    const inputError = (problems: string[], message: string) => {
        process.stderr.write(`${message}\n`);
        if (args.json) process.stdout.write(`${JSON.stringify({ ok: false, error: "configuration", problems }, null, 2)}\n`);
        return 2;
    };
    // Strata's own program validates its config before it registers anything: check it here first, in about 2 s,
    // instead of after loading the whole program in a plan process.
    if (!args.validate && !args.program && isStrataProject(process.cwd())) {
        const result = validateStack({ root: process.cwd(), stack, configFile: args.configFile });
        if (result.problems.length > 0) return inputError(result.problems, configErrorMessage(result.problems));
        for (const w of result.warnings ?? []) process.stderr.write(`Warning: ${w}\n`);
    }
    if (args.validate) {
        const result = validateStack({ root: process.cwd(), stack, configFile: args.configFile });
        if (result.problems.length > 0) return inputError(result.problems, configErrorMessage(result.problems));
        for (const w of result.warnings ?? []) process.stderr.write(`Warning: ${w}\n`);
        const summary = {
            ok: true,
            stack: result.stack,
            environment: result.environment,
            region: result.region,
            warnings: result.warnings ?? [],
        };
        process.stdout.write(
            args.json
                ? `${JSON.stringify(summary, null, 2)}\n`
                : `Stack ${result.stack}: configuration valid (${result.environment}, ${result.region})\n`,
        );
        return 0;
    }
    try {
        const planned = await runPlan({
            root: process.cwd(),
            stack,
            configFile: args.configFile ? path.resolve(args.configFile) : undefined,
            program: args.program ? path.resolve(args.program) : undefined,
        });
        // A copy: runPlan caches its documents, and the diff's findings belong to this run only.
        const plan: PlanDocument = { ...planned, violations: [...planned.violations] };
        let before: PlanDocument | undefined;
        if (args.against) {
            before = readPlanDocument(args.against);
            const diffed = withDiff(plan, before, { against: args.against, allowReplace: args.allowReplace });
            Object.assign(plan, diffed);
        }
        if (args.sarif || args.junit) writeReports(plan, args, stack);
        if (args.markdown) {
            if (!before || !plan.diff) throw new UsageError("--markdown needs --against <earlier plan>");
            process.stdout.write(`${diffMarkdown(plan.diff as PlanDiff, { before, after: plan }, plan.violations)}\n`);
        } else if (args.json) process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
        else {
            process.stdout.write(`${summarize(plan)}\n`);
            if (before && plan.diff)
                process.stdout.write(`\n${summarizeDiff(plan.diff as PlanDiff, { before, after: plan }, plan.violations)}\n`);
        }
        return plan.violations.some((v) => v.enforcementLevel === "mandatory") ? 1 : 0;
    } catch (err) {
        if (err instanceof UsageError || err instanceof PlanFileError) return inputError([err.message], err.message);
        if (err instanceof PlanConfigurationError) return inputError(err.problems, err.message);
        if (err instanceof PlanProgramError) {
            process.stderr.write(`The program failed under the offline plan:\n${err.message}\n${err.programStack ?? ""}\n`);
            return 1;
        }
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return inputError([(err as Error).message], (err as Error).message);
        throw err;
    }
}

if (require.main === module) {
    // exitCode, not exit(): a large JSON document on a pipe is written asynchronously and must be flushed first.
    main(process.argv.slice(2)).then(
        (code) => {
            process.exitCode = code;
        },
        (err) => {
            process.stderr.write(`${(err as Error).stack ?? err}\n`);
            process.exit(1);
        },
    );
}
