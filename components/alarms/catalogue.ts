/**
 * The CloudWatch metric alarms of the data tier, as data: the metric, its namespace and dimension, the statistic,
 * period and datapoints, the comparison and the threshold, and how missing data is treated. Metric names and
 * dimensions: Amazon RDS User Guide, "Amazon CloudWatch metrics for Amazon RDS" (AWS/RDS, DBInstanceIdentifier);
 * Amazon ElastiCache User Guide, "Host-level metrics" and "Metrics for Redis OSS / Valkey" (AWS/ElastiCache,
 * CacheClusterId: a replication group's member clusters are named `<replication group id>-001`, `-002`, ...); Amazon
 * SQS Developer Guide, "Available CloudWatch metrics for Amazon SQS" (AWS/SQS, QueueName); Amazon VPC User Guide,
 * "CloudWatch metrics for NAT gateways" (AWS/NATGateway, NatGatewayId); Elastic Load Balancing, "CloudWatch metrics
 * for your Application Load Balancer" (AWS/ApplicationELB).
 */
import type * as pulumi from "@pulumi/pulumi";
import { instanceCapacity } from "../catalogue/ec2";

export interface AlarmThresholds {
    database: {
        cpuPercent: number;
        freeStoragePercent: number;
        freeableMemoryMiB: number;
        replicaLagSeconds: number;
        connectionsPercent: number;
    };
    cache: { engineCpuPercent: number; memoryPercent: number; evictionsPerPeriod: number; replicationLagSeconds: number };
    queues: { oldestMessageAgeSeconds: number };
    loadBalancers: { elb5xxPerPeriod: number; target5xxPerPeriod: number };
    certificates: { daysToExpiry: number };
}

export interface AlarmSpec {
    /** Suffix of the alarm's name (`<prefix>-<target>-<suffix>`). */
    suffix: string;
    namespace: "AWS/RDS" | "AWS/ElastiCache" | "AWS/SQS" | "AWS/NATGateway" | "AWS/ApplicationELB" | "AWS/CertificateManager";
    metricName: string;
    /** The metric's dimensions; a value may be an Output (an id known only after create, as a NAT gateway's). */
    dimensions: Record<string, pulumi.Input<string>>;
    /**
     * A CloudWatch Metrics Insights query the alarm evaluates instead of one metric (for resources whose dimensions the
     * program cannot know, such as the load balancers the AWS Load Balancer Controller creates later).
     */
    query?: string;
    statistic: "Average" | "Maximum" | "Minimum" | "Sum";
    period: number;
    evaluationPeriods: number;
    datapointsToAlarm: number;
    comparisonOperator: "GreaterThanThreshold" | "LessThanThreshold";
    threshold: number;
    /**
     * `breaching` where silence itself is the failure (a replica that stops reporting lag), else `missing` (a metric
     * that is simply not emitted, e.g. before the first datapoint, keeps the alarm's state).
     */
    treatMissingData: "breaching" | "missing" | "notBreaching";
    description: string;
}

const FIVE_MINUTES = 300;

/**
 * RDS for PostgreSQL's default max_connections, `LEAST({DBInstanceClassMemory/9531392}, 5000)` (Amazon RDS User Guide,
 * "Maximum number of database connections"), or the parameter group's explicit value. DBInstanceClassMemory is the
 * class's memory less what RDS keeps for itself, which is not published: from the nominal memory this is an upper bound.
 */
export function postgresMaxConnections(instanceClass: string, parameters: Record<string, string | number> = {}): number {
    const explicit = Number(parameters.max_connections);
    if (Number.isInteger(explicit) && explicit > 0) return explicit;
    const capacity = instanceCapacity(instanceClass.replace(/^db\./, ""));
    if (!capacity) throw new Error(`no memory known for RDS instance class ${instanceClass}`);
    return Math.min(5000, Math.floor((capacity.memoryGiB * 2 ** 30) / 9531392));
}

