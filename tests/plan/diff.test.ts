import type { PlanResource } from "../../plan/types";
import { planOfResources, resource, STACK } from "./synthetic";
import type { ReplacementRules } from "../../plan/diff";
import { diffPlans, diffResource, jsonEqual, typesWithoutRules, valuesAt } from "../../plan/diff";
import { FIXED_NAME_REPLACE_POLICY, globMatcher, guardDiff, STATEFUL_REPLACE_POLICY } from "../../plan/guard";

const res = resource;
const plan = planOfResources;

const DB = "aws:rds/instance:Instance";
const PG = "aws:rds/parameterGroup:ParameterGroup";
const SECRET = "aws:secretsmanager/secretVersion:SecretVersion";
const RULES: ReplacementRules = {
    [DB]: { forceNew: ["dbName", "identifier"], namedBy: "identifier", source: "test" },
    [PG]: { forceNew: ["family", "name"], source: "test" },
    [SECRET]: { forceNew: ["secretId"], source: "test" },
    "aws:eks/nodeGroup:NodeGroup": { forceNew: ["instanceTypes", "scalingConfig.x[].y"], source: "test" },
};

describe("valuesAt / jsonEqual", () => {
    it("reads nested paths and every element of a list", () => {
        const v = { a: { b: 1 }, l: [{ x: 1 }, { x: 2 }, {}] };
        expect(valuesAt(v, "a.b")).toEqual([1]);
        expect(valuesAt(v, "l[].x")).toEqual([1, 2, undefined]);
        expect(valuesAt(v, "missing.deep")).toEqual([undefined]);
    });
    it("compares objects regardless of key order and treats undefined keys as absent", () => {
        expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
        expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
        expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    });
});

describe("diffResource", () => {
    const before = res(DB, "db", { dbName: "app", identifier: "strata-dev-db", allocatedStorage: 20 });
    it("an unchanged resource is same", () => {
        expect(diffResource(before, before, RULES[DB], new Map()).action).toBe("same");
    });
    it("a change of an updatable input is an update naming that input", () => {
        const c = diffResource(before, res(DB, "db", { ...before.inputs, allocatedStorage: 50 }), RULES[DB], new Map());
        expect(c).toMatchObject({ action: "update", changedInputs: ["allocatedStorage"], replaceReasons: [], deleteBeforeReplace: false });
    });
    it("a change of a forcing input replaces, delete-before-replace when the name input is set", () => {
        const c = diffResource(before, res(DB, "db", { ...before.inputs, dbName: "other" }), RULES[DB], new Map());
        expect(c).toMatchObject({
            action: "replace",
            changedInputs: ["dbName"],
            replaceReasons: ["dbName"],
            deleteBeforeReplace: true,
            deleteBeforeReplaceExplicit: false,
        });
    });
    it("a forcing input ignored by ignoreChanges does not replace", () => {
        const after = res(DB, "db", { ...before.inputs, dbName: "other" }, { options: { ...before.options, ignoreChanges: ["dbName"] } });
        expect(diffResource(before, after, RULES[DB], new Map()).action).toBe("same");
    });
    it("an auto-named resource replaced is create-before-delete unless the option says otherwise", () => {
        const pg = res(PG, "pg", { family: "postgres16" });
        const next = res(PG, "pg", { family: "postgres17" });
        expect(diffResource(pg, next, RULES[PG], new Map())).toMatchObject({ action: "replace", deleteBeforeReplace: false });
        const dbr = res(PG, "pg", { family: "postgres17" }, { options: { ...pg.options, deleteBeforeReplace: true } });
        expect(diffResource(pg, dbr, RULES[PG], new Map())).toMatchObject({
            action: "replace",
            deleteBeforeReplace: true,
            deleteBeforeReplaceExplicit: true,
        });
    });
    it("an input unknown until deploy counts as changed, and replaces where it forces", () => {
        const v = res(SECRET, "v", { secretId: "arn:1", secretString: "[secret]" });
        expect(diffResource(v, v, RULES[SECRET], new Map([["secretString", undefined]]))).toMatchObject({
            action: "update",
            changedInputs: ["secretString"],
        });
        expect(diffResource(v, v, RULES[SECRET], new Map([["secretId", undefined]]))).toMatchObject({
            action: "replace",
            replaceReasons: ["secretId (unknown until deploy)"],
        });
    });
    it("replaceOnChanges adds forcing inputs", () => {
        const a = res("kubernetes:core/v1:ConfigMap", "c", { data: { a: "1" } });
        const b = res("kubernetes:core/v1:ConfigMap", "c", { data: { a: "2" } });
        expect(diffResource(a, b, undefined, new Map(), ["data"]).action).toBe("replace");
        expect(diffResource(a, b, undefined, new Map()).action).toBe("update");
    });
    it("a nested forcing path replaces only when that nested value changes", () => {
        const ng = (y: number, z: number) => res("aws:eks/nodeGroup:NodeGroup", "ng", { scalingConfig: { x: [{ y, z }] } });
        expect(diffResource(ng(1, 1), ng(1, 2), RULES["aws:eks/nodeGroup:NodeGroup"], new Map()).action).toBe("update");
        expect(diffResource(ng(1, 1), ng(2, 1), RULES["aws:eks/nodeGroup:NodeGroup"], new Map())).toMatchObject({
            action: "replace",
            replaceReasons: ["scalingConfig.x[].y"],
        });
    });
    it("a protect change alone is an update", () => {
        const p = res(DB, "db", before.inputs, { options: { ...before.options, protect: true } });
        expect(diffResource(before, p, RULES[DB], new Map())).toMatchObject({ action: "update", changedInputs: [] });
    });
});

