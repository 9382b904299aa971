/**
 * Generates the `config:` block of Pulumi.yaml from the config schema (the single source of truth):
 * every `strata:` key declared with the description its schema carries (`.describe()`); scalars and arrays of scalars with their type; a default
 * wherever a stack may leave the key out (objects default to {}, meaning "the environment's preset").
 * Usage: npx ts-node --transpile-only scripts/generate-pulumi-yaml.ts [--check]
 */
import * as fs from "fs";
import * as path from "path";
import YAML from "yaml";
import { z } from "zod";
import { platformSchema, topLevelDescription, TOP_LEVEL_KEYS } from "../components/config/schema";
import { unwrapSchema } from "../components/config/errors";

type Decl = { type?: string; items?: { type: string }; description: string; default?: unknown; value?: unknown };

function scalarType(schema: z.ZodTypeAny): string | undefined {
    const base = unwrapSchema(schema);
    if (base instanceof z.ZodString || base instanceof z.ZodEnum || base instanceof z.ZodLiteral) return "string";
    if (base instanceof z.ZodNumber) return base.isInt ? "integer" : undefined;
    if (base instanceof z.ZodBoolean) return "boolean";
    return undefined;
}

export function configDeclarations(): Record<string, Decl> {
    const schema = platformSchema("dev");
    const shape = schema.shape as Record<string, z.ZodTypeAny>;
    const decls: Record<string, Decl> = {
        "pulumi:disable-default-providers": { value: ["aws", "kubernetes"] } as unknown as Decl,
    };
    for (const key of TOP_LEVEL_KEYS) {
        const field = shape[key];
        const decl: Decl = { description: topLevelDescription(key) };
        const base = unwrapSchema(field);
        const scalar = scalarType(field);
        if (scalar) decl.type = scalar;
        else if (base instanceof z.ZodArray && scalarType(base.element)) {
            decl.type = "array";
            decl.items = { type: scalarType(base.element)! };
        }
        if (key !== "environment") {
            // The environment-independent default, or "preset" ({} / []) for structured keys.
            const parsed = field.safeParse(undefined);
            if (scalar && parsed.success && parsed.data !== undefined) decl.default = parsed.data;
            else if (!scalar) decl.default = base instanceof z.ZodArray ? [] : {};
        }
        decls[`strata:${key}`] = decl;
    }
    return decls;
}

export function renderPulumiYaml(current: string): string {
    const doc = YAML.parseDocument(current);
    doc.set("config", configDeclarations());
    return doc.toString({ lineWidth: 0 });
}

if (require.main === module) {
    const file = path.join(__dirname, "..", "Pulumi.yaml");
    const current = fs.readFileSync(file, "utf8");
    const next = renderPulumiYaml(current);
    if (process.argv.includes("--check")) {
        if (next !== current) {
            process.stderr.write("Pulumi.yaml is out of date: run npm run generate\n");
            process.exit(1);
        }
    } else {
        fs.writeFileSync(file, next);
    }
}
