import { z } from "zod";
import type { Environment, PerEnvironment } from "./environment";
import type { Section } from "./checks";
import { allowed } from "./meta";
import type { AlarmThresholds } from "../alarms/catalogue";

/** `strata:alarms`: CloudWatch alarms on the data tier to one encrypted SNS topic, in every environment. */
const thresholds: PerEnvironment<AlarmThresholds> = {
    dev: {
        database: { cpuPercent: 90, freeStoragePercent: 10, freeableMemoryMiB: 64, replicaLagSeconds: 300, connectionsPercent: 90 },
        cache: { engineCpuPercent: 90, memoryPercent: 90, evictionsPerPeriod: 1000, replicationLagSeconds: 60 },
        queues: { oldestMessageAgeSeconds: 3600 },
        loadBalancers: { elb5xxPerPeriod: 50, target5xxPerPeriod: 100 },
        certificates: { daysToExpiry: 14 },
    },
    staging: {
        database: { cpuPercent: 80, freeStoragePercent: 15, freeableMemoryMiB: 128, replicaLagSeconds: 120, connectionsPercent: 80 },
        cache: { engineCpuPercent: 80, memoryPercent: 85, evictionsPerPeriod: 100, replicationLagSeconds: 30 },
        queues: { oldestMessageAgeSeconds: 1800 },
        loadBalancers: { elb5xxPerPeriod: 20, target5xxPerPeriod: 50 },
        certificates: { daysToExpiry: 21 },
    },
    prod: {
        database: { cpuPercent: 80, freeStoragePercent: 15, freeableMemoryMiB: 256, replicaLagSeconds: 60, connectionsPercent: 80 },
        cache: { engineCpuPercent: 75, memoryPercent: 80, evictionsPerPeriod: 0, replicationLagSeconds: 10 },
        queues: { oldestMessageAgeSeconds: 900 },
        loadBalancers: { elb5xxPerPeriod: 10, target5xxPerPeriod: 25 },
        certificates: { daysToExpiry: 30 },
    },
};

const percent = (d: number, what: string) => z.number().min(1).max(100).default(d).describe(what);

/** SNS subscription protocols Strata accepts (SNS Subscribe API; `http` is refused: alerts travel over TLS only). */
export const SUBSCRIPTION_PROTOCOLS = ["email", "https", "sqs", "lambda"] as const;

export function alarmsSchema(env: Environment) {
    const t = thresholds[env];
    return z
        .object({
            subscriptions: z
                .array(
                    z
                        .object({
                            protocol: z.enum(SUBSCRIPTION_PROTOCOLS).describe("email, https, sqs or lambda."),
                            endpoint: allowed(
                                z.string().min(1),
                                "an e-mail address, an https URL, or an SQS queue or Lambda function ARN",
                            ).describe("Where the notifications go."),
                        })
                        .strict()
                        .superRefine((s, ctx) => {
                            const ok =
                                s.protocol === "email"
                                    ? /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s.endpoint)
                                    : s.protocol === "https"
                                      ? /^https:\/\/\S+$/.test(s.endpoint)
                                      : new RegExp(`^arn:aws[a-z-]*:${s.protocol}:[a-z0-9-]+:\\d{12}:\\S+$`).test(s.endpoint);
                            if (!ok)
                                ctx.addIssue({
                                    code: z.ZodIssueCode.custom,
                                    path: ["endpoint"],
                                    message: `is not a valid ${s.protocol} endpoint`,
                                });
                        }),
                )
                .default([])
                .describe("Subscriptions of the alert topic (e-mail subscriptions stay pending until the recipient confirms)."),
            database: z
                .object({
                    cpuPercent: percent(t.database.cpuPercent, "CPU above this, for 15 minutes."),
                    freeStoragePercent: percent(t.database.freeStoragePercent, "Free storage below this share of the allocated storage."),
                    freeableMemoryMiB: z
                        .number()
                        .int()
                        .min(1)
                        .default(t.database.freeableMemoryMiB)
                        .describe("Freeable memory below this, for 15 minutes."),
                    replicaLagSeconds: z
                        .number()
                        .int()
                        .min(1)
                        .default(t.database.replicaLagSeconds)
                        .describe("Read replica lag above this."),
                    connectionsPercent: percent(
                        t.database.connectionsPercent,
                        "Connections above this share of max_connections (the parameter group's, or RDS's default for the instance class), for 10 minutes.",
                    ),
                })
                .strict()
                .default({})
                .describe("Thresholds of the database alarms."),
            cache: z
                .object({
                    engineCpuPercent: percent(t.cache.engineCpuPercent, "Engine CPU above this, for 15 minutes."),
                    memoryPercent: percent(t.cache.memoryPercent, "Memory above this share of maxmemory."),
                    evictionsPerPeriod: z
                        .number()
                        .int()
                        .min(0)
                        .default(t.cache.evictionsPerPeriod)
                        .describe("Evictions per 5 minutes above this."),
                    replicationLagSeconds: z
                        .number()
                        .int()
                        .min(1)
                        .default(t.cache.replicationLagSeconds)
                        .describe("A replica more than this many seconds behind the primary (groups with replicas)."),
                })
                .strict()
                .default({})
                .describe("Thresholds of the cache alarms."),
            queues: z
                .object({
                    oldestMessageAgeSeconds: z
                        .number()
                        .int()
                        .min(60)
                        .default(t.queues.oldestMessageAgeSeconds)
                        .describe("A queue's oldest message older than this for 15 minutes (any dead letter alarms at once)."),
                })
                .strict()
                .default({})
                .describe("Thresholds of the queue alarms (every queue of strata:queues, and its dead-letter queue)."),
            loadBalancers: z
                .object({
                    elb5xxPerPeriod: z
                        .number()
                        .int()
                        .min(0)
                        .default(t.loadBalancers.elb5xxPerPeriod)
                        .describe("ELB 5xx responses per 5 minutes above this, twice in a row."),
                    target5xxPerPeriod: z
                        .number()
                        .int()
                        .min(0)
                        .default(t.loadBalancers.target5xxPerPeriod)
                        .describe("Target 5xx responses per 5 minutes above this, twice in a row."),
                })
                .strict()
                .default({})
                .describe(
                    "Thresholds of the load balancer alarms (Metrics Insights over every ALB of the account and region; created when a service has an ingress).",
                ),
            certificates: z
                .object({
                    daysToExpiry: z
                        .number()
                        .int()
                        .min(1)
                        .max(395)
                        .default(t.certificates.daysToExpiry)
                        .describe("An Ingress's ACM certificate with fewer days to expiry than this."),
                })
                .strict()
                .default({})
                .describe("Thresholds of the certificate alarms (one per ACM certificate an Ingress names)."),
        })
        .strict()
        .default({})
        .describe(
            "CloudWatch alarms on the database, the cache, the queues, the NAT gateways and the load balancers, to one KMS-encrypted SNS topic. See docs/components/alarms.md.",
        );
}
export type AlarmsSettings = z.output<ReturnType<typeof alarmsSchema>>;

export const alarms = { schema: alarmsSchema, checks: [] } satisfies Section<ReturnType<typeof alarmsSchema>>;
