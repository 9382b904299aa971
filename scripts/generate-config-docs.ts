/**
 * Generates docs/configuration.md from the config schema: every `strata:` key a stack file can set, walked from the
 * *input* schema (so keys the program derives after parsing never appear and optional keys without a default do),
 * with its description (`.describe()`), its default in each environment's preset, and the values it allows (enums,
 * number and length ranges, and the `allowed()` text of refined fields).
 * Usage: npx ts-node --transpile-only scripts/generate-config-docs.ts [--check]
 */
import * as fs from "fs";
import * as path from "path";
import { z } from "zod";
import type { Environment } from "../components/config/environment";
import { ENVIRONMENTS } from "../components/config/environment";
import { platformSchema, topLevelDescription, TOP_LEVEL_KEYS } from "../components/config/schema";
import { allowedOf, baseOf, defaultOf, descriptionOf } from "../components/config/meta";

/** One settable key: its path as a user writes it, with `<name>` / `[]` for record keys and list entries. */
export interface ConfigKey {
    key: string;
    description: string;
    /** Each environment's default, or undefined where the key has none (optional keys, required keys). */
    defaults: Record<Environment, { has: boolean; value?: unknown }>;
    allowed: string;
}

/** The placeholder segment of a record's keys: what the user names there. */
function placeholder(recordPath: string): string {
    if (recordPath === "strata:services") return "<name>";
    if (/\.(env|secretEnv)$/.test(recordPath)) return "<variable>";
    if (/\.parameters$/.test(recordPath)) return "<parameter>";
    if (/\.labels$/.test(recordPath)) return "<label>";
    return "<key>";
}

/** Every key under `schema`, depth first, parents before their children. */
export function walkKeys(key: string, schema: z.ZodTypeAny, visit: (key: string, field: z.ZodTypeAny) => void): void {
    visit(key, schema);
    const base = baseOf(schema);
    if (base instanceof z.ZodObject) {
        for (const [k, v] of Object.entries(base.shape as Record<string, z.ZodTypeAny>)) walkKeys(`${key}.${k}`, v, visit);
    } else if (base instanceof z.ZodArray) {
        const element = baseOf(base.element);
        if (element instanceof z.ZodObject) {
            for (const [k, v] of Object.entries(element.shape as Record<string, z.ZodTypeAny>)) walkKeys(`${key}[].${k}`, v, visit);
        }
    } else if (base instanceof z.ZodRecord) {
        walkKeys(`${key}.${placeholder(key)}`, base.valueSchema, visit);
    }
}

function code(v: unknown): string {
    return `\`${typeof v === "string" ? v : JSON.stringify(v)}\``;
}

/** The number range of a ZodNumber's checks, e.g. "integer 7-30", "number > 0, <= 1". */
function numberRange(n: z.ZodNumber): string {
    let min: { value: number; inclusive: boolean } | undefined;
    let max: { value: number; inclusive: boolean } | undefined;
    for (const c of n._def.checks) {
        if (c.kind === "min") min = { value: c.value, inclusive: c.inclusive };
        if (c.kind === "max") max = { value: c.value, inclusive: c.inclusive };
    }
    const kind = n.isInt ? "integer" : "number";
    const fmt = (v: number) => String(v);
    if (min?.inclusive && max?.inclusive) return `${kind} ${fmt(min.value)}-${fmt(max.value)}`;
    const parts = [
        min && `${min.inclusive ? ">=" : ">"} ${fmt(min.value)}`,
        max && `${max.inclusive ? "<=" : "<"} ${fmt(max.value)}`,
    ].filter(Boolean);
    return parts.length ? `${kind} ${parts.join(", ")}` : kind;
}

function lengthRange(checks: Array<{ kind: string; value?: number }>, unit: string): string | undefined {
    const min = checks.find((c) => c.kind === "min")?.value;
    const max = checks.find((c) => c.kind === "max")?.value;
    if (min !== undefined && max !== undefined) return `${min}-${max} ${unit}`;
    if (min !== undefined) return `at least ${min} ${unit}`;
    if (max !== undefined) return `at most ${max} ${unit}`;
    return undefined;
}

