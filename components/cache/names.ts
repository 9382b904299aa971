/** Names the Cache component creates (shared by the component and the config name check). */
export const cacheNames = { replicationGroupId: "cache" };

/** The CloudWatch log group ElastiCache delivers one log type of a replication group to. */
export function cacheLogGroupName(replicationGroupId: string, logType: string): string {
    return `/aws/elasticache/${replicationGroupId}/${logType}`;
}
