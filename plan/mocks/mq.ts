import type { MockContext, MockModule } from "./types";

const uuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

/** Instance types Amazon MQ runs single-instance RabbitMQ brokers only on (components/catalogue/mq.ts). */
const SINGLE_INSTANCE_ONLY = ["mq.t3.micro", "mq.m7g.medium"];

function refuse(inputs: Record<string, unknown>): void {
    const mode = String(inputs.deploymentMode ?? "SINGLE_INSTANCE");
    const subnets = Array.isArray(inputs.subnetIds) ? inputs.subnetIds : [];
    const type = String(inputs.hostInstanceType ?? "");
    // CreateBroker (Amazon MQ API reference, `subnetIds`): a SINGLE_INSTANCE deployment requires one subnet.
    if (mode === "SINGLE_INSTANCE" && subnets.length > 1)
        throw new Error(`BadRequestException: a SINGLE_INSTANCE broker takes exactly one subnet, got ${subnets.length}`);
    if (mode === "CLUSTER_MULTI_AZ" && SINGLE_INSTANCE_ONLY.includes(type))
        throw new Error(`BadRequestException: ${type} does not support the CLUSTER_MULTI_AZ deployment mode`);
    // A RabbitMQ broker takes no customer managed key ("Encryption at rest", Amazon MQ Developer Guide).
    const enc = inputs.encryptionOptions as { useAwsOwnedKey?: boolean; kmsKeyId?: string } | undefined;
    if (String(inputs.engineType).toUpperCase() === "RABBITMQ" && (enc?.useAwsOwnedKey === false || enc?.kmsKeyId))
        throw new Error("BadRequestException: RabbitMQ brokers support AWS owned keys only");
    if (String(inputs.engineType).toUpperCase() === "RABBITMQ" && (inputs.logs as { audit?: unknown } | undefined)?.audit)
        throw new Error("BadRequestException: audit logs are not supported for RabbitMQ brokers");
}

/**
 * Amazon MQ: a broker's id is `b-<uuid>`; its instances carry the AMQPS endpoint and the console URL on the broker's
 * host name `<id>.mq.<region>.amazonaws.com` (one NLB endpoint for a cluster too: every instance reports it).
 */
export const mq: MockModule = {
    resources: {
        "aws:mq/broker:Broker": (args, ctx: MockContext) => {
            refuse(args.inputs);
            const id = `b-${uuid(ctx.hex(`mq/${args.name}`, 32))}`;
            const host = `${id}.mq.${ctx.region}.amazonaws.com`;
            const count = args.inputs.deploymentMode === "CLUSTER_MULTI_AZ" ? 3 : 1;
            return {
                id,
                state: {
                    arn: ctx.arn("mq", `broker:${String(args.inputs.brokerName)}:${id}`),
                    instances: Array.from({ length: count }, () => ({
                        consoleUrl: `https://${host}`,
                        endpoints: [`amqps://${host}:5671`],
                        ipAddress: "",
                    })),
                    storageType: "ebs",
                },
            };
        },
        "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": (args) => ({ id: String(args.inputs.policyName) }),
    },
};
