/**
 * AWS regions: the facts both config validation and components need. Region names and partitions as listed in the
 * AWS General Reference ("AWS service endpoints" / "Regions and zones", docs.aws.amazon.com/general/latest/gr/rande.html).
 */

/** A region name as `aws:region` accepts it, in the commercial, GovCloud and China partitions. */
export const AWS_REGION_PATTERN =
    /^(us|eu|ap|sa|ca|me|af|il|mx)(-gov)?-(north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$|^cn-(north|northwest)-1$/;

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
