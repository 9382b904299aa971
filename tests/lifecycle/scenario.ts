/**
 * Lifecycle scenarios: a stack file as shipped, a changed copy of it, both planned, the second diffed against the first
 * the way `npm run plan -- --against` does.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import YAML from "yaml";
import { runPlan } from "../../plan/run";
import { withDiff } from "../../plan/against";
import type { PlanDocument } from "../../plan/types";

export const ROOT = path.resolve(__dirname, "../..");

export type StackConfig = Record<string, unknown>;

/** A copy of a stack file with its `config:` changed by `change`, as `Pulumi.<stack>.yaml` in a temporary folder. */
export function changedStackFile(base: string, change: (config: StackConfig) => void, stack?: string): string {
    const source = path.resolve(ROOT, base);
    const doc = YAML.parse(fs.readFileSync(source, "utf8")) as { config: StackConfig };
    change(doc.config);
    const name = stack ?? path.basename(source).replace(/^Pulumi\.(.+)\.ya?ml$/, "$1");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-scenario-"));
    const file = path.join(dir, `Pulumi.${name}.yaml`);
    fs.writeFileSync(file, YAML.stringify(doc));
    return file;
}

/** A `strata:` section of a stack config, created when missing. */
export function section(config: StackConfig, key: string): Record<string, unknown> {
    const k = `strata:${key}`;
    config[k] = (config[k] as Record<string, unknown> | undefined) ?? {};
    return config[k] as Record<string, unknown>;
}

export interface Scenario {
    before: PlanDocument;
    after: PlanDocument;
    /** The after plan with its diff and the guard's violations. */
    diffed: PlanDocument;
}

/** Plans `beforeFile` and `afterFile` (same stack name) and diffs the second against the first. */
export async function scenario(beforeFile: string, afterFile: string, allowReplace: string[] = []): Promise<Scenario> {
    const before = await runPlan({ root: ROOT, configFile: path.resolve(ROOT, beforeFile) });
    const after = await runPlan({ root: ROOT, configFile: afterFile });
    const diffed = { ...after, ...withDiff(after, before, { against: beforeFile, allowReplace }) };
    return { before, after, diffed };
}

/** name -> action of every change that is not `same`. */
export function actions(doc: PlanDocument): Record<string, string> {
    return Object.fromEntries((doc.diff?.changes ?? []).filter((c) => c.action !== "same").map((c) => [c.name, c.action]));
}

export function change(doc: PlanDocument, name: string) {
    const found = doc.diff?.changes.find((c) => c.name === name);
    if (!found) throw new Error(`no change for ${name}; changes: ${JSON.stringify(actions(doc))}`);
    return found;
}
