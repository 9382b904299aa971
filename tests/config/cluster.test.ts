import { cluster, supportCheckDay } from "../../components/config/cluster";
import { loadConfig, problemsOf } from "../helpers";
import { contextOf, runCheck, settingsOf } from "./checkHarness";

describe("strata:cluster checks", () => {
    const [names] = cluster.checks;

    test("short names pass", () => {
        expect(runCheck(names, settingsOf("prod"), contextOf({ stack: "prod" }))).toEqual([]);
    });

    // "strata-" + 40 characters: the cluster (100) fits, auto-named IAM roles (64 with the suffix) do not.
    const stack = "s".repeat(40);

    test.each([
        ["cluster", /^cluster: gives the iamRole name "strata-s{40}-eks-cluster-xxxxxxx"/],
        ["lb-controller", /^cluster: gives the iamRole name "strata-s{40}-eks-lb-controller-xxxxxxx"/],
        ["node group", /^cluster\.nodeGroups\.0\.name: gives the eksNodeGroup name "strata-s{40}-ng-system-[0-9a-f]{6}-xxxxxxx"/],
    ])("a long stack name is reported for the %s", (_what, expected) => {
        const problems = runCheck(names, settingsOf("dev"), contextOf({ stack }));
        expect(problems).toContainEqual(expect.stringMatching(expected));
    });

    test.each([
        [true, 1],
        [false, 0],
    ])("the Container Insights role is checked only when containerInsights is %s", (containerInsights, count) => {
        const problems = runCheck(names, settingsOf("dev", { cluster: { observability: { containerInsights } } }), contextOf({ stack }));
        expect(problems.filter((p) => p.startsWith("cluster.observability.containerInsights: gives the iamRole name"))).toHaveLength(count);
    });
});

describe("strata:cluster: someone named in config is cluster admin", () => {
    const [, admins] = cluster.checks;
    const DEPLOYER = "arn:aws:iam::123456789012:role/ci-deployer";

    test.each([
        [{}, ["cluster.deployerPrincipalArn: is required while adminPrincipalArns is empty"]],
        [{ deployerPrincipalArn: DEPLOYER }, []],
        [{ adminPrincipalArns: [DEPLOYER] }, []],
    ])("%j -> %j", (clusterSettings, expected) => {
        const problems = runCheck(admins, settingsOf("prod", { cluster: clusterSettings }));
        expect(problems.map((p) => p.split(":").slice(0, 2).join(":"))).toEqual(expected);
    });
});

describe("strata:cluster: the Kubernetes version is within EKS support", () => {
    const [, , support] = cluster.checks;
    const saved = process.env.STRATA_TODAY;
    afterEach(() => {
        if (saved === undefined) delete process.env.STRATA_TODAY;
        else process.env.STRATA_TODAY = saved;
    });
    const check = (today: string, version: string, supportType: "STANDARD" | "EXTENDED") => {
        process.env.STRATA_TODAY = today;
        return runCheck(support, settingsOf("prod", { cluster: { version, supportType } }));
    };

    test.each([
        // [today, version, supportType, refused]
        ["2026-12-01", "1.34", "STANDARD", false], // last day of standard support
        ["2026-12-02", "1.34", "STANDARD", true], // EKS upgrades STANDARD clusters from this day
        ["2026-12-02", "1.34", "EXTENDED", false],
        ["2027-12-01", "1.34", "EXTENDED", false],
        ["2027-12-02", "1.34", "EXTENDED", true], // end of extended support: always refused
        ["2026-09-01", "1.32", "STANDARD", true],
        ["2026-09-01", "1.32", "EXTENDED", false],
        ["2026-09-01", "1.35", "STANDARD", false],
    ] as const)("on %s %s with %s: refused %s", (today, version, supportType, refused) => {
        const problems = check(today, version, supportType);
        expect(problems.length > 0).toBe(refused);
        if (refused)
            expect(problems[0]).toMatch(new RegExp(`^cluster\\.version: "${version.replace(".", "\\.")}" is refused on ${today}: `));
    });

    test("the message names the next supported minor and the extended-support way out", () => {
        expect(check("2026-12-02", "1.34", "STANDARD")).toEqual([
            expect.stringMatching(
                /left EKS standard support on 2026-12-02; .* Upgrade one minor at a time to 1\.35, or set strata:cluster\.supportType to EXTENDED .* until 2027-12-02$/,
            ),
        ]);
        expect(check("2027-12-02", "1.34", "EXTENDED")).toEqual([
            expect.stringMatching(/reached the end of EKS extended support on 2027-12-02 .*upgrade one minor at a time to 1\.35$/),
        ]);
    });

    test("a malformed STRATA_TODAY is a configuration error, not a silent fallback to the clock", () => {
        expect(check("yesterday", "1.35", "STANDARD")).toEqual([
            'cluster.version: cannot be checked against EKS support: STRATA_TODAY "yesterday" is not a date YYYY-MM-DD',
        ]);
    });
});

describe("supportCheckDay", () => {
    test("STRATA_TODAY when set, the clock's UTC day otherwise", () => {
        const now = new Date("2026-05-04T23:30:00Z");
        expect(supportCheckDay({}, now)).toBe("2026-05-04");
        expect(supportCheckDay({ STRATA_TODAY: "" }, now)).toBe("2026-05-04");
        expect(supportCheckDay({ STRATA_TODAY: "2027-01-31" }, now)).toBe("2027-01-31");
        expect(supportCheckDay({ STRATA_TODAY: "2027-13-45" }, now)).toBeUndefined();
        expect(supportCheckDay({ STRATA_TODAY: "31.01.2027" }, now)).toBeUndefined();
    });
});

describe("strata:cluster.autoscaler expander", () => {
    const load = (autoscaler: unknown) =>
        loadConfig({
            "strata:environment": "prod",
            "strata:cluster": { deployerPrincipalArn: "arn:aws:iam::123456789012:role/d", autoscaler },
        });

    test("price is refused: the AWS cloud provider has no pricing model", () => {
        expect(problemsOf(() => load({ expander: "price" }))).toEqual([
            expect.stringMatching(
                /^strata:cluster\.autoscaler\.expander: "price" is refused: the price expander works only on GCE, GKE and Equinix Metal/,
            ),
        ]);
    });

    test("priority requires priorities; priorities without priority are refused; a bad regex is reported", () => {
        expect(problemsOf(() => load({ expander: "priority" }))).toEqual([
            expect.stringMatching(/^strata:cluster\.autoscaler\.priorities: is required with expander priority/),
        ]);
        expect(problemsOf(() => load({ expander: "priority", priorities: {} }))).toHaveLength(1);
        expect(problemsOf(() => load({ priorities: { ".*": 10 } }))).toEqual([
            expect.stringMatching(
                /^strata:cluster\.autoscaler\.priorities: is only read by the priority expander, and the expander is least-waste/,
            ),
        ]);
        expect(problemsOf(() => load({ expander: "priority", priorities: { "([": 10 } }))).toEqual([
            expect.stringMatching(/priorities.*is not a valid regular expression/),
        ]);
        expect(problemsOf(() => load({ expander: "priority", priorities: { ".*": 0 } }))[0]).toMatch(/too small/);
    });

    test("priority with priorities, and the other expanders, are accepted", () => {
        expect(load({ expander: "priority", priorities: { ".*-ng-workers-.*": 50, ".*": 10 } }).cluster.autoscaler.priorities).toEqual({
            ".*-ng-workers-.*": 50,
            ".*": 10,
        });
        for (const expander of ["least-waste", "random", "most-pods"])
            expect(load({ expander }).cluster.autoscaler.expander).toBe(expander);
    });
});
