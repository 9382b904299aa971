/**
 * Names the Database component creates (shared by the component and the config name check, so the names checked
 * against AWS limits are the names created).
 */
export const databaseNames = {
    identifier: "postgres",
    replica: (i: number) => `postgres-replica-${i + 1}`,
    proxy: "postgres-proxy",
    monitoringRole: "rds-monitoring",
    proxyRole: "rds-proxy",
};

/** The CloudWatch log group RDS writes one exported log of an instance to: `/aws/rds/instance/<identifier>/<log>`. */
export function rdsLogGroupName(identifier: string, log: string): string {
    return `/aws/rds/instance/${identifier}/${log}`;
}
