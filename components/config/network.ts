import { z } from "zod";
import { awsxAzMask } from "../subnetLayout";
import type { Environment, PerEnvironment } from "./environment";
import { ipv4Cidr, logRetentionDays, parseCidr } from "./common";
import { cidrsOverlap, cidrWithin, PRIVATE_IPV4_SPACE, RESERVED_IPV4_BLOCKS } from "../cidr";
import { AVAILABILITY_ZONE_PATTERN, availabilityZoneCount, availabilityZoneNamesOf, eksUnsupportedZoneIds } from "../catalogue/regions";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";

/** Interface endpoints Strata knows how to create (service name suffixes). */
export const INTERFACE_ENDPOINTS = [
    "ecr.api",
    "ecr.dkr",
    "sts",
    "logs",
    "ec2",
    "sqs",
    "secretsmanager",
    "kms",
    "elasticloadbalancing",
    "autoscaling",
] as const;

export const NAT_STRATEGIES = ["single", "onePerAz"] as const;

interface NetworkDefaults {
    availabilityZones: number;
    natGateways: (typeof NAT_STRATEGIES)[number];
    interfaceEndpoints: (typeof INTERFACE_ENDPOINTS)[number][];
    flowLogRetentionDays: number;
}

const defaults: PerEnvironment<NetworkDefaults> = {
    dev: { availabilityZones: 2, natGateways: "single", interfaceEndpoints: [], flowLogRetentionDays: 30 },
    staging: {
        availabilityZones: 2,
        natGateways: "single",
        interfaceEndpoints: ["ecr.api", "ecr.dkr", "sts", "logs"],
        flowLogRetentionDays: 90,
    },
    prod: {
        availabilityZones: 3,
        natGateways: "onePerAz",
        interfaceEndpoints: ["ecr.api", "ecr.dkr", "sts", "logs"],
        flowLogRetentionDays: 365,
    },
};

/**
 * `strata:network`. Per AZ the VPC gets a private subnet sized for VPC-CNI pod IPs (default /19: 8,187 usable
 * addresses), a public /24 and an isolated (data) /24. awsx's "Auto" strategy allocates private first, then public,
 * then isolated, each in AZ order, so adding tiers later never moves the existing ones.
 */
export function networkSchema(env: Environment) {
    const d = defaults[env];
    return z
        .preprocess(countAgreesWithNames, networkObject(d))
        .default({})
        .describe("VPC: CIDR, AZs, NAT strategy, subnet sizes, interface endpoints, flow-log retention. See docs/components/network.md.");
}

/**
 * A set `availabilityZones` and `availabilityZoneNames` of another count are refused (the names no longer win
 * silently). Read from the raw value: after the presets, a count the user left out is the environment's default.
 */
function countAgreesWithNames(raw: unknown, ctx: z.RefinementCtx): unknown {
    if (raw === null || typeof raw !== "object") return raw;
    const r = raw as { availabilityZones?: unknown; availabilityZoneNames?: unknown };
    if (
        typeof r.availabilityZones === "number" &&
        Array.isArray(r.availabilityZoneNames) &&
        r.availabilityZones !== r.availabilityZoneNames.length
    )
        ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: ["availabilityZones"],
            message: `!${r.availabilityZones} disagrees with the ${r.availabilityZoneNames.length} zones of strata:network.availabilityZoneNames; allowed: ${r.availabilityZoneNames.length}, or leave one of the two keys out`,
        });
    return raw;
}

