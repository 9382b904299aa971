/**
 * AWS regions: the facts both config validation and components need. Region names and partitions as listed in the
 * AWS General Reference ("AWS service endpoints" / "Regions and zones", docs.aws.amazon.com/general/latest/gr/rande.html).
 */

/** A region name as `aws:region` accepts it, in the commercial, GovCloud and China partitions. */
export const AWS_REGION_PATTERN = /^(us|eu|ap|sa|ca|me|af|il|mx)(-gov)?-(north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$|^cn-(north|northwest)-1$/;

export type AwsPartition = "aws" | "aws-cn" | "aws-us-gov";

/** The partition of a region, for ARNs of AWS-managed policies and service principals without an invoke. */
export function partitionOf(region: string): AwsPartition {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    return "aws";
}
