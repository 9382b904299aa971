import { network } from "../../components/config/network";
import { contextOf, LONG_STACK, runCheck, settingsOf } from "./checkHarness";

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