function networkObject(d: NetworkDefaults) {
    return z
        .object({
            cidr: allowed(
                ipv4Cidr
                    .default("10.0.0.0/16")
                    .describe("The VPC's IPv4 CIDR block; awsx cuts one block per AZ from it and each AZ's subnets from that block."),
                "an IPv4 CIDR block from /16 to /24 (the VPC CIDR limits), large enough for every AZ's subnets",
            ),
            allowNonPrivateCidr: z
                .boolean()
                .default(false)
                .describe(
                    "Allow a VPC CIDR outside private address space (RFC 1918, RFC 6598). Off: such a block makes the public addresses it covers unreachable from the VPC.",
                ),
            availabilityZones: z
                .number()
                .int()
                .min(2)
                .max(6)
                .default(d.availabilityZones)
                .describe("How many AZs the VPC spans (the region's first ones); each gets a private, a public and an isolated subnet."),
            availabilityZoneNames: allowed(
                z.array(z.string().regex(AVAILABILITY_ZONE_PATTERN, "is not an availability zone name like us-east-1a")),
                "availability zone names such as us-east-1a, each at most once",
            )
                .optional()
                .describe(
                    'Explicit AZ names (e.g. ["us-east-1a","us-east-1b"]) of aws:region; a set `availabilityZones` must agree with their count. AWS maps names to physical zones (AZ IDs) per account.',
                ),
            natGateways: z
                .enum(NAT_STRATEGIES)
                .default(d.natGateways)
                .describe("NAT gateways for the private subnets' egress: one shared by every AZ, or one per AZ (no cross-AZ dependency)."),
            privateSubnetMask: z
                .number()
                .int()
                .min(16)
                .max(24)
                .default(19)
                .describe("Prefix length of each AZ's private subnet (nodes and VPC-CNI pod IPs); no larger than the per-AZ block."),
            publicSubnetMask: z
                .number()
                .int()
                .min(20)
                .max(28)
                .default(24)
                .describe("Prefix length of each AZ's public subnet (load balancers, NAT gateways); no larger than the per-AZ block."),
            isolatedSubnetMask: z
                .number()
                .int()
                .min(20)
                .max(28)
                .default(24)
                .describe(
                    "Prefix length of each AZ's isolated subnet (databases and caches, no route to the internet); no larger than the per-AZ block.",
                ),
            interfaceEndpoints: z
                .array(z.enum(INTERFACE_ENDPOINTS))
                .default(d.interfaceEndpoints)
                .describe("AWS services reached through VPC interface endpoints instead of the NAT gateways (service name suffixes)."),
            flowLogRetentionDays: logRetentionDays.default(d.flowLogRetentionDays).describe("Retention of the VPC flow log group."),
        })
        .strict()
        .superRefine((n, ctx) => {
            const cidr = parseCidr(n.cidr);
            if (!cidr) return;
            if (cidr.mask < 16 || cidr.mask > 24) {
                ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["cidr"], message: "must be between /16 and /24 (the VPC CIDR limits)" });
                return;
            }
            if (!n.allowNonPrivateCidr && !PRIVATE_IPV4_SPACE.some((p) => cidrWithin(cidr, parseCidr(p)!)))
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["cidr"],
                    message: `is not in private address space (${PRIVATE_IPV4_SPACE.join(", ")}); set strata:network.allowNonPrivateCidr: true to use it anyway`,
                });
            for (const [block, why] of Object.entries(RESERVED_IPV4_BLOCKS))
                if (cidrsOverlap(cidr, parseCidr(block)!))
                    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["cidr"], message: `overlaps ${block}, ${why}` });
            const azs = n.availabilityZoneNames?.length ?? n.availabilityZones;
            // awsx "Auto" strategy: the VPC is cut into one block per AZ (VPC mask + ceil(log2(AZs)) bits), and each
            // AZ's subnets must fit in its block (awsx ec2/subnetDistributorNew.ts, getSubnetSpecs).
            const azMask = awsxAzMask(cidr.mask, azs);
            const size = (mask: number) => 2 ** (32 - mask);
            const perAz = size(n.privateSubnetMask) + size(n.publicSubnetMask) + size(n.isolatedSubnetMask);
            if (azMask > 28 || perAz > size(azMask)) {
                ctx.addIssue({
                    code: z.ZodIssueCode.custom,
                    path: ["cidr"],
                    message: `is too small: ${azs} AZs get a /${azMask} block each (${size(azMask)} addresses), but each AZ's private /${n.privateSubnetMask} + public /${n.publicSubnetMask} + isolated /${n.isolatedSubnetMask} subnets need ${perAz}; use a larger block or smaller subnets`,
                });
            }
            for (const tier of ["privateSubnetMask", "publicSubnetMask", "isolatedSubnetMask"] as const) {
                if (n[tier] < azMask) {
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: [tier],
                        message: `is larger than the /${azMask} block each of the ${azs} AZs gets from ${n.cidr}`,
                    });
                }
            }
            if (n.availabilityZoneNames && new Set(n.availabilityZoneNames).size !== n.availabilityZoneNames.length) {
                ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["availabilityZoneNames"], message: "names an availability zone twice" });
            }
        });
}
export type NetworkSettings = z.output<ReturnType<typeof networkSchema>>;

export { awsxAzMask } from "../subnetLayout";

