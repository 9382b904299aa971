import type { PlanDocument, PlanViolation } from "../../plan/types";
import type { ReplacementRules } from "../../plan/diff";
import { diffPlans } from "../../plan/diff";
import { guardDiff, STATEFUL_REPLACE_POLICY } from "../../plan/guard";
import { costChanges, diffMarkdown, reviewFindings } from "../../plan/diffReport";
import { planOfResources, resource, urnOf } from "./synthetic";

const DB = "aws:rds/instance:Instance";
const QUEUE = "aws:sqs/queue:Queue";
const RULES: ReplacementRules = {
    [DB]: { forceNew: ["dbName", "identifier"], namedBy: "identifier", source: "test" },
    [QUEUE]: { forceNew: ["name"], source: "test" },
};

const db = resource(DB, "strata-dev-postgres", { dbName: "app", identifier: "strata-dev-postgres", instanceClass: "db.t4g.micro" });
const withCost = (plan: PlanDocument, items: Array<[string, string, number]>): PlanDocument => ({
    ...plan,
    cost: {
        monthlyUsd: items.reduce((s, [, , usd]) => s + usd, 0),
        priceTable: "t",
        items: items.map(([type, name, monthlyUsd]) => ({ urn: urnOf(type, name), type, monthlyUsd, basis: `${name} basis` })),
    },
});
const violation = (policy: string, name: string, level: PlanViolation["enforcementLevel"] = "advisory"): PlanViolation => ({
    policy,
    enforcementLevel: level,
    urn: urnOf(DB, name),
    message: `${policy} on ${name}`,
});

function report(before: PlanDocument, after: PlanDocument, extra: PlanViolation[] = []) {
    const diff = diffPlans(before, after, { against: "base.json", rules: RULES });
    const violations = [...after.violations, ...extra, ...guardDiff(diff, before, after)];
    return diffMarkdown(diff, { before, after }, violations);
}

describe("diffMarkdown (the pull-request comment)", () => {
    const before = withCost(planOfResources([db]), [[DB, db.name, 13.98]]);

    test("an in-place resize: not blocked, the cost before and after with the delta, the item that changed", () => {
        const bigger = resource(DB, db.name, { ...db.inputs, instanceClass: "db.t4g.small" });
        const after = withCost(planOfResources([bigger]), [[DB, db.name, 25.66]]);
        const md = report(before, after);
        expect(md).not.toContain("Blocked");
        expect(md).toContain("**0 to create, 1 to update, 0 to replace, 0 to delete, 0 unchanged**");
        expect(md).toContain("Monthly cost: $13.98 -> $25.66 (**+$11.68**)");
        expect(md).toContain(
            "| strata-dev-postgres | `aws:rds/instance:Instance` | $13.98 | $25.66 | +$11.68 | strata-dev-postgres basis |",
        );
        expect(md).toContain("| update | `aws:rds/instance:Instance` | strata-dev-postgres | update: instanceClass |");
    });

    test("a refused replacement: the verdict first, then the guard's finding naming the resource and the approval flag", () => {
        const renamed = resource(DB, db.name, { ...db.inputs, dbName: "other" });
        const md = report(before, withCost(planOfResources([renamed]), [[DB, db.name, 13.98]]));
        const lines = md.split("\n");
        expect(lines[2]).toBe("**Blocked: 2 mandatory findings** (2 from the lifecycle guard, 0 from policies); the plan exits 1.");
        expect(md).toMatch(
            new RegExp(
                `\\| mandatory \\| \`${STATEFUL_REPLACE_POLICY}\` \\| strata-dev-postgres \\| .*--allow-replace strata-dev-postgres`,
            ),
        );
        expect(md).toContain("Monthly cost: $13.98 -> $13.98 (**+$0.00**)");
        expect(md).not.toContain("Cost changes");
        // The replacement's component is open; the verdict comes before the counts.
        expect(md).toContain("<details open><summary><b>strata-dev-postgres</b> (1)</summary>");
        expect(md.indexOf("Blocked")).toBeLessThan(md.indexOf("to create"));
    });

    test("a mandatory policy finding blocks too and is shown even when the earlier plan had it", () => {
        const old = violation("aws-rds-instance-require-encryption", db.name, "mandatory");
        const b = { ...before, violations: [old] };
        const md = report(b, { ...before, violations: [old] });
        expect(md).toContain("**Blocked: 1 mandatory finding** (0 from the lifecycle guard, 1 from policies); the plan exits 1.");
        expect(md).toContain("| mandatory | `aws-rds-instance-require-encryption` | strata-dev-postgres |");
        expect(md).toContain("No resource changes.");
    });

    test("a removed resource's cost counts as a saving; pipes and newlines in cells are escaped", () => {
        const q = resource(QUEUE, "jobs|dlq", { name: "jobs" });
        const b = withCost(planOfResources([db, q]), [
            [DB, db.name, 13.98],
            [QUEUE, "jobs|dlq", 0.4],
        ]);
        const md = report(b, withCost(planOfResources([db]), [[DB, db.name, 13.98]]));
        expect(md).toContain("Monthly cost: $14.38 -> $13.98 (**-$0.40**)");
        expect(md).toContain("| jobs\\|dlq | `aws:sqs/queue:Queue` | $0.40 | $0.00 | -$0.40 | jobs\\|dlq basis |");
    });
});

test("an earlier plan document from an older commit without cost items or violations still reports", () => {
    const after = withCost(planOfResources([db]), [[DB, db.name, 13.98]]);
    const old = { ...planOfResources([db]), violations: undefined, cost: { monthlyUsd: 10, priceTable: "t" } } as unknown as PlanDocument;
    const md = diffMarkdown(diffPlans(old, after, { against: "base.json", rules: RULES }), { before: old, after }, []);
    expect(md).toContain("Monthly cost: $10.00 -> $13.98 (**+$3.98**)");
    expect(md).toContain("| strata-dev-postgres | `aws:rds/instance:Instance` | $0.00 | $13.98 | +$13.98 |");
});

describe("reviewFindings", () => {
    const before = { ...planOfResources([db]), violations: [violation("old-advisory", "a")] };
    test("mandatory ones always, lifecycle advisories always, other advisories only when new; mandatory first", () => {
        const now = [
            violation("old-advisory", "a"),
            violation("new-advisory", "a"),
            violation("strata-lifecycle-deployment-replace", "d"),
            violation("some-mandatory", "a", "mandatory"),
        ];
        expect(reviewFindings(before, now).map((v) => v.policy)).toEqual([
            "some-mandatory",
            "new-advisory",
            "strata-lifecycle-deployment-replace",
        ]);
    });
    test("the same advisory on another resource is new", () => {
        expect(reviewFindings(before, [violation("old-advisory", "b")])).toHaveLength(1);
    });
});

describe("costChanges", () => {
    test("largest change first; unchanged items are left out", () => {
        const b = withCost(planOfResources([]), [
            [DB, "a", 10],
            [DB, "b", 5],
        ]);
        const a = withCost(planOfResources([]), [
            [DB, "a", 11],
            [DB, "b", 5],
            [DB, "c", 3],
        ]);
        expect(costChanges({ before: b, after: a }).map((c) => [c.urn.split("::").pop(), c.delta])).toEqual([
            ["c", 3],
            ["a", 1],
        ]);
    });
});
