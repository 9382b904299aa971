import { cluster } from "../../components/config/cluster";
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
        ["node group", /^cluster\.nodeGroups\.0\.name: gives the eksNodeGroup name "strata-s{40}-ng-system-xxxxxxx"/],
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