/** The alarms of one database instance (`replica`: it also reports ReplicaLag). */
export function databaseAlarms(
    id: string,
    allocatedStorageGiB: number,
    t: AlarmThresholds["database"],
    replica = false,
    maxConnections?: number,
): AlarmSpec[] {
    const dim = { DBInstanceIdentifier: id };
    const common = { namespace: "AWS/RDS" as const, dimensions: dim, period: FIVE_MINUTES, evaluationPeriods: 3, datapointsToAlarm: 3 };
    const alarms: AlarmSpec[] = [
        {
            ...common,
            suffix: "cpu",
            metricName: "CPUUtilization",
            statistic: "Average",
            comparisonOperator: "GreaterThanThreshold",
            threshold: t.cpuPercent,
            treatMissingData: "missing",
            description: `${id}: CPU above ${t.cpuPercent}% for 15 minutes`,
        },
        {
            ...common,
            suffix: "free-storage",
            metricName: "FreeStorageSpace",
            statistic: "Minimum",
            comparisonOperator: "LessThanThreshold",
            // FreeStorageSpace is in bytes: the share of the allocated storage.
            threshold: Math.round(allocatedStorageGiB * 2 ** 30 * (t.freeStoragePercent / 100)),
            treatMissingData: "missing",
            description: `${id}: less than ${t.freeStoragePercent}% of ${allocatedStorageGiB} GiB free`,
        },
        {
            ...common,
            suffix: "freeable-memory",
            metricName: "FreeableMemory",
            statistic: "Average",
            comparisonOperator: "LessThanThreshold",
            threshold: t.freeableMemoryMiB * 2 ** 20,
            treatMissingData: "missing",
            description: `${id}: less than ${t.freeableMemoryMiB} MiB of freeable memory for 15 minutes`,
        },
    ];
    if (maxConnections !== undefined) {
        const limit = Math.max(1, Math.floor((maxConnections * t.connectionsPercent) / 100));
        alarms.push({
            ...common,
            suffix: "connections",
            metricName: "DatabaseConnections",
            statistic: "Maximum",
            evaluationPeriods: 2,
            datapointsToAlarm: 2,
            comparisonOperator: "GreaterThanThreshold",
            threshold: limit,
            treatMissingData: "missing",
            description: `${id}: more than ${limit} connections (${t.connectionsPercent}% of max_connections ${maxConnections}) for 10 minutes: the pool is nearly exhausted`,
        });
    }
    if (replica)
        alarms.push({
            ...common,
            suffix: "replica-lag",
            metricName: "ReplicaLag",
            statistic: "Maximum",
            comparisonOperator: "GreaterThanThreshold",
            threshold: t.replicaLagSeconds,
            treatMissingData: "breaching",
            description: `${id}: replica lag above ${t.replicaLagSeconds} s (or no lag reported: replication stopped)`,
        });
    return alarms;
}

/** The member cluster ids of a replication group (`<id>-001` ...). */
export function memberClusterIds(replicationGroupId: string, count: number): string[] {
    return Array.from({ length: count }, (_, i) => `${replicationGroupId}-${String(i + 1).padStart(3, "0")}`);
}

/**
 * The alarms of one cache node (EngineCPUUtilization: the Redis/Valkey thread; ElastiCache recommends it over host CPU).
 * `replicated`: the group has replicas, so every node also watches ReplicationLag, which only a replica reports (the
 * primary's silence is not a failure; which node is primary changes with each failover).
 */
export function cacheAlarms(clusterId: string, t: AlarmThresholds["cache"], replicated = false): AlarmSpec[] {
    const common = {
        namespace: "AWS/ElastiCache" as const,
        dimensions: { CacheClusterId: clusterId },
        period: FIVE_MINUTES,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        treatMissingData: "missing" as const,
    };
    return [
        {
            ...common,
            suffix: "engine-cpu",
            metricName: "EngineCPUUtilization",
            statistic: "Average",
            comparisonOperator: "GreaterThanThreshold",
            threshold: t.engineCpuPercent,
            description: `${clusterId}: engine CPU above ${t.engineCpuPercent}% for 15 minutes`,
        },
        {
            ...common,
            suffix: "memory",
            metricName: "DatabaseMemoryUsagePercentage",
            statistic: "Average",
            comparisonOperator: "GreaterThanThreshold",
            threshold: t.memoryPercent,
            description: `${clusterId}: memory above ${t.memoryPercent}% of maxmemory`,
        },
        {
            ...common,
            suffix: "evictions",
            metricName: "Evictions",
            statistic: "Sum",
            comparisonOperator: "GreaterThanThreshold",
            threshold: t.evictionsPerPeriod,
            description: `${clusterId}: more than ${t.evictionsPerPeriod} keys evicted per 5 minutes`,
        },
        ...(replicated
            ? [
                  {
                      ...common,
                      suffix: "replication-lag",
                      metricName: "ReplicationLag",
                      statistic: "Maximum" as const,
                      comparisonOperator: "GreaterThanThreshold" as const,
                      threshold: t.replicationLagSeconds,
                      treatMissingData: "notBreaching" as const,
                      description: `${clusterId}: as a replica, more than ${t.replicationLagSeconds} s behind the primary`,
                  },
              ]
            : []),
    ];
}

/**
 * A NAT gateway that drops connections because it ran out of source ports (ErrorPortAllocation > 0). The gateway's id
 * is known only after create (an Output): `label` names the gateway in the description.
 */
