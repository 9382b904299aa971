/**
 * Measures the test pyramid: wall time of the typecheck, the lint (eslint, prettier --check), the unit and component
 * jest suite and the integration suite, each a spawned command timed with process.hrtime; and counts what each jest
 * suite ran: tests, component-level tests (files that render() a component), and full-program plan documents computed
 * (new files in a fresh plan cache, STRATA_PLAN_CACHE; failed plans, e.g. config errors, are not cached).
 * Usage: npm run -s benchmark:tests [-- --no-integration] [-- --json]. docs/benchmarks.md's test-suite table comes from it.
 */
import * as childProcess from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");

interface JestReport {
    numTotalTests: number;
    numFailedTests: number;
    testResults: Array<{ name: string; assertionResults: Array<{ status: string }> }>;
}

interface Step {
    step: string;
    command: string;
    wallSeconds: number;
    exitCode: number;
    tests?: number;
    failed?: number;
    componentTests?: number;
    plansComputed?: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): { wallSeconds: number; exitCode: number } {
    const started = process.hrtime.bigint();
    const r = childProcess.spawnSync(command, args, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...env } });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { wallSeconds, exitCode: r.status ?? -1 };
}

const countFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")).length : 0);

/** A test file is component-level when it renders components in-process (plan/render.ts). */
function rendersComponents(file: string): boolean {
    return /\brender\(/.test(fs.readFileSync(file, "utf8"));
}

function jestStep(step: string, config: string | undefined, cache: string): Step {
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "strata-bench-tests-")), "report.json");
    const args = [...(config ? ["-c", config] : []), "--json", "--outputFile", report];
    const before = countFiles(cache);
    const { wallSeconds, exitCode } = run(path.join(BIN, "jest"), args, { STRATA_PLAN_CACHE: cache });
    const result: Step = {
        step,
        command: `jest ${config ? `-c ${config}` : ""}`.trim(),
        wallSeconds,
        exitCode,
        plansComputed: countFiles(cache) - before,
    };
    if (fs.existsSync(report)) {
        const r = JSON.parse(fs.readFileSync(report, "utf8")) as JestReport;
        result.tests = r.numTotalTests;
        result.failed = r.numFailedTests;
        result.componentTests = r.testResults.filter((f) => rendersComponents(f.name)).reduce((n, f) => n + f.assertionResults.length, 0);
    }
    return result;
}

function main(): void {
    const args = process.argv.slice(2);
    // A fresh plan cache: every plan the suites need is computed once, as in CI after `npm ci`.
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "strata-bench-plan-cache-"));
    const steps: Step[] = [];
    const timed = (step: string, command: string, bin: string, binArgs: string[]) =>
        steps.push({ step, command, ...run(path.join(BIN, bin), binArgs) });
    timed("typecheck", "tsc -p tsconfig.json --noEmit", "tsc", ["-p", "tsconfig.json", "--noEmit"]);
    timed("lint: eslint", "eslint .", "eslint", ["."]);
    timed("lint: prettier", "prettier --check .", "prettier", ["--check", "."]);
    steps.push(jestStep("unit + component (npm test's jest)", undefined, cache));
    if (!args.includes("--no-integration")) steps.push(jestStep("integration", "jest.integration.config.js", cache));
    fs.rmSync(cache, { recursive: true, force: true });

    if (args.includes("--json")) {
        console.log(
            JSON.stringify({ date: new Date().toISOString().slice(0, 10), cpus: os.cpus().length, node: process.version, steps }, null, 2),
        );
        return;
    }
    const cell = (v: number | undefined) => (v === undefined ? "" : String(v));
    console.log(
        `Measured on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at the end):\n`,
    );
    console.log("| step | command | wall (s) | exit | tests | component tests | plans computed |");
    console.log("|---|---|---|---|---|---|---|");
    for (const s of steps) {
        console.log(
            `| ${s.step} | \`${s.command}\` | ${s.wallSeconds.toFixed(1)} | ${s.exitCode} | ${cell(s.tests)} | ${cell(s.componentTests)} | ${cell(s.plansComputed)} |`,
        );
    }
    const total = steps.reduce((n, s) => n + s.wallSeconds, 0);
    const fast = steps.filter((s) => s.step !== "integration").reduce((n, s) => n + s.wallSeconds, 0);
    console.log(`\n\`npm test\` (typecheck + lint + unit/component): ${fast.toFixed(1)} s; everything: ${total.toFixed(1)} s.`);
}

main();
