import { z } from "zod";
import type { Environment } from "./environment";
import { environmentSchema } from "./environment";
import { kms } from "./kms";
import { protection } from "./protection";
import { network } from "./network";
import { cluster } from "./cluster";
import { database } from "./database";
import { cache } from "./cache";
import { documentDb } from "./documentDb";
import { broker } from "./broker";
import { objectStore } from "./objectStore";
import { queues } from "./queues";
import { backup } from "./backup";
import { audit } from "./audit";
import { alarms } from "./alarms";
import { services } from "./services";
import { registry } from "./registry";
import { waf } from "./waf";
import { monitoring } from "./monitoring";
import { tracing } from "./tracing";
import { rollouts } from "./rollouts";
import { exceptionsSchema } from "./exceptions";
import type { AnyCheck } from "./checks";
import { allowed, descriptionOf } from "./meta";
import { AWS_TAG_CHARACTERS, REQUIRED_TAG_KEYS, TAG_KEY_MAX, TAG_VALUE_MAX } from "../tags";

/**
 * The config sections, by their `strata:` key, in the order of the reference and of their checks. Each section
 * module exports its schema and its checks; nothing registers itself on import.
 */
export const SECTIONS = {
    protection,
    kms,
    network,
    cluster,
    database,
    cache,
    documentDb,
    broker,
    objectStore,
    queues,
    registry,
    services,
    waf,
    backup,
    audit,
    monitoring,
    tracing,
    rollouts,
    alarms,
} as const;

/** Every section's checks, in section order: `loadPlatformConfig` runs them after the schema has applied the presets. */
export const CHECKS: readonly AnyCheck[] = Object.values(SECTIONS).flatMap((s): readonly AnyCheck[] => s.checks);

const SYSTEM_NAME = /^[a-z][a-z0-9-]{0,19}$/;

/** A tag key or value: AWS's tag characters, up to `max` characters. */
const tagText = (max: number) =>
    z
        .string()
        .max(max)
        .regex(AWS_TAG_CHARACTERS, "contains characters AWS does not accept in tags; allowed: letters, digits, spaces and _ . : / = + - @");

const TAG_TEXT_ALLOWED = `1-${TAG_VALUE_MAX} letters, digits, spaces and _ . : / = + - @ (AWS's tag characters)`;

/** The keys that are not a section: what the system is and how it is tagged. */
function generalFields() {
    return {
        environment: environmentSchema.describe(
            "Environment preset and policy config: dev, staging or prod. Required in every stack file.",
        ),
        name: allowed(
            z
                .string()
                .regex(SYSTEM_NAME, "must be 1-20 lower-case letters, digits or hyphens, starting with a letter")
                .refine((v) => !v.includes("--") && !v.endsWith("-"), { message: "may not contain '--' or end with '-'" })
                .default("strata")
                .describe(
                    "System name: the Project tag and the first part of every resource name (1-20 lower-case letters, digits, hyphens).",
                ),
            "1-20 lower-case letters, digits or hyphens, starting with a letter; no '--', not ending with '-'",
        ),
        owner: allowed(
            tagText(TAG_VALUE_MAX).min(1).default("platform-team").describe("Owner tag on every resource (team or person accountable)."),
            TAG_TEXT_ALLOWED,
        ),
        costCenter: allowed(
            tagText(TAG_VALUE_MAX).min(1).default("engineering").describe("CostCenter tag on every resource."),
            TAG_TEXT_ALLOWED,
        ),
        tags: allowed(
            z
                .record(
                    tagText(TAG_KEY_MAX).min(1),
                    allowed(
                        tagText(TAG_VALUE_MAX).describe("The tag's value."),
                        `up to ${TAG_VALUE_MAX} letters, digits, spaces and _ . : / = + - @`,
                    ),
                )
                .superRefine((tags, ctx) => {
                    for (const k of Object.keys(tags)) {
                        if ((REQUIRED_TAG_KEYS as readonly string[]).includes(k) || k === "DataClassification") {
                            ctx.addIssue({
                                code: z.ZodIssueCode.custom,
                                path: [k],
                                message: `!is set by Strata from other keys and cannot be overridden here`,
                            });
                        }
                        if (k.toLowerCase().startsWith("aws:")) {
                            ctx.addIssue({
                                code: z.ZodIssueCode.custom,
                                path: [k],
                                message: `!tag keys starting with "aws:" are reserved by AWS`,
                            });
                        }
                    }
                })
                .default({})
                .describe("Extra tags for every resource (the required tags cannot be overridden)."),
            `tag keys of 1-128 letters, digits, spaces and _ . : / = + - @, not ${[...REQUIRED_TAG_KEYS, "DataClassification"].join(", ")} and not starting with aws:`,
        ),
        exceptions: exceptionsSchema,
        accountId: allowed(
            z
                .string()
                .regex(/^(\d{12})?$/, "is not a 12-digit AWS account id (leave empty for any account)")
                .default("")
                .describe("If set, the AWS provider refuses to deploy into any other account."),
            "12 digits, or empty for any account",
        ),
    };
}

/**
 * The one schema of every `strata:` key. It is built per environment so that each key's default is that
 * environment's preset (the table in docs/configuration.md); a stack file's values override the preset.
 * Objects are strict: a misspelled key is an error, never silently ignored.
 */
export function platformSchema(env: Environment) {
    return z
        .object({
            ...generalFields(),
            protection: SECTIONS.protection.schema(env),
            kms: SECTIONS.kms.schema(env),
            network: SECTIONS.network.schema(env),
            cluster: SECTIONS.cluster.schema(env),
            database: SECTIONS.database.schema(env),
            cache: SECTIONS.cache.schema(env),
            documentDb: SECTIONS.documentDb.schema(env),
            broker: SECTIONS.broker.schema(env),
            objectStore: SECTIONS.objectStore.schema(env),
            queues: SECTIONS.queues.schema(env),
            registry: SECTIONS.registry.schema(env),
            services: SECTIONS.services.schema(env),
            waf: SECTIONS.waf.schema(env),
            backup: SECTIONS.backup.schema(env),
            audit: SECTIONS.audit.schema(env),
            monitoring: SECTIONS.monitoring.schema(env),
            tracing: SECTIONS.tracing.schema(env),
            rollouts: SECTIONS.rollouts.schema(env),
            alarms: SECTIONS.alarms.schema(env),
        })
        .strict();
}

export type PlatformSettings = z.output<ReturnType<typeof platformSchema>>;

/** The top-level `strata:` keys, for Pulumi.yaml and the unknown-key check. */
export const TOP_LEVEL_KEYS: string[] = Object.keys(platformSchema("dev").shape);

/** The one-line description of a top-level key (its schema's `.describe()`): Pulumi.yaml and the reference use it. */
export function topLevelDescription(key: string): string {
    const field = (platformSchema("dev").shape as Record<string, z.ZodTypeAny>)[key];
    if (!field) throw new Error(`strata:${key} is not a config key`);
    const description = descriptionOf(field);
    if (description === undefined) throw new Error(`strata:${key} has no description: add .describe() to its schema`);
    return description;
}
