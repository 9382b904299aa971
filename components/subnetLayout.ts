import { formatIp, parseCidr } from "./cidr";

/** The per-AZ block awsx's Auto strategy carves out: VPC mask + ceil(log2(AZ count)) bits. */
export function awsxAzMask(vpcMask: number, azCount: number): number {
    return vpcMask + (azCount <= 1 ? 0 : Math.ceil(Math.log2(azCount)));
}

export type SubnetTier = "private" | "public" | "isolated";

export interface LaidOutSubnet {
    tier: SubnetTier;
    azIndex: number;
    cidrBlock: string;
}

/**
 * The subnet CIDRs awsx.ec2.Vpc's "Auto" strategy assigns (awsx ec2/subnetDistributorNew.ts, getSubnetSpecs): the VPC
 * is cut into one block per AZ of mask VPC + ceil(log2(AZs)); inside each block the specs follow each other in the
 * given order, each aligned to its own size. Computing it here gives the network's CIDRs as plain values (for
 * NetworkPolicies and security groups) and the offline plan's realistic awsx outputs, from one piece of code.
 */
export function awsxSubnetLayout(vpcCidr: string, azCount: number, specs: Array<{ tier: SubnetTier; cidrMask: number }>): LaidOutSubnet[] {
    const vpc = parseCidr(vpcCidr);
    if (!vpc) throw new Error(`invalid VPC CIDR ${vpcCidr}`);
    const azMask = awsxAzMask(vpc.mask, azCount);
    const azSize = 2 ** (32 - azMask);
    const out: LaidOutSubnet[] = [];
    for (let az = 0; az < azCount; az++) {
        const azBase = vpc.base + az * azSize;
        let cursor: { base: number; mask: number } | undefined;
        for (const spec of specs) {
            const size = 2 ** (32 - spec.cidrMask);
            if (cursor === undefined) {
                cursor = { base: azBase, mask: spec.cidrMask };
            } else {
                // nextNetmask: the block of the new size that holds the previous block's last address, then the next one.
                const last = cursor.base + 2 ** (32 - cursor.mask) - 1;
                const containing = last - (last % size);
                cursor = { base: containing + size, mask: spec.cidrMask };
            }
            out.push({ tier: spec.tier, azIndex: az, cidrBlock: `${formatIp(cursor.base)}/${spec.cidrMask}` });
        }
    }
    return out;
}
