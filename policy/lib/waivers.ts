/**
 * Waivers: a stack's `strata:exceptions`, as the policy pack honours them under `pulumi preview` and `pulumi up`.
 * The pack config generated from the stack file (policy/config/stacks/<stack>.json, `npm run policy:config`) gives
 * each policy the stack's entries for it as `waivers`; every Strata policy is wrapped so that a violation on a
 * resource an unexpired waiver covers is not reported. An expired waiver covers nothing (and the policy
 * `strata-exception-require-unexpired` reports it).
 */
import type {
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidation,
    ResourceValidationArgs,
    StackValidation,
    StackValidationArgs,
} from "@pulumi/policy";
import type { Waiver } from "../../components/exceptions";
import { activeWaiverFor, nameOfUrn, today } from "../../components/exceptions";

/** The `waivers` setting every policy accepts (the CLI validates pack config against each policy's schema). */
export const WAIVERS_SETTING = {
    type: "array",
    description: "Exceptions of the stack for this policy (generated from strata:exceptions): resources they cover are not judged.",
    items: {
        type: "object",
        properties: {
            target: { type: "string", description: "Logical resource name or glob." },
            reason: { type: "string" },
            expires: { type: "string", description: "Last day (YYYY-MM-DD) the waiver holds." },
        },
        required: ["target", "reason", "expires"],
    },
    default: [],
} as const;

/** A policy's config schema with the `waivers` setting added. */
export function withWaiverSetting(schema: PolicyConfigSchema | undefined): PolicyConfigSchema {
    return {
        ...schema,
        properties: { ...schema?.properties, waivers: WAIVERS_SETTING as unknown as PolicyConfigSchema["properties"][string] },
    };
}

/** The day waivers are judged on; an unreadable STRATA_TODAY judges by the clock (config validation refuses it). */
function judgingDay(): string {
    return today() ?? today({})!;
}

function waiversIn(config: unknown): Waiver[] {
    const w = (config as { waivers?: unknown } | undefined)?.waivers;
    return Array.isArray(w) ? (w as Waiver[]) : [];
}

/** A report function that drops violations on resources a waiver covers. */
function filtered(report: ReportViolation, waivers: readonly Waiver[], fallbackName?: string): ReportViolation {
    if (waivers.length === 0) return report;
    const day = judgingDay();
    return (message: string, urn?: string) => {
        const name = urn ? nameOfUrn(urn) : fallbackName;
        if (name !== undefined && activeWaiverFor(waivers, name, day)) return;
        report(message, urn);
    };
}

/** Keeps the resource type a validateResourceOfType function carries (the engine filters on it). */
function sameType<F extends object>(wrapped: F, original: unknown): F {
    const t = (original as { __pulumiType?: unknown } | undefined)?.__pulumiType;
    if (typeof t === "string") (wrapped as { __pulumiType?: string }).__pulumiType = t;
    return wrapped;
}

export function waivedResourceValidation(v: ResourceValidation): ResourceValidation {
    const wrapped: ResourceValidation = (args: ResourceValidationArgs, report: ReportViolation) =>
        v(args, filtered(report, waiversIn(args.getConfig()), args.name));
    return sameType(wrapped, v);
}

export function waivedStackValidation(v: StackValidation): StackValidation {
    const wrapped: StackValidation = (args: StackValidationArgs, report: ReportViolation) =>
        v(args, filtered(report, waiversIn(args.getConfig())));
    return sameType(wrapped, v);
}
