import { z } from "zod";
import { Environment, environmentSchema } from "./environment";
import { kmsSchema } from "./kms";
import { protectionSchema } from "./protection";
import { networkSchema } from "./network";
import { clusterSchema } from "./cluster";
import { databaseSchema } from "./database";
import { cacheSchema } from "./cache";
import { objectStoreSchema } from "./objectStore";
import { queuesSchema } from "./queues";
import { servicesSchema } from "./services";
import { wafSchema } from "./waf";
import { REQUIRED_TAG_KEYS } from "../tags";

/**
 * The one schema of every `strata:` key. It is built per environment so that each key's default is that
 * environment's preset (the table in docs/configuration.md); a stack file's values override the preset.
 * Objects are strict: a misspelled key is an error, never silently ignored.
 */
export function platformSchema(env: Environment) {
    return z
        .object({
            environment: environmentSchema,
            /** System name: the Project tag and the first part of every resource name. */
            name: z
                .string()
                .regex(/^[a-z][a-z0-9-]{0,19}$/, "must be 1-20 lower-case letters, digits or hyphens, starting with a letter")
                .refine((v) => !v.includes("--") && !v.endsWith("-"), { message: "may not contain '--' or end with '-'" })
                .default("strata"),
            owner: z.string().min(1).max(256).default("platform-team"),
            costCenter: z.string().min(1).max(256).default("engineering"),
            /** Extra tags for every resource; the required tags cannot be overridden here. */
            tags: z
                .record(z.string().min(1).max(128), z.string().max(256))
                .superRefine((tags, ctx) => {
                    for (const k of Object.keys(tags)) {
                        if ((REQUIRED_TAG_KEYS as readonly string[]).includes(k) || k === "DataClassification") {
                            ctx.addIssue({ code: z.ZodIssueCode.custom, path: [k], message: `!is set by Strata from other keys and cannot be overridden here` });
                        }
                        if (k.toLowerCase().startsWith("aws:")) {
                            ctx.addIssue({ code: z.ZodIssueCode.custom, path: [k], message: `!tag keys starting with "aws:" are reserved by AWS` });
                        }
                    }
                })
                .default({}),
            /** If set, the AWS provider refuses to deploy into any other account. */
            accountId: z.string().regex(/^(\d{12})?$/, "is not a 12-digit AWS account id (leave empty for any account)").default(""),
            protection: protectionSchema(env),
            kms: kmsSchema(env),
            network: networkSchema(env),
            cluster: clusterSchema(env),
            database: databaseSchema(env),
            cache: cacheSchema(env),
            objectStore: objectStoreSchema(env),
            queues: queuesSchema(env),
            services: servicesSchema(env),
            waf: wafSchema(env),
        })
        .strict();
}

export type PlatformSettings = z.output<ReturnType<typeof platformSchema>>;

/** One line per top-level key: Pulumi.yaml's `config:` descriptions are generated from these. */
export const TOP_LEVEL_DESCRIPTIONS: Record<string, string> = {
    environment: "Environment preset and policy config: dev, staging or prod. Required in every stack file.",
    name: "System name: the Project tag and the first part of every resource name (1-20 lower-case letters, digits, hyphens).",
    owner: "Owner tag on every resource (team or person accountable).",
    costCenter: "CostCenter tag on every resource.",
    tags: "Extra tags for every resource (the required tags cannot be overridden).",
    accountId: "If set, the AWS provider refuses to deploy into any other account.",
    protection: "Protection of stateful and serving resources: Pulumi protect, retain on delete, volume reclaim policy, load balancer deletion protection.",
    kms: "Customer-managed KMS keys: deletion window. See docs/components/kms.md.",
    network: "VPC: CIDR, AZs, NAT strategy, subnet sizes, interface endpoints, flow-log retention. See docs/components/network.md.",
    cluster: "EKS cluster: version, endpoint access, access entries, node groups, add-ons, autoscaler. See docs/components/cluster.md.",
    database: "PostgreSQL on RDS. See docs/components/database.md.",
    cache: "Redis-compatible cache on ElastiCache (Valkey or Redis). See docs/components/cache.md.",
    objectStore: "S3 buckets, access logs and replication. See docs/components/object-store.md.",
    queues: "SQS queues with dead-letter queues. See docs/components/queue.md.",
    services: "Application services on Kubernetes. See docs/components/service.md.",
    waf: "WAF web ACL in front of the ingress load balancers. See docs/components/waf.md.",
};

/** The top-level `strata:` keys, for Pulumi.yaml and the unknown-key check. */
export const TOP_LEVEL_KEYS: string[] = Object.keys(platformSchema("dev").shape);
