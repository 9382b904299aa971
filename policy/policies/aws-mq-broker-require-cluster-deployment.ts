import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

export const awsMqBrokerRequireClusterDeployment = resourcePolicy({
    name: "aws-mq-broker-require-cluster-deployment",
    description: "Amazon MQ brokers must survive the loss of an Availability Zone.",
    checks: "`deploymentMode` is CLUSTER_MULTI_AZ (RabbitMQ: three nodes in three AZs) or ACTIVE_STANDBY_MULTI_AZ (ActiveMQ).",
    category: "data-protection",
    severity: "medium",
    controls: {
        fsbp: ["MQ.6"],
        checkov: [],
        other: ["Amazon MQ Developer Guide, best practices for broker setup: use cluster deployments"],
    },
    validateResource: validateResourceOfType(aws.mq.Broker, (b, args, reportViolation) => {
        const mode = String(b.deploymentMode ?? "SINGLE_INSTANCE");
        if (mode !== "CLUSTER_MULTI_AZ" && mode !== "ACTIVE_STANDBY_MULTI_AZ")
            reportViolation(`deploymentMode is ${mode}: use CLUSTER_MULTI_AZ.`);
    }),
});
