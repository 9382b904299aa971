/**
 * Measures the offline plan and the program's start-up: wall time and peak memory of one plan per stack file,
 * and the TypeScript compile cost `pulumi up` pays before the program runs (ts-node type-checks by default).
 * Usage: npm run -s benchmark [-- --json]. Numbers in docs/benchmarks.md come from this command.
 */
import * as childProcess from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

function planOnce(configFile: string): {
    wallMs: number;
    planMs: number;
    maxRssMb: number;
    resources: number;
    monthlyUsd: number;
    criticalPathMinutes: number;
} {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-bench-"));
    const result = path.join(dir, "r.json");
    const started = Date.now();
    const r = childProcess.spawnSync(
        process.execPath,
        [
            "-r",
            require.resolve("ts-node/register/transpile-only"),
            path.join(ROOT, "plan", "worker.ts"),
            JSON.stringify({ root: ROOT, configFile, skipPolicies: false }),
            result,
        ],
        { cwd: ROOT, encoding: "utf8" },
    );
    const wallMs = Date.now() - started;
    const out = JSON.parse(fs.readFileSync(result, "utf8"));
    fs.rmSync(dir, { recursive: true, force: true });
    if (!out.ok) throw new Error(`${configFile}: ${out.message}\n${r.stderr}`);
    return {
        wallMs,
        planMs: out.stats.planMs,
        maxRssMb: out.stats.maxRssMb,
        resources: out.plan.resources.length,
        monthlyUsd: out.plan.cost.monthlyUsd,
        criticalPathMinutes: out.plan.deploy.criticalPathMinutes,
    };
}

function timeNode(args: string[]): number {
    const started = Date.now();
    const r = childProcess.spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    return Date.now() - started;
}

function stackFiles(): string[] {
    const files = ["dev", "staging", "prod"].map((s) => path.join(ROOT, `Pulumi.${s}.yaml`));
    const bp = path.join(ROOT, "blueprints");
    if (fs.existsSync(bp)) {
        for (const d of fs.readdirSync(bp).sort()) {
            const dir = path.join(bp, d);
            if (!fs.statSync(dir).isDirectory()) continue;
            for (const f of fs.readdirSync(dir).sort()) if (/^Pulumi\..+\.yaml$/.test(f)) files.push(path.join(dir, f));
        }
    }
    return files;
}

function main(): void {
    const json = process.argv.includes("--json");
    const load = "require('./components')";
    const startup = {
        // What `pulumi up` compiles before the program runs: ts-node with type checking (the default) ...
        typeCheckedMs: timeNode(["-r", require.resolve("ts-node/register"), "-e", load]),
        // ... and with PULUMI_NODEJS_TRANSPILE_ONLY=true.
        transpileOnlyMs: timeNode(["-r", require.resolve("ts-node/register/transpile-only"), "-e", load]),
    };
    const plans = stackFiles().map((f) => ({ file: path.relative(ROOT, f), ...planOnce(f) }));
    const report = {
        machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
        startup,
        plans,
    };
    if (json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
    }
    const lines = [
        `Machine: ${report.machine}`,
        `Program start-up (load the component library): type-checked ${startup.typeCheckedMs} ms, transpile-only ${startup.transpileOnlyMs} ms`,
        "",
        "| stack file | resources | plan (ms) | process wall (ms) | peak RSS (MiB) | est. USD/month | first deploy (min) |",
        "|---|---|---|---|---|---|---|",
        ...plans.map(
            (p) =>
                `| ${p.file} | ${p.resources} | ${p.planMs} | ${p.wallMs} | ${p.maxRssMb} | ${p.monthlyUsd.toFixed(2)} | ${p.criticalPathMinutes} |`,
        ),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
}

main();
