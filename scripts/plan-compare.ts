/**
 * Compares two folders of plan documents written by plan-snapshot: per stack file, the URNs that appear or vanish,
 * and for each URN in both, differences of type, parent, provider, inputs, options and dependencies. Exit 1 when
 * anything differs, so a refactoring can prove it changes no plan.
 */
import * as fs from "fs";
import * as path from "path";
import type { PlanDocument, PlanResource } from "../plan/types";

function stable(v: unknown): string {
    return JSON.stringify(v, (_k, x) =>
        x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
    );
}

function fields(r: PlanResource): Record<string, unknown> {
    return {
        type: r.type,
        parent: r.parent,
        provider: r.provider,
        custom: r.custom,
        options: r.options,
        dependencies: [...r.dependencies].sort(),
        propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, [...v].sort()])),
    };
}

function inputDiffs(a: unknown, b: unknown, at: string, out: string[]): void {
    if (stable(a) === stable(b)) return;
    if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        for (const k of [...keys].sort())
            inputDiffs((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], at ? `${at}.${k}` : k, out);
        return;
    }
    out.push(`${at}: ${stable(a)} -> ${stable(b)}`);
}

export function comparePlans(before: PlanDocument, after: PlanDocument): string[] {
    const lines: string[] = [];
    const a = new Map(before.resources.map((r) => [r.urn, r]));
    const b = new Map(after.resources.map((r) => [r.urn, r]));
    for (const urn of a.keys()) if (!b.has(urn)) lines.push(`- ${urn}`);
    for (const urn of b.keys()) if (!a.has(urn)) lines.push(`+ ${urn}`);
    for (const [urn, ra] of a) {
        const rb = b.get(urn);
        if (!rb) continue;
        const diffs: string[] = [];
        inputDiffs(ra.inputs, rb.inputs, "inputs", diffs);
        inputDiffs(fields(ra), fields(rb), "", diffs);
        for (const d of diffs) lines.push(`~ ${urn}: ${d}`);
    }
    inputDiffs(before.outputs, after.outputs, "outputs", lines);
    return lines;
}

function main(): void {
    const [beforeDir, afterDir] = process.argv.slice(2);
    if (!beforeDir || !afterDir) {
        console.error("usage: plan-compare <before-dir> <after-dir>");
        process.exit(2);
    }
    let differs = false;
    const names = new Set([...fs.readdirSync(beforeDir), ...fs.readdirSync(afterDir)].filter((f) => f.endsWith(".json")));
    for (const name of [...names].sort()) {
        const pa = path.join(beforeDir, name);
        const pb = path.join(afterDir, name);
        if (!fs.existsSync(pa) || !fs.existsSync(pb)) {
            console.log(`${name}: only in ${fs.existsSync(pa) ? beforeDir : afterDir}`);
            differs = true;
            continue;
        }
        const lines = comparePlans(JSON.parse(fs.readFileSync(pa, "utf8")), JSON.parse(fs.readFileSync(pb, "utf8")));
        console.log(`${name}: ${lines.length === 0 ? "same" : `${lines.length} differences`}`);
        for (const l of lines) console.log(`  ${l}`);
        if (lines.length) differs = true;
    }
    process.exit(differs ? 1 : 0);
}

if (require.main === module) main();
