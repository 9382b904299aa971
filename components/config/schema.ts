import { z } from "zod";
import { Environment, environmentSchema } from "./environment";
import { kmsSchema } from "./kms";
import { networkSchema } from "./network";
import { clusterSchema } from "./cluster";
import { databaseSchema } from "./database";
import { cacheSchema } from "./cache";
import { objectStoreSchema } from "./objectStore";
import { queuesSchema } from "./queues";
import { servicesSchema } from "./services";
import { wafSchema } from "./waf";
import { REQUIRED_TAG_KEYS } from "../tags";

/**
 * The one schema of every `strata:` key. It is built per environment so that each key's default is that
 * environment's preset (the table in docs/configuration.md); a stack file's values override the preset.
 * Objects are strict: a misspelled key is an error, never silently ignored.
 */
export function platformSchema(env: Environment) {
    return z
        .object({
            environment: environmentSchema,
            /** System name: the Project tag and the first part of every resource name. */
            name: z
                .string()
                .regex(/^[a-z][a-z0-9-]{0,19}$/, "must be 1-20 lower-case letters, digits or hyphens, starting with a letter")
                .refine((v) => !v.includes("--") && !v.endsWith("-"), { message: "may not contain '--' or end with '-'" })
                .default("strata"),
            owner: z.string().min(1).max(256).default("platform-team"),
            costCenter: z.string().min(1).max(256).default("engineering"),
            /** Extra tags for every resource; the required tags cannot be overridden here. */
            tags: z
                .record(z.string().min(1).max(128), z.string().max(256))
                .superRefine((tags, ctx) => {
                    for (const k of Object.keys(tags)) {
                        if ((REQUIRED_TAG_KEYS as readonly string[]).includes(k) || k === "DataClassification") {
                            ctx.addIssue({ code: z.ZodIssueCode.custom, path: [k], message: `!strata:tags.${k}: is set by Strata from other keys and cannot be overridden here` });
                        }
                        if (k.toLowerCase().startsWith("aws:")) {
                            ctx.addIssue({ code: z.ZodIssueCode.custom, path: [k], message: `!strata:tags.${k}: tag keys starting with "aws:" are reserved by AWS` });
                        }
                    }
                })
                .default({}),
            /** If set, the AWS provider refuses to deploy into any other account. */
            accountId: z.string().regex(/^\d{12}$/, "is not a 12-digit AWS account id").optional(),
            kms: kmsSchema(env),
            network: networkSchema(env),
            cluster: clusterSchema(env),
            database: databaseSchema(env),
            cache: cacheSchema(env),
            objectStore: objectStoreSchema(env),
            queues: queuesSchema(env),
            services: servicesSchema(env),
            waf: wafSchema(env),
        })
        .strict();
}

export type PlatformSettings = z.output<ReturnType<typeof platformSchema>>;

/** The top-level `strata:` keys, for Pulumi.yaml and the unknown-key check. */
export const TOP_LEVEL_KEYS: string[] = Object.keys(platformSchema("dev").shape);
