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

describe("strata:cache.applyImmediately", () => {
    test.each(["dev", "staging", "prod"] as const)("%s: off by default (changes wait for the maintenance window)", (env) => {
        expect(settingsOf(env).cache.applyImmediately).toBe(false);
    });

    test("on when the stack asks (a parameter group family change needs it)", () => {
        expect(settingsOf("prod", { cache: { applyImmediately: true } }).cache.applyImmediately).toBe(true);
    });

    test.each([
        ["valkey", "8.0", "valkey8"],
        ["valkey", "8.1", "valkey8"],
        ["valkey", "7.2", "valkey7"],
        ["redis", "7.1", "redis7"],
    ] as const)("%s %s is family %s (only a family change replaces the parameter group)", (engine, engineVersion, family) => {
        expect(settingsOf("dev", { cache: { engine, engineVersion } }).cache.parameterGroupFamily).toBe(family);
    });
});