describe("diffPlans", () => {
    const pg = res(PG, "pg", { family: "postgres16", name: "strata-dev-pg16" });
    const db = res(
        DB,
        "db",
        { dbName: "app", identifier: "strata-dev-db", parameterGroupName: "strata-dev-pg16" },
        { propertyDependencies: { parameterGroupName: [pg.urn] } },
    );
    const base = plan([pg, db], 100);

    it("a plan diffed against itself is all same, with no cost delta", () => {
        const d = diffPlans(base, base, { against: "x", rules: RULES });
        expect(d.summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, same: 2 });
        expect(d.monthlyUsdDelta).toBe(0);
    });

    it("inputs fed by a replaced resource are unknown even where the mock recomputes the same value", () => {
        const pg2 = res(PG, "pg", { family: "postgres17", name: "strata-dev-pg16" });
        const d = diffPlans(base, plan([pg2, db], 100), { against: "x", rules: RULES });
        const byName = Object.fromEntries(d.changes.map((c) => [c.name, c]));
        expect(byName.pg).toMatchObject({ action: "replace", replaceReasons: ["family"] });
        expect(byName.db).toMatchObject({ action: "update", changedInputs: ["parameterGroupName"] });
    });

    it("a nested forcing path under an unknown input replaces only where it carries a reference to the replaced resource", () => {
        const KS = "kubernetes:core/v1:Secret";
        const DEP = "kubernetes:apps/v1:Deployment";
        const rules: ReplacementRules = {
            [KS]: { forceNew: ["stringData"], source: "test" },
            [DEP]: { forceNew: ["spec.selector"], source: "test" },
        };
        const secret = (v: string) => res(KS, "s", { stringData: v }, { identity: ["ns/app-secret", "app-secret"] });
        const dep = (selector: unknown) =>
            res(
                DEP,
                "d",
                { spec: { selector, template: { spec: { containers: [{ envFrom: [{ secretRef: { name: "app-secret" } }] }] } } } },
                { propertyDependencies: { spec: [`${STACK}${KS}::s`] } },
            );
        const labels = { matchLabels: { app: "api" } };
        const d1 = diffPlans(plan([secret("a"), dep(labels)]), plan([secret("b"), dep(labels)]), { against: "x", rules });
        expect(d1.changes.map((c) => [c.name, c.action])).toEqual([
            ["s", "replace"],
            ["d", "update"],
        ]);
        const fed = { matchLabels: { app: "app-secret" } };
        const d2 = diffPlans(plan([secret("a"), dep(fed)]), plan([secret("b"), dep(fed)]), { against: "x", rules });
        expect(d2.changes[1]).toMatchObject({ action: "replace", replaceReasons: ["spec.selector (unknown until deploy)"] });
    });

    it("creations, deletions and the cost delta", () => {
        const extra = res("aws:sqs/queue:Queue", "q", {});
        const d = diffPlans(base, plan([pg, extra], 130.5), { against: "x", rules: RULES });
        expect(d.changes.filter((c) => c.action !== "same").map((c) => [c.name, c.action])).toEqual([
            ["q", "create"],
            ["db", "delete"],
        ]);
        expect(d.summary).toMatchObject({ create: 1, delete: 1, same: 1 });
        expect(d.monthlyUsdDelta).toBe(30.5);
    });

    it("an input that carries the id of a replaced child of a remote component is unknown", () => {
        const sg = res("aws:ec2/securityGroup:SecurityGroup", "sg", { vpcId: "vpc-1", subnetIds: ["subnet-a"] });
        const rules: ReplacementRules = { "aws:ec2/securityGroup:SecurityGroup": { forceNew: ["vpcId"], source: "test" } };
        const d = diffPlans(plan([sg]), plan([sg]), { against: "x", rules, goneIds: new Set(["vpc-1"]) });
        expect(d.changes[0]).toMatchObject({ action: "replace", replaceReasons: ["vpcId (unknown until deploy)"] });
    });

    it("typesWithoutRules names the custom types the table lacks", () => {
        const p = plan([pg, db, res("aws:sns/topic:Topic", "t", {}), res("strata:x:Y", "c", {}, { custom: false })]);
        expect(typesWithoutRules(p, RULES)).toEqual(["aws:sns/topic:Topic"]);
    });
});

