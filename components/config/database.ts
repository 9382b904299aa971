import { z } from "zod";
import { Environment } from "./environment";

/** `strata:database` (placeholder: filled in by the Database work). */
export function databaseSchema(_env: Environment) {
    return z.object({}).strict().default({});
}
export type DatabaseSettings = z.output<ReturnType<typeof databaseSchema>>;
