/**
 * The plan diff: what `pulumi up` would do to each resource, given the plan of the stack as it is deployed (an earlier
 * plan document) and the plan of the change. Pure: plan documents and a table of replacement rules in, changes out.
 *
 * The engine's rules, as this module applies them:
 * - A resource is matched by URN (type, parent chain, name). A URN only in the earlier plan is deleted, one only in the
 *   new plan is created.
 * - A matched resource whose inputs differ is updated in place, unless a changed input is one its provider marks as
 *   forcing a new resource (terraform-provider-aws `ForceNew`, Kubernetes immutable fields, every input of a random
 *   resource), or one the program lists in `replaceOnChanges`: then it is replaced. Inputs in `ignoreChanges` are not
 *   compared.
 * - A replacement creates the new resource before deleting the old one, unless `deleteBeforeReplace` is set, or the
 *   provider sets it because the physical name comes from an input (the bridge does so for explicitly named resources:
 *   the new resource could not be created beside the old one under the same name).
 * - An input computed from the outputs of a replaced resource (recorded as a property dependency) is unknown until the
 *   deploy: it counts as changed, even where the mock runtime recomputes the same value from equal inputs. Outputs of a
 *   resource updated in place are taken as stable (ids and ARNs do not change on update).
 */
import type { PlanDocument, PlanResource } from "./types";

/** How one resource type reacts to changed inputs. */
export interface ReplacementRule {
    /** Input paths (camelCase, dotted for nested objects, `[]` for list elements) whose change replaces the resource. */
    forceNew: string[];
    /** Conditional cases the table cannot decide by path alone, in words. */
    notes?: string[];
    /** The input the physical name comes from; when the program sets it, a replacement is delete-before-replace. */
    namedBy?: string;
    /**
     * Optional+Computed inputs: when the program stops setting one, the provider keeps the value it has (no change);
     * setting it to another value is still a change.
     */
    computed?: string[];
    /** Where the rule was read: repository, path, commit or tag. */
    source: string;
}

export type ReplacementRules = Readonly<Record<string, ReplacementRule>>;

export type ChangeAction = "create" | "update" | "replace" | "delete" | "same";

export interface ResourceChange {
    urn: string;
    type: string;
    name: string;
    action: ChangeAction;
    /** Top-level inputs whose value changes (or becomes unknown until deploy). */
    changedInputs: string[];
    /** Input paths that force the replacement, with why when not a plain change (e.g. "unknown until deploy"). */
    replaceReasons: string[];
    /** The replacement deletes the old resource first (explicit option or the provider's implicit one for named resources). */
    deleteBeforeReplace: boolean;
    /** Whether deleteBeforeReplace comes from the program's option (false: implicit, or none). */
    deleteBeforeReplaceExplicit: boolean;
}

export interface PlanDiff {
    against: string;
    changes: ResourceChange[];
    summary: Record<ChangeAction, number>;
    monthlyUsdDelta: number;
}

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep equality of JSON values; object key order does not matter. */
export function jsonEqual(a: Json, b: Json): boolean {
    if (a === b) return true;
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
    if (isObject(a) && isObject(b)) {
        const ka = Object.keys(a).filter((k) => a[k] !== undefined);
        const kb = Object.keys(b).filter((k) => b[k] !== undefined);
        return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
    }
    return false;
}

/**
 * The values at a path (`a.b`, `a[].b` for every element of list `a`), as a comparable list. A missing segment
 * gives undefined, so setting or unsetting a forcing input counts as a change.
 */
export function valuesAt(value: Json, path: string): Json[] {
    let current: Json[] = [value];
    for (const segment of path.split(".")) {
        const each = segment.endsWith("[]");
        const key = each ? segment.slice(0, -2) : segment;
        const next: Json[] = [];
        for (const v of current) {
            const child = isObject(v) ? v[key] : undefined;
            if (each) {
                if (Array.isArray(child)) next.push(...child);
                else next.push(child);
            } else next.push(child);
        }
        current = next;
    }
    return current;
}

