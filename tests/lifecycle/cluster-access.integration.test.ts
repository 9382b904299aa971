/**
 * The deployer's access entry comes from config, never from the identity running the deploy: the same stack planned
 * by another engineer, or by the CI role, changes no access entry (an entry's principalArn forces its replacement,
 * which removed the previous admin).
 */
import { withDiff } from "../../plan/against";
import { runPlan } from "../../plan/run";
import { callerArn } from "../../plan/mocks/core";
import { actions, changedStackFile, ROOT } from "./scenario";

const ENGINEER = "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_PlatformAdmin_0123456789abcdef/alice@example.com";
const CI = "arn:aws:sts::123456789012:assumed-role/ci-deployer/github-actions-run-42";

/** The stack planned as `caller` (the plan's getCallerIdentity / getSessionContext answer with it). */
function planAs(stack: string, caller: string) {
    // A copy per caller: plans are cached by stack file and sources, not by environment.
    const file = changedStackFile(stack, () => undefined);
    return runPlan({ root: ROOT, configFile: file, env: { STRATA_PLAN_CALLER_ARN: caller } });
}

describe.each(["Pulumi.dev.yaml", "Pulumi.prod.yaml"])("%s planned by two different callers", (stack) => {
    let changes: Record<string, string>;
    let entries: string[];
    beforeAll(async () => {
        const [before, after] = await Promise.all([planAs(stack, ENGINEER), planAs(stack, CI)]);
        const diffed = { ...after, ...withDiff(after, before, { against: "engineer's plan", allowReplace: [] }) };
        changes = actions(diffed);
        entries = after.resources.filter((r) => r.type === "aws:eks/accessEntry:AccessEntry").map((r) => String(r.inputs.principalArn));
    });

    it("changes no access entry or policy association (nothing changes at all)", () => {
        expect(changes).toEqual({});
    });

    it("grants exactly the principals the stack file names", () => {
        expect(entries).toEqual(["arn:aws:iam::123456789012:role/strata-deployer"]);
        expect(entries).not.toContain(CI);
    });
});

describe("the plan's caller identity", () => {
    it("is STRATA_PLAN_CALLER_ARN when set, else the default assumed-role session", () => {
        const ctx = { partition: "aws", accountId: "123456789012" };
        expect(callerArn(ctx, { STRATA_PLAN_CALLER_ARN: CI })).toBe(CI);
        expect(callerArn(ctx, {})).toBe("arn:aws:sts::123456789012:assumed-role/strata-deployer/plan-session");
    });
});
