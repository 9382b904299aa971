import { z } from "zod";
import { Environment } from "./environment";

/** `strata:cache` (placeholder: filled in by the Cache work). */
export function cacheSchema(_env: Environment) {
    return z.object({}).strict().default({});
}
export type CacheSettings = z.output<ReturnType<typeof cacheSchema>>;
