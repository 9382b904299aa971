/**
 * Runs the policy pack on a plan's resources the way the Pulumi engine's analyzer does (see @pulumi/policy's
 * server.js): resource policies get ResourceValidationArgs built from each resource's inputs, options and provider;
 * stack policies get every resource with parent, dependencies and property dependencies resolved to objects.
 * Enforcement levels and policy settings come from policy/config/<environment>.json, as
 * `--policy-pack-config` gives them to the engine.
 */
// Error's `cause` option (ES2022; Node 16.9+): a policy's failure is rethrown with the original error attached.
/// <reference lib="es2022.error" />
import * as fs from "fs";
import * as path from "path";
import type {
    PolicyConfigSchema,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ReportViolation,
    ResourceValidationArgs,
    StackValidationArgs,
} from "@pulumi/policy";
import type { PlanResource, PlanViolation } from "../plan/types";
import type { StrataPolicy } from "./lib/metadata";
import { isStackPolicy } from "./lib/metadata";
import { policies as allPolicies } from "./policies";

export interface EvaluateOptions {
    /** The stack's `strata:environment`: picks policy/config/<environment>.json. */
    environment: string;
    stack: string;
    project: string;
}

export type PolicyPackConfig = Record<string, { enforcementLevel?: string; [key: string]: unknown } | string>;

/** policy/config: beside this file in the source tree, or in the package root when running from dist/policy. */
export const CONFIG_DIR =
    [path.join(__dirname, "config"), path.join(__dirname, "..", "..", "policy", "config")].find((d) => fs.existsSync(d)) ??
    path.join(__dirname, "config");

/** policy/config/<environment>.json, the file `--policy-pack-config` is given for that environment. */
export function loadPolicyConfig(environment: string): PolicyPackConfig {
    const file = path.join(CONFIG_DIR, `${environment}.json`);
    if (!fs.existsSync(file)) {
        const known = fs
            .readdirSync(CONFIG_DIR)
            .filter((f) => f.endsWith(".json"))
            .map((f) => f.replace(/\.json$/, ""));
        throw new Error(
            `no policy config for environment "${environment}" (policy/config/${environment}.json); known: ${known.join(", ")}`,
        );
    }
    return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** Thrown by `notApplicable`, as the engine's NotApplicableError. */
export class NotApplicableError extends Error {
    constructor(public readonly reason?: string) {
        super(reason ?? "Policy does not apply");
    }
}

function notApplicable(reason?: string): never {
    throw new NotApplicableError(reason);
}

/** A static member of a resource class (or a field of a validation function), as `v?.[key]` reads it. */
function member(v: unknown, key: string): unknown {
    return typeof v === "function" || (typeof v === "object" && v !== null) ? (v as Record<string, unknown>)[key] : undefined;
}

/** The engine's isTypeOf: the class's `__pulumiType`, else its `isInstance`. */
function isTypeOf(type: string, resourceClass: unknown): boolean {
    const pulumiType = attachedType(resourceClass);
    if (pulumiType !== undefined) return type === pulumiType;
    const isInstance = member(resourceClass, "isInstance");
    return typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}

function attachedType(fn: unknown): string | undefined {
    const t = member(fn, "__pulumiType");
    return typeof t === "string" && t.length > 0 ? t : undefined;
}

/** The engine's level resolution: pack config, else the policy's own level, else the pack's (mandatory). */
export function enforcementLevelOf(policy: StrataPolicy, config: PolicyPackConfig): string {
    const c = config[policy.name];
    const fromConfig = typeof c === "string" ? c : c?.enforcementLevel;
    return fromConfig || policy.enforcementLevel || "mandatory";
}

/**
 * The policy's settings: its config entry without enforcementLevel. The CLI validates the pack config against each
 * policy's configSchema and fills in schema defaults before `configure`, so defaults are applied here too.
 */
export function policySettings(policy: StrataPolicy, config: PolicyPackConfig): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const schema: PolicyConfigSchema | undefined = policy.configSchema;
    for (const [k, s] of Object.entries(schema?.properties ?? {})) {
        if ((s as { default?: unknown }).default !== undefined) out[k] = (s as { default?: unknown }).default;
    }
    const c = config[policy.name];
    if (c && typeof c === "object") {
        for (const [k, v] of Object.entries(c)) if (k !== "enforcementLevel") out[k] = v;
    }
    return out;
}

