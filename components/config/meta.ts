import { z } from "zod";

/**
 * What a refined field allows, in words: a regex, `refine` or `superRefine` says what it accepts only to the value
 * it rejects, so the configuration reference reads it from here. The text is kept in the schema's definition, which
 * `.describe()` copies and `.default()` / `.optional()` / `.refine()` wrap, so it survives whatever follows; the
 * reference takes the outermost text around a field (a field can narrow what a shared base schema says).
 */
interface AllowedDef {
    strataAllowed?: string;
}

export function allowed<T extends z.ZodTypeAny>(schema: T, text: string): T {
    (schema._def as AllowedDef).strataAllowed = text;
    return schema;
}

/** The schema one wrapper (default, optional, nullable, refinement, transform, pipe) down, or undefined at the base. */
function unwrapOnce(schema: z.ZodTypeAny): z.ZodTypeAny | undefined {
    if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return schema._def.innerType;
    if (schema instanceof z.ZodEffects) return schema._def.schema;
    if (schema instanceof z.ZodPipeline) return schema._def.in;
    return undefined;
}

/** Every layer of a field, outermost first: the field itself, then each wrapped schema down to its base type. */
export function layers(schema: z.ZodTypeAny): z.ZodTypeAny[] {
    const out: z.ZodTypeAny[] = [];
    for (let cur: z.ZodTypeAny | undefined = schema; cur; cur = unwrapOnce(cur)) out.push(cur);
    return out;
}

/** A field's description: the outermost `.describe()` text around it. */
export function descriptionOf(schema: z.ZodTypeAny): string | undefined {
    return layers(schema).find((l) => l.description !== undefined)?.description;
}

/** A field's recorded allowed values: the outermost `allowed()` text around it. */
export function allowedOf(schema: z.ZodTypeAny): string | undefined {
    return layers(schema)
        .map((l) => (l._def as AllowedDef).strataAllowed)
        .find((t) => t !== undefined);
}

/** A field's default (the outermost `.default()` around it), or `{ has: false }` when it has none. */
export function defaultOf(schema: z.ZodTypeAny): { has: true; value: unknown } | { has: false } {
    const d = layers(schema).find((l): l is z.ZodDefault<z.ZodTypeAny> => l instanceof z.ZodDefault);
    return d ? { has: true, value: d._def.defaultValue() } : { has: false };
}

/** The base type of a field under every wrapper. */
export function baseOf(schema: z.ZodTypeAny): z.ZodTypeAny {
    const all = layers(schema);
    return all[all.length - 1];
}
