import { z } from "zod";
import { Environment, PerEnvironment } from "./environment";
import { ipv4Cidr, logRetentionDays, parseCidr } from "./common";
import { checkName, CROSS_CHECKS } from "./checks";

/** Interface endpoints Strata knows how to create (service name suffixes). */
export const INTERFACE_ENDPOINTS = ["ecr.api", "ecr.dkr", "sts", "logs", "ec2", "sqs", "secretsmanager", "kms", "elasticloadbalancing", "autoscaling"] as const;

export const NAT_STRATEGIES = ["single", "onePerAz"] as const;

interface NetworkDefaults {
    availabilityZones: number;
    natGateways: (typeof NAT_STRATEGIES)[number];
    interfaceEndpoints: (typeof INTERFACE_ENDPOINTS)[number][];
    flowLogRetentionDays: number;
}

const defaults: PerEnvironment<NetworkDefaults> = {
    dev: { availabilityZones: 2, natGateways: "single", interfaceEndpoints: [], flowLogRetentionDays: 30 },
    staging: { availabilityZones: 2, natGateways: "single", interfaceEndpoints: ["ecr.api", "ecr.dkr", "sts", "logs"], flowLogRetentionDays: 90 },
    prod: { availabilityZones: 3, natGateways: "onePerAz", interfaceEndpoints: ["ecr.api", "ecr.dkr", "sts", "logs"], flowLogRetentionDays: 365 },
};

/**
 * `strata:network`. Per AZ the VPC gets a private subnet sized for VPC-CNI pod IPs (default /19: 8,187 usable
 * addresses), a public /24 and an isolated (data) /24. awsx's "Auto" strategy allocates private first, then public,
 * then isolated, each in AZ order, so adding tiers later never moves the existing ones.
 */
export function networkSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            cidr: ipv4Cidr.default("10.0.0.0/16"),
            availabilityZones: z.number().int().min(2).max(6).default(d.availabilityZones),
            /** Explicit AZ names (e.g. ["us-east-1a","us-east-1b"]); their count wins over `availabilityZones`. */
            availabilityZoneNames: z.array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, "is not an availability zone name like us-east-1a")).optional(),
            natGateways: z.enum(NAT_STRATEGIES).default(d.natGateways),
            privateSubnetMask: z.number().int().min(16).max(24).default(19),
            publicSubnetMask: z.number().int().min(20).max(28).default(24),
            isolatedSubnetMask: z.number().int().min(20).max(28).default(24),
            interfaceEndpoints: z.array(z.enum(INTERFACE_ENDPOINTS)).default(d.interfaceEndpoints),
            flowLogRetentionDays: logRetentionDays.default(d.flowLogRetentionDays),
        })
        .strict()
        .superRefine((n, ctx) => {
            const cidr = parseCidr(n.cidr);
            if (!cidr) return;
            if (cidr.mask < 16 || cidr.mask > 24) {
                ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["cidr"], message: "must be between /16 and /24 (the VPC CIDR limits)" });
                return;
            }
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
                    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [tier], message: `is larger than the /${azMask} block each of the ${azs} AZs gets from ${n.cidr}` });
                }
            }
            if (n.availabilityZoneNames && new Set(n.availabilityZoneNames).size !== n.availabilityZoneNames.length) {
                ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["availabilityZoneNames"], message: "names an availability zone twice" });
            }
        })
        .default({});
}
export type NetworkSettings = z.output<ReturnType<typeof networkSchema>>;

/** The per-AZ block awsx's Auto strategy carves out: VPC mask + ceil(log2(AZ count)) bits. */
export function awsxAzMask(vpcMask: number, azCount: number): number {
    return vpcMask + (azCount <= 1 ? 0 : Math.ceil(Math.log2(azCount)));
}

// The flow-log role is auto-named from the prefix: a long strata:name + stack name must not break IAM's 64 characters.
CROSS_CHECKS.push((_settings, report, naming) => {
    checkName(naming, report, ["name"], () => naming.autoNamed("iamRole", "flow-logs"));
});
