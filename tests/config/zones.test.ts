import fc from "fast-check";
import {
    AWS_REGIONS,
    availabilityZoneCount,
    availabilityZoneNamesOf,
    eksUnsupportedZoneIds,
    REGION_ZONES,
    regionZones,
} from "../../components/catalogue/regions";
import { availabilityZoneProblems, availabilityZoneWarnings } from "../../components/config/network";
import { configProblems, loadConfig } from "../helpers";

describe("the region zone table", () => {
    test("us-east-1 has six zones, use1-az1 ... use1-az6, and EKS cannot use use1-az3", () => {
        expect(regionZones("us-east-1")?.ids).toEqual(["use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6"]);
        expect(availabilityZoneCount("us-east-1")).toBe(6);
        expect(availabilityZoneNamesOf("us-east-1")).toEqual([
            "us-east-1a",
            "us-east-1b",
            "us-east-1c",
            "us-east-1d",
            "us-east-1e",
            "us-east-1f",
        ]);
        expect(eksUnsupportedZoneIds("us-east-1")).toEqual(["use1-az3"]);
    });

    test.each([
        ["us-west-1", 2, ["usw1-az2"]],
        ["ca-central-1", 3, ["cac1-az3"]],
        ["us-west-2", 4, []],
        ["eu-west-1", 3, []],
    ])("%s: %i zones per account, EKS-unsupported %j", (region, count, unsupported) => {
        expect(availabilityZoneCount(region)).toBe(count);
        expect(eksUnsupportedZoneIds(region)).toEqual(unsupported);
    });

    test("a region without a row has no count (its zones are not checked)", () => {
        expect(availabilityZoneCount("ap-southeast-7")).toBeUndefined();
        expect(availabilityZoneNamesOf("ap-southeast-7")).toBeUndefined();
        expect(eksUnsupportedZoneIds("ap-southeast-7")).toEqual([]);
    });

    test("every row is a known region; its AZ IDs are the region's prefix, unique, and cover its EKS-unsupported IDs", () => {
        for (const [region, z] of Object.entries(REGION_ZONES)) {
            expect(AWS_REGIONS).toContain(region);
            const n = region.split("-").at(-1);
            // An AZ ID: the region code's first letters, its number, -az and a number ("AWS Availability Zones").
            for (const id of z.ids) expect(id).toMatch(new RegExp(`^${region[0]}[a-z]+${n}-az\\d$`));
            expect(new Set(z.ids).size).toBe(z.ids.length);
            for (const id of z.eksUnsupported ?? []) expect(z.ids).toContain(id);
            expect(z.accountZones ?? z.ids.length).toBeLessThanOrEqual(z.ids.length);
        }
    });
});

describe("availabilityZoneProblems", () => {
    test("a count above the region's zones is refused with the value and the region's count", () => {
        expect(availabilityZoneProblems({ availabilityZones: 3, availabilityZoneNames: undefined }, "us-west-1")).toEqual([
            {
                path: ["network", "availabilityZones"],
                message: "3 is more than the 2 availability zones of aws:region us-west-1; allowed: 2 to 2",
            },
        ]);
        expect(availabilityZoneProblems({ availabilityZones: 2, availabilityZoneNames: undefined }, "us-west-1")).toEqual([]);
    });

    test("a letter beyond the region's zones is refused (us-east-1g)", () => {
        expect(
            availabilityZoneProblems({ availabilityZones: 2, availabilityZoneNames: ["us-east-1a", "us-east-1g"] }, "us-east-1"),
        ).toEqual([
            {
                path: ["network", "availabilityZoneNames", 1],
                message:
                    '"us-east-1g" is not an availability zone of aws:region us-east-1, which has 6: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f',
            },
        ]);
    });

    test("names of another region are refused", () => {
        const [p] = availabilityZoneProblems({ availabilityZones: 2, availabilityZoneNames: ["eu-west-1a", "us-east-2b"] }, "eu-west-1");
        expect(p).toEqual({
            path: ["network", "availabilityZoneNames", 1],
            message: '"us-east-2b" is not an availability zone of aws:region eu-west-1 (its zones are eu-west-1a, eu-west-1b, eu-west-1c)',
        });
    });

    test("in a region without a row only the region prefix is checked", () => {
        expect(availabilityZoneProblems({ availabilityZones: 6, availabilityZoneNames: undefined }, "ap-southeast-7")).toEqual([]);
        expect(availabilityZoneProblems({ availabilityZones: 2, availabilityZoneNames: ["ap-southeast-7z"] }, "ap-southeast-7")).toEqual(
            [],
        );
    });

    test("property: a count is refused exactly when it exceeds the region's zones", () => {
        const regions = Object.keys(REGION_ZONES);
        fc.assert(
            fc.property(fc.constantFrom(...regions), fc.integer({ min: 2, max: 6 }), (region, count) => {
                const refused = availabilityZoneProblems({ availabilityZones: count, availabilityZoneNames: undefined }, region).length > 0;
                expect(refused).toBe(count > availabilityZoneCount(region)!);
            }),
        );
    });

    test("property: a name is accepted exactly when it is one of the region's lettered zones", () => {
        fc.assert(
            fc.property(fc.constantFrom(...Object.keys(REGION_ZONES)), fc.integer({ min: 0, max: 7 }), (region, i) => {
                const az = `${region}${String.fromCharCode(97 + i)}`;
                const refused = availabilityZoneProblems({ availabilityZones: 2, availabilityZoneNames: [az] }, region).length > 0;
                expect(refused).toBe(i >= availabilityZoneCount(region)!);
            }),
        );
    });
});

