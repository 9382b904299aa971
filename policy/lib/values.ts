/** Small helpers over resource inputs as a policy sees them (plain JSON: booleans may arrive as strings). */

export function isTrue(v: unknown): boolean {
    return v === true || v === "true";
}

export function isFalse(v: unknown): boolean {
    return v === false || v === "false";
}

export function asArray<T = any>(v: unknown): T[] {
    if (v === undefined || v === null) return [];
    return Array.isArray(v) ? (v as T[]) : [v as T];
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
export function providerDefaultTags(provider: { type: string; props: Record<string, any> } | undefined): Record<string, string> {
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