/** Whether an ignoreChanges entry (`a`, `a.b`, `a[0].b` or `a[*].b`) covers a top-level input or a rule path. */
function ignored(ignoreChanges: readonly string[], path: string): boolean {
    const norm = (p: string) => p.replace(/\[(\d+|\*)\]/g, "[]").replace(/\["([^"]+)"\]/g, ".$1");
    const target = norm(path);
    return ignoreChanges.some((raw) => {
        const ig = norm(raw);
        return target === ig || target.startsWith(`${ig}.`) || target.startsWith(`${ig}[]`);
    });
}

/** The top-level key of a rule path. */
function rootOf(path: string): string {
    return path.split(".")[0].replace(/\[\]$/, "");
}

/**
 * One resource's change between two recordings. `unknownInputs` are inputs fed by replaced resources, each with the
 * strings (ids, ARNs, names) by which it refers to them: treated as changed, and as forcing a replacement where a
 * forcing path is the input itself or carries one of those references.
 */
export function diffResource(
    before: PlanResource,
    after: PlanResource,
    rule: ReplacementRule | undefined,
    unknownInputs: ReadonlyMap<string, ReadonlySet<string> | undefined>,
    replaceOnChanges: readonly string[] = [],
): Omit<ResourceChange, "urn" | "type" | "name"> {
    const ignore = after.options.ignoreChanges ?? [];
    const keys = new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)]);
    const keptComputed = (k: string) => after.inputs[k] === undefined && (rule?.computed ?? []).includes(k);
    const changedInputs = [...keys]
        .filter((k) => !ignored(ignore, k) && !keptComputed(k))
        .filter((k) => unknownInputs.has(k) || !jsonEqual(before.inputs[k], after.inputs[k]))
        .sort();
    const forcing = [...(rule?.forceNew ?? []), ...replaceOnChanges];
    const replaceReasons: string[] = [];
    for (const path of forcing) {
        if (ignored(ignore, path)) continue;
        const root = rootOf(path);
        if (!changedInputs.includes(root)) continue;
        if (unknownInputs.has(root)) {
            // A nested path is unknown only where its value carries a reference to the replaced resource; with no
            // identities recorded (an older plan document), any path under the unknown input counts.
            const refs = unknownInputs.get(root);
            if (path === root || !refs || refs.size === 0 || carries(valuesAt(after.inputs, path), refs))
                replaceReasons.push(`${path} (unknown until deploy)`);
        } else if (!jsonEqual(valuesAt(before.inputs, path), valuesAt(after.inputs, path))) replaceReasons.push(path);
    }
    const uniqueReasons = [...new Set(replaceReasons)];
    const optionsChanged =
        before.options.protect !== after.options.protect || before.options.retainOnDelete !== after.options.retainOnDelete;
    const providerChanged = before.provider !== after.provider && providerUrn(before.provider) !== providerUrn(after.provider);
    if (uniqueReasons.length === 0 && providerChanged) uniqueReasons.push("provider");
    const action: ChangeAction = uniqueReasons.length > 0 ? "replace" : changedInputs.length > 0 || optionsChanged ? "update" : "same";
    const explicit = after.options.deleteBeforeReplace === true;
    const implicit = rule?.namedBy !== undefined && after.inputs[rule.namedBy] !== undefined;
    return {
        action,
        changedInputs,
        replaceReasons: uniqueReasons,
        deleteBeforeReplace: action === "replace" && (explicit || implicit),
        deleteBeforeReplaceExplicit: action === "replace" && explicit,
    };
}

/** The provider resource's URN of a provider reference `<urn>::<id>`. */
function providerUrn(ref: string | null): string | null {
    return ref ? ref.split("::").slice(0, -1).join("::") : null;
}

export interface DiffOptions {
    /** The earlier plan's file, for the document. */
    against: string;
    rules: ReplacementRules;
    /** replaceOnChanges per URN, where the recording has it. */
    replaceOnChanges?: (r: PlanResource) => readonly string[];
    /**
     * Physical ids of resources outside the recording that are replaced or deleted (a remote component's children):
     * an input whose earlier value carries one of them is unknown until deploy.
     */
    goneIds?: ReadonlySet<string>;
    /** Changes derived outside the recording (a remote component's children), counted in the summary. */
    extraChanges?: readonly ResourceChange[];
}

