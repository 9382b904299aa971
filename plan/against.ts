/** `--against`: read an earlier plan document and add the diff and the lifecycle guard's findings to a plan. */
import * as fs from "fs";
import type { PlanDocument } from "./types";
import type { ReplacementRules } from "./diff";
import { diffPlans } from "./diff";
import { guardDiff } from "./guard";
import { REPLACEMENTS } from "./lifecycle/replacements";
import { vpcChildChanges } from "./vpcDiff";

/** The earlier plan file is missing or is not a plan document (the CLI exits 2). */
export class PlanFileError extends Error {}

export function readPlanDocument(file: string): PlanDocument {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new PlanFileError(
            `--against ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, not a plan document" : (err as Error).message}`,
        );
    }
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (err) {
        throw new PlanFileError(
            `--against ${file}: not JSON (${(err as Error).message}); write one with: npm run -s plan -- --stack <name> --json > ${file}`,
        );
    }
    const d = doc as Partial<PlanDocument>;
    if (typeof d !== "object" || d === null || !Array.isArray(d.resources) || typeof d.stack !== "string" || !d.cost) {
        throw new PlanFileError(`--against ${file}: not a plan document (expected the output of npm run plan -- --json)`);
    }
    return d as PlanDocument;
}

export interface WithDiffOptions {
    against: string;
    allowReplace?: readonly string[];
    rules?: ReplacementRules;
}

/** The plan with `diff` set and the guard's violations added. Refuses a plan of another stack or project. */
export function withDiff(plan: PlanDocument, before: PlanDocument, options: WithDiffOptions): Pick<PlanDocument, "diff" | "violations"> {
    if (before.project !== plan.project || before.stack !== plan.stack) {
        throw new PlanFileError(
            `--against ${options.against}: is a plan of ${before.project}/${before.stack}, not of ${plan.project}/${plan.stack}; diff a stack against its own earlier plan`,
        );
    }
    const vpc = vpcChildChanges(before, plan);
    const diff = diffPlans(before, plan, {
        against: options.against,
        rules: options.rules ?? REPLACEMENTS,
        replaceOnChanges: (r) => r.options.replaceOnChanges ?? [],
        goneIds: vpc.goneIds,
        extraChanges: vpc.changes,
    });
    const strip = diff.changes.map(({ deleteBeforeReplaceExplicit: _explicit, ...c }) => c);
    return {
        diff: { ...diff, changes: strip },
        violations: [...plan.violations, ...guardDiff(diff, before, plan, { allowReplace: options.allowReplace })],
    };
}
