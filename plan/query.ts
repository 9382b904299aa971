import type { PlanResource } from "./types";

/**
 * What the queries read: a plan document (`runPlan`, `executePlan`) and a render result (`render`) both have one.
 * One query API serves whole-program plans and single-component renders.
 */
export interface ResourceSet {
    resources: PlanResource[];
}

/** A resource or its URN. */
export type ResourceRef = PlanResource | string;

const urnOf = (ref: ResourceRef): string => (typeof ref === "string" ? ref : ref.urn);

/** Resources of a type (type token, e.g. "aws:rds/instance:Instance"). */
export function resourcesOfType(set: ResourceSet, type: string): PlanResource[] {
    return set.resources.filter((r) => r.type === type);
}

/** The one resource of a type; throws if there is not exactly one. */
export function onlyResourceOfType(set: ResourceSet, type: string): PlanResource {
    const found = resourcesOfType(set, type);
    if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
    return found[0];
}

/** A resource by URN. */
export function resourceByUrn(set: ResourceSet, urn: string): PlanResource | undefined {
    return set.resources.find((r) => r.urn === urn);
}

/**
 * The one resource of a logical name (of a type, when given); throws if there is none or more than one.
 * Logical names repeat across types (a queue and its queue policy may share one), so pass the type when they do.
 */
export function resourceByName(set: ResourceSet, name: string, type?: string): PlanResource {
    const found = set.resources.filter((r) => r.name === name && (type === undefined || r.type === type));
    if (found.length !== 1) {
        const types = found.map((r) => r.type).join(", ");
        throw new Error(
            `expected exactly one resource named ${name}${type ? ` of type ${type}` : ""}, found ${found.length}${types ? ` (${types})` : ""}`,
        );
    }
    return found[0];
}

/** The direct children of a resource (resources whose parent it is), in registration order. */
export function childrenOf(set: ResourceSet, parent: ResourceRef): PlanResource[] {
    const urn = urnOf(parent);
    return set.resources.filter((r) => r.parent === urn);
}

/** Every resource below a resource in the parent tree (children, their children, ...), in registration order. */
export function descendantsOf(set: ResourceSet, ancestor: ResourceRef): PlanResource[] {
    const below = new Set<string>([urnOf(ancestor)]);
    const out: PlanResource[] = [];
    // Registration order puts a parent before its children, so one pass finds every descendant.
    for (const r of set.resources) {
        if (r.parent && below.has(r.parent)) {
            below.add(r.urn);
            out.push(r);
        }
    }
    return out;
}

/** The parent resource of a resource (undefined for the stack, or a parent outside the set). */
export function parentOf(set: ResourceSet, r: ResourceRef): PlanResource | undefined {
    const resource = typeof r === "string" ? resourceByUrn(set, r) : r;
    return resource?.parent ? resourceByUrn(set, resource.parent) : undefined;
}

/** The resources a resource waits for directly (its inputs' dependencies and dependsOn), as recorded. */
export function dependenciesOf(set: ResourceSet, r: ResourceRef): PlanResource[] {
    const resource = typeof r === "string" ? resourceByUrn(set, r) : r;
    if (!resource) throw new Error(`no resource ${urnOf(r)}`);
    return resource.dependencies.map((u) => resourceByUrn(set, u)).filter((d): d is PlanResource => d !== undefined);
}

/** Every URN a resource waits for, directly or through other resources (components expanded to their children). */
export function transitiveDependencies(set: ResourceSet, urn: string): Set<string> {
    const byUrn = new Map(set.resources.map((r) => [r.urn, r]));
    const children = new Map<string, string[]>();
    for (const r of set.resources) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r.urn]);
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
export function providerOf(set: ResourceSet, r: PlanResource): PlanResource | undefined {
    if (!r.provider) return undefined;
    const urn = r.provider.split("::").slice(0, -1).join("::");
    return resourceByUrn(set, urn);
}

/**
 * A resource's recorded inputs, typed as the caller expects them (inputs are plain JSON: the plan records them after
 * serialization; secrets read "[secret]").
 */
export function inputsOf<T extends object = Record<string, unknown>>(r: PlanResource): T {
    return r.inputs as T;
}

/** An input that holds a JSON document (a policy, a redrive policy), parsed. Throws when it is not a JSON string. */
export function jsonInput<T = unknown>(r: PlanResource, key: string): T {
    const value = r.inputs[key];
    if (typeof value !== "string")
        throw new Error(`${r.urn}: input ${key} is ${value === undefined ? "not set" : typeof value}, not a JSON string`);
    return JSON.parse(value) as T;
}

/** The query API over a set of resources, as methods: `query(plan).one("aws:sqs/queue:Queue")`. */
export class ResourceQuery implements ResourceSet {
    constructor(public readonly resources: PlanResource[]) {}

    /** Resources of a type. */
    public ofType(type: string): PlanResource[] {
        return resourcesOfType(this, type);
    }

    /** The one resource of a type, or the one of a type and logical name; throws unless there is exactly one. */
    public one(type: string, name?: string): PlanResource {
        return name === undefined ? onlyResourceOfType(this, type) : resourceByName(this, name, type);
    }

    /** The one resource of a logical name (and type, when given). */
    public byName(name: string, type?: string): PlanResource {
        return resourceByName(this, name, type);
    }

    /** A resource by URN. */
    public byUrn(urn: string): PlanResource | undefined {
        return resourceByUrn(this, urn);
    }

    /** Resources matching a predicate. */
    public where(predicate: (r: PlanResource) => boolean): PlanResource[] {
        return this.resources.filter(predicate);
    }

    /** The types registered, each once, in registration order. */
    public types(): string[] {
        return [...new Set(this.resources.map((r) => r.type))];
    }

    public inputs<T extends object = Record<string, unknown>>(r: PlanResource): T {
        return inputsOf<T>(r);
    }

    public json<T = unknown>(r: PlanResource, key: string): T {
        return jsonInput<T>(r, key);
    }

    public childrenOf(parent: ResourceRef): PlanResource[] {
        return childrenOf(this, parent);
    }

    public descendantsOf(ancestor: ResourceRef): PlanResource[] {
        return descendantsOf(this, ancestor);
    }

    public parentOf(r: ResourceRef): PlanResource | undefined {
        return parentOf(this, r);
    }

    public dependenciesOf(r: ResourceRef): PlanResource[] {
        return dependenciesOf(this, r);
    }

    public transitiveDependenciesOf(r: ResourceRef): Set<string> {
        return transitiveDependencies(this, urnOf(r));
    }

    public providerOf(r: PlanResource): PlanResource | undefined {
        return providerOf(this, r);
    }
}

/** The query API over a plan document or a render result. */
export function query(set: ResourceSet): ResourceQuery {
    return set instanceof ResourceQuery ? set : new ResourceQuery(set.resources);
}
