/**
 * Regional prices as multipliers of the us-east-1 list prices the cost model holds (plan/cost.ts and the pricers in
 * plan/pricing/), one per priced family. A family without a multiplier in a region is left unpriced there (never
 * priced as us-east-1) and the plan warns. Read on PRICES_BY_REGION_READ from the AWS pricing pages each family cites:
 * - ec2: Amazon EC2 On-Demand Pricing (aws.amazon.com/ec2/pricing/on-demand), representative instance m6i.large
 *   Linux: us-east-1 0.096/h; the node groups' root volumes (EBS gp3) ride on the same multiplier.
 * - rds: Amazon RDS for PostgreSQL Pricing (aws.amazon.com/rds/postgresql/pricing), single-AZ on-demand instances and
 *   gp3 storage.
 * - elasticache: Amazon ElastiCache Pricing (aws.amazon.com/elasticache/pricing), on-demand nodes.
 * - nat: Amazon VPC Pricing (aws.amazon.com/vpc/pricing), NAT gateway hour (us-east-1 0.045) and public IPv4 (0.005).
 * - alb: Elastic Load Balancing Pricing (aws.amazon.com/elasticloadbalancing/pricing), ALB-hour (us-east-1 0.0225).
 * - eks: Amazon EKS Pricing (aws.amazon.com/eks/pricing): 0.10 per cluster-hour (0.60 extended support) in every
 *   commercial region, a flat 1.
 * - other: everything else the plan prices (KMS keys, secrets, interface endpoints, WAF, CloudWatch alarms and logs,
 *   backups, audit, tracing, delivery).
 * US East (Ohio) and US West (Oregon) list the same prices as US East (N. Virginia) on each of these pages. EU
 * (Ireland): m6i.large 0.107 (1.115), NAT gateway 0.048 (1.067), ALB-hour 0.0252 (1.12), EKS flat; RDS, ElastiCache
 * and the rest were not compared and stay unpriced there.
 */
export const PRICE_FAMILIES = ["ec2", "rds", "elasticache", "nat", "alb", "eks", "other"] as const;
export type PriceFamily = (typeof PRICE_FAMILIES)[number];

/** When the multipliers below were read. */
export const PRICES_BY_REGION_READ = "2026-12-03";

const SAME_AS_US_EAST_1: Readonly<Record<PriceFamily, number>> = { ec2: 1, rds: 1, elasticache: 1, nat: 1, alb: 1, eks: 1, other: 1 };

/** Multipliers of the us-east-1 prices per region and family; a region or family not here is unpriced. */
export const REGION_PRICE_MULTIPLIERS: Readonly<Record<string, Readonly<Partial<Record<PriceFamily, number>>>>> = {
    "us-east-1": SAME_AS_US_EAST_1,
    "us-east-2": SAME_AS_US_EAST_1,
    "us-west-2": SAME_AS_US_EAST_1,
    "eu-west-1": { ec2: 1.115, nat: 1.067, alb: 1.12, eks: 1 },
};

/** The family a resource type's price belongs to. */
export function priceFamilyOf(type: string): PriceFamily {
    switch (type) {
        case "aws:eks/nodeGroup:NodeGroup":
            return "ec2";
        case "aws:rds/instance:Instance":
            return "rds";
        case "aws:elasticache/replicationGroup:ReplicationGroup":
            return "elasticache";
        case "awsx:ec2:Vpc":
            return "nat";
        case "kubernetes:networking.k8s.io/v1:Ingress":
            return "alb";
        case "aws:eks/cluster:Cluster":
            return "eks";
        default:
            return "other";
    }
}

/** The multiplier of a family's us-east-1 prices in a region, or undefined when that price is unknown. */
export function priceMultiplier(region: string, family: PriceFamily): number | undefined {
    return REGION_PRICE_MULTIPLIERS[region]?.[family];
}

/** The multiplier table as Markdown (docs/offline-plan.md carries it; a test keeps the two equal). */
export function regionPriceTableMarkdown(): string {
    const cell = (m: number | undefined) => (m === undefined ? "unpriced" : String(m));
    return [
        `| region | ${PRICE_FAMILIES.join(" | ")} |`,
        `|---|${PRICE_FAMILIES.map(() => "---").join("|")}|`,
        ...Object.entries(REGION_PRICE_MULTIPLIERS).map(
            ([region, ms]) => `| ${region} | ${PRICE_FAMILIES.map((f) => cell(ms[f])).join(" | ")} |`,
        ),
    ].join("\n");
}
