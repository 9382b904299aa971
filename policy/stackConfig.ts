/**
 * The policy pack config of one stack: its environment's levels and settings (policy/config/<environment>.json)
 * plus its `strata:exceptions` — each policy's entries as `waivers`, and the whole list for
 * `strata-exception-require-unexpired`. `npm run policy:config` writes it for every stack file to
 * policy/config/stacks/<stack id>.json, the file `pulumi preview|up --policy-pack-config` is given; the offline plan
 * builds the same object in memory.
 */
import * as path from "path";
import type { StackException } from "../components/exceptions";
import { globMatcher, isExpired, nameOfUrn, waiversOf } from "../components/exceptions";
import type { PolicyPackConfig } from "./evaluate";
import { CONFIG_DIR, loadPolicyConfig } from "./evaluate";

export const EXPIRY_POLICY = "strata-exception-require-unexpired";

/** The directory of the generated per-stack pack configs. */
export const STACK_CONFIG_DIR = path.join(CONFIG_DIR, "stacks");

export interface StackPolicyConfigOptions {
    /** Put each policy's waivers in its entry (the pack honours them). Default true; the plan applies them itself. */
    waivers?: boolean;
}

/** A stack's pack config from its environment's config and its exceptions. */
export function stackPolicyConfig(
    environmentConfig: PolicyPackConfig,
    exceptions: readonly StackException[],
    options: StackPolicyConfigOptions = {},
): PolicyPackConfig {
    const out: PolicyPackConfig = {};
    for (const [name, entry] of Object.entries(environmentConfig)) {
        const base = typeof entry === "string" ? { enforcementLevel: entry } : { ...entry };
        const waivers = options.waivers === false ? [] : waiversOf(exceptions, name);
        if (waivers.length > 0) base.waivers = waivers;
        if (name === EXPIRY_POLICY) base.exceptions = exceptions.map((e) => ({ ...e }));
        out[name] = base;
    }
    return out;
}

/** The exceptions a stack's raw config sets (`strata:exceptions`, JSON as Pulumi config holds it). */
export function exceptionsOfStackConfig(config: Readonly<Record<string, string>>): StackException[] {
    const raw = config["strata:exceptions"];
    if (raw === undefined) return [];
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? (parsed as StackException[]) : [];
}

/** The id of a stack file's generated pack config: `prod` for ./Pulumi.prod.yaml, `seed-002-cyber-agent.prod` for a blueprint's. */
export function stackConfigId(root: string, stackFile: string): string {
    const rel = path.relative(root, stackFile);
    const stack = path
        .basename(rel)
        .replace(/^Pulumi\./, "")
        .replace(/\.ya?ml$/, "");
    const dir = path.dirname(rel);
    return dir === "." ? stack : `${path.basename(dir)}.${stack}`;
}

/** The generated pack config path of a stack file. */
export function stackConfigFile(root: string, stackFile: string): string {
    return path.join(STACK_CONFIG_DIR, `${stackConfigId(root, stackFile)}.json`);
}

export { loadPolicyConfig };

/** A plan's view of its exceptions: each entry, whether it has expired, and the findings it waived. */
export interface ExceptionReport {
    entry: StackException;
    expired: boolean;
    /** The violations the entry waived (policy, resource and message), as the pack would leave them unreported. */
    waived: Array<{ policy: string; urn: string | null; message: string }>;
}

/**
 * Splits violations into those reported and those an unexpired exception waives, with the same matching the pack's
 * waivers use (policy/lib/waivers.ts): the rule names the policy and the target matches the resource's logical name.
 */
export function applyExceptions<V extends { policy: string; urn: string | null; message: string }>(
    violations: readonly V[],
    exceptions: readonly StackException[],
    day: string,
): { kept: V[]; reports: ExceptionReport[] } {
    const reports: ExceptionReport[] = exceptions.map((entry) => ({ entry, expired: isExpired(entry, day), waived: [] }));
    const kept: V[] = [];
    for (const v of violations) {
        const name = v.urn ? nameOfUrn(v.urn) : undefined;
        const report =
            name === undefined
                ? undefined
                : reports.find((r) => !r.expired && r.entry.rule === v.policy && globMatcher(r.entry.target)(name));
        if (report) report.waived.push({ policy: v.policy, urn: v.urn, message: v.message });
        else kept.push(v);
    }
    return { kept, reports };
}
