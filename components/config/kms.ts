import { z } from "zod";
import { Environment, PerEnvironment } from "./environment";

const defaults: PerEnvironment<{ deletionWindowDays: number }> = {
    dev: { deletionWindowDays: 7 },
    staging: { deletionWindowDays: 14 },
    prod: { deletionWindowDays: 30 },
};

/** `strata:kms`: customer-managed keys. */
export function kmsSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            /** Waiting period before a deleted key is destroyed (7-30 days). */
            deletionWindowDays: z.number().int().min(7).max(30).default(d.deletionWindowDays),
        })
        .strict()
        .default({});
}
export type KmsSettings = z.output<ReturnType<typeof kmsSchema>>;
