import { Queues } from "../../components/queue";
import type { RenderResult, PlanResource } from "../../plan";
import { render } from "../../plan";
import { loadConfig } from "../helpers";

const QUEUE = "aws:sqs/queue:Queue";
const QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";
const REDRIVE_ALLOW = "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy";
const DATA_KEY = "arn:aws:kms:us-east-1:123456789012:key/data-key";
const ACCOUNT = "123456789012";

interface PolicyDocument {
    Version: string;
    Statement: Array<{
        Sid?: string;
        Effect: string;
        Principal: unknown;
        Action: string | string[];
        Resource: string;
        Condition?: unknown;
    }>;
}

/** Renders the Queues component alone, with the settings a stack file would give it (validated like the program's). */
function renderQueues(stack: string, queues: Record<string, unknown>, environment = "staging") {
    const cfg = loadConfig({ "strata:environment": environment, "strata:queues": { queues } }, stack);
    return render(
        ({ awsProvider }) =>
            new Queues(
                cfg.naming.name("queues"),
                {
                    naming: cfg.naming,
                    environment: cfg.environment,
                    protection: cfg.protection,
                    defaultTags: cfg.defaultTags,
                    queues: cfg.queues.queues,
                    kmsKeyArns: { data: DATA_KEY },
                },
                { providers: { aws: awsProvider() } },
            ),
        { stack },
    );
}

/** The resource of a type attached to a queue (its `queueUrl` input comes from the queue). */
const onQueue = (r: RenderResult<Queues>, queue: PlanResource, type: string) =>
    r.ofType(type).filter((x) => (x.propertyDependencies.queueUrl ?? []).includes(queue.urn));

