/**
 * The CloudWatch metric alarms of the data tier, as data: the metric, its namespace and dimension, the statistic,
 * period and datapoints, the comparison and the threshold, and how missing data is treated. Metric names and
 * dimensions: Amazon RDS User Guide, "Amazon CloudWatch metrics for Amazon RDS" (AWS/RDS, DBInstanceIdentifier);
 * Amazon ElastiCache User Guide, "Host-level metrics" and "Metrics for Redis OSS / Valkey" (AWS/ElastiCache,
 * CacheClusterId: a replication group's member clusters are named `<replication group id>-001`, `-002`, ...).
 */

export interface AlarmThresholds {
    database: { cpuPercent: number; freeStoragePercent: number; freeableMemoryMiB: number; replicaLagSeconds: number };
    cache: { engineCpuPercent: number; memoryPercent: number; evictionsPerPeriod: number };
}

export interface AlarmSpec {
    /** Suffix of the alarm's name (`<prefix>-<target>-<suffix>`). */
    suffix: string;
    namespace: "AWS/RDS" | "AWS/ElastiCache";
    metricName: string;
    dimensions: Record<string, string>;
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

/** The alarms of one database instance (`replica`: it also reports ReplicaLag). */
export function databaseAlarms(id: string, allocatedStorageGiB: number, t: AlarmThresholds["database"], replica = false): AlarmSpec[] {
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

/** The alarms of one cache node (EngineCPUUtilization: the Redis/Valkey thread; ElastiCache recommends it over host CPU). */
export function cacheAlarms(clusterId: string, t: AlarmThresholds["cache"]): AlarmSpec[] {
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
    ];
}
