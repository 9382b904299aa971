import { z } from "zod";
import { suggest } from "./errors";

/**
 * The values of a catalogue written compactly, grouped by family: `db.t4g.{micro,small,medium}, db.m7g.{large,xlarge}`
 * (a list of a hundred names helps nobody find the one they meant).
 */
export function compactList(values: readonly string[]): string {
    const families = new Map<string, string[]>();
    for (const v of values) {
        const dot = v.lastIndexOf(".");
        const [family, size] = dot > 0 ? [v.slice(0, dot), v.slice(dot + 1)] : [v, ""];
        families.set(family, [...(families.get(family) ?? []), size]);
    }
    return [...families.entries()]
        .map(([family, sizes]) => (sizes.length === 1 ? (sizes[0] ? `${family}.${sizes[0]}` : family) : `${family}.{${sizes.join(",")}}`))
        .join(", ");
}

/**
 * A string that must be one of a catalogue's values: the refusal names the value, the closest known value ("did you
 * mean") and the catalogue in compact form.
 */
export function catalogueValue(values: readonly string[], what: string): z.ZodEffects<z.ZodString> {
    return z.string().superRefine((v, ctx) => {
        if (values.includes(v)) return;
        const hint = suggest(v, values);
        ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: `!${JSON.stringify(v)} is not a known ${what}${hint ? ` (did you mean "${hint}"?)` : ""}; known: ${compactList(values)}`,
        });
    });
}
