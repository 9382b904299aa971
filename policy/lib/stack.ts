import type { PolicyResource } from "@pulumi/policy";
import { field } from "./values";

/** Helpers for stack policies that link resources through the plan's dependencies. */

export function ofTypes(resources: PolicyResource[], types: readonly string[]): PolicyResource[] {
    return resources.filter((r) => types.includes(r.type));
}

/**
 * The resources of `targetTypes` that `r` refers to through input `prop`: the property's dependencies first (exact),
 * then, when the engine gave none for it, the resource's dependencies, then a literal match of the input's value
 * against a target's `nameProp` input (a bucket named explicitly).
 */
export function linked(r: PolicyResource, prop: string, targets: PolicyResource[], nameProp?: string): PolicyResource[] {
    const byProp = (r.propertyDependencies?.[prop] ?? []).filter((d) => targets.includes(d));
    if (byProp.length > 0) return byProp;
    if (!r.propertyDependencies || Object.keys(r.propertyDependencies).length === 0) {
        const byDeps = (r.dependencies ?? []).filter((d) => targets.includes(d));
        if (byDeps.length === 1) return byDeps;
    }
    const value = field(r.props, prop);
    if (nameProp && typeof value === "string" && value.length > 0) {
        return targets.filter((t) => t.props?.[nameProp] === value || t.props?.id === value);
    }
    return [];
}