/** Whether a JSON value contains one of the strings (anywhere, as a whole string). */
function carries(value: Json, ids: ReadonlySet<string>): boolean {
    if (typeof value === "string") return ids.has(value);
    if (Array.isArray(value)) return value.some((v) => carries(v, ids));
    if (isObject(value)) return Object.values(value).some((v) => carries(v, ids));
    return false;
}

/**
 * What `pulumi up` would do to go from `before` to `after`. Resources are visited in the new plan's registration order,
 * which puts every dependency before its dependents, so a replacement is known before the inputs it feeds.
 */
export function diffPlans(before: PlanDocument, after: PlanDocument, options: DiffOptions): PlanDiff {
    const old = new Map(before.resources.map((r) => [r.urn, r]));
    const replaced = new Set<string>();
    const created = new Set<string>();
    const changes: ResourceChange[] = [];
    // Components are not resources of a provider: a child's replacement does not flow through them, but a component's
    // dependents wait on its children; the recording names components in property dependencies, so expand them.
    const children = new Map<string, string[]>();
    for (const r of after.resources) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r.urn]);
    const custom = new Map(after.resources.map((r) => [r.urn, r.custom]));
    const expands = (urn: string): string[] => {
        if (custom.get(urn) !== false) return [urn];
        return [urn, ...(children.get(urn) ?? []).flatMap(expands)];
    };
    for (const r of after.resources) {
        const prev = old.get(r.urn);
        if (!prev) {
            created.add(r.urn);
            changes.push({
                urn: r.urn,
                type: r.type,
                name: r.name,
                action: "create",
                changedInputs: [],
                replaceReasons: [],
                deleteBeforeReplace: false,
                deleteBeforeReplaceExplicit: false,
            });
            continue;
        }
        const unknown = new Map<string, Set<string> | undefined>();
        for (const [input, urns] of Object.entries(r.propertyDependencies ?? {})) {
            const gone = urns.flatMap(expands).filter((x) => replaced.has(x));
            if (gone.length === 0) continue;
            const refs = gone.map((u) => old.get(u)?.identity);
            unknown.set(input, refs.every((x) => x !== undefined) ? new Set(refs.flat() as string[]) : undefined);
        }
        if (options.goneIds?.size) {
            for (const [input, value] of Object.entries(prev.inputs)) {
                if (!carries(value, options.goneIds)) continue;
                const known = unknown.get(input);
                unknown.set(input, unknown.has(input) && known === undefined ? undefined : new Set([...(known ?? []), ...options.goneIds]));
            }
        }
        const change = diffResource(prev, r, options.rules[r.type], unknown, options.replaceOnChanges?.(r) ?? []);
        if (change.action === "replace") replaced.add(r.urn);
        changes.push({ urn: r.urn, type: r.type, name: r.name, ...change });
    }
    changes.push(...(options.extraChanges ?? []));
    const current = new Set(after.resources.map((r) => r.urn));
    for (const r of before.resources) {
        if (!current.has(r.urn)) {
            changes.push({
                urn: r.urn,
                type: r.type,
                name: r.name,
                action: "delete",
                changedInputs: [],
                replaceReasons: [],
                deleteBeforeReplace: false,
                deleteBeforeReplaceExplicit: false,
            });
        }
    }
    const summary: Record<ChangeAction, number> = { create: 0, update: 0, replace: 0, delete: 0, same: 0 };
    for (const c of changes) summary[c.action]++;
    return {
        against: options.against,
        changes,
        summary,
        monthlyUsdDelta: Math.round((after.cost.monthlyUsd - before.cost.monthlyUsd) * 100) / 100,
    };
}

/** Types that are missing from the rules table (every custom resource type of a plan needs an entry). */
export function typesWithoutRules(plan: PlanDocument, rules: ReplacementRules): string[] {
    const types = new Set(plan.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:")).map((r) => r.type));
    return [...types].filter((t) => !(t in rules)).sort();
}
