import type { ResourceValidationPolicy, Severity, StackValidationPolicy } from "@pulumi/policy";
import { waivedResourceValidation, waivedStackValidation, withWaiverSetting } from "./waivers";

export type Category =
    "encryption" | "tagging" | "network-exposure" | "access-control" | "data-protection" | "workload-hardening" | "governance";
export type Environment = "dev" | "staging" | "prod";
export const ENVIRONMENTS: readonly Environment[] = ["dev", "staging", "prod"];
export type Level = "mandatory" | "advisory" | "disabled";

/** The controls a policy maps to. IDs as the frameworks spell them. */
export interface Controls {
    /** CIS AWS Foundations Benchmark (v3.0.0) or CIS Kubernetes / EKS Benchmark recommendations. */
    cis?: string[];
    /** AWS Foundational Security Best Practices control IDs. */
    fsbp?: string[];
    /** Checkov check IDs (terraform and Kubernetes names), each one in policy/controls/checkov.json. */
    checkov?: string[];
    /** cdk-nag AwsSolutions rule IDs (`AwsSolutions-RDS10`), each one in policy/controls/cdk-nag.json. */
    cdkNag?: string[];
    /** Other references: Pod Security Standards, kube-linter, Polaris. */
    other?: string[];
}

/** What Strata adds to @pulumi/policy's Policy: the category, the controls, the levels per environment. */
export interface StrataMetadata {
    category: Category;
    severity: Severity;
    controls: Controls;
    /** What the policy checks, in one or two sentences for docs/policies.md (the description is the headline). */
    checks: string;
}

export type StrataResourcePolicy = ResourceValidationPolicy & StrataMetadata;
export type StrataStackPolicy = StackValidationPolicy & StrataMetadata;
export type StrataPolicy = StrataResourcePolicy | StrataStackPolicy;

/** Default level of each category (the pack default, i.e. with no --policy-pack-config), and per environment. */
export const CATEGORY_LEVELS: Record<Category, Record<Environment, Level>> = {
    encryption: { dev: "mandatory", staging: "mandatory", prod: "mandatory" },
    tagging: { dev: "mandatory", staging: "mandatory", prod: "mandatory" },
    "network-exposure": { dev: "mandatory", staging: "mandatory", prod: "mandatory" },
    "access-control": { dev: "mandatory", staging: "mandatory", prod: "mandatory" },
    "data-protection": { dev: "advisory", staging: "advisory", prod: "mandatory" },
    "workload-hardening": { dev: "mandatory", staging: "mandatory", prod: "mandatory" },
    governance: { dev: "mandatory", staging: "mandatory", prod: "mandatory" },
};

/** Rules that are mandatory only in production even though their category is mandatory everywhere. */
export const PROD_ONLY_MANDATORY = new Set<string>([
    "kubernetes-workload-require-replicas",
    "kubernetes-workload-require-disruption-budget",
]);

export function levelFor(policy: Pick<StrataMetadata, "category"> & { name: string }, env: Environment): Level {
    if (PROD_ONLY_MANDATORY.has(policy.name)) return env === "prod" ? "mandatory" : "advisory";
    return CATEGORY_LEVELS[policy.category][env];
}

/**
 * Fills the @pulumi/policy fields from Strata's metadata: the default enforcement level (dev's) and tags. Every policy
 * honours the stack's waivers (policy/lib/waivers.ts): its validation is wrapped and its config schema
 * gains the `waivers` setting.
 */
export function resourcePolicy(p: Omit<StrataResourcePolicy, "enforcementLevel" | "tags">): StrataResourcePolicy {
    const v = p.validateResource;
    return {
        ...p,
        validateResource: v === undefined ? v : Array.isArray(v) ? v.map(waivedResourceValidation) : waivedResourceValidation(v),
        configSchema: withWaiverSetting(p.configSchema),
        enforcementLevel: levelFor(p, "dev") as "mandatory" | "advisory",
        tags: tagsOf(p),
    };
}

export function stackPolicy(p: Omit<StrataStackPolicy, "enforcementLevel" | "tags">): StrataStackPolicy {
    return {
        ...p,
        validateStack: waivedStackValidation(p.validateStack),
        configSchema: withWaiverSetting(p.configSchema),
        enforcementLevel: levelFor(p, "dev") as "mandatory" | "advisory",
        tags: tagsOf(p),
    };
}

function tagsOf(p: StrataMetadata): string[] {
    const c = p.controls;
    return [
        p.category,
        ...(c.cis ?? []).map((x) => `CIS ${x}`),
        ...(c.fsbp ?? []).map((x) => `FSBP ${x}`),
        ...(c.checkov ?? []),
        ...(c.cdkNag ?? []),
        ...(c.other ?? []),
    ];
}

export function isStackPolicy(p: StrataPolicy): p is StrataStackPolicy {
    return typeof (p as StrataStackPolicy).validateStack === "function";
}
