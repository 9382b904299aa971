import { STACKS, planOf, ofType, inputs, configProblems, loadConfig } from "../helpers";
import type { PlanDocument, PlanResource } from "../../plan";

interface QueueOutput {
    name: string;
    url: string;
    arn: string;
    dlqName: string;
    dlqUrl: string;
    dlqArn: string;
}

const queuesOf = (plan: PlanDocument) => plan.outputs.queues as Record<string, QueueOutput>;
const sqsQueues = (plan: PlanDocument) => ofType(plan, "aws:sqs/queue:Queue");
const byName = (plan: PlanDocument, name: string): PlanResource => {
    const found = sqsQueues(plan).filter((q) => inputs(q).name === name);
    if (found.length !== 1) throw new Error(`expected one queue named ${name}, found ${found.length}`);
    return found[0];
};
/** The resource of a type configured on a queue (its `queueUrl` input comes from the queue). */
const onQueue = (plan: PlanDocument, queue: PlanResource, type: string): PlanResource[] =>
    ofType(plan, type).filter((r) => (r.propertyDependencies.queueUrl ?? []).includes(queue.urn));

/** Checks one queue and its dead-letter queue as the services engineer and the seeds (002) need them. */
function expectQueueWithDlq(
    plan: PlanDocument,
    out: QueueOutput,
    expected: { maxReceiveCount: number; fifo: boolean; classification: string },
) {
    const dataKeyArn = (plan.outputs.kmsKeyArns as Record<string, string>).data;
    const queue = byName(plan, out.name);
    const dlq = byName(plan, out.dlqName);

    // Outputs are what a service needs to be granted access: URLs and ARNs of both.
    expect(out.url).toBe(`https://sqs.us-east-1.amazonaws.com/123456789012/${out.name}`);
    expect(out.arn).toBe(`arn:aws:sqs:us-east-1:123456789012:${out.name}`);
    expect(out.dlqUrl).toBe(`https://sqs.us-east-1.amazonaws.com/123456789012/${out.dlqName}`);
    expect(out.dlqArn).toBe(`arn:aws:sqs:us-east-1:123456789012:${out.dlqName}`);

    // Redrive: after maxReceiveCount receives a message moves to the DLQ, which accepts only this queue's.
    const redrive = JSON.parse(inputs(queue).redrivePolicy);
    expect(redrive).toEqual({ deadLetterTargetArn: out.dlqArn, maxReceiveCount: expected.maxReceiveCount });
    expect(queue.dependencies).toContain(dlq.urn);
    expect(inputs(dlq).redrivePolicy).toBeUndefined();
    const allow = onQueue(plan, dlq, "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy");
    expect(allow).toHaveLength(1);
    expect(JSON.parse(inputs(allow[0]).redriveAllowPolicy)).toEqual({ redrivePermission: "byQueue", sourceQueueArns: [out.arn] });

    for (const q of [queue, dlq]) {
        // KMS with the data key (not SQS-managed SSE).
        expect(inputs(q).kmsMasterKeyId).toBe(dataKeyArn);
        expect(inputs(q).kmsDataKeyReusePeriodSeconds).toBeGreaterThanOrEqual(60);
        expect(inputs(q).sqsManagedSseEnabled).toBeUndefined();
        expect(inputs(q).visibilityTimeoutSeconds).toBeGreaterThan(0);
        expect(inputs(q).messageRetentionSeconds).toBeGreaterThanOrEqual(60);
        // FIFO queues have a FIFO DLQ; names end in .fifo exactly then.
        expect(inputs(q).fifoQueue === true).toBe(expected.fifo);
        expect(inputs(q).name.endsWith(".fifo")).toBe(expected.fifo);
        expect(inputs(q).name.length).toBeLessThanOrEqual(80);
        expect(inputs(q).tags.DataClassification).toBe(expected.classification);
        // TLS only.
        const policies = onQueue(plan, q, "aws:sqs/queuePolicy:QueuePolicy");
        expect(policies).toHaveLength(1);
        const statements = JSON.parse(inputs(policies[0]).policy).Statement;
        expect(statements).toContainEqual(
            expect.objectContaining({
                Effect: "Deny",
                Action: "sqs:*",
                Resource: inputs(q) === inputs(queue) ? out.arn : out.dlqArn,
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            }),
        );
    }
    // Dead letters are kept at least as long as the queue keeps messages.
    expect(inputs(dlq).messageRetentionSeconds).toBeGreaterThanOrEqual(inputs(queue).messageRetentionSeconds);
}

