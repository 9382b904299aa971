import * as fs from "fs";
import * as path from "path";
import YAML from "yaml";
import { z } from "zod";
import { ROOT } from "../helpers";
import { platformSchema, TOP_LEVEL_KEYS, topLevelDescription } from "../../components/config/schema";
import { unwrapSchema } from "../../components/config/errors";
import { allowedOf, descriptionOf, layers } from "../../components/config/meta";
import { configKeys, renderConfigDocs } from "../../scripts/generate-config-docs";
import { renderPulumiYaml } from "../../scripts/generate-pulumi-yaml";

const DOCS = path.join(ROOT, "docs/configuration.md");
const docs = fs.readFileSync(DOCS, "utf8");

/** `<name>`, `<key>`, ... are the user's names: compare keys with any placeholder. */
const normal = (key: string) => key.replace(/<[^>]+>/g, "<*>");

/**
 * The keys a stack file can set, derived from the input schema on its own (not with the generator's walker):
 * object keys, `[]` for entries of lists of objects, `<*>` for the keys of records.
 */
function acceptedKeys(): Map<string, z.ZodTypeAny> {
    const keys = new Map<string, z.ZodTypeAny>();
    const walk = (key: string, field: z.ZodTypeAny) => {
        keys.set(key, field);
        const base = unwrapSchema(field);
        if (base instanceof z.ZodObject)
            for (const [k, v] of Object.entries(base.shape as Record<string, z.ZodTypeAny>)) walk(`${key}.${k}`, v);
        else if (base instanceof z.ZodRecord) walk(`${key}.<*>`, base.valueSchema);
        else if (base instanceof z.ZodArray) {
            const element = unwrapSchema(base.element);
            if (element instanceof z.ZodObject)
                for (const [k, v] of Object.entries(element.shape as Record<string, z.ZodTypeAny>)) walk(`${key}[].${k}`, v);
        }
    };
    const shape = platformSchema("prod").shape as Record<string, z.ZodTypeAny>;
    for (const top of Object.keys(shape)) walk(`strata:${top}`, shape[top]);
    return keys;
}

/** The keys docs/configuration.md documents: the first cell of every table row. */
function documentedKeys(): string[] {
    return [...docs.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => normal(m[1]));
}

describe("docs/configuration.md is the reference of every key a stack file can set", () => {
    const accepted = acceptedKeys();

    test("it is generated from the current schema (run `npm run generate`)", () => {
        expect(docs).toBe(renderConfigDocs());
    });

    test("every accepted key is documented", () => {
        const documented = new Set(documentedKeys());
        expect([...accepted.keys()].filter((k) => !documented.has(k))).toEqual([]);
    });

    test("every documented key is accepted, once (no derived keys, no duplicates)", () => {
        const documented = documentedKeys();
        expect(documented.filter((k) => !accepted.has(k))).toEqual([]);
        expect(documented.length).toBe(new Set(documented).size);
    });

    test("keys the program derives after parsing are not documented and a stack file cannot set them", () => {
        const documented = new Set(documentedKeys());
        for (const derived of ["strata:cache.parameterGroupFamily", "strata:cache.automaticFailover"]) {
            expect([derived, documented.has(derived)]).toEqual([derived, false]);
        }
        expect(platformSchema("dev").safeParse({ environment: "dev", cache: { parameterGroupFamily: "valkey8" } }).success).toBe(false);
        // ... while what they are derived from is.
        expect(documented.has("strata:cache.engineVersion")).toBe(true);
    });

    test("per-service and per-bucket keys are there with their placeholder", () => {
        const documented = new Set(docs.match(/^\| `[^`]+`/gm)!.map((r) => r.slice(3, -1)));
        for (const key of [
            "strata:services.<name>.image",
            "strata:services.<name>.autoscaling.minReplicas",
            "strata:services.<name>.ingress.certificateArn",
            "strata:objectStore.buckets.<key>.lifecycle.expirationDays",
            "strata:queues.queues.<key>.fifo",
            "strata:cluster.nodeGroups[].instanceTypes",
        ]) {
            expect([key, documented.has(key)]).toEqual([key, true]);
        }
    });

    test.each([
        ["strata:network.availabilityZones", ["`2`", "`2`", "`3`"]],
        ["strata:kms.deletionWindowDays", ["`7`", "`14`", "`30`"]],
        ["strata:services.<name>.replicas", ["`1`", "`2`", "`3`"]],
        ["strata:network.availabilityZoneNames", ["—", "—", "—"]],
        ["strata:services.<name>.image", ["—", "—", "—"]],
    ])("%s shows each environment's preset (— for none)", (key, presets) => {
        const row = docs.split("\n").find((l) => l.startsWith(`| \`${key}\` |`))!;
        expect(row.split(" | ").slice(2, 5)).toEqual(presets);
    });

    test("every key has a description and allowed values; every refined field says in words what it allows", () => {
        for (const k of configKeys()) {
            expect([k.key, k.description.length > 0, k.allowed.length > 0]).toEqual([k.key, true, true]);
        }
        for (const [key, field] of accepted) {
            const base = unwrapSchema(field);
            if (base instanceof z.ZodObject || base instanceof z.ZodArray) continue; // their entries are keys of their own
            const refined =
                layers(field).some((l) => l instanceof z.ZodEffects && l._def.effect.type === "refinement") ||
                (base instanceof z.ZodString && base._def.checks.some((c) => c.kind === "regex"));
            if (refined) expect([key, allowedOf(field) !== undefined]).toEqual([key, true]);
            expect([key, descriptionOf(field) !== undefined]).toEqual([key, true]);
        }
    });
});

describe("Pulumi.yaml's descriptions are the sections' own", () => {
    const current = fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8");

    test("it is generated from the current schema", () => {
        expect(renderPulumiYaml(current)).toBe(current);
    });

    test.each(TOP_LEVEL_KEYS)("strata:%s carries its schema's .describe() text", (key) => {
        const description = topLevelDescription(key);
        expect(description.length).toBeGreaterThan(10);
        expect(YAML.parse(current).config[`strata:${key}`].description).toBe(description);
    });
});
