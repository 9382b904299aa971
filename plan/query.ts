import type { PlanDocument, PlanResource } from "./types";

/** Resources of a type (type token, e.g. "aws:rds/instance:Instance"). */
export function resourcesOfType(plan: PlanDocument, type: string): PlanResource[] {
    return plan.resources.filter((r) => r.type === type);
}

/** The one resource of a type; throws if there is not exactly one. */
export function onlyResourceOfType(plan: PlanDocument, type: string): PlanResource {
    const found = resourcesOfType(plan, type);
    if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
    return found[0];
}

/** A resource by URN. */
export function resourceByUrn(plan: PlanDocument, urn: string): PlanResource | undefined {
    return plan.resources.find((r) => r.urn === urn);
}

/** Every URN a resource waits for, directly or through other resources (components expanded to their children). */
export function transitiveDependencies(plan: PlanDocument, urn: string): Set<string> {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const children = new Map<string, string[]>();
    for (const r of plan.resources) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r.urn]);
    const seen = new Set<string>();
    const stack = [...(byUrn.get(urn)?.dependencies ?? [])];
    while (stack.length) {
        const u = stack.pop()!;
        if (seen.has(u)) continue;
        seen.add(u);
        const r = byUrn.get(u);
        if (!r) continue;
        stack.push(...r.dependencies);
        if (!r.custom) stack.push(...(children.get(u) ?? []));
    }
    return seen;
}

/** The resource's provider resource (the `pulumi:providers:*` record its provider reference points to). */
export function providerOf(plan: PlanDocument, r: PlanResource): PlanResource | undefined {
    if (!r.provider) return undefined;
    const urn = r.provider.split("::").slice(0, -1).join("::");
    return resourceByUrn(plan, urn);
}
