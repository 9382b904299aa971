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
