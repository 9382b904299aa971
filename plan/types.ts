/** The offline plan's JSON document (`npm run plan -- --json`). */

export interface PlanResourceOptions {
    protect: boolean;
    retainOnDelete: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace: boolean;
    /** Inputs whose change the program declares as replacing the resource (`replaceOnChanges`). */
    replaceOnChanges?: string[];
    /** How long the engine waits for the create, update or delete (`customTimeouts`), when the program says. */
    customTimeouts?: { create?: string; update?: string; delete?: string };
}

export interface PlanResource {
    urn: string;
    type: string;
    name: string;
    /** URN of the parent resource (the stack for top-level resources). */
    parent: string | null;
    /** Provider reference `<provider urn>::<provider id>` the resource is created with (null for components). */
    provider: string | null;
    custom: boolean;
    /** Resolved inputs; every secret value is shown as "[secret]". */
    inputs: Record<string, unknown>;
    options: PlanResourceOptions;
    /** URNs this resource waits for: inputs and dependsOn. */
    dependencies: string[];
    /** Per-input dependencies, as the engine receives them. */
    propertyDependencies: Record<string, string[]>;
    /** The id and the string outputs others refer to it by (from the mocks); see plan/monitor.ts identityStrings. */
    identity?: string[];
}

export interface PlanViolation {
    policy: string;
    enforcementLevel: "mandatory" | "advisory";
    urn: string | null;
    message: string;
}

export interface CostItem {
    urn: string;
    type: string;
    monthlyUsd: number;
    basis: string;
}

export interface PlanDocument {
    project: string;
    stack: string;
    resources: PlanResource[];
    outputs: Record<string, unknown>;
    violations: PlanViolation[];
    /** `warnings`: regional prices the table lacks (those items are left unpriced); absent in older plan files. */
    cost: { monthlyUsd: number; priceTable: string; items: CostItem[]; warnings?: string[] };
    deploy: { criticalPathMinutes: number; sumMinutes: number; path: string[] };
    /** With `--against <earlier plan>`: what `pulumi up` would do to each resource (plan/diff.ts). */
    diff?: PlanDiffDocument;
    /** The stack's `strata:exceptions`: each entry, whether it has expired (judged on `day`), what it waived. */
    exceptions?: {
        day: string;
        entries: Array<{
            rule: string;
            target: string;
            reason: string;
            expires: string;
            expired: boolean;
            waived: Array<{ policy: string; urn: string | null; message: string }>;
        }>;
    };
}

/** The diff part of a plan document. */
export interface PlanDiffDocument {
    against: string;
    changes: Array<{
        urn: string;
        type: string;
        name: string;
        action: "create" | "update" | "replace" | "delete" | "same";
        changedInputs: string[];
        replaceReasons: string[];
        deleteBeforeReplace: boolean;
    }>;
    summary: { create: number; update: number; replace: number; delete: number; same: number };
    monthlyUsdDelta: number;
}

export const SECRET_PLACEHOLDER = "[secret]";
