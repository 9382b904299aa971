import { z } from "zod";
import { Environment } from "./environment";

/** `strata:cluster` (placeholder: filled in by the Cluster work). */
export function clusterSchema(_env: Environment) {
    return z.object({}).strict().default({});
}
export type ClusterSettings = z.output<ReturnType<typeof clusterSchema>>;
