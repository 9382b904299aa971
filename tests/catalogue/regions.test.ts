import { AVAILABILITY_ZONE_PATTERN, AWS_REGION_PATTERN, partitionOf, REPLICATION_REGION_PAIRS } from "../../components/catalogue/regions";

describe("partitionOf", () => {
    it.each([
        ["us-east-1", "aws"],
        ["eu-central-1", "aws"],
        ["cn-north-1", "aws-cn"],
        ["cn-northwest-1", "aws-cn"],
        ["us-gov-west-1", "aws-us-gov"],
        ["us-gov-east-1", "aws-us-gov"],
    ])("%s is in partition %s", (region, partition) => {
        expect(partitionOf(region)).toBe(partition);
    });
});

describe("AWS_REGION_PATTERN", () => {
    it.each(["us-east-1", "ap-southeast-4", "il-central-1", "mx-central-1", "us-gov-west-1", "cn-northwest-1"])("accepts %s", (r) => {
        expect(AWS_REGION_PATTERN.test(r)).toBe(true);
    });
    it.each(["us-east", "US-EAST-1", "us-east-1a", "moon-central-1", "cn-south-1", ""])("refuses %s", (r) => {
        expect(AWS_REGION_PATTERN.test(r)).toBe(false);
    });
});

describe("REPLICATION_REGION_PAIRS", () => {
    it.each(Object.entries(REPLICATION_REGION_PAIRS))("%s replicates to %s: another region of the same partition", (from, to) => {
        expect(AWS_REGION_PATTERN.test(from) && AWS_REGION_PATTERN.test(to)).toBe(true);
        expect(to).not.toBe(from);
        expect(partitionOf(to)).toBe(partitionOf(from));
    });
});

describe("AVAILABILITY_ZONE_PATTERN", () => {
    it.each(["us-east-1a", "eu-central-1c", "us-gov-west-1b"])("accepts %s", (az) => expect(AVAILABILITY_ZONE_PATTERN.test(az)).toBe(true));
    it.each(["us-east-1", "use1-az1", "us-east-1ab"])("refuses %s", (az) => expect(AVAILABILITY_ZONE_PATTERN.test(az)).toBe(false));
});