describe("guardDiff", () => {
    const db = res(DB, "strata-dev-database", { dbName: "app", identifier: "strata-dev-db" });
    const renamed = res(DB, "strata-dev-database", { dbName: "other", identifier: "strata-dev-db" });
    const diffOf = (a: PlanResource, b: PlanResource) => diffPlans(plan([a]), plan([b]), { against: "x", rules: RULES });

    it("replacing a stateful named resource is a stateful and a fixed-name violation without --allow-replace", () => {
        const v = guardDiff(diffOf(db, renamed), plan([db]), plan([renamed]));
        expect(v.map((x) => [x.policy, x.enforcementLevel])).toEqual([
            [STATEFUL_REPLACE_POLICY, "mandatory"],
            [FIXED_NAME_REPLACE_POLICY, "mandatory"],
        ]);
        expect(v[0].message).toContain("--allow-replace strata-dev-database");
    });

    it("--allow-replace naming the resource (or a glob) approves it", () => {
        expect(guardDiff(diffOf(db, renamed), plan([db]), plan([renamed]), { allowReplace: ["strata-dev-database"] })).toEqual([]);
        expect(guardDiff(diffOf(db, renamed), plan([db]), plan([renamed]), { allowReplace: ["*-database"] })).toEqual([]);
        expect(guardDiff(diffOf(db, renamed), plan([db]), plan([renamed]), { allowReplace: ["other"] })).toHaveLength(2);
    });

    it("a protected resource stays blocked with --allow-replace, naming the protection to lift", () => {
        const opts = { ...db.options, protect: true };
        const p = res(DB, db.name, { ...db.inputs, deletionProtection: true }, { options: opts });
        const q = res(DB, db.name, { ...renamed.inputs, deletionProtection: true }, { options: opts });
        const v = guardDiff(diffOf(p, q), plan([p]), plan([q]), { allowReplace: [db.name] });
        expect(v).toHaveLength(1);
        expect(v[0].policy).toBe(STATEFUL_REPLACE_POLICY);
        expect(v[0].message).toMatch(/protect.*deletionProtection|deletionProtection.*protect/s);
    });

    it("deleting a stateful resource is a violation; deleting a stateless one is not", () => {
        const d = diffPlans(plan([db, res(PG, "pg", {})]), plan([]), { against: "x", rules: RULES });
        const v = guardDiff(d, plan([db, res(PG, "pg", {})]), plan([]));
        expect(v.map((x) => x.urn)).toEqual([db.urn]);
    });

    it("globs match whole names", () => {
        expect(globMatcher("db*")("db-1")).toBe(true);
        expect(globMatcher("db")("db-1")).toBe(false);
        expect(globMatcher("a.b")("axb")).toBe(false);
    });
});
