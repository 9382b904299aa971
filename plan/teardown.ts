/**
 * Teardown order as `pulumi destroy` computes it from the recorded graph: a resource is deleted only after every
 * resource that depends on it, through an input, `dependsOn`, its provider, or being its child (the engine deletes children before
 * their parent, and a component's dependents wait for all of its children). So "A is deleted before B" holds exactly
 * when B is among A's transitive dependencies.
 *
 * Pure: a plan document in, orderings out. Used by tests that prove the platform tears down without orphans (Ingresses
 * go while the load balancer controller still runs, node groups before the cluster, everything in the VPC before it).
 */
import type { PlanDocument, PlanResource } from "./types";

export interface TeardownGraph {
    /** Every URN a resource's deletion must wait for (its dependents, transitively), by URN. */
    deletedBefore(a: string, b: string): boolean;
    /** The deletion order: dependents first, each resource after everything that depends on it. */
    order(): string[];
}

/** The direct dependencies of each resource for deletion: inputs, dependsOn, its parent, its provider. */
function directDependencies(plan: PlanDocument): Map<string, Set<string>> {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const children = new Map<string, string[]>();
    for (const r of plan.resources) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r.urn]);
    // A dependency on a component is a dependency on all of its descendants.
    const expand = (urn: string, seen = new Set<string>()): string[] => {
        if (seen.has(urn)) return [];
        seen.add(urn);
        const r = byUrn.get(urn);
        if (!r || r.custom || r.type === "awsx:ec2:Vpc") return [urn];
        return [urn, ...(children.get(urn) ?? []).flatMap((c) => expand(c, seen))];
    };
    const deps = new Map<string, Set<string>>();
    for (const r of plan.resources) {
        const set = new Set<string>();
        for (const d of r.dependencies) for (const x of expand(d)) set.add(x);
        if (r.parent) set.add(r.parent);
        // The engine deletes a resource before its provider, and the provider waits for what its inputs name (the
        // Kubernetes provider's kubeconfig names the cluster).
        if (r.provider) set.add(r.provider.split("::").slice(0, -1).join("::"));
        set.delete(r.urn);
        deps.set(r.urn, set);
    }
    return deps;
}

export function teardownGraph(plan: PlanDocument): TeardownGraph {
    const deps = directDependencies(plan);
    const closure = new Map<string, Set<string>>();
    const transitive = (urn: string): Set<string> => {
        const hit = closure.get(urn);
        if (hit) return hit;
        const out = new Set<string>();
        closure.set(urn, out);
        const stack = [...(deps.get(urn) ?? [])];
        while (stack.length) {
            const u = stack.pop()!;
            if (out.has(u)) continue;
            out.add(u);
            stack.push(...(deps.get(u) ?? []));
        }
        return out;
    };
    return {
        deletedBefore: (a, b) => transitive(a).has(b),
        order: () => {
            // Registration order is a topological order of creation; deletion is its reverse, refined by depth.
            const depth = new Map<string, number>();
            const depthOf = (u: string, path = new Set<string>()): number => {
                const known = depth.get(u);
                if (known !== undefined) return known;
                if (path.has(u)) return 0;
                path.add(u);
                const d = Math.max(0, ...[...(deps.get(u) ?? [])].map((x) => depthOf(x, path) + 1));
                depth.set(u, d);
                return d;
            };
            return [...deps.keys()].sort((a, b) => depthOf(b) - depthOf(a));
        },
    };
}

/** The resources of a type, for teardown assertions. */
export function urnsOfType(plan: PlanDocument, type: string): string[] {
    return plan.resources.filter((r: PlanResource) => r.type === type).map((r) => r.urn);
}
