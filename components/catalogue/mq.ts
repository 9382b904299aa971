/**
 * Amazon MQ for RabbitMQ facts: the engine versions Strata supports and the broker instance types each runs on, with
 * the deployment modes each instance type allows. From the Amazon MQ Developer Guide, "Managing Amazon MQ for
 * RabbitMQ engine versions" (RabbitMQ 4.2 only on mq.m7g; 3.13 on mq.t3, mq.m5 and mq.m7g; 3.12 is past its end of
 * support, "Amazon MQ for RabbitMQ version support calendar", and new brokers cannot be created on it) and "Amazon MQ
 * for RabbitMQ instance types" (mq.t3.micro is for evaluation and single-instance brokers only; cluster deployments
 * need a larger instance).
 */

export const MQ_DEPLOYMENT_MODES = ["SINGLE_INSTANCE", "CLUSTER_MULTI_AZ"] as const;
export type MqDeploymentMode = (typeof MQ_DEPLOYMENT_MODES)[number];

/** Instance types that run single-instance brokers only (no CLUSTER_MULTI_AZ). */
export const MQ_SINGLE_INSTANCE_ONLY: readonly string[] = ["mq.t3.micro", "mq.m7g.medium"];

const family = (f: string, sizes: string[]) => sizes.map((s) => `mq.${f}.${s}`);
const M7G = family("m7g", ["medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"]);
const M5 = family("m5", ["large", "xlarge", "2xlarge", "4xlarge"]);

/** RabbitMQ engine versions Strata supports (major.minor: Amazon MQ applies patches itself) and their instance types. */
export const RABBITMQ_VERSIONS: Readonly<Record<string, readonly string[]>> = {
    "3.13": ["mq.t3.micro", ...M5, ...M7G],
    "4.2": M7G,
};
export const DEFAULT_RABBITMQ_VERSION = "4.2";

/** Every broker instance type some supported version runs on. */
export const MQ_INSTANCE_TYPES: readonly string[] = [...new Set(Object.values(RABBITMQ_VERSIONS).flat())];

/** Why a version / instance type / deployment mode combination is refused, or undefined when Amazon MQ accepts it. */
export function brokerCombinationProblem(version: string, instanceType: string, mode: MqDeploymentMode): string | undefined {
    const types = RABBITMQ_VERSIONS[version];
    if (!types) return `RabbitMQ ${version} is not supported; allowed: ${Object.keys(RABBITMQ_VERSIONS).join(", ")}`;
    if (!types.includes(instanceType)) return `RabbitMQ ${version} does not run on ${instanceType}; allowed: ${types.join(", ")}`;
    if (mode === "CLUSTER_MULTI_AZ" && MQ_SINGLE_INSTANCE_ONLY.includes(instanceType))
        return `${instanceType} runs single-instance brokers only; allowed for CLUSTER_MULTI_AZ: ${types.filter((t) => !MQ_SINGLE_INSTANCE_ONLY.includes(t)).join(", ")}`;
    return undefined;
}

/** Broker instances a deployment mode runs: a cluster is three nodes in three AZs. */
export function brokerInstanceCount(mode: MqDeploymentMode): number {
    return mode === "CLUSTER_MULTI_AZ" ? 3 : 1;
}