function clone<T>(v: T): T {
    return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

/**
 * A provider's properties as a policy sees them: @pulumi/aws (and other bridged providers) serialise object-valued
 * provider inputs as JSON strings, so `defaultTags` arrives as `{"tags":{...}}` text. The plan may record either form.
 */
function providerProps(p: PlanResource): Record<string, unknown> {
    const props = clone(p.inputs ?? {});
    for (const [k, v] of Object.entries(props)) {
        if (v !== null && typeof v === "object") props[k] = JSON.stringify(v);
    }
    return props;
}

function options(r: PlanResource): PolicyResourceOptions {
    const o: PolicyResourceOptions = {
        protect: !!r.options?.protect,
        ignoreChanges: [...(r.options?.ignoreChanges ?? [])],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
    };
    if (r.options?.deleteBeforeReplace !== undefined) o.deleteBeforeReplace = r.options.deleteBeforeReplace;
    if (r.parent) o.parent = r.parent;
    return o;
}

/** Splits a provider reference `<provider urn>::<provider id>` (URNs contain "::" themselves). */
export function providerUrnOf(ref: string | null | undefined): string | undefined {
    if (!ref) return undefined;
    const i = ref.lastIndexOf("::");
    return i > 0 ? ref.slice(0, i) : ref;
}

export class PlanPolicyContext {
    private readonly byUrn = new Map<string, PlanResource>();
    readonly stackTags: ReadonlyMap<string, string>;

    constructor(
        readonly resources: PlanResource[],
        readonly opts: EvaluateOptions,
        readonly config: PolicyPackConfig,
    ) {
        for (const r of resources) this.byUrn.set(r.urn, r);
        // The engine sends the stack's tags: the built-in pulumi:* ones plus any user stack tags.
        this.stackTags = new Map([
            ["pulumi:project", opts.project],
            ["pulumi:runtime", "nodejs"],
        ]);
    }

    provider(r: PlanResource): PolicyProviderResource | undefined {
        const urn = providerUrnOf(r.provider);
        const p = urn ? this.byUrn.get(urn) : undefined;
        if (!p) return undefined;
        return { type: p.type, props: providerProps(p), urn: p.urn, name: p.name };
    }

    resourceArgs(r: PlanResource, policy: StrataPolicy): ResourceValidationArgs {
        const props = clone(r.inputs ?? {});
        const type = r.type;
        const settings = policySettings(policy, this.config);
        const args: ResourceValidationArgs = {
            type,
            props,
            urn: r.urn,
            name: r.name,
            opts: options(r),
            stackTags: this.stackTags,
            isType: (cls) => isTypeOf(type, cls),
            // The engine hands back the raw props, typed as the class's args only by the caller's claim.
            asType: ((cls: unknown) => (isTypeOf(type, cls) ? props : undefined)) as ResourceValidationArgs["asType"],
            getConfig: <T extends object>() => clone(settings) as T,
            notApplicable,
        };
        const provider = this.provider(r);
        if (provider) args.provider = provider;
        return args;
    }

    stackArgs(policy: StrataPolicy): StackValidationArgs {
        const resources: PolicyResource[] = this.resources.map((r) => {
            const props = clone(r.inputs ?? {});
            const type = r.type;
            const res: PolicyResource = {
                type,
                props,
                urn: r.urn,
                name: r.name,
                opts: options(r),
                dependencies: [],
                propertyDependencies: {},
                isType: (cls) => isTypeOf(type, cls),
                asType: ((cls: unknown) => (isTypeOf(type, cls) ? props : undefined)) as PolicyResource["asType"],
            };
            const provider = this.provider(r);
            if (provider) res.provider = provider;
            return res;
        });
        const objects = new Map(resources.map((r) => [r.urn, r]));
        this.resources.forEach((r, i) => {
            const res = resources[i];
            const parent = r.parent ? objects.get(r.parent) : undefined;
            if (parent) res.parent = parent;
            res.dependencies = (r.dependencies ?? []).map((d) => objects.get(d)).filter((d): d is PolicyResource => !!d);
            for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
                res.propertyDependencies[k] = urns.map((d) => objects.get(d)).filter((d): d is PolicyResource => !!d);
            }
        });
        const settings = policySettings(policy, this.config);
        return { resources, stackTags: this.stackTags, getConfig: <T extends object>() => clone(settings) as T, notApplicable };
    }
}

