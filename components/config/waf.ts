import { z } from "zod";
import { Environment } from "./environment";

/** `strata:waf` (placeholder: filled in by the Waf work). */
export function wafSchema(_env: Environment) {
    return z.object({}).strict().default({});
}
export type WafSettings = z.output<ReturnType<typeof wafSchema>>;
