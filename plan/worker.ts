/**
 * One plan per process: `node plan/worker.js <options-json> <result-file>`. Writes the plan document (or the
 * config error) as JSON to the result file; program output on stdout/stderr stays out of the result.
 */
import * as fs from "fs";
import type { ExecutePlanOptions } from "./harness";
import { executePlan, PlanConfigError } from "./harness";

async function main(): Promise<void> {
    const options = JSON.parse(process.argv[2]) as ExecutePlanOptions;
    const resultFile = process.argv[3];
    // Pulumi reports some program errors as unhandled rejections; make them the plan's result.
    const fail = (err: unknown) => {
        fs.writeFileSync(resultFile, JSON.stringify(errorResult(err)));
        process.exit(0);
    };
    process.on("unhandledRejection", fail);
    process.on("uncaughtException", fail);
    try {
        const started = Date.now();
        const doc = await executePlan(options);
        const stats = {
            planMs: Date.now() - started,
            uptimeMs: Math.round(process.uptime() * 1000),
            maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        };
        fs.writeFileSync(resultFile, JSON.stringify({ ok: true, plan: doc, stats }));
    } catch (err) {
        fs.writeFileSync(resultFile, JSON.stringify(errorResult(err)));
    }
    process.exit(0);
}

function errorResult(err: unknown) {
    if (err instanceof PlanConfigError || (typeof err === "object" && err !== null && (err as { isConfigError?: boolean }).isConfigError)) {
        const e = err as PlanConfigError;
        return { ok: false, kind: "config", message: e.message, problems: e.problems, registered: e.registered ?? [] };
    }
    const e = err as Error;
    return { ok: false, kind: "program", message: e?.message ?? String(err), stack: e?.stack };
}

void main();
