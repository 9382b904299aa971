import { cache } from "../../components/config/cache";
import { contextOf, runCheck, settingsOf } from "./checkHarness";

describe("strata:cache checks", () => {
    const [names] = cache.checks;

    test.each([
        ["dev", true, []],
        [
            "a".repeat(30),
            true,
            [/^name: gives the elasticacheReplicationGroupId name "strata-a{30}-cache" \(43 characters, AWS allows 40\)/],
        ],
        ["a".repeat(30), false, []],
    ])("stack %s, enabled %s", (stack, enabled, expected) => {
        const problems = runCheck(names, settingsOf("dev", { cache: { enabled } }), contextOf({ stack }));
        expect(problems).toEqual(expected.map((e) => expect.stringMatching(e)));
    });
});
