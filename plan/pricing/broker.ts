import type { Pricer } from "./index";

/**
 * Amazon MQ for RabbitMQ, us-east-1 on-demand list prices (aws.amazon.com/amazon-mq/pricing): broker instance-hours,
 * charged per node (a CLUSTER_MULTI_AZ broker is three nodes), and message storage per GB-month used. The m7g rates
 * were not re-read from the page in this change: check them against it when the page is at hand.
 * Assumed: 730 hours a month, 5 GB of messages stored per node.
 */
export const MQ_INSTANCE_HOURLY: Readonly<Record<string, number>> = {
    "mq.t3.micro": 0.0216,
    "mq.m5.large": 0.288,
    "mq.m5.xlarge": 0.576,
    "mq.m5.2xlarge": 1.152,
    "mq.m5.4xlarge": 2.304,
    "mq.m7g.medium": 0.0672,
    "mq.m7g.large": 0.2688,
    "mq.m7g.xlarge": 0.5376,
    "mq.m7g.2xlarge": 1.0752,
    "mq.m7g.4xlarge": 2.1504,
    "mq.m7g.8xlarge": 4.3008,
    "mq.m7g.12xlarge": 6.4512,
    "mq.m7g.16xlarge": 8.6016,
};
export const MQ_STORAGE_PER_GB_MONTH = 0.1;
export const MQ_USAGE = { hoursPerMonth: 730, gbPerNode: 5 };

export const brokerPricer: Pricer = (r) => {
    if (r.type !== "aws:mq/broker:Broker") return undefined;
    const type = String(r.inputs.hostInstanceType ?? "");
    const rate = MQ_INSTANCE_HOURLY[type];
    if (rate === undefined) return undefined;
    const nodes = r.inputs.deploymentMode === "CLUSTER_MULTI_AZ" ? 3 : 1;
    return {
        monthlyUsd: nodes * (rate * MQ_USAGE.hoursPerMonth + MQ_STORAGE_PER_GB_MONTH * MQ_USAGE.gbPerNode),
        basis: `${nodes} x ${type} at ${rate}/hour + ${MQ_USAGE.gbPerNode} GB at ${MQ_STORAGE_PER_GB_MONTH}/GB-month per node`,
    };
};
