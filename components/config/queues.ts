import { z } from "zod";
import { Environment } from "./environment";

/** `strata:queues` (placeholder: filled in by the Queues work). */
export function queuesSchema(_env: Environment) {
    return z.object({}).strict().default({});
}
export type QueuesSettings = z.output<ReturnType<typeof queuesSchema>>;
