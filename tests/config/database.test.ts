import { database } from "../../components/config/database";
import { contextOf, runCheck, settingsOf } from "./checkHarness";

describe("strata:database checks", () => {
    const [names] = database.checks;
    // "strata-" + 40: the identifier and the proxy fit RDS's 63 characters, the replicas and the auto-named roles do not.
    const stack = "d".repeat(40);

    test.each([
        ["a short stack, prod preset (replicas, proxy, monitoring)", "prod", "prod", {}, []],
        ["disabled: nothing is checked", "prod", stack, { enabled: false }, []],
        [
            "long stack: replicas and roles",
            "prod",
            stack,
            {},
            [
                /^database\.readReplicas: gives the rdsIdentifier name "strata-d{40}-postgres-replica-1"/,
                /^database\.readReplicas: gives the rdsIdentifier name "strata-d{40}-postgres-replica-2"/,
                /^name: gives the iamRole name "strata-d{40}-rds-monitoring-xxxxxxx" \(70 characters, AWS allows 64\)/,
                /^name: gives the iamRole name "strata-d{40}-rds-proxy-xxxxxxx" \(65 characters, AWS allows 64\)/,
            ],
        ],
        ["long stack, dev preset: no replicas or proxy, the identifier fits", "dev", stack, {}, []],
    ] as const)("%s", (_what, env, stackName, db, expected) => {
        const problems = runCheck(names, settingsOf(env, { database: db }), contextOf({ stack: stackName }));
        expect(problems).toEqual(expected.map((e) => expect.stringMatching(e)));
    });
});

describe("strata:database.allowMajorVersionUpgrade", () => {
    test.each(["dev", "staging", "prod"] as const)("%s: off by default", (env) => {
        expect(settingsOf(env).database.allowMajorVersionUpgrade).toBe(false);
    });

    test("on with a new major when the stack asks", () => {
        const db = settingsOf("prod", { database: { engineVersion: "17", allowMajorVersionUpgrade: true } }).database;
        expect([db.engineVersion, db.allowMajorVersionUpgrade]).toEqual(["17", true]);
    });

    test("refuses a value that is not a boolean, naming the key", () => {
        expect(() => settingsOf("prod", { database: { allowMajorVersionUpgrade: "yes" } })).toThrow(/allowMajorVersionUpgrade/);
    });
});
