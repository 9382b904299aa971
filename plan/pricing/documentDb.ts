import type { Pricer } from "./index";

/**
 * Amazon DocumentDB, us-east-1, standard (pay-per-I/O) storage configuration (aws.amazon.com/documentdb/pricing,
 * November 2026): on-demand instances per instance-hour (every instance, primary or replica, at the same rate),
 * database storage 0.10 per GB-month, I/O 0.20 per million requests, backup storage beyond the cluster's size 0.021 per
 * GB-month. Storage, I/O and backups depend on use and are listed at 0 with their rates; instances are priced.
 */
export const DOCDB_PRICES = {
    instanceHour: {
        "db.t3.medium": 0.078,
        "db.t4g.medium": 0.073,
        "db.r5.large": 0.277,
        "db.r5.xlarge": 0.554,
        "db.r6g.large": 0.263,
        "db.r6g.xlarge": 0.526,
        "db.r8g.large": 0.289,
        "db.r8g.xlarge": 0.578,
    } as Record<string, number>,
    storageGbMonth: 0.1,
    ioPerMillion: 0.2,
    backupGbMonth: 0.021,
};

export const documentDbPricer: Pricer = (r) => {
    if (r.type === "aws:docdb/clusterInstance:ClusterInstance") {
        const cls = String(r.inputs.instanceClass ?? "");
        const hourly = DOCDB_PRICES.instanceHour[cls];
        if (hourly === undefined) return { monthlyUsd: 0, basis: `instance class ${cls} is not in the DocumentDB price table` };
        return { monthlyUsd: hourly * 730, basis: `${cls} ${hourly}/instance-hour (on-demand, standard storage configuration)` };
    }
    if (r.type === "aws:docdb/cluster:Cluster")
        return {
            monthlyUsd: 0,
            basis: `usage-based: storage ${DOCDB_PRICES.storageGbMonth}/GB-month, I/O ${DOCDB_PRICES.ioPerMillion} per million requests, backup storage beyond the cluster's size ${DOCDB_PRICES.backupGbMonth}/GB-month`,
        };
    return undefined;
};
