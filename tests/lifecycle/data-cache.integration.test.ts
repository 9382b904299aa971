/**
 * Day-two changes of the cache: an engine version change within a parameter group family keeps the parameter group
 * (its forcing inputs carry no version), a family change replaces it create-before-delete and the replication group
 * is updated in place, and the guard refuses the family change unless the replication group applies it immediately
 * (else the group keeps using the old parameter group and deleting it fails).
 */
import * as path from "path";
import { withDiff } from "../../plan/against";
import { CACHE_APPLY_IMMEDIATELY_KEY, PARAMETER_GROUP_IN_USE_POLICY } from "../../plan/guard";
import { runPlan } from "../../plan/run";
import type { PlanDocument } from "../../plan/types";
import { actions, changedStackFile, ROOT, scenario, section } from "./scenario";

const GROUP = "strata-dev-cache";
const PARAMETER_GROUP = "aws:elasticache/parameterGroup:ParameterGroup";
const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";

/** The dev stack with cache settings changed. */
const devWith = (cache: Record<string, unknown>) =>
    changedStackFile("Pulumi.dev.yaml", (config) => Object.assign(section(config, "cache"), cache));

const changeOf = (doc: PlanDocument, type: string) => {
    const found = doc.diff?.changes.filter((c) => c.name === GROUP && c.type === type) ?? [];
    if (found.length !== 1) throw new Error(`expected one ${type} change, found ${found.length}: ${JSON.stringify(actions(doc))}`);
    return found[0];
};
const inputsOf = (doc: PlanDocument, type: string) => doc.resources.find((r) => r.name === GROUP && r.type === type)!.inputs;
const violationsOf = (doc: PlanDocument, policy: string) => doc.violations.filter((v) => v.policy === policy);

describe("cache engine version within the family (valkey 8.0 -> 8.1, family valkey8)", () => {
    let diffed: PlanDocument;
    beforeAll(async () => {
        ({ diffed } = await scenario("Pulumi.dev.yaml", devWith({ engineVersion: "8.1" })));
    });

    it("keeps the parameter group and updates the replication group's engineVersion in place", () => {
        expect(changeOf(diffed, PARAMETER_GROUP).action).toBe("same");
        const rg = changeOf(diffed, REPLICATION_GROUP);
        expect([rg.action, rg.changedInputs]).toEqual(["update", ["engineVersion"]]);
        expect(inputsOf(diffed, REPLICATION_GROUP).engineVersion).toBe("8.1");
        expect(diffed.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
    });
});

describe("a release that bumps the default cache version (8.0 -> 8.1) under an unchanged stack file", () => {
    let diffed: PlanDocument;
    beforeAll(async () => {
        const before = await runPlan({ root: ROOT, configFile: path.resolve(ROOT, "Pulumi.dev.yaml") });
        const after = await runPlan({
            root: ROOT,
            configFile: path.resolve(ROOT, "Pulumi.dev.yaml"),
            program: path.join(__dirname, "data-cache-default-bump.program.ts"),
        });
        diffed = { ...after, ...withDiff(after, before, { against: "Pulumi.dev.yaml" }) };
    });

    it("keeps the parameter group; only the replication group's engineVersion changes", () => {
        expect(changeOf(diffed, PARAMETER_GROUP).action).toBe("same");
        expect(inputsOf(diffed, PARAMETER_GROUP).family).toBe("valkey8");
        const rg = changeOf(diffed, REPLICATION_GROUP);
        expect([rg.action, rg.changedInputs]).toEqual(["update", ["engineVersion"]]);
        expect(inputsOf(diffed, REPLICATION_GROUP).engineVersion).toBe("8.1");
        expect(diffed.diff!.summary.replace).toBe(0);
    });
});

describe.each([
    ["valkey 7.2 -> 8.0", { engine: "valkey", engineVersion: "7.2" }, { engine: "valkey", engineVersion: "8.0" }, "valkey7", "valkey8"],
    ["redis 7.1 -> valkey 8.0", { engine: "redis", engineVersion: "7.1" }, { engine: "valkey", engineVersion: "8.0" }, "redis7", "valkey8"],
])("a parameter group family change (%s)", (_name, from, to, fromFamily, toFamily) => {
    const scenarios: Record<string, PlanDocument> = {};
    beforeAll(async () => {
        const beforeFile = devWith(from);
        scenarios.deferred = (await scenario(beforeFile, devWith(to))).diffed;
        scenarios.immediate = (await scenario(beforeFile, devWith({ ...to, applyImmediately: true }))).diffed;
    });

    it.each(["deferred", "immediate"])("%s: the parameter group is replaced create-before-delete for its family", (which) => {
        const pg = changeOf(scenarios[which], PARAMETER_GROUP);
        expect(pg.action).toBe("replace");
        expect(pg.replaceReasons).toContain("family");
        expect(pg.deleteBeforeReplace).toBe(false);
        expect(inputsOf(scenarios[which], PARAMETER_GROUP).family).toBe(toFamily);
        expect(fromFamily).not.toBe(toFamily);
    });

    it.each(["deferred", "immediate"])("%s: the replication group is updated in place onto the new group and version", (which) => {
        const rg = changeOf(scenarios[which], REPLICATION_GROUP);
        expect(rg.action).toBe("update");
        expect(rg.changedInputs).toEqual(expect.arrayContaining(["engineVersion", "parameterGroupName"]));
        expect(rg.replaceReasons).toEqual([]);
    });

    it("without applyImmediately: a mandatory violation naming strata:cache.applyImmediately", () => {
        const found = violationsOf(scenarios.deferred, PARAMETER_GROUP_IN_USE_POLICY);
        expect(found).toHaveLength(1);
        expect(found[0].enforcementLevel).toBe("mandatory");
        expect(found[0].message).toContain(CACHE_APPLY_IMMEDIATELY_KEY);
        expect(found[0].message).toContain("InvalidCacheParameterGroupState");
    });

    it("with strata:cache.applyImmediately true: the replication group applies it now and the plan is clean", () => {
        expect(inputsOf(scenarios.immediate, REPLICATION_GROUP).applyImmediately).toBe(true);
        expect(changeOf(scenarios.immediate, REPLICATION_GROUP).changedInputs).toContain("applyImmediately");
        expect(scenarios.immediate.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
    });
});
