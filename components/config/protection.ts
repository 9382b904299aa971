import { z } from "zod";
import type { Environment, PerEnvironment } from "./environment";
import type { Protection } from "../protection";
import type { Section } from "./checks";

const defaults: PerEnvironment<Protection> = {
    dev: { protect: false, retainOnDelete: false, volumeReclaimPolicy: "Delete", loadBalancerDeletionProtection: false },
    staging: { protect: false, retainOnDelete: false, volumeReclaimPolicy: "Delete", loadBalancerDeletionProtection: false },
    prod: { protect: true, retainOnDelete: true, volumeReclaimPolicy: "Retain", loadBalancerDeletionProtection: true },
};

/** `strata:protection`: how the stack guards what holds data or serves traffic against deletion. */
export function protectionSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            protect: z
                .boolean()
                .default(d.protect)
                .describe(
                    "Pulumi `protect` on stateful resources (KMS keys, the EKS cluster, databases, caches, buckets, queues): destroy and replacement stop at them until this is turned off and applied.",
                ),
            retainOnDelete: z
                .boolean()
                .default(d.retainOnDelete)
                .describe("Pulumi `retainOnDelete` on stateful resources: removing one from the stack leaves it in the AWS account."),
            volumeReclaimPolicy: z
                .enum(["Delete", "Retain"])
                .default(d.volumeReclaimPolicy)
                .describe("Reclaim policy of the default StorageClass: Retain keeps a deleted PVC's EBS volume (delete it by hand)."),
            loadBalancerDeletionProtection: z
                .boolean()
                .default(d.loadBalancerDeletionProtection)
                .describe(
                    "Deletion protection on the ALBs the load balancer controller creates for Ingresses; turn it off and apply before removing an Ingress or destroying the stack.",
                ),
        })
        .strict()
        .default({})
        .describe(
            "Protection of stateful and serving resources: Pulumi protect, retain on delete, volume reclaim policy, load balancer deletion protection.",
        );
}
export type ProtectionSettings = z.output<ReturnType<typeof protectionSchema>>;

export const protection = { schema: protectionSchema, checks: [] } satisfies Section<ReturnType<typeof protectionSchema>>;
