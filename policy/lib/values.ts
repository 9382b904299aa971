/** Small helpers over resource inputs as a policy sees them (plain JSON: booleans may arrive as strings). */

export function isTrue(v: unknown): boolean {
    return v === true || v === "true";
}

export function isFalse(v: unknown): boolean {
    return v === false || v === "false";
}

/**
 * A list input as a list: absent is empty, a single value is a list of one. The element type is the input's own
 * (a typed input's element, `unknown` for raw JSON).
 */
export function asArray<T>(v: T | readonly T[] | null | undefined): T[] {
    if (v === undefined || v === null) return [];
    // Array.isArray cannot tell a list of T from a T that is itself an array: the input's type decides, hence the assertions.
    return Array.isArray(v) ? (v as T[]) : [v as T];
}

/** An input object as a policy reads it: a JSON object whose fields are unknown until checked. */
export type Props = Record<string, unknown>;

/** Whether `v` has fields to read (any non-null object, arrays included, as `v?.[key]` reads them). */
export function isObject(v: unknown): v is Props {
    return typeof v === "object" && v !== null;
}

/** `v`'s field at `path`, read as `v?.[a]?.[b]` reads it: undefined as soon as a step is not an object. */
export function field(v: unknown, ...path: string[]): unknown {
    let cur = v;
    for (const key of path) {
        if (!isObject(cur)) return undefined;
        cur = cur[key];
    }
    return cur;
}

/** `v` when it is an object, else an empty one (what `v ?? {}` gives for the fields read from it). */
export function objectAt(v: unknown): Props {
    return isObject(v) ? v : {};
}

/** The string entries of a list input (as `asArray`). */
export function strings(v: unknown): string[] {
    return asArray(v).filter((s): s is string => typeof s === "string");
}

export function nonEmptyString(v: unknown): boolean {
    return typeof v === "string" && v.trim().length > 0;
}

/** Tags as a string map, from a map input or a JSON string (how a provider's object inputs reach a policy). */
export function tagMap(v: unknown): Record<string, string> {
    if (typeof v === "string") {
        try {
            return tagMap(JSON.parse(v));
        } catch {
            return {};
        }
    }
    if (v && typeof v === "object" && !Array.isArray(v)) {
        const out: Record<string, string> = {};
        for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
            if (val !== undefined && val !== null) out[k] = String(val);
        }
        return out;
    }
    return {};
}

/**
 * The provider's default tags. @pulumi/aws serialises the provider's object inputs as JSON, so
 * `provider.props.defaultTags` is the string `{"tags":{...}}`; an object is accepted too.
 */
export function providerDefaultTags(provider: { type: string; props: Props } | undefined): Record<string, string> {
    if (!provider || !provider.type.startsWith("pulumi:providers:aws")) return {};
    let dt: unknown = provider.props?.defaultTags;
    if (typeof dt === "string") {
        try {
            dt = JSON.parse(dt);
        } catch {
            return {};
        }
    }
    if (!dt || typeof dt !== "object") return {};
    return tagMap((dt as { tags?: unknown }).tags);
}

export const OPEN_CIDRS = new Set(["0.0.0.0/0", "::/0"]);

/** Whether `v` is one of OPEN_CIDRS (anything but a string is not). */
export function isOpenCidr(v: unknown): boolean {
    return typeof v === "string" && OPEN_CIDRS.has(v);
}
