import type { CostItem, PlanResource } from "./types";
import type { WorkloadRequest } from "../components/capacity";
import { allocatable, nodesNeeded, totalRequests } from "../components/capacity";
import { launchedInstanceTypes } from "../components/cluster/nodeGroups";
import { PRICERS } from "./pricing";
import type { PriceFamily } from "./pricing/regions";
import { priceFamilyOf, priceMultiplier } from "./pricing/regions";
import { platformWorkloads } from "./platformWorkloads";
import { REPLICA_SET_OWNERS } from "./workloadTypes";

/**
 * Public on-demand list prices, us-east-1, USD, as published in November 2026 on the AWS pricing pages:
 * EKS (aws.amazon.com/eks/pricing), EC2 on-demand (aws.amazon.com/ec2/pricing/on-demand), VPC NAT gateways and public
 * IPv4 addresses (aws.amazon.com/vpc/pricing), PrivateLink interface endpoints (aws.amazon.com/privatelink/pricing),
 * Elastic Load Balancing (aws.amazon.com/elasticloadbalancing/pricing), KMS (aws.amazon.com/kms/pricing), Secrets
 * Manager (aws.amazon.com/secrets-manager/pricing), EBS (aws.amazon.com/ebs/pricing), RDS for PostgreSQL
 * (aws.amazon.com/rds/postgresql/pricing), ElastiCache (aws.amazon.com/elasticache/pricing), WAF
 * (aws.amazon.com/waf/pricing). Monthly = hourly x 730 (the convention of Infracost and the AWS Pricing Calculator).
 */
export const PRICE_TABLE = {
    name: "aws-us-east-1-on-demand (AWS public list prices, November 2026; monthly = hourly x 730)",
    hoursPerMonth: 730,
    eksControlPlaneHour: 0.1,
    eksExtendedSupportHour: 0.6,
    // An assumption, not a price: spot capacity averages about 65% below on-demand for these general-purpose families
    // (the EC2 Spot pricing page quotes "up to 90%"; the Spot Instance Advisor shows 60-70% savings for m6i/m7i).
    spotDiscount: 0.65,
    natGatewayHour: 0.045,
    publicIpv4Hour: 0.005,
    // Application Load Balancer, us-east-1: 0.0225 per ALB-hour plus 0.008 per LCU-hour (usage, not in the estimate);
    // Elastic Load Balancing pricing, https://aws.amazon.com/elasticloadbalancing/pricing/.
    albHour: 0.0225,
    albLcuHour: 0.008,
    interfaceEndpointAzHour: 0.01,
    kmsKeyMonth: 1.0,
    secretMonth: 0.4,
    ebsGp3GbMonth: 0.08,
    rdsGp3GbMonth: 0.115,
    wafWebAclMonth: 5,
    wafRuleMonth: 1,
    // ElastiCache for Valkey nodes are priced 20% below the same Redis OSS nodes (ElastiCache pricing page).
    valkeyFactor: 0.8,
    ec2Hour: {
        "t3.micro": 0.0104,
        "t3.small": 0.0208,
        "t3.medium": 0.0416,
        "t3.large": 0.0832,
        "t3.xlarge": 0.1664,
        "t3a.medium": 0.0376,
        "t3a.large": 0.0752,
        "t4g.medium": 0.0336,
        "t4g.large": 0.0672,
        "m5.large": 0.096,
        "m5.xlarge": 0.192,
        "m6i.large": 0.096,
        "m6i.xlarge": 0.192,
        "m6i.2xlarge": 0.384,
        "m7i.large": 0.1008,
        "m7i.xlarge": 0.2016,
        "m6g.large": 0.077,
        "m7g.large": 0.0816,
        "m7g.xlarge": 0.1632,
        "c6i.large": 0.085,
        "c6i.xlarge": 0.17,
        "c7i.large": 0.0893,
        "r6i.large": 0.126,
        "r6i.xlarge": 0.252,
    } as Record<string, number>,
    rdsHour: {
        "db.t3.micro": 0.018,
        "db.t3.small": 0.036,
        "db.t3.medium": 0.072,
        "db.t3.large": 0.145,
        "db.t4g.micro": 0.016,
        "db.t4g.small": 0.032,
        "db.t4g.medium": 0.065,
        "db.t4g.large": 0.129,
        "db.m6g.large": 0.159,
        "db.m6g.xlarge": 0.318,
        "db.m6i.large": 0.171,
        "db.m7g.large": 0.168,
        "db.r6g.large": 0.225,
        "db.r6g.xlarge": 0.45,
        "db.r7g.large": 0.239,
    } as Record<string, number>,
    elasticacheHour: {
        "cache.t3.micro": 0.017,
        "cache.t3.small": 0.034,
        "cache.t3.medium": 0.068,
        "cache.t4g.micro": 0.016,
        "cache.t4g.small": 0.032,
        "cache.t4g.medium": 0.065,
        "cache.m6g.large": 0.149,
        "cache.m7g.large": 0.158,
        "cache.r6g.large": 0.206,
        "cache.r7g.large": 0.219,
    } as Record<string, number>,
};

