import { network } from "../../components/config/network";
import { contextOf, LONG_STACK, runCheck, settingsOf } from "./checkHarness";
import { configProblems } from "../helpers";

describe("strata:network checks", () => {
    const [flowLogRole] = network.checks;

    test.each([
        ["dev", []],
        [
            LONG_STACK,
            [
                /^name: gives the iamRole name "strata-feature-branch-.*-flow-logs-xxxxxxx" \(\d+ characters, AWS allows 64\); shorten strata:name \("strata"\) or the stack name$/,
            ],
        ],
    ])("the flow-log role's name fits IAM's 64 characters (stack %s)", (stack, expected) => {
        const problems = runCheck(flowLogRole, settingsOf("dev"), contextOf({ stack }));
        expect(problems).toEqual(expected.map((e) => expect.stringMatching(e)));
    });
});

describe("strata:network address space and zones", () => {
    const [, azRegion] = network.checks;

    test.each([
        ["8.8.0.0/16", /^strata:network\.cidr: "8\.8\.0\.0\/16" is not in private address space .*allowNonPrivateCidr: true/],
        ["172.17.0.0/16", /^strata:network\.cidr: "172\.17\.0\.0\/16" overlaps 172\.17\.0\.0\/16, the Docker bridge network/],
        ["172.16.0.0/16", undefined],
        ["100.64.0.0/16", undefined],
        ["192.168.0.0/16", undefined],
    ])("cidr %s", (cidr, expected) => {
        const problems = configProblems({ "strata:network": { cidr } });
        expect(problems).toEqual(expected ? [expect.stringMatching(expected)] : []);
    });

    test("public space is allowed only by the explicit switch", () => {
        expect(configProblems({ "strata:network": { cidr: "8.8.0.0/16", allowNonPrivateCidr: true } })).toEqual([]);
    });

    test("AZ names of another region are refused, naming the index", () => {
        expect(configProblems({ "strata:network": { availabilityZoneNames: ["us-east-1a", "eu-west-1b"] } })).toEqual([
            expect.stringMatching(
                /^strata:network\.availabilityZoneNames\[1\]: "eu-west-1b" is not an availability zone of aws:region us-east-1/,
            ),
        ]);
        expect(
            runCheck(azRegion, settingsOf("dev", { network: { availabilityZoneNames: ["us-east-1a", "us-east-1b"] } }), contextOf({})),
        ).toEqual([]);
    });
});
