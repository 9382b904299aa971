import { z } from "zod";
import { Environment } from "./environment";

/** `strata:services` (placeholder: filled in by the Services work). */
export function servicesSchema(_env: Environment) {
    return z.object({}).strict().default({});
}
export type ServicesSettings = z.output<ReturnType<typeof servicesSchema>>;