const H = PRICE_TABLE.hoursPerMonth;
const round = (n: number) => Math.round(n * 100) / 100;

type Inputs = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function price(table: Record<string, number>, key: string | undefined): number | undefined {
    return key ? table[key] : undefined;
}

/** A plan's cost: the items, their sum, the price table, and what could not be priced in the region. */
export interface CostEstimate {
    monthlyUsd: number;
    priceTable: string;
    items: CostItem[];
    /** One line per unknown regional price ("prices for <region> unknown: left unpriced"). */
    warnings: string[];
}

/**
 * Estimates the monthly cost of a plan's resources from the price table; usage-based items are listed at 0 with their
 * rate. Every item is priced in us-east-1 and multiplied by its family's multiplier for `region`
 * (plan/pricing/regions.ts); an item whose family has no multiplier there is left unpriced (0, saying so) and warned.
 */
export function estimateCost(resources: PlanResource[], region = "us-east-1"): CostEstimate {
    const items: CostItem[] = [];
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const unknown = new Map<PriceFamily, number>();
    const add = (r: PlanResource, monthlyUsd: number, basis: string) => {
        const family = priceFamilyOf(r.type);
        const m = priceMultiplier(region, family);
        if (m === undefined) {
            unknown.set(family, (unknown.get(family) ?? 0) + 1);
            items.push({
                urn: r.urn,
                type: r.type,
                monthlyUsd: 0,
                basis: `prices for ${region} unknown: left unpriced (us-east-1: ${basis})`,
            });
        } else if (region === "us-east-1") {
            items.push({ urn: r.urn, type: r.type, monthlyUsd: round(monthlyUsd), basis });
        } else {
            items.push({
                urn: r.urn,
                type: r.type,
                monthlyUsd: round(monthlyUsd * m),
                basis: `${basis}; x ${m} for ${region} (${family})`,
            });
        }
    };

    const albGroups = new Map<string, PlanResource>();
    for (const r of resources) {
        const i = r.inputs as Inputs;
        const priced = PRICERS.map((p) => p(r, byUrn)).find((p) => p !== undefined);
        if (priced) {
            add(r, priced.monthlyUsd, priced.basis);
            continue;
        }
        switch (r.type) {
            case "aws:eks/cluster:Cluster": {
                const extended = i.upgradePolicy?.supportType === "EXTENDED";
                const rate = extended ? PRICE_TABLE.eksExtendedSupportHour : PRICE_TABLE.eksControlPlaneHour;
                add(r, rate * H, `EKS control plane ${rate}/h (${extended ? "extended" : "standard"} support)`);
                break;
            }
            case "aws:eks/nodeGroup:NodeGroup": {
                const lt = r.dependencies.map((d) => byUrn.get(d)).find((d) => d?.type === "aws:ec2/launchTemplate:LaunchTemplate");
                const type = launchedInstanceTypes(i, lt?.inputs)[0] as string | undefined;
                const n = Number(i.scalingConfig?.desiredSize ?? i.scalingConfig?.minSize ?? 0);
                const spot = i.capacityType === "SPOT";
                const hourly = price(PRICE_TABLE.ec2Hour, type);
                const gb = Number((lt?.inputs as Inputs | undefined)?.blockDeviceMappings?.[0]?.ebs?.volumeSize ?? 20);
                if (hourly === undefined) {
                    add(r, 0, `instance type ${type} is not in the price table`);
                } else {
                    const compute = hourly * (spot ? 1 - PRICE_TABLE.spotDiscount : 1) * H * n;
                    add(
                        r,
                        compute + gb * PRICE_TABLE.ebsGp3GbMonth * n,
                        `${n} x ${type} ${spot ? `spot (~${PRICE_TABLE.spotDiscount * 100}% below ${hourly}/h)` : `${hourly}/h`} + ${n} x ${gb} GB gp3 at ${PRICE_TABLE.ebsGp3GbMonth}/GB-month (desired size; the autoscaler may add nodes)`,
                    );
                }
                break;
            }
            case "aws:rds/instance:Instance": {
                const hourly = price(PRICE_TABLE.rdsHour, i.instanceClass);
                const az = i.multiAz ? 2 : 1;
                const gb = Number(i.allocatedStorage ?? 20);
                if (hourly === undefined) add(r, 0, `instance class ${i.instanceClass} is not in the price table`);
                else
                    add(
                        r,
                        hourly * az * H + gb * PRICE_TABLE.rdsGp3GbMonth * az,
                        `${i.instanceClass} ${hourly}/h${az === 2 ? " x2 (Multi-AZ)" : ""} + ${gb} GB gp3 at ${PRICE_TABLE.rdsGp3GbMonth}/GB-month${az === 2 ? " x2" : ""}${i.replicateSourceDb ? " (read replica)" : ""}`,
                    );
                break;
            }
            case "aws:elasticache/replicationGroup:ReplicationGroup": {
                const hourly = price(PRICE_TABLE.elasticacheHour, i.nodeType);
                const n = Number(i.numCacheClusters ?? 1);
                const valkey = String(i.engine ?? "redis").toLowerCase() === "valkey";
                if (hourly === undefined) add(r, 0, `node type ${i.nodeType} is not in the price table`);
                else
                    add(
                        r,
                        hourly * n * (valkey ? PRICE_TABLE.valkeyFactor : 1) * H,
                        `${n} x ${i.nodeType} ${hourly}/h${valkey ? ` x ${PRICE_TABLE.valkeyFactor} (Valkey)` : " (Redis OSS)"}`,
                    );
                break;
            }
            case "awsx:ec2:Vpc": {
                const azs = (i.availabilityZoneNames as string[] | undefined)?.length ?? Number(i.numberOfAvailabilityZones ?? 3);
                const strategy = i.natGateways?.strategy ?? "OnePerAz";
                const nats = strategy === "None" ? 0 : strategy === "Single" ? 1 : azs;
                add(
                    r,
                    nats * (PRICE_TABLE.natGatewayHour + PRICE_TABLE.publicIpv4Hour) * H,
                    `${nats} NAT gateway(s) (${strategy}) at ${PRICE_TABLE.natGatewayHour}/h + public IPv4 ${PRICE_TABLE.publicIpv4Hour}/h each; data processed ${PRICE_TABLE.natGatewayHour}/GB extra`,
                );
                break;
            }
            case "aws:ec2/vpcEndpoint:VpcEndpoint": {
                if (i.vpcEndpointType === "Interface") {
                    const azs = Array.isArray(i.subnetIds) ? i.subnetIds.length : 2;
                    add(
                        r,
                        PRICE_TABLE.interfaceEndpointAzHour * azs * H,
                        `interface endpoint ${PRICE_TABLE.interfaceEndpointAzHour}/h x ${azs} AZs (+0.01/GB)`,
                    );
                } else {
                    add(r, 0, "gateway endpoint: free");
                }
                break;
            }
            case "aws:kms/key:Key":
                add(r, PRICE_TABLE.kmsKeyMonth, `customer-managed key ${PRICE_TABLE.kmsKeyMonth}/month (+0.03 per 10k requests)`);
                break;
            case "aws:secretsmanager/secret:Secret":
                add(r, PRICE_TABLE.secretMonth, `secret ${PRICE_TABLE.secretMonth}/month (+0.05 per 10k calls)`);
                break;
            case "aws:wafv2/webAcl:WebAcl": {
                const rules = Array.isArray(i.rules) ? i.rules.length : 0;
                add(
                    r,
                    PRICE_TABLE.wafWebAclMonth + rules * PRICE_TABLE.wafRuleMonth,
                    `web ACL ${PRICE_TABLE.wafWebAclMonth}/month + ${rules} rules x ${PRICE_TABLE.wafRuleMonth} (+0.60 per 1M requests)`,
                );
                break;
            }
            case "aws:eks/addon:Addon":
                // The add-on itself is free; what it sends is priced by use, and no public rate is in the price table.
                if (i.addonName === "amazon-cloudwatch-observability") {
                    add(
                        r,
                        0,
                        "usage-based: CloudWatch Container Insights with enhanced observability is charged per observation (metrics) and per GB of logs ingested into its log groups; see CloudWatch pricing",
                    );
                }
                break;
            case "aws:cloudwatch/logGroup:LogGroup":
                add(r, 0, "usage-based: 0.50/GB ingested, 0.03/GB-month stored");
                break;
            case "aws:s3/bucket:Bucket":
            case "aws:s3/bucketV2:BucketV2":
                add(r, 0, "usage-based: 0.023/GB-month (S3 Standard)");
                break;
            case "kubernetes:networking.k8s.io/v1:Ingress": {
                const group = (i.metadata?.annotations ?? {})["alb.ingress.kubernetes.io/group.name"] ?? r.urn;
                if (!albGroups.has(group)) albGroups.set(group, r);
                break;
            }
            default:
                break;
        }
    }
    // The autoscaler adds nodes when the Deployments' requests at their replica counts exceed the desired sizes.
    const nodeGroups = resources.filter((r) => r.type === "aws:eks/nodeGroup:NodeGroup");
    const workloads: WorkloadRequest[] = [];
    for (const d of resources.filter((r) => REPLICA_SET_OWNERS.has(r.type))) {
        const spec = (d.inputs as Inputs).spec ?? {};
        for (const c of spec.template?.spec?.containers ?? []) {
            workloads.push({
                replicas: Number(spec.replicas ?? 1),
                cpu: String(c.resources?.requests?.cpu ?? "0"),
                memory: String(c.resources?.requests?.memory ?? "0"),
            });
        }
    }
    // The platform's own pods inside Helm releases (the metrics stack): Deployments and StatefulSets once, a DaemonSet
    // on every node of the desired sizes.
    const desiredNodes = nodeGroups.reduce((n, g) => n + Number((g.inputs as Inputs).scalingConfig?.desiredSize ?? 0), 0);
    for (const w of platformWorkloads(resources))
        workloads.push({ replicas: w.kind === "DaemonSet" ? desiredNodes : w.replicas, cpu: w.cpu, memory: w.memory });
    const typesOf = (g: PlanResource) =>
        launchedInstanceTypes(
            g.inputs,
            g.dependencies.map((d) => byUrn.get(d)).find((d) => d?.type === "aws:ec2/launchTemplate:LaunchTemplate")?.inputs,
        );
    if (nodeGroups.length > 0 && workloads.length > 0) {
        const need = totalRequests(workloads);
        let cpu = 0;
        let mem = 0;
        for (const g of nodeGroups) {
            const gi = g.inputs as Inputs;
            const a = allocatable(typesOf(g)[0]);
            const n = Number(gi.scalingConfig?.desiredSize ?? gi.scalingConfig?.minSize ?? 0);
            if (a) {
                cpu += a.milliCpu * n;
                mem += a.memoryBytes * n;
            }
        }
        const first = nodeGroups[0].inputs as Inputs;
        const type = typesOf(nodeGroups[0])[0];
        const extra = nodesNeeded(type, { milliCpu: Math.max(0, need.milliCpu - cpu), memoryBytes: Math.max(0, need.memoryBytes - mem) });
        const hourly = price(PRICE_TABLE.ec2Hour, type);
        if (extra && extra > 0 && hourly !== undefined) {
            const spot = first.capacityType === "SPOT";
            const gb = 50;
            add(
                nodeGroups[0],
                extra * (hourly * (spot ? 1 - PRICE_TABLE.spotDiscount : 1) * H + gb * PRICE_TABLE.ebsGp3GbMonth),
                `${extra} more x ${type} the cluster autoscaler adds: the Deployments and the platform's chart workloads request ${(need.milliCpu / 1000).toFixed(1)} vCPU / ${(need.memoryBytes / 2 ** 30).toFixed(1)} GiB (with add-ons) at their replica counts, the desired sizes offer ${(cpu / 1000).toFixed(1)} vCPU / ${(mem / 2 ** 30).toFixed(1)} GiB allocatable`,
            );
        }
    }
    // One ALB per ingress group (the load balancer controller merges a group's Ingresses into one ALB). An
    // internet-facing ALB has a node with a public IPv4 address in each AZ it spans, and the controller spans every
    // AZ with a public subnet (at least two); each public IPv4 address costs publicIpv4Hour (Amazon VPC pricing).
    const vpc = resources.find((r) => r.type === "awsx:ec2:Vpc")?.inputs as Inputs | undefined;
    const albAzs = Math.max(2, (vpc?.availabilityZoneNames as string[] | undefined)?.length ?? Number(vpc?.numberOfAvailabilityZones ?? 2));
    for (const [group, r] of albGroups) {
        add(
            r,
            (PRICE_TABLE.albHour + albAzs * PRICE_TABLE.publicIpv4Hour) * H,
            `ALB for ingress group "${group}" (created by the load balancer controller): ${PRICE_TABLE.albHour}/h + ${albAzs} public IPv4 (one per AZ) at ${PRICE_TABLE.publicIpv4Hour}/h (+${PRICE_TABLE.albLcuHour}/LCU-h)`,
        );
    }
    const warnings =
        unknown.size === 0
            ? []
            : [
                  `prices for ${region} unknown: left unpriced (${[...unknown].map(([f, n]) => `${f}: ${n} item${n === 1 ? "" : "s"}`).join(", ")}; plan/pricing/regions.ts)`,
              ];
    return {
        monthlyUsd: round(items.reduce((s, it) => s + it.monthlyUsd, 0)),
        priceTable:
            region === "us-east-1" ? PRICE_TABLE.name : `${PRICE_TABLE.name}, x the ${region} multipliers of plan/pricing/regions.ts`,
        items,
        warnings,
    };
}