export const network = {
    schema: networkSchema,
    checks: [
        // The flow-log role is auto-named from the prefix: a long strata:name + stack name must not break IAM's 64 characters.
        sectionCheck<never>({
            name: "the flow-log role's name fits IAM's limit",
            check: (_settings, report, { naming }) => {
                checkName(naming, report, ["name"], () => naming.autoNamed("iamRole", "flow-logs"));
            },
        }),
        sectionCheck<"network">({
            name: "availability zones exist in aws:region",
            check: ({ network: n }, report, context) => {
                for (const p of availabilityZoneProblems(n, context.region)) report(p.path, p.message);
                for (const w of availabilityZoneWarnings(n, context.region)) context.warn?.(w.path, w.message);
            },
        }),
    ],
} satisfies Section<ReturnType<typeof networkSchema>>;

type NetworkZones = Pick<NetworkSettings, "availabilityZones" | "availabilityZoneNames">;
interface ZoneFinding {
    path: Array<string | number>;
    message: string;
}

/**
 * The zone settings aws:region cannot have: names of another region, a letter beyond the region's zones
 * (us-east-1g), a count above the region's zones. Counts and letters come from the region table
 * (components/catalogue/regions.ts, "AWS Availability Zones"); a region without a row is checked for names only.
 */
export function availabilityZoneProblems(n: NetworkZones, region: string): ZoneFinding[] {
    const out: ZoneFinding[] = [];
    const count = availabilityZoneCount(region);
    const names = availabilityZoneNamesOf(region);
    (n.availabilityZoneNames ?? []).forEach((az, i) => {
        const path = ["network", "availabilityZoneNames", i];
        if (az.slice(0, -1) !== region)
            out.push({
                path,
                message: `${JSON.stringify(az)} is not an availability zone of aws:region ${region} (its zones are ${names ? names.join(", ") : `${region}a, ${region}b, ...`})`,
            });
        else if (names && !names.includes(az))
            out.push({
                path,
                message: `${JSON.stringify(az)} is not an availability zone of aws:region ${region}, which has ${count}: ${names.join(", ")}`,
            });
    });
    if (!n.availabilityZoneNames && count !== undefined && n.availabilityZones > count)
        out.push({
            path: ["network", "availabilityZones"],
            message: `${n.availabilityZones} is more than the ${count} availability zones of aws:region ${region}; allowed: 2 to ${count}`,
        });
    return out;
}

/**
 * What is accepted but worth a warning. Names: AWS maps zone names to physical zones (AZ IDs) per account in the
 * oldest regions ("AZ IDs", AWS Regions and Availability Zones guide), so the same names are other zones in another
 * account. A count in a region with a zone EKS cannot use (use1-az3, usw1-az2, cac1-az3; EKS User Guide, "Amazon EKS
 * VPC and subnet requirements and considerations"): awsx.ec2.Vpc without names takes the first N zones of the
 * account's list (aws.getAvailabilityZones), which can be that zone, and EKS then refuses the cluster's subnets
 * (UnsupportedAvailabilityZoneException).
 */
export function availabilityZoneWarnings(n: NetworkZones, region: string): ZoneFinding[] {
    const unsupported = eksUnsupportedZoneIds(region);
    const avoid =
        unsupported.length > 0
            ? `; keep off ${unsupported.join(", ")}, where Amazon EKS cannot place the cluster's network interfaces`
            : "";
    if (n.availabilityZoneNames)
        return [
            {
                path: ["network", "availabilityZoneNames"],
                message: `${JSON.stringify(n.availabilityZoneNames)} are zone names, which AWS maps to physical zones (AZ IDs) per account: another account's ${n.availabilityZoneNames[0]} can be another zone; check the mapping with 'aws ec2 describe-availability-zones --region ${region}' (ZoneName, ZoneId)${avoid}`,
            },
        ];
    if (unsupported.length === 0) return [];
    return [
        {
            path: ["network", "availabilityZones"],
            message: `${n.availabilityZones} zones are the first ${n.availabilityZones} of the account's zone list in aws:region ${region}, which can include ${unsupported.join(", ")}, where Amazon EKS cannot place the cluster's network interfaces (cluster creation fails); set strata:network.availabilityZoneNames to zones whose AZ IDs ('aws ec2 describe-availability-zones --region ${region}') are not ${unsupported.join(", ")}`,
        },
    ];
}
