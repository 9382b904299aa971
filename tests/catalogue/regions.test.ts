import {
    AVAILABILITY_ZONE_PATTERN,
    AWS_REGION_PATTERN,
    AWS_REGIONS,
    isKnownRegion,
    partitionOf,
    REPLICATION_REGION_PAIRS,
} from "../../components/catalogue/regions";
import { configProblems } from "../helpers";

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

describe("the region catalogue", () => {
    test("every region matches the region pattern, once, and has a partition", () => {
        expect(new Set(AWS_REGIONS).size).toBe(AWS_REGIONS.length);
        for (const r of AWS_REGIONS) {
            expect(r).toMatch(AWS_REGION_PATTERN);
            expect(["aws", "aws-cn", "aws-us-gov"]).toContain(partitionOf(r));
        }
    });

    test("a name of the right shape that is no region is unknown", () => {
        expect(isKnownRegion("us-east-9")).toBe(false);
        expect(isKnownRegion("eu-west-1")).toBe(true);
    });

    test("every replication pair names known regions", () => {
        for (const [from, to] of Object.entries(REPLICATION_REGION_PAIRS))
            expect([isKnownRegion(from), isKnownRegion(to)]).toEqual([true, true]);
    });

    test("aws:region us-east-9 is refused with the closest region", () => {
        expect(configProblems({ "aws:region": "us-east-9" })).toEqual([
            expect.stringMatching(/^aws:region: "us-east-9" is not an AWS region \(did you mean "us-east-1"\?\); regions: us-east-1, /),
        ]);
    });
});
