import { z } from "zod";
import { Environment } from "./environment";

/** `strata:objectStore` (placeholder: filled in by the ObjectStore work). */
export function objectStoreSchema(_env: Environment) {
    return z.object({}).strict().default({});
}
export type ObjectStoreSettings = z.output<ReturnType<typeof objectStoreSchema>>;
