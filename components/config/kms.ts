import { z } from "zod";
import type { Environment, PerEnvironment } from "./environment";
import type { Section } from "./checks";

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
            deletionWindowDays: z
                .number()
                .int()
                .min(7)
                .max(30)
                .default(d.deletionWindowDays)
                .describe(
                    "Waiting period (days) between scheduling a key's deletion and KMS destroying it; the key can be restored until then.",
                ),
        })
        .strict()
        .default({})
        .describe("Customer-managed KMS keys: deletion window. See docs/components/kms.md.");
}
export type KmsSettings = z.output<ReturnType<typeof kmsSchema>>;

export const kms = { schema: kmsSchema, checks: [] } satisfies Section<ReturnType<typeof kmsSchema>>;
