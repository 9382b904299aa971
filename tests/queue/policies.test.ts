import fc from "fast-check";
import {
    mainQueueSettings,
    redriveAllowPolicy,
    redrivePolicy,
    sharedQueueSettings,
    tlsOnlyQueueStatements,
} from "../../components/queue/policies";

const ARN = "arn:aws:sqs:us-east-1:123456789012:strata-prod-workflow-tasks";

describe("queue policies", () => {
    test("property: the redrive policy names the DLQ and the receive count, and round-trips as JSON", () => {
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 1000 }), fc.stringMatching(/^[a-z0-9-]{1,40}$/), (count, name) => {
                const dlq = `arn:aws:sqs:us-east-1:123456789012:${name}-dlq`;
                expect(JSON.parse(redrivePolicy(dlq, count))).toEqual({ deadLetterTargetArn: dlq, maxReceiveCount: count });
            }),
        );
    });

    test("the DLQ takes dead letters from exactly one queue", () => {
        expect(JSON.parse(redriveAllowPolicy(ARN))).toEqual({ redrivePermission: "byQueue", sourceQueueArns: [ARN] });
    });

    test("the queue policy denies every SQS action without TLS, on this queue only", () => {
        expect(tlsOnlyQueueStatements(ARN)).toEqual([
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: { AWS: "*" },
                Action: "sqs:*",
                Resource: ARN,
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ]);
    });
});

describe("queue settings", () => {
    const s = { kmsDataKeyReusePeriodSeconds: 300, visibilityTimeoutSeconds: 60, receiveWaitTimeSeconds: 20 };

    test.each([
        [true, true],
        [false, undefined],
    ])("fifo %s: fifoQueue %s; the key passes through", (fifo, fifoQueue) => {
        expect(sharedQueueSettings({ ...s, fifo }, "key")).toEqual({ ...s, fifoQueue, kmsMasterKeyId: "key" });
    });

    test.each([
        [true, true, true],
        [false, true, undefined],
    ])("fifo %s, contentBasedDeduplication %s: sent as %s (standard queues reject it)", (fifo, dedup, expected) => {
        const m = mainQueueSettings({ fifo, contentBasedDeduplication: dedup, messageRetentionSeconds: 345600, delaySeconds: 0 });
        expect(m).toEqual({ contentBasedDeduplication: expected, messageRetentionSeconds: 345600, delaySeconds: 0 });
    });
});
