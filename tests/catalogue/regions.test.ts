import { AWS_REGION_PATTERN, partitionOf } from "../../components/catalogue/regions";

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
