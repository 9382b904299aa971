/** Hand-built plan documents for the pure tests of the diff, the guard and the teardown graph. */
import type { PlanDocument, PlanResource } from "../../plan/types";

export const STACK = "urn:pulumi:dev::strata::";
export const urnOf = (type: string, name: string) => `${STACK}${type}::${name}`;

/** A custom AWS resource with an explicit provider and default options; `extra` overrides any field. */
export function resource(
    type: string,
    name: string,
    inputs: Record<string, unknown> = {},
    extra: Partial<PlanResource> = {},
): PlanResource {
    return {
        urn: urnOf(type, name),
        type,
        name,
        parent: null,
        provider: "urn:pulumi:dev::strata::pulumi:providers:aws::aws::id",
        custom: true,
        inputs,
        options: { protect: false, retainOnDelete: false, ignoreChanges: [], deleteBeforeReplace: false },
        dependencies: Object.values(extra.propertyDependencies ?? {}).flat(),
        propertyDependencies: {},
        ...extra,
    };
}

/** A plan document of these resources, costing `monthlyUsd`. */
export function planOfResources(resources: PlanResource[], monthlyUsd = 0): PlanDocument {
    return {
        project: "strata",
        stack: "dev",
        resources,
        outputs: {},
        violations: [],
        cost: { monthlyUsd, priceTable: "t", items: [] },
        deploy: { criticalPathMinutes: 0, sumMinutes: 0, path: [] },
    };
}
