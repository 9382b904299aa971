import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { isTrue } from "../lib/values";

export const awsElasticacheReplicationgroupRequireMultiAz = resourcePolicy({
    name: "aws-elasticache-replicationgroup-require-multi-az",
    description: "The primary cache must be Multi-AZ with automatic failover.",
    checks:
        "`multiAzEnabled` and `automaticFailoverEnabled` are true and there are at least two nodes " +
        "(`numCacheClusters`, or `replicasPerNodeGroup` >= 1).",
    category: "data-protection",
    severity: "medium",
    controls: { fsbp: ["ElastiCache.3"], checkov: ["CKV2_AWS_50"], cdkNag: ["AwsSolutions-AEC4"] },
    validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (rg, args, reportViolation) => {
        const nodes = rg.numCacheClusters !== undefined ? Number(rg.numCacheClusters) : 1 + Number(rg.replicasPerNodeGroup ?? 0);
        if (!isTrue(rg.multiAzEnabled)) reportViolation("multiAzEnabled must be true.");
        if (!isTrue(rg.automaticFailoverEnabled)) reportViolation("automaticFailoverEnabled must be true.");
        if (nodes < 2) reportViolation(`${nodes} node(s): Multi-AZ needs at least 2.`);
    }),
});
