/** A plan diffed against itself: every resource (and every awsx Vpc child) is `same`, nothing is flagged, the cost delta is 0. */
import { withDiff } from "../../plan/against";
import { runPlan } from "../../plan/run";
import { allStackFiles, ROOT } from "../helpers";
import * as path from "path";

describe.each(allStackFiles().map((f) => path.relative(ROOT, f)))("%s diffed against itself", (file) => {
    test("all same", async () => {
        const plan = await runPlan({ root: ROOT, configFile: path.join(ROOT, file) });
        const { diff, violations } = withDiff(plan, plan, { against: file });
        expect(diff!.summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: diff!.changes.length });
        expect(diff!.changes.filter((c) => c.type === "aws:ec2/subnet:Subnet").length).toBeGreaterThan(0);
        expect(diff!.monthlyUsdDelta).toBe(0);
        expect(violations.filter((v) => v.policy.startsWith("strata-lifecycle-"))).toEqual([]);
    });
});