describe.each(STACKS)("queues in %s", (stack) => {
    test("the default workflow queue has a dead-letter queue, redrive, KMS with the data key and a TLS-only policy", async () => {
        const plan = await planOf(stack);
        const queues = queuesOf(plan);
        expect(Object.keys(queues)).toEqual(["workflow-tasks"]);
        expect(queues["workflow-tasks"].name).toBe(`strata-${stack}-workflow-tasks`);
        expect(queues["workflow-tasks"].dlqName).toBe(`strata-${stack}-workflow-tasks-dlq`);
        expectQueueWithDlq(plan, queues["workflow-tasks"], { maxReceiveCount: 5, fifo: false, classification: "confidential" });
        // Every SQS queue in the stack is one of these, or their DLQ: none without a dead-letter queue.
        const names = Object.values(queues).flatMap((q) => [q.name, q.dlqName]);
        expect(
            sqsQueues(plan)
                .map((q) => inputs(q).name)
                .sort(),
        ).toEqual(names.sort());
        for (const q of sqsQueues(plan)) {
            if (inputs(q).tags?.Purpose !== "dead-letter-queue") expect(inputs(q).redrivePolicy).toBeDefined();
        }
    });

    test(`queues are ${stack === "prod" ? "protected and retained" : "not protected"}; they wait for the data key only`, async () => {
        const plan = await planOf(stack);
        const dataKey = ofType(plan, "aws:kms/key:Key").find((k) => k.name === `strata-${stack}-kms-data`)!;
        for (const q of sqsQueues(plan)) {
            expect(q.options.protect).toBe(stack === "prod");
            expect(q.options.retainOnDelete).toBe(stack === "prod");
            expect(q.propertyDependencies.kmsMasterKeyId).toEqual([dataKey.urn]);
            for (const dep of q.dependencies) expect(dep).toMatch(/aws:kms\/key:Key|aws:sqs\/queue:Queue/);
        }
    });
});

describe("queues from config", () => {
    // The settings of each queue (FIFO, retention, visibility, redrive) are asserted on the component: queues.component.test.ts.
    test("`queues: {}` means no queues, and a bad queue names key, value and what is allowed", () => {
        expect(loadConfig({ "strata:queues": { queues: {} } }).queues.queues).toEqual({});
        expect(configProblems({ "strata:queues": { queues: { jobs: { maxReceiveCount: 0 } } } })).toEqual([
            "strata:queues.queues.jobs.maxReceiveCount: 0 is too small; it must be >= 1",
        ]);
    });
});

describe("queue config", () => {
    const problemsOf = (queues: unknown, stack = "dev") => configProblems({ "strata:queues": queues }, stack);

    test("defaults per environment: the workflow queue, retention 1 day in dev and 4 days elsewhere, DLQ 14 days", () => {
        for (const [env, retention] of [
            ["dev", 86400],
            ["staging", 345600],
            ["prod", 345600],
        ] as const) {
            const cfg = loadConfig({ "strata:environment": env, "strata:queues": "{}" });
            expect(cfg.queues.queues["workflow-tasks"]).toMatchObject({
                fifo: false,
                maxReceiveCount: 5,
                messageRetentionSeconds: retention,
                dlqRetentionSeconds: 1209600,
            });
        }
    });

    test("errors name the key, the value and what is allowed", () => {
        expect(
            problemsOf({
                queues: {
                    Jobs: {},
                    "jobs-dlq": {},
                    scans: { contentBasedDeduplication: true, dlqRetentionSeconds: 60, visibilityTimeoutSeconds: 50000, retries: 3 },
                },
            }),
        ).toEqual(
            expect.arrayContaining([
                expect.stringMatching(
                    /^strata:queues\.queues\.Jobs: queue key "Jobs" is not allowed; queue keys become part of SQS queue names: lower-case letters/,
                ),
                expect.stringMatching(/^strata:queues\.queues\.jobs-dlq: queue key "jobs-dlq" is reserved/),
                "strata:queues.queues.scans.visibilityTimeoutSeconds: 50000 is too large; it must be <= 43200",
                expect.stringMatching(
                    /^strata:queues\.queues\.scans\.retries: unknown key; allowed keys: classification, fifo, contentBasedDeduplication, visibilityTimeoutSeconds/,
                ),
            ]),
        );
        expect(problemsOf({ queues: { scans: { contentBasedDeduplication: true, dlqRetentionSeconds: 60 } } })).toEqual([
            "strata:queues.queues.scans.contentBasedDeduplication: true is only allowed on FIFO queues; set fifo: true or remove it",
            "strata:queues.queues.scans.dlqRetentionSeconds: 60 is shorter than the queue's messageRetentionSeconds (86400); SQS would drop dead letters early. Allowed: 86400-1209600",
        ]);
    });

    test("names over SQS's 80 characters (.fifo included) are caught up front", () => {
        const key = "q".repeat(64);
        const [p] = problemsOf({ queues: { [key]: { fifo: true } } });
        expect(p).toBe(
            `strata:queues.queues.${key}: gives the sqsQueue name "strata-dev-${key}-dlq.fifo" (84 characters, AWS allows 80); shorten strata:name ("strata") or the stack name`,
        );
    });
});
