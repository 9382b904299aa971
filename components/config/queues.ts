import { z } from "zod";
import { DLQ_SUFFIX, queueNames } from "../queue/names";
import type { Environment, PerEnvironment } from "./environment";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";
import { dataClassification } from "./common";
import { assertNameFits } from "../naming";

/** SQS limits (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-queues.html). */
export const SQS_LIMITS = {
    visibilityTimeoutSeconds: 43200,
    /** Retention: 60 seconds to 14 days. */
    minRetentionSeconds: 60,
    maxRetentionSeconds: 1209600,
    maxReceiveCount: 1000,
    maxDelaySeconds: 900,
    maxReceiveWaitTimeSeconds: 20,
    minKmsDataKeyReusePeriodSeconds: 60,
    maxKmsDataKeyReusePeriodSeconds: 86400,
} as const;

/** Every queue gets a dead-letter queue named `<queue>-dlq`; FIFO queue names end in `.fifo`. */
export { DLQ_SUFFIX, FIFO_SUFFIX } from "../queue/names";

/** Queue keys become part of SQS queue names: lower-case letters, digits and single hyphens. */
const QUEUE_KEY = /^[a-z](?:(?:[a-z0-9]|-(?!-))*[a-z0-9])?$/;

interface QueueDefaults {
    visibilityTimeoutSeconds: number;
    messageRetentionSeconds: number;
    maxReceiveCount: number;
    dlqRetentionSeconds: number;
}

interface QueuesDefaults {
    queue: QueueDefaults;
    /** Queues of the default stacks (workflow tasks, whose dead-letter queue holds failed jobs). */
    queues: Record<string, Partial<QueueDefaults> & { fifo?: boolean }>;
}

const FOUR_DAYS = 4 * 24 * 3600;
const FOURTEEN_DAYS = 14 * 24 * 3600;

const defaults: PerEnvironment<QueuesDefaults> = {
    dev: {
        queue: {
            visibilityTimeoutSeconds: 300,
            messageRetentionSeconds: 24 * 3600,
            maxReceiveCount: 5,
            dlqRetentionSeconds: FOURTEEN_DAYS,
        },
        queues: { "workflow-tasks": {} },
    },
    staging: {
        queue: {
            visibilityTimeoutSeconds: 300,
            messageRetentionSeconds: FOUR_DAYS,
            maxReceiveCount: 5,
            dlqRetentionSeconds: FOURTEEN_DAYS,
        },
        queues: { "workflow-tasks": {} },
    },
    prod: {
        queue: {
            visibilityTimeoutSeconds: 300,
            messageRetentionSeconds: FOUR_DAYS,
            maxReceiveCount: 5,
            dlqRetentionSeconds: FOURTEEN_DAYS,
        },
        queues: { "workflow-tasks": {} },
    },
};

function queueSchema(d: QueueDefaults) {
    return z
        .object({
            classification: dataClassification
                .default("confidential")
                .describe("DataClassification tag of the queue and its DLQ: messages are data."),
            fifo: z
                .boolean()
                .default(false)
                .describe("FIFO queue (exactly-once, ordered per message group); its dead-letter queue is FIFO too."),
            contentBasedDeduplication: allowed(z.boolean(), "true (FIFO queues only), false")
                .default(false)
                .describe("FIFO only: deduplicate by a SHA-256 of the body instead of an explicit deduplication id."),
            visibilityTimeoutSeconds: z
                .number()
                .int()
                .min(0)
                .max(SQS_LIMITS.visibilityTimeoutSeconds)
                .default(d.visibilityTimeoutSeconds)
                .describe("How long a received message stays hidden; set it above the longest time a consumer needs."),
            messageRetentionSeconds: z
                .number()
                .int()
                .min(SQS_LIMITS.minRetentionSeconds)
                .max(SQS_LIMITS.maxRetentionSeconds)
                .default(d.messageRetentionSeconds)
                .describe("How long the queue keeps a message (60 seconds to 14 days)."),
            maxReceiveCount: z
                .number()
                .int()
                .min(1)
                .max(SQS_LIMITS.maxReceiveCount)
                .default(d.maxReceiveCount)
                .describe("Receives before a message moves to the dead-letter queue."),
            dlqRetentionSeconds: allowed(
                z.number().int().min(SQS_LIMITS.minRetentionSeconds).max(SQS_LIMITS.maxRetentionSeconds),
                `integer from messageRetentionSeconds to ${SQS_LIMITS.maxRetentionSeconds}`,
            )
                .default(d.dlqRetentionSeconds)
                .describe(
                    "Retention of the dead-letter queue: at least the queue's, since a standard queue keeps the original enqueue time.",
                ),
            receiveWaitTimeSeconds: z
                .number()
                .int()
                .min(0)
                .max(SQS_LIMITS.maxReceiveWaitTimeSeconds)
                .default(20)
                .describe("Long polling (0-20 seconds): fewer empty receives, lower cost."),
            delaySeconds: z
                .number()
                .int()
                .min(0)
                .max(SQS_LIMITS.maxDelaySeconds)
                .default(0)
                .describe("Delay before a new message becomes visible (0-900 seconds)."),
            kmsDataKeyReusePeriodSeconds: z
                .number()
                .int()
                .min(SQS_LIMITS.minKmsDataKeyReusePeriodSeconds)
                .max(SQS_LIMITS.maxKmsDataKeyReusePeriodSeconds)
                .default(300)
                .describe("How long SQS reuses a data key before calling KMS again (60-86400 seconds)."),
        })
        .strict()
        .superRefine((q, ctx) => {
            if (q.contentBasedDeduplication && !q.fifo) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["contentBasedDeduplication"],
                    message: "is only allowed on FIFO queues; set fifo: true or remove it",
                });
            }
            if (q.dlqRetentionSeconds < q.messageRetentionSeconds) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["dlqRetentionSeconds"],
                    message: `is shorter than the queue's messageRetentionSeconds (${q.messageRetentionSeconds}); SQS would drop dead letters early. Allowed: ${q.messageRetentionSeconds}-${SQS_LIMITS.maxRetentionSeconds}`,
                });
            }
        });
}

