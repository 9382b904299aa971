import { z } from "zod";

export { ConfigError } from "../errors";

/** Renders a config path as the user writes it: `strata:database.instanceClass`, `strata:services[2].image`. */
export function keyPath(path: ReadonlyArray<string | number>, namespace = "strata"): string {
    let out = "";
    path.forEach((part, i) => {
        if (typeof part === "number") out += `[${part}]`;
        else out += i === 0 ? `${namespace}:${part}` : `.${part}`;
    });
    return out || `${namespace}:`;
}

/** Short, readable rendering of a bad value for an error message. */
export function showValue(value: unknown): string {
    return show(value);
}

function show(value: unknown): string {
    if (value === undefined) return "(not set)";
    const s = JSON.stringify(value);
    if (s === undefined) return String(value);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
    let cur: unknown = root;
    for (const p of path) {
        if (cur === null || typeof cur !== "object") return undefined;
        cur = (cur as Record<string | number, unknown>)[p];
    }
    return cur;
}

export function editDistance(a: string, b: string): number {
    const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) dp[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
    }
    return dp[a.length][b.length];
}

/** "did you mean" for a misspelled key. */
export function suggest(bad: string, allowed: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestScore = Infinity;
    for (const candidate of allowed) {
        const d = editDistance(bad.toLowerCase(), candidate.toLowerCase());
        if (d < bestScore) {
            bestScore = d;
            best = candidate;
        }
    }
    return best !== undefined && bestScore <= Math.max(2, Math.floor(bad.length / 3)) ? best : undefined;
}

/**
 * The default the schema gives the value at a config path (the path's own `.default()`, or the part of an enclosing
 * object's default), or undefined. A refinement on a defaulted value then shows that value, not "(missing)".
 */
export function defaultAt(schema: z.ZodTypeAny | undefined, path: ReadonlyArray<string | number>): unknown {
    let cur: z.ZodTypeAny | undefined = schema;
    let fromAncestor: { value: unknown; depth: number } | undefined;
    for (let depth = 0; cur; depth++) {
        if (cur instanceof z.ZodDefault) fromAncestor = { value: cur._def.defaultValue(), depth };
        if (depth === path.length) break;
        const node: z.ZodTypeAny = unwrapSchema(cur);
        const part = path[depth];
        if (node instanceof z.ZodObject) cur = (node.shape as Record<string, z.ZodTypeAny>)[part as string];
        else if (node instanceof z.ZodArray) cur = node.element;
        else if (node instanceof z.ZodRecord) cur = node.valueSchema;
        else cur = undefined;
        // Step through wrappers that are not defaults (optional, effects) to find a default below them.
        while (cur && !(cur instanceof z.ZodDefault) && (cur instanceof z.ZodOptional || cur instanceof z.ZodEffects))
            cur = cur instanceof z.ZodOptional ? cur._def.innerType : cur._def.schema;
    }
    return fromAncestor ? valueAt(fromAncestor.value, path.slice(fromAncestor.depth)) : undefined;
}