export interface EvaluateResult {
    violations: PlanViolation[];
    /** Policy name -> reasons it did not apply (as the engine reports them); for diagnostics. */
    notApplicable: { policy: string; urn: string | null; reason?: string }[];
}

/** Evaluates `policies` (the whole pack by default) with the engine's semantics. */
export function evaluatePolicySet(
    resources: PlanResource[],
    opts: EvaluateOptions,
    config: PolicyPackConfig,
    policies: StrataPolicy[] = allPolicies,
): EvaluateResult {
    const ctx = new PlanPolicyContext(resources, opts, config);
    const violations: PlanViolation[] = [];
    const na: EvaluateResult["notApplicable"] = [];
    const run = (fn: () => unknown, policy: string, urn: string | null) => {
        try {
            const result = fn();
            if (result && typeof (result as Promise<void>).then === "function") {
                throw new Error(`policy ${policy} is asynchronous; the offline plan evaluates synchronous policies only`);
            }
        } catch (e) {
            if (e instanceof NotApplicableError) na.push({ policy, urn, reason: e.reason });
            else throw new Error(`policy ${policy} failed on ${urn ?? "the stack"}: ${(e as Error).message}`, { cause: e });
        }
    };

    // Resource policies, resource by resource (the engine's Analyze), then stack policies (AnalyzeStack).
    for (const r of resources) {
        for (const p of policies) {
            if (isStackPolicy(p)) continue;
            let level = enforcementLevelOf(p, config);
            if (level === "disabled" || !p.validateResource) continue;
            if (level === "remediate") level = "mandatory";
            const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
            const only = !Array.isArray(p.validateResource) ? attachedType(p.validateResource) : undefined;
            if (only && only !== r.type) {
                na.push({ policy: p.name, urn: r.urn, reason: `Policy only applies to resources of type '${only}'` });
                continue;
            }
            const report: ReportViolation = (message: string) =>
                violations.push({ policy: p.name, enforcementLevel: level as PlanViolation["enforcementLevel"], urn: r.urn, message });
            for (const v of validations) run(() => v(ctx.resourceArgs(r, p), report), p.name, r.urn);
        }
    }
    for (const p of policies) {
        if (!isStackPolicy(p)) continue;
        let level = enforcementLevelOf(p, config);
        if (level === "disabled") continue;
        if (level === "remediate") level = "mandatory";
        const only = attachedType(p.validateStack);
        if (only && !resources.some((r) => r.type === only)) {
            na.push({ policy: p.name, urn: null, reason: `Policy only applies to resources of type '${only}'` });
            continue;
        }
        const report: ReportViolation = (message: string, urn?: string) =>
            violations.push({ policy: p.name, enforcementLevel: level as PlanViolation["enforcementLevel"], urn: urn ?? null, message });
        run(() => p.validateStack(ctx.stackArgs(p), report), p.name, null);
    }
    return { violations, notApplicable: na };
}

/** Evaluates the policy pack on a plan's resources with the environment's policy config. */
export function evaluatePolicies(resources: PlanResource[], options: EvaluateOptions): PlanViolation[] {
    return evaluatePolicySet(resources, options, loadPolicyConfig(options.environment)).violations;
}
