import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import type { KmsKeyArns } from "../kms";
import { statefulOptions } from "../base";
import { policyDocument } from "../iam";
import { dataStoreTags } from "../tags";
import type { QueueSettings, QueuesSettings } from "../config/queues";
import { queueNames } from "./names";
import { mainQueueSettings, redriveAllowPolicy, redrivePolicy, sharedQueueSettings, tlsOnlyQueueStatements } from "./policies";

export * from "./policies";

/** What a service needs to use a queue: the URL to call and the ARNs to grant access on. */
export interface QueueOutputs {
    /** Physical queue name (`<prefix>-<key>`, `.fifo` for FIFO queues). */
    name: pulumi.Output<string>;
    url: pulumi.Output<string>;
    arn: pulumi.Output<string>;
    dlqName: pulumi.Output<string>;
    dlqUrl: pulumi.Output<string>;
    dlqArn: pulumi.Output<string>;
}

export interface QueueArgs extends BaseArgs, QueueSettings {
    /** The queue's key in `strata:queues`: the physical name is `<prefix>-<key>` (+ `.fifo`). */
    key: string;
    /** The data key (SSE-KMS for messages). */
    kmsKeyArns: Pick<KmsKeyArns, "data">;
}

/** The TLS-only policy document of a queue. */
function tlsOnlyQueuePolicy(queueArn: pulumi.Output<string>): pulumi.Output<string> {
    return queueArn.apply((arn) => policyDocument(tlsOnlyQueueStatements(arn)));
}

/**
 * One SQS queue with its dead-letter queue: both KMS-encrypted with the data key and TLS-only; the queue's
 * redrive policy moves a message to the dead-letter queue after `maxReceiveCount` receives, and the dead-letter
 * queue accepts dead letters from this queue only (redrive allow policy `byQueue`). FIFO queues get a FIFO DLQ.
 */
export class Queue extends pulumi.ComponentResource implements QueueOutputs {
    public readonly queue: aws.sqs.Queue;
    public readonly deadLetterQueue: aws.sqs.Queue;
    public readonly name: pulumi.Output<string>;
    public readonly url: pulumi.Output<string>;
    public readonly arn: pulumi.Output<string>;
    public readonly dlqName: pulumi.Output<string>;
    public readonly dlqUrl: pulumi.Output<string>;
    public readonly dlqArn: pulumi.Output<string>;

    constructor(name: string, args: QueueArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:queue:Queue", name, {}, opts);
        const n = args.naming;
        const names = queueNames((...parts) => n.name(...parts), args.key, args.fifo);
        const stateful = { parent: this, ...statefulOptions(args.protection) };
        const common = sharedQueueSettings(args, args.kmsKeyArns.data);

        this.deadLetterQueue = new aws.sqs.Queue(
            `${name}-dlq`,
            {
                ...common,
                name: names.dlq,
                messageRetentionSeconds: args.dlqRetentionSeconds,
                tags: dataStoreTags(args.classification, { Name: names.dlq, Purpose: "dead-letter-queue" }),
            },
            stateful,
        );

        this.queue = new aws.sqs.Queue(
            name,
            {
                ...common,
                name: names.queue,
                ...mainQueueSettings(args),
                redrivePolicy: this.deadLetterQueue.arn.apply((dlqArn) => redrivePolicy(dlqArn, args.maxReceiveCount)),
                tags: dataStoreTags(args.classification, { Name: names.queue }),
            },
            stateful,
        );

        // Only this queue may send dead letters here (set after both exist: the two queues name each other).
        new aws.sqs.RedriveAllowPolicy(
            `${name}-dlq`,
            {
                queueUrl: this.deadLetterQueue.url,
                redriveAllowPolicy: this.queue.arn.apply(redriveAllowPolicy),
            },
            { parent: this },
        );

        new aws.sqs.QueuePolicy(name, { queueUrl: this.queue.url, policy: tlsOnlyQueuePolicy(this.queue.arn) }, { parent: this });
        new aws.sqs.QueuePolicy(
            `${name}-dlq`,
            { queueUrl: this.deadLetterQueue.url, policy: tlsOnlyQueuePolicy(this.deadLetterQueue.arn) },
            { parent: this },
        );

        this.name = this.queue.name;
        this.url = this.queue.url;
        this.arn = this.queue.arn;
        this.dlqName = this.deadLetterQueue.name;
        this.dlqUrl = this.deadLetterQueue.url;
        this.dlqArn = this.deadLetterQueue.arn;
        this.registerOutputs({ name: this.name, url: this.url, arn: this.arn, dlqUrl: this.dlqUrl, dlqArn: this.dlqArn });
    }
}

export interface QueuesArgs extends BaseArgs {
    /** `strata:queues.queues`: settings per queue key. */
    queues: QueuesSettings["queues"];
    /** The data key. */
    kmsKeyArns: Pick<KmsKeyArns, "data">;
}

/** Every queue of `strata:queues`, by key. */
export class Queues extends pulumi.ComponentResource {
    public readonly queues: Record<string, Queue>;

    constructor(name: string, args: QueuesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:queue:Queues", name, {}, opts);
        const { queues, kmsKeyArns, ...base } = args;
        this.queues = {};
        for (const [key, settings] of Object.entries(queues)) {
            this.queues[key] = new Queue(args.naming.name("queue", key), { ...base, ...settings, key, kmsKeyArns }, { parent: this });
        }
        this.registerOutputs({ queues: this.outputs() });
    }

    /** Name, URL and ARN of every queue and its dead-letter queue, by key (for stack outputs and services). */
    public outputs(): Record<string, QueueOutputs> {
        return Object.fromEntries(
            Object.entries(this.queues).map(([key, q]) => [
                key,
                { name: q.name, url: q.url, arn: q.arn, dlqName: q.dlqName, dlqUrl: q.dlqUrl, dlqArn: q.dlqArn },
            ]),
        );
    }
}
