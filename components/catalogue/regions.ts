/**
 * AWS regions: the facts both config validation and components need. Region names and partitions as listed in the
 * AWS General Reference ("AWS service endpoints" / "Regions and zones", docs.aws.amazon.com/general/latest/gr/rande.html).
 */

/** A region name as `aws:region` accepts it, in the commercial, GovCloud and China partitions. */
export const AWS_REGION_PATTERN =
    /^(us|eu|ap|sa|ca|me|af|il|mx)(-gov)?-(north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$|^cn-(north|northwest)-1$/;

/**
 * The regions of the commercial, GovCloud (US) and China partitions as of late 2026 (AWS General Reference, "Regions
 * and zones"; each region's launch announcement on aws.amazon.com/about-aws/whats-new for the newest: Malaysia
 * ap-southeast-5 2024, Mexico mx-central-1 2025, Thailand ap-southeast-7 2025, Taipei ap-east-2 2025, New Zealand
 * ap-southeast-6 2025). A name that matches the pattern but is not here (us-east-9) is refused with the closest one.
 */
export const AWS_REGIONS: readonly string[] = [
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-south-1",
    "ap-south-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-gov-east-1",
    "us-gov-west-1",
    "cn-north-1",
    "cn-northwest-1",
];

/** True for a region of the catalogue (a pattern match alone admits names like us-east-9). */
export function isKnownRegion(region: string): boolean {
    return AWS_REGIONS.includes(region);
}

/** An availability zone name: the region's name and a zone letter (us-east-1a, us-gov-west-1b). */
export const AVAILABILITY_ZONE_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/;

export type AwsPartition = "aws" | "aws-cn" | "aws-us-gov";

/** The partition of a region, for ARNs of AWS-managed policies and service principals without an invoke. */
export function partitionOf(region: string): AwsPartition {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    return "aws";
}

/**
 * Regions replica buckets go to when `strata:objectStore.replicationRegion` is not set: the usual disaster-recovery
 * pairs (a nearby region in the same partition and geography).
 */
export const REPLICATION_REGION_PAIRS: Readonly<Record<string, string>> = {
    "us-east-1": "us-west-2",
    "us-east-2": "us-west-2",
    "us-west-1": "us-east-1",
    "us-west-2": "us-east-1",
    "ca-central-1": "us-east-1",
    "eu-west-1": "eu-central-1",
    "eu-west-2": "eu-west-1",
    "eu-west-3": "eu-central-1",
    "eu-central-1": "eu-west-1",
    "eu-north-1": "eu-central-1",
    "eu-south-1": "eu-central-1",
    "ap-southeast-1": "ap-southeast-2",
    "ap-southeast-2": "ap-southeast-1",
    "ap-northeast-1": "ap-northeast-3",
    "ap-northeast-2": "ap-northeast-1",
    "ap-northeast-3": "ap-northeast-1",
    "ap-south-1": "ap-southeast-1",
    "sa-east-1": "us-east-1",
};

/** One region's availability zones as AWS publishes them. */
export interface RegionZones {
    /** The region's AZ IDs (`use1-az1`, ...): the same physical zone in every account. */
    readonly ids: readonly string[];
    /**
     * How many zones one account sees, when fewer than the IDs (us-west-1: three AZ IDs, any account gets two of
     * them). The letters a, b, ... up to this count are the zone names of the region.
     */
    readonly accountZones?: number;
    /**
     * AZ IDs where Amazon EKS cannot place the cluster's control-plane network interfaces (EKS User Guide, "Amazon
     * EKS VPC and subnet requirements and considerations": a cluster's subnets cannot be in use1-az3, usw1-az2 or
     * cac1-az3).
     */
    readonly eksUnsupported?: readonly string[];
}

/** When the zone table below was read from the AWS pages it cites. */
export const REGION_ZONES_READ = "2026-12-03";

const azIds = (prefix: string, ...n: number[]) => n.map((i) => `${prefix}-az${i}`);

/**
 * Availability zones per region: the AZ IDs listed by the AWS page "AWS Availability Zones" (AWS Regions and
 * Availability Zones guide, docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html; an
 * AZ ID is the region code's first three letters, its number, `-az` and a number), read on REGION_ZONES_READ, and the
 * EKS-unsupported IDs of the EKS User Guide ("Amazon EKS VPC and subnet requirements and considerations"). The
 * config checks skip the zone count and letters of a region without a row.
 */
export const REGION_ZONES: Readonly<Record<string, RegionZones>> = {
    "us-east-1": { ids: azIds("use1", 1, 2, 3, 4, 5, 6), eksUnsupported: ["use1-az3"] },
    "us-east-2": { ids: azIds("use2", 1, 2, 3) },
    "us-west-1": { ids: azIds("usw1", 1, 2, 3), accountZones: 2, eksUnsupported: ["usw1-az2"] },
    "us-west-2": { ids: azIds("usw2", 1, 2, 3, 4) },
    "ca-central-1": { ids: azIds("cac1", 1, 2, 3, 4), accountZones: 3, eksUnsupported: ["cac1-az3"] },
    "ca-west-1": { ids: azIds("caw1", 1, 2, 3) },
    "eu-west-1": { ids: azIds("euw1", 1, 2, 3) },
    "eu-west-2": { ids: azIds("euw2", 1, 2, 3) },
    "eu-west-3": { ids: azIds("euw3", 1, 2, 3) },
    "eu-central-1": { ids: azIds("euc1", 1, 2, 3) },
    "eu-north-1": { ids: azIds("eun1", 1, 2, 3) },
    "eu-south-1": { ids: azIds("eus1", 1, 2, 3) },
    "ap-northeast-1": { ids: azIds("apne1", 1, 2, 4) },
    "ap-northeast-2": { ids: azIds("apne2", 1, 2, 3, 4) },
    "ap-northeast-3": { ids: azIds("apne3", 1, 2, 3) },
    "ap-southeast-1": { ids: azIds("apse1", 1, 2, 3) },
    "ap-southeast-2": { ids: azIds("apse2", 1, 2, 3) },
    "ap-south-1": { ids: azIds("aps1", 1, 2, 3) },
    "sa-east-1": { ids: azIds("sae1", 1, 2, 3) },
    "af-south-1": { ids: azIds("afs1", 1, 2, 3) },
    "me-south-1": { ids: azIds("mes1", 1, 2, 3) },
    "il-central-1": { ids: azIds("ilc1", 1, 2, 3) },
};

/** The zone facts of a region, or undefined for a region without a row (its zones are not checked). */
export function regionZones(region: string): RegionZones | undefined {
    return REGION_ZONES[region];
}

/** How many availability zones an account can use in the region (undefined: not in the table). */
export function availabilityZoneCount(region: string): number | undefined {
    const z = REGION_ZONES[region];
    return z ? (z.accountZones ?? z.ids.length) : undefined;
}

/** The zone names of a region an account can use, by letter: us-east-1a ... us-east-1f. */
export function availabilityZoneNamesOf(region: string): string[] | undefined {
    const n = availabilityZoneCount(region);
    return n === undefined ? undefined : Array.from({ length: n }, (_, i) => `${region}${String.fromCharCode(97 + i)}`);
}

/** The AZ IDs of the region where EKS cannot place control-plane network interfaces (empty when none). */
export function eksUnsupportedZoneIds(region: string): readonly string[] {
    return REGION_ZONES[region]?.eksUnsupported ?? [];
}