describe("availabilityZoneWarnings", () => {
    test("names: accepted with a warning that names map to AZ IDs per account, and the EKS zone to keep off", () => {
        expect(
            availabilityZoneWarnings({ availabilityZones: 2, availabilityZoneNames: ["us-east-1a", "us-east-1b"] }, "us-east-1"),
        ).toEqual([
            {
                path: ["network", "availabilityZoneNames"],
                message:
                    "[\"us-east-1a\",\"us-east-1b\"] are zone names, which AWS maps to physical zones (AZ IDs) per account: another account's us-east-1a can be another zone; check the mapping with 'aws ec2 describe-availability-zones --region us-east-1' (ZoneName, ZoneId); keep off use1-az3, where Amazon EKS cannot place the cluster's network interfaces",
            },
        ]);
        const [w] = availabilityZoneWarnings({ availabilityZones: 2, availabilityZoneNames: ["eu-west-1a", "eu-west-1b"] }, "eu-west-1");
        expect(w.message).not.toMatch(/keep off/);
    });

    test("a count where the first N zones can be the EKS-unsupported one: warned, naming the fix", () => {
        expect(availabilityZoneWarnings({ availabilityZones: 3, availabilityZoneNames: undefined }, "us-east-1")).toEqual([
            {
                path: ["network", "availabilityZones"],
                message:
                    "3 zones are the first 3 of the account's zone list in aws:region us-east-1, which can include use1-az3, where Amazon EKS cannot place the cluster's network interfaces (cluster creation fails); set strata:network.availabilityZoneNames to zones whose AZ IDs ('aws ec2 describe-availability-zones --region us-east-1') are not use1-az3",
            },
        ]);
    });

    test("a count in a region without an EKS-unsupported zone: no warning", () => {
        expect(availabilityZoneWarnings({ availabilityZones: 3, availabilityZoneNames: undefined }, "us-west-2")).toEqual([]);
    });
});

describe("strata:network zones at config load", () => {
    test("availabilityZones above the region's count: exit-2 line naming the key, the value and the region's count", () => {
        expect(configProblems({ "aws:region": "us-west-1", "strata:network": { availabilityZones: 3 } })).toEqual([
            "strata:network.availabilityZones: 3 is more than the 2 availability zones of aws:region us-west-1; allowed: 2 to 2",
        ]);
    });

    test("a count and names that disagree are refused (names no longer win silently)", () => {
        expect(configProblems({ "strata:network": { availabilityZones: 3, availabilityZoneNames: ["us-east-1a", "us-east-1b"] } })).toEqual(
            [
                "strata:network.availabilityZones: 3 disagrees with the 2 zones of strata:network.availabilityZoneNames; allowed: 2, or leave one of the two keys out",
            ],
        );
        expect(configProblems({ "strata:network": { availabilityZones: 2, availabilityZoneNames: ["us-east-1a", "us-east-1b"] } })).toEqual(
            [],
        );
    });

    test("names alone are accepted even where the preset count differs (prod's 3)", () => {
        expect(
            configProblems({ "strata:environment": "prod", "strata:network": { availabilityZoneNames: ["us-east-1a", "us-east-1b"] } }),
        ).toEqual([]);
    });

    test("us-east-1g is refused at load", () => {
        expect(configProblems({ "strata:network": { availabilityZoneNames: ["us-east-1a", "us-east-1g"] } })).toEqual([
            expect.stringMatching(
                /^strata:network\.availabilityZoneNames\[1\]: "us-east-1g" is not an availability zone of aws:region us-east-1, which has 6/,
            ),
        ]);
    });

    test("the warnings come back with the config, one line per key", () => {
        expect(loadConfig({ "aws:region": "us-west-2" }).warnings).toEqual([]);
        expect(loadConfig({}).warnings).toEqual([
            expect.stringMatching(/^strata:network\.availabilityZones: 2 zones are the first 2 .* use1-az3/),
        ]);
        expect(loadConfig({ "strata:network": { availabilityZoneNames: ["us-east-1a", "us-east-1b"] } }).warnings).toEqual([
            expect.stringMatching(/^strata:network\.availabilityZoneNames: \["us-east-1a","us-east-1b"\] are zone names, which AWS maps/),
        ]);
    });

    test("us-east-9 is still refused as a region", () => {
        expect(configProblems({ "aws:region": "us-east-9" })).toEqual([
            expect.stringMatching(/^aws:region: "us-east-9" is not an AWS region/),
        ]);
    });
});
