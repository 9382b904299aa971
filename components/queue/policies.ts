import type { PolicyStatement } from "../iam";
import type { QueueSettings } from "../config/queues";

/**
 * A queue and its dead-letter queue as plain data: their settings, the redrive policy, the redrive allow policy and
 * the queue policy. JSON shapes as the Amazon SQS Developer Guide documents them ("Using dead-letter queues",
 * "RedrivePolicy", "RedriveAllowPolicy").
 */

/** Settings queue and dead-letter queue share (the key passes through untouched). */
export function sharedQueueSettings<K>(
    s: Pick<QueueSettings, "fifo" | "kmsDataKeyReusePeriodSeconds" | "visibilityTimeoutSeconds" | "receiveWaitTimeSeconds">,
    kmsKeyArn: K,
) {
    return {
        fifoQueue: s.fifo || undefined,
        kmsMasterKeyId: kmsKeyArn,
        kmsDataKeyReusePeriodSeconds: s.kmsDataKeyReusePeriodSeconds,
        visibilityTimeoutSeconds: s.visibilityTimeoutSeconds,
        receiveWaitTimeSeconds: s.receiveWaitTimeSeconds,
    };
}

/** What only the main queue has: deduplication (FIFO only), retention, delay. */
export function mainQueueSettings(
    s: Pick<QueueSettings, "fifo" | "contentBasedDeduplication" | "messageRetentionSeconds" | "delaySeconds">,
) {
    return {
        contentBasedDeduplication: s.fifo ? s.contentBasedDeduplication : undefined,
        messageRetentionSeconds: s.messageRetentionSeconds,
        delaySeconds: s.delaySeconds,
    };
}

/** The redrive policy: after `maxReceiveCount` receives a message moves to the dead-letter queue. */
export function redrivePolicy(deadLetterTargetArn: string, maxReceiveCount: number): string {
    return JSON.stringify({ deadLetterTargetArn, maxReceiveCount });
}

/** The dead-letter queue accepts dead letters from this one queue only. */
export function redriveAllowPolicy(sourceQueueArn: string): string {
    return JSON.stringify({ redrivePermission: "byQueue", sourceQueueArns: [sourceQueueArn] });
}

/** Denies any request to the queue that does not use TLS. */
export function tlsOnlyQueueStatements(queueArn: string): PolicyStatement[] {
    return [
        {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "sqs:*",
            Resource: queueArn,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
    ];
}