/** The values a field allows: its `allowed()` text, or what its zod type says. */
export function allowedValues(field: z.ZodTypeAny): string {
    const explicit = allowedOf(field);
    if (explicit !== undefined) return explicit;
    const base = baseOf(field);
    if (base instanceof z.ZodEnum) return (base.options as string[]).map(code).join(", ");
    if (base instanceof z.ZodLiteral) return code(base.value);
    if (base instanceof z.ZodUnion) {
        const options = base.options as z.ZodTypeAny[];
        if (options.every((o) => o instanceof z.ZodLiteral)) return options.map((o) => code((o as z.ZodLiteral<unknown>).value)).join(", ");
    }
    if (base instanceof z.ZodBoolean) return "`true`, `false`";
    if (base instanceof z.ZodNumber) return numberRange(base);
    if (base instanceof z.ZodString) {
        const length = lengthRange(base._def.checks as Array<{ kind: string; value?: number }>, "characters");
        if (length === "at least 1 characters") return "non-empty string";
        return length ? `string of ${length}` : "any string";
    }
    if (base instanceof z.ZodArray) {
        const element = baseOf(base.element);
        const min = base._def.minLength?.value;
        const max = base._def.maxLength?.value;
        const count =
            min && max ? ` of ${min}-${max} entries` : max ? ` of up to ${max} entries` : min ? ` of at least ${min} entries` : "";
        if (element instanceof z.ZodObject) return `list${count} (keys below)`;
        return `list${count}; each: ${allowedValues(base.element)}`;
    }
    if (base instanceof z.ZodRecord) return "map (entries below)";
    if (base instanceof z.ZodObject) return "object (keys below)";
    return "see description";
}

/** Every settable key of the platform, with each environment's preset. */
export function configKeys(): ConfigKey[] {
    const byEnv = Object.fromEntries(
        ENVIRONMENTS.map((env) => {
            const found = new Map<string, z.ZodTypeAny>();
            const shape = platformSchema(env).shape as Record<string, z.ZodTypeAny>;
            for (const top of TOP_LEVEL_KEYS) walkKeys(`strata:${top}`, shape[top], (key, field) => found.set(key, field));
            return [env, found];
        }),
    ) as Record<Environment, Map<string, z.ZodTypeAny>>;
    const keys: ConfigKey[] = [];
    for (const [key, field] of byEnv.dev) {
        const description = descriptionOf(field);
        if (description === undefined) throw new Error(`${key} has no description: add .describe() to its schema`);
        const defaults = Object.fromEntries(
            ENVIRONMENTS.map((env) => {
                const f = byEnv[env].get(key);
                if (!f) throw new Error(`${key} exists in dev but not in ${env}`);
                return [env, defaultOf(f)];
            }),
        ) as ConfigKey["defaults"];
        keys.push({ key, description, defaults, allowed: allowedValues(field) });
    }
    return keys;
}

const cell = (s: string) => s.replace(/\|/g, "\\|");
const MAX_SHOWN = 60;

function showDefault(d: { has: boolean; value?: unknown }): string {
    if (!d.has) return "—";
    const s = JSON.stringify(d.value);
    return `\`${s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 3)}...` : s}\``;
}

export function renderConfigDocs(): string {
    const keys = configKeys();
    const out: string[] = [
        "# Configuration reference",
        "",
        "<!-- GENERATED by scripts/generate-config-docs.ts from the config schema (components/config/). Do not edit: run `npm run generate`. -->",
        "",
        "Every key lives under the `strata:` namespace of a stack file (`Pulumi.<stack>.yaml`); the region comes from `aws:region`.",
        "`strata:environment` picks the preset below; any key a stack file sets overrides the preset, keys it leaves out keep it.",
        "Invalid values fail before anything is created, with one message per problem naming the key, the value and what is allowed.",
        "",
        "Keys in `<angle brackets>` are names you choose (a service, a bucket, a queue); `[]` stands for each entry of a list.",
        "A default of — means the key has none: it is optional (unset unless a stack file sets it) or, inside a list or map entry, required.",
        "",
    ];
    for (const top of TOP_LEVEL_KEYS) {
        const prefix = `strata:${top}`;
        const rows = keys.filter((k) => k.key === prefix || k.key.startsWith(`${prefix}.`) || k.key.startsWith(`${prefix}[`));
        out.push(`## ${prefix}`, "", topLevelDescription(top), "");
        out.push("| key | description | dev | staging | prod | allowed values |", "|---|---|---|---|---|---|");
        for (const r of rows) {
            const d = ENVIRONMENTS.map((e) => cell(showDefault(r.defaults[e])));
            out.push(`| \`${r.key}\` | ${cell(r.description)} | ${d.join(" | ")} | ${cell(r.allowed)} |`);
        }
        out.push("");
        for (const r of rows.filter((row) => ENVIRONMENTS.some((e) => showDefault(row.defaults[e]).endsWith("...`")))) {
            for (const e of ENVIRONMENTS) {
                out.push(
                    `<details><summary><code>${r.key}</code> in ${e}</summary>`,
                    "",
                    "```json",
                    JSON.stringify(r.defaults[e].value, null, 2),
                    "```",
                    "",
                    "</details>",
                    "",
                );
            }
        }
    }
    return out.join("\n");
}

if (require.main === module) {
    const file = path.join(__dirname, "..", "docs", "configuration.md");
    const next = renderConfigDocs();
    if (process.argv.includes("--check")) {
        if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== next) {
            process.stderr.write("docs/configuration.md is out of date: run npm run generate\n");
            process.exit(1);
        }
    } else {
        fs.writeFileSync(file, next);
    }
}
