/** Builds plan resources for policy tests and runs single policies through policy/evaluate.ts's engine fake. */
import type { PlanResource, PlanViolation } from "../../plan/types";
import { evaluatePolicySet, loadPolicyConfig } from "../../policy/evaluate";
import { policies } from "../../policy/policies";

export const PROJECT = "strata";
export const STACK = "dev";
export const TAGS = { Project: "strata", Environment: "dev", Owner: "platform-team", CostCenter: "engineering", ManagedBy: "pulumi" };

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
}

const PROVIDER_TYPE = "pulumi:providers:aws";
export const PROVIDER_URN = urnOf(PROVIDER_TYPE, "aws");

/** The explicit AWS provider, with default tags serialised the way @pulumi/aws sends them (a JSON string). */
export function awsProvider(tags: Record<string, string> = TAGS): PlanResource {
    return res(PROVIDER_TYPE, "aws", { region: "us-east-1", defaultTags: JSON.stringify({ tags }) }, { provider: null });
}

export interface ResOpts extends Partial<Omit<PlanResource, "options">> {
    options?: Partial<PlanResource["options"]>;
}

export function res(type: string, name: string, inputs: Record<string, unknown>, extra: ResOpts = {}): PlanResource {
    const aws = type.startsWith("aws:");
    const k8s = type.startsWith("kubernetes:");
    return {
        urn: extra.urn ?? urnOf(type, name),
        type,
        name,
        parent: extra.parent ?? `urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-${STACK}`,
        provider:
            extra.provider !== undefined
                ? extra.provider
                : aws
                  ? `${PROVIDER_URN}::0f7e4c1a`
                  : k8s
                    ? `${urnOf("pulumi:providers:kubernetes", "k8s")}::1b2c`
                    : null,
        custom: extra.custom ?? true,
        inputs,
        options: { protect: false, retainOnDelete: false, ignoreChanges: [], deleteBeforeReplace: false, ...(extra.options ?? {}) },
        dependencies: extra.dependencies ?? Object.values(extra.propertyDependencies ?? {}).flat(),
        propertyDependencies: extra.propertyDependencies ?? {},
    };
}

/** `child` depends on `target` through input `prop` (as `bucket: bucket.id` would record it). */
export function via(prop: string, ...targets: PlanResource[]): ResOpts {
    return { propertyDependencies: { [prop]: targets.map((t) => t.urn) } };
}

export function findPolicy(name: string) {
    const p = policies.find((x) => x.name === name);
    if (!p) throw new Error(`no policy ${name}`);
    return p;
}

/** The violations one policy reports on `resources` (plus the AWS provider), with an environment's config. */
export function check(
    policy: string,
    resources: PlanResource[],
    environment = "dev",
    settings: Record<string, unknown> = {},
): PlanViolation[] {
    const all = resources.some((r) => r.type === PROVIDER_TYPE) ? resources : [awsProvider(), ...resources];
    const config = loadPolicyConfig(environment);
    const own = config[policy];
    const withSettings = { ...config, [policy]: { ...(typeof own === "object" ? own : { enforcementLevel: own }), ...settings } };
    return evaluatePolicySet(all, { environment, stack: STACK, project: PROJECT }, withSettings, [findPolicy(policy)]).violations;
}
