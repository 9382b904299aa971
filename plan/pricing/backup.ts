import type { Pricer } from "./index";

/**
 * AWS Backup, us-east-1 (aws.amazon.com/backup/pricing, November 2026): warm storage of RDS snapshots 0.095 per
 * GB-month, of S3 backups 0.05 per GB-month; cross-region copies are stored at the destination's rate plus 0.02 per
 * GB transferred (EC2 data transfer between regions). Assumption, stated in the item: the database's recovery points
 * hold about 1.5 times its allocated storage (one full snapshot, then incremental changes); bucket backups are
 * usage-based (their size is not in the plan).
 */
export const BACKUP_PRICES = { rdsWarmGbMonth: 0.095, s3WarmGbMonth: 0.05, interRegionTransferGb: 0.02, rdsStoredFactor: 1.5 };

export const backupPricer: Pricer = (r, byUrn) => {
    if (r.type !== "aws:backup/selection:Selection") return undefined;
    const arns = (r.inputs.resources ?? []) as string[];
    const plan = [...byUrn.values()].find((p) => p.type === "aws:backup/plan:Plan");
    const copies = JSON.stringify(plan?.inputs.rules ?? []).includes("destinationVaultArn");
    let gb = 0;
    for (const arn of arns) {
        const id = /:rds:[^:]+:\d+:db:(.+)$/.exec(arn)?.[1];
        if (!id) continue;
        const db = [...byUrn.values()].find((x) => x.type === "aws:rds/instance:Instance" && x.inputs.identifier === id);
        gb += Number(db?.inputs.allocatedStorage ?? 0);
    }
    const stored = gb * BACKUP_PRICES.rdsStoredFactor;
    const monthly =
        stored * BACKUP_PRICES.rdsWarmGbMonth * (copies ? 2 : 1) + (copies ? stored * 0.1 * 30 * BACKUP_PRICES.interRegionTransferGb : 0);
    const buckets = arns.filter((a) => a.startsWith("arn:aws:s3:")).length;
    return {
        monthlyUsd: monthly,
        basis: `database recovery points ~${BACKUP_PRICES.rdsStoredFactor} x ${gb} GB at ${BACKUP_PRICES.rdsWarmGbMonth}/GB-month${copies ? ", the same again in the copy region plus 10% daily change copied at 0.02/GB" : ""}; ${buckets} bucket(s) usage-based at ${BACKUP_PRICES.s3WarmGbMonth}/GB-month`,
    };
};