describe("Queues (component)", () => {
    let r: RenderResult<Queues>;
    beforeAll(async () => {
        r = await renderQueues("fifo", {
            orders: {
                fifo: true,
                contentBasedDeduplication: true,
                visibilityTimeoutSeconds: 120,
                maxReceiveCount: 3,
                classification: "restricted",
            },
            scans: { messageRetentionSeconds: 86400, dlqRetentionSeconds: 604800 },
        });
    });

    test("a Queue component per key, each with a queue, its dead-letter queue, a redrive allow policy and two queue policies", () => {
        const root = r.one("strata:queue:Queues");
        expect(r.childrenOf(root).map((c) => `${c.type} ${c.name}`)).toEqual([
            "strata:queue:Queue strata-fifo-queue-orders",
            "strata:queue:Queue strata-fifo-queue-scans",
        ]);
        const orders = r.one("strata:queue:Queue", "strata-fifo-queue-orders");
        // Registration order follows the Outputs' resolution, so compare as sets.
        expect(
            r
                .childrenOf(orders)
                .map((c) => `${c.type} ${c.name}`)
                .sort(),
        ).toEqual([
            `${QUEUE} strata-fifo-queue-orders`,
            `${QUEUE} strata-fifo-queue-orders-dlq`,
            `${QUEUE_POLICY} strata-fifo-queue-orders`,
            `${QUEUE_POLICY} strata-fifo-queue-orders-dlq`,
            `${REDRIVE_ALLOW} strata-fifo-queue-orders-dlq`,
        ]);
        // The explicit provider reaches every AWS resource through the parents.
        expect(r.violations).toEqual([]);
        for (const q of r.ofType(QUEUE)) expect(r.providerOf(q)?.type).toBe("pulumi:providers:aws");
    });

    test("redrive: after maxReceiveCount receives a message moves to the dead-letter queue, which accepts this queue's only", () => {
        const cases = [
            { key: "orders", maxReceiveCount: 3, name: "strata-fifo-orders.fifo", dlq: "strata-fifo-orders-dlq.fifo" },
            { key: "scans", maxReceiveCount: 5, name: "strata-fifo-scans", dlq: "strata-fifo-scans-dlq" },
        ];
        for (const c of cases) {
            const queue = r.one(QUEUE, `strata-fifo-queue-${c.key}`);
            const dlq = r.one(QUEUE, `strata-fifo-queue-${c.key}-dlq`);
            expect([r.inputs(queue).name, r.inputs(dlq).name]).toEqual([c.name, c.dlq]);
            const dlqArn = `arn:aws:sqs:us-east-1:${ACCOUNT}:${c.dlq}`;
            expect(r.json(queue, "redrivePolicy")).toEqual({ deadLetterTargetArn: dlqArn, maxReceiveCount: c.maxReceiveCount });
            expect(queue.propertyDependencies.redrivePolicy).toEqual([dlq.urn]);
            expect(dlq.inputs.redrivePolicy).toBeUndefined();
            const [allow] = onQueue(r, dlq, REDRIVE_ALLOW);
            expect(r.json(allow, "redriveAllowPolicy")).toEqual({
                redrivePermission: "byQueue",
                sourceQueueArns: [`arn:aws:sqs:us-east-1:${ACCOUNT}:${c.name}`],
            });
        }
    });

    test("FIFO queues have a FIFO dead-letter queue; settings reach SQS; both are SSE-KMS with the data key", () => {
        const orders = r.one(QUEUE, "strata-fifo-queue-orders");
        const ordersDlq = r.one(QUEUE, "strata-fifo-queue-orders-dlq");
        expect(r.inputs(orders)).toMatchObject({
            fifoQueue: true,
            contentBasedDeduplication: true,
            visibilityTimeoutSeconds: 120,
            receiveWaitTimeSeconds: 20,
        });
        expect(r.inputs(ordersDlq)).toMatchObject({ fifoQueue: true, visibilityTimeoutSeconds: 120 });
        expect(r.inputs(ordersDlq).contentBasedDeduplication).toBeUndefined();
        const scans = r.one(QUEUE, "strata-fifo-queue-scans");
        const scansDlq = r.one(QUEUE, "strata-fifo-queue-scans-dlq");
        expect(r.inputs(scans).fifoQueue).toBeUndefined();
        expect([r.inputs(scans).messageRetentionSeconds, r.inputs(scansDlq).messageRetentionSeconds]).toEqual([86400, 604800]);
        for (const q of r.ofType(QUEUE)) {
            expect([q.name, r.inputs(q).kmsMasterKeyId, r.inputs(q).sqsManagedSseEnabled]).toEqual([q.name, DATA_KEY, undefined]);
        }
        expect([r.inputs(orders).tags, r.inputs(ordersDlq).tags]).toEqual([
            expect.objectContaining({ DataClassification: "restricted", Name: "strata-fifo-orders.fifo" }),
            expect.objectContaining({
                DataClassification: "restricted",
                Name: "strata-fifo-orders-dlq.fifo",
                Purpose: "dead-letter-queue",
            }),
        ]);
    });

    test("every queue has a TLS-only policy: deny sqs:* without aws:SecureTransport, on that queue's ARN", () => {
        for (const q of r.ofType(QUEUE)) {
            const policies = onQueue(r, q, QUEUE_POLICY);
            expect(policies).toHaveLength(1);
            const doc = r.json<PolicyDocument>(policies[0], "policy");
            expect(doc.Statement).toEqual([
                {
                    Sid: "DenyInsecureTransport",
                    Effect: "Deny",
                    Principal: { AWS: "*" },
                    Action: "sqs:*",
                    Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:${r.inputs(q).name}`,
                    Condition: { Bool: { "aws:SecureTransport": "false" } },
                },
            ]);
        }
    });

    test("the component's outputs are the queues' URLs and ARNs", async () => {
        const out = r.value.outputs();
        expect(Object.keys(out)).toEqual(["orders", "scans"]);
        expect(await r.resolve(out.orders.url)).toBe(`https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/strata-fifo-orders.fifo`);
        expect(await r.resolve(out.orders.dlqArn)).toBe(`arn:aws:sqs:us-east-1:${ACCOUNT}:strata-fifo-orders-dlq.fifo`);
    });
});

describe("Queues protection (component)", () => {
    test.each([
        ["prod", true],
        ["dev", false],
    ])("in %s the queues are protected and retained: %s; the policies never are", async (environment, expected) => {
        const r = await renderQueues(environment, { jobs: {} }, environment);
        for (const q of r.ofType(QUEUE))
            expect([q.name, q.options.protect, q.options.retainOnDelete]).toEqual([q.name, expected, expected]);
        for (const p of [...r.ofType(QUEUE_POLICY), ...r.ofType(REDRIVE_ALLOW)])
            expect([p.name, p.options.protect]).toEqual([p.name, false]);
    });

    test("no queue settings, no resources but the component", async () => {
        const r = await renderQueues("none", {}, "dev");
        expect(r.registered.map((x) => x.type)).toEqual(["strata:queue:Queues"]);
    });
});