function describeIssue(issue: z.ZodIssue, input: unknown, schema?: z.ZodTypeAny): string[] {
    const given = valueAt(input, issue.path);
    const defaulted = given === undefined ? defaultAt(schema, issue.path) : undefined;
    // A value the user did not set is shown as the default it took.
    const value = given ?? defaulted;
    const showValue = (v: unknown) => (given === undefined && defaulted !== undefined ? `${show(v)} (the default)` : show(v));
    const key = keyPath(issue.path);
    switch (issue.code) {
        case z.ZodIssueCode.unrecognized_keys: {
            const parentKey = key;
            return issue.keys.map((k) => {
                const shape = allowedKeysAt(schema, issue.path);
                const hint = shape ? suggest(k, shape) : undefined;
                const child = issue.path.length === 0 ? `strata:${k}` : `${parentKey}.${k}`;
                return `${child}: unknown key${hint ? ` (did you mean "${hint}"?)` : ""}; allowed keys: ${shape ? shape.join(", ") : "see docs/configuration.md"}`;
            });
        }
        case z.ZodIssueCode.invalid_enum_value:
            return [
                `${key}: ${showValue(value)} is not allowed; expected one of: ${issue.options.map((o) => JSON.stringify(o)).join(", ")}`,
            ];
        case z.ZodIssueCode.invalid_literal:
            return [`${key}: ${showValue(value)} is not allowed; expected ${JSON.stringify(issue.expected)}`];
        case z.ZodIssueCode.invalid_type:
            if (issue.received === "undefined") return [`${key}: is required (${issue.expected})`];
            return [`${key}: ${showValue(value)} is a ${issue.received}; expected ${issue.expected}`];
        case z.ZodIssueCode.too_small:
            if (issue.type === "string")
                return [`${key}: ${showValue(value)} is too short; at least ${issue.minimum} characters are required`];
            if (issue.type === "array")
                return [`${key}: has ${Array.isArray(value) ? value.length : 0} entries; at least ${issue.minimum} are required`];
            return [`${key}: ${showValue(value)} is too small; it must be ${issue.inclusive ? ">=" : ">"} ${issue.minimum}`];
        case z.ZodIssueCode.too_big:
            if (issue.type === "string")
                return [`${key}: ${showValue(value)} is too long; at most ${issue.maximum} characters are allowed`];
            if (issue.type === "array")
                return [`${key}: has ${Array.isArray(value) ? value.length : 0} entries; at most ${issue.maximum} are allowed`];
            return [`${key}: ${showValue(value)} is too large; it must be ${issue.inclusive ? "<=" : "<"} ${issue.maximum}`];
        case z.ZodIssueCode.invalid_string:
            return [`${key}: ${showValue(value)} ${issue.message}`];
        case z.ZodIssueCode.not_multiple_of:
            return [`${key}: ${showValue(value)} must be a multiple of ${issue.multipleOf}`];
        default:
            // Custom refinements write complete sentences: "<value> is not ...; allowed: ...".
            return [`${key}: ${issue.message.startsWith("!") ? issue.message.slice(1) : `${showValue(value)} ${issue.message}`}`];
    }
}

/** Strips the wrappers zod puts around a schema (defaults, optionals, refinements, pipes). */
export function unwrapSchema(schema: z.ZodTypeAny): z.ZodTypeAny {
    let cur: z.ZodTypeAny = schema;
    for (;;) {
        if (cur instanceof z.ZodDefault) cur = cur._def.innerType;
        else if (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur._def.innerType;
        else if (cur instanceof z.ZodEffects) cur = cur._def.schema;
        else if (cur instanceof z.ZodPipeline) cur = cur._def.in;
        else if (cur instanceof z.ZodLazy) cur = cur._def.getter();
        else return cur;
    }
}

/** The keys an object schema allows at a config path, for "unknown key" messages. */
export function allowedKeysAt(schema: z.ZodTypeAny | undefined, path: ReadonlyArray<string | number>): string[] | undefined {
    let cur = schema ? unwrapSchema(schema) : undefined;
    for (const part of path) {
        if (!cur) return undefined;
        if (cur instanceof z.ZodObject) cur = (cur.shape as Record<string, z.ZodTypeAny>)[part as string];
        else if (cur instanceof z.ZodArray) cur = cur.element;
        else if (cur instanceof z.ZodRecord) cur = cur.valueSchema;
        else return undefined;
        cur = cur ? unwrapSchema(cur) : undefined;
    }
    return cur instanceof z.ZodObject ? Object.keys(cur.shape as object) : undefined;
}

/** Turns a zod error into one ConfigError line per problem. */
export function formatZodError(error: z.ZodError, input: unknown, schema?: z.ZodTypeAny): string[] {
    const lines: string[] = [];
    for (const issue of error.issues) {
        if (issue.code === z.ZodIssueCode.invalid_union) {
            // Report the branch that got furthest.
            const best = issue.unionErrors.slice().sort((a, b) => b.issues[0].path.length - a.issues[0].path.length)[0];
            lines.push(...formatZodError(best, input, schema));
            continue;
        }
        lines.push(...describeIssue(issue, input, schema));
    }
    return [...new Set(lines)];
}