/**
 * `strata:queues`: `{ queues: { <key>: {...} } }`, SQS queues keyed by name (the key becomes part of the queue
 * name). Each gets a dead-letter queue with a redrive policy, KMS encryption with the data key and a TLS-only
 * queue policy. The map sits one level down so that `strata:queues: {}` (Pulumi.yaml's default) means "the
 * environment's default queues", and `strata:queues: { queues: {} }` means "no queues".
 */
export function queuesSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            queues: allowed(
                z
                    .record(
                        z.string(),
                        queueSchema(d.queue).describe("One queue with its dead-letter queue, KMS encryption and a TLS-only policy."),
                    )
                    .superRefine((queues, ctx) => {
                        for (const key of Object.keys(queues)) {
                            if (!QUEUE_KEY.test(key)) {
                                ctx.addIssue({
                                    code: z.ZodIssueCode.custom,
                                    path: [key],
                                    message: `!queue key ${JSON.stringify(key)} is not allowed; queue keys become part of SQS queue names: lower-case letters, digits and single hyphens, starting with a letter and ending with a letter or digit`,
                                });
                            } else if (key.endsWith(`-${DLQ_SUFFIX}`)) {
                                ctx.addIssue({
                                    code: z.ZodIssueCode.custom,
                                    path: [key],
                                    message: `!queue key ${JSON.stringify(key)} is reserved: every queue's dead-letter queue is named "<key>-${DLQ_SUFFIX}"; choose another key`,
                                });
                            }
                        }
                    })
                    .default(d.queues)
                    .describe("SQS queues by key; the key becomes part of the queue name. Setting it replaces the environment's queues."),
                `keys of lower-case letters, digits and single hyphens, starting with a letter and ending with a letter or digit; not ending in "-${DLQ_SUFFIX}"`,
            ),
        })
        .strict()
        .default({})
        .describe("SQS queues with dead-letter queues. See docs/components/queue.md.");
}
export type QueuesSettings = z.output<ReturnType<typeof queuesSchema>>;
export type QueueSettings = QueuesSettings["queues"][string];

export { queueNames } from "../queue/names";

export const queues = {
    schema: queuesSchema,
    checks: [
        // Queue names (".fifo" included) must fit SQS's 80 characters.
        sectionCheck<"queues">({
            name: "queue and dead-letter queue names fit SQS's limit",
            check: (settings, report, { naming }) => {
                for (const [key, queue] of Object.entries(settings.queues.queues)) {
                    const names = queueNames((...parts) => naming.name(...parts), key, queue.fifo);
                    checkName(naming, report, ["queues", "queues", key], () => {
                        assertNameFits("sqsQueue", names.queue, false);
                        assertNameFits("sqsQueue", names.dlq, false);
                    });
                }
            },
        }),
    ],
} satisfies Section<ReturnType<typeof queuesSchema>>;