export function natGatewayAlarms(label: string, natGatewayId: pulumi.Input<string>): AlarmSpec[] {
    return [
        {
            suffix: "port-allocation",
            namespace: "AWS/NATGateway",
            metricName: "ErrorPortAllocation",
            dimensions: { NatGatewayId: natGatewayId },
            statistic: "Sum",
            period: FIVE_MINUTES,
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            comparisonOperator: "GreaterThanThreshold",
            threshold: 0,
            treatMissingData: "notBreaching",
            description: `${label}: could not allocate a source port (connections to one destination exhaust its 55,000 ports)`,
        },
    ];
}

/**
 * A queue's alarms: any message in its dead-letter queue (something failed maxReceiveCount times), and its oldest
 * message older than the threshold for 15 minutes (consumers stopped or fall behind). An idle queue stops emitting
 * metrics after six hours, which is no failure.
 */
export function queueAlarms(queueName: string, deadLetterQueueName: string, t: AlarmThresholds["queues"]): AlarmSpec[] {
    const common = {
        namespace: "AWS/SQS" as const,
        period: FIVE_MINUTES,
        statistic: "Maximum" as const,
        treatMissingData: "notBreaching" as const,
    };
    return [
        {
            ...common,
            suffix: "dead-letters",
            metricName: "ApproximateNumberOfMessagesVisible",
            dimensions: { QueueName: deadLetterQueueName },
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            comparisonOperator: "GreaterThanThreshold",
            threshold: 0,
            description: `${deadLetterQueueName}: dead letters waiting (messages that failed processing on ${queueName})`,
        },
        {
            ...common,
            suffix: "oldest-message",
            metricName: "ApproximateAgeOfOldestMessage",
            dimensions: { QueueName: queueName },
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            comparisonOperator: "GreaterThanThreshold",
            threshold: t.oldestMessageAgeSeconds,
            description: `${queueName}: oldest message older than ${t.oldestMessageAgeSeconds} s for 15 minutes`,
        },
    ];
}

/**
 * The load balancers' alarms, as Metrics Insights queries over every Application Load Balancer of the account and
 * region: the AWS Load Balancer Controller creates the ALBs after the program runs, so their dimensions cannot be
 * named here. ELB 5xx (the load balancer itself failing), target 5xx (the services failing) and any unhealthy target.
 */
export function loadBalancerAlarms(t: AlarmThresholds["loadBalancers"]): AlarmSpec[] {
    const common = {
        namespace: "AWS/ApplicationELB" as const,
        dimensions: {},
        period: FIVE_MINUTES,
        statistic: "Sum" as const,
        comparisonOperator: "GreaterThanThreshold" as const,
        treatMissingData: "notBreaching" as const,
    };
    return [
        {
            ...common,
            suffix: "elb-5xx",
            metricName: "HTTPCode_ELB_5XX_Count",
            query: 'SELECT SUM(HTTPCode_ELB_5XX_Count) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer)',
            evaluationPeriods: 2,
            datapointsToAlarm: 2,
            threshold: t.elb5xxPerPeriod,
            description: `load balancers: more than ${t.elb5xxPerPeriod} ELB 5xx responses per 5 minutes, twice in a row`,
        },
        {
            ...common,
            suffix: "target-5xx",
            metricName: "HTTPCode_Target_5XX_Count",
            query: 'SELECT SUM(HTTPCode_Target_5XX_Count) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer)',
            evaluationPeriods: 2,
            datapointsToAlarm: 2,
            threshold: t.target5xxPerPeriod,
            description: `load balancers: more than ${t.target5xxPerPeriod} target 5xx responses per 5 minutes, twice in a row`,
        },
        {
            ...common,
            suffix: "unhealthy-targets",
            metricName: "UnHealthyHostCount",
            query: 'SELECT MAX(UnHealthyHostCount) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer, TargetGroup)',
            statistic: "Maximum",
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            threshold: 0,
            description: "load balancers: a target group has an unhealthy target for 15 minutes",
        },
    ];
}

/**
 * An ACM certificate of an Ingress close to expiry (AWS Certificate Manager User Guide, "Supported CloudWatch metrics":
 * DaysToExpiry, per CertificateArn, published daily). A certificate ACM renews itself never gets there; an imported
 * one, or one whose DNS validation record was removed, does.
 */
export function certificateAlarms(certificateArn: string, t: AlarmThresholds["certificates"]): AlarmSpec[] {
    return [
        {
            suffix: "days-to-expiry",
            namespace: "AWS/CertificateManager",
            metricName: "DaysToExpiry",
            dimensions: { CertificateArn: certificateArn },
            statistic: "Minimum",
            period: 86400,
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            comparisonOperator: "LessThanThreshold",
            threshold: t.daysToExpiry,
            treatMissingData: "missing",
            description: `${certificateArn}: expires in less than ${t.daysToExpiry} days`,
        },
    ];
}
