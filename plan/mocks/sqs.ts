import type * as pulumi from "@pulumi/pulumi";
import type { MockContext, MockModule } from "./types";

function regionOf(args: pulumi.runtime.MockResourceArgs, ctx: MockContext): string {
    return typeof args.inputs.region === "string" ? args.inputs.region : ctx.region;
}

/** SQS: a queue's id is its URL, as in the AWS provider. */
export const sqs: MockModule = {
    resources: {
        "aws:sqs/queue:Queue": (args, ctx) => {
            const fifo = args.inputs.fifoQueue === true;
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}${fifo ? ".fifo" : ""}`);
            const region = regionOf(args, ctx);
            const url = `https://sqs.${region}.amazonaws.com/${ctx.accountId}/${name}`;
            return {
                id: url,
                state: {
                    name,
                    url,
                    arn: `arn:${ctx.partition}:sqs:${region}:${ctx.accountId}:${name}`,
                    fifoQueue: fifo,
                    sqsManagedSseEnabled: args.inputs.kmsMasterKeyId === undefined,
                },
            };
        },
        "aws:sqs/queuePolicy:QueuePolicy": (args) => ({ id: String(args.inputs.queueUrl) }),
        "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy": (args) => ({ id: String(args.inputs.queueUrl) }),
        "aws:sqs/redrivePolicy:RedrivePolicy": (args) => ({ id: String(args.inputs.queueUrl) }),
    },
};
