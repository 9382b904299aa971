/**
 * The data-tier rules of the lifecycle guard (pure: two plan documents in, violations out), and the diff's handling of
 * Optional+Computed inputs the program stops setting.
 */
import type { PlanDocument, PlanResource } from "../../plan/types";
import { planOfResources, resource, urnOf } from "./synthetic";
import type { ReplacementRules } from "../../plan/diff";
import { diffPlans, diffResource } from "../../plan/diff";
import {
    CACHE_APPLY_IMMEDIATELY_KEY,
    DATABASE_MAJOR_UPGRADE_KEY,
    guardDiff,
    MAJOR_UPGRADE_POLICY,
    PARAMETER_GROUP_IN_USE_POLICY,
} from "../../plan/guard";

const CPG = "aws:elasticache/parameterGroup:ParameterGroup";
const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const DPG = "aws:rds/parameterGroup:ParameterGroup";
const DB = "aws:rds/instance:Instance";
const BUCKET = "aws:s3/bucket:Bucket";

const urn = urnOf;

/** A resource whose dependencies are its property dependencies, referred to by its name. */
const res = (type: string, name: string, inputs: Record<string, unknown>, propertyDependencies: Record<string, string[]> = {}) =>
    resource(type, name, inputs, { propertyDependencies, identity: [name] });
const plan = (resources: PlanResource[]) => planOfResources(resources);

const RULES: ReplacementRules = {
    [CPG]: { forceNew: ["description", "family"], source: "test" },
    [RG]: { forceNew: ["port"], source: "test" },
    [DPG]: { forceNew: ["description", "family"], source: "test" },
    [DB]: { forceNew: ["dbName"], source: "test" },
    [BUCKET]: { forceNew: ["objectLockEnabled"], computed: ["objectLockEnabled"], source: "test" },
};

const guard = (before: PlanDocument, after: PlanDocument) =>
    guardDiff(diffPlans(before, after, { against: "x", rules: RULES }), before, after);
const policies = (violations: ReturnType<typeof guard>) => violations.map((v) => [v.policy, v.enforcementLevel]);

describe("cache parameter group replaced under a replication group", () => {
    const cacheStack = (family: string, engineVersion: string, applyImmediately: boolean) =>
        plan([
            res(CPG, "cache", { family, description: "strata-dev cache parameters" }),
            res(
                RG,
                "cache",
                { engineVersion, parameterGroupName: "cache-abc", applyImmediately },
                { parameterGroupName: [urn(CPG, "cache")] },
            ),
        ]);

    test.each([
        ["family change, deferred", "valkey7", "7.2", "valkey8", "8.0", false, [[PARAMETER_GROUP_IN_USE_POLICY, "mandatory"]]],
        ["family change, applied immediately", "valkey7", "7.2", "valkey8", "8.0", true, []],
        ["minor bump (same family), deferred", "valkey8", "8.0", "valkey8", "8.1", false, []],
    ])("%s: %j", (_name, f1, v1, f2, v2, now, expected) => {
        expect(policies(guard(cacheStack(f1, v1, false), cacheStack(f2, v2, now)))).toEqual(expected);
    });

    test("the violation names the config key and the fault", () => {
        const [v] = guard(cacheStack("redis7", "7.1", false), cacheStack("valkey8", "8.0", false));
        expect(v.message).toContain(`Set ${CACHE_APPLY_IMMEDIATELY_KEY}: true`);
        expect(v.message).toContain("InvalidCacheParameterGroupState");
        expect(v.urn).toBe(urn(CPG, "cache"));
    });
});

describe("database family and major version changes", () => {
    const dbStack = (major: string, allow: boolean, applyImmediately: boolean, groupOf = true) =>
        plan([
            res(DPG, "postgres", { family: `postgres${major}`, description: `PostgreSQL ${major}` }),
            res(
                DB,
                "postgres",
                { engineVersion: major, allowMajorVersionUpgrade: allow, applyImmediately, parameterGroupName: "pg" },
                groupOf ? { parameterGroupName: [urn(DPG, "postgres")] } : {},
            ),
            res(
                DB,
                "postgres-replica-1",
                { replicateSourceDb: "strata-dev-postgres", applyImmediately, parameterGroupName: "pg" },
                {
                    parameterGroupName: [urn(DPG, "postgres")],
                    replicateSourceDb: [urn(DB, "postgres")],
                },
            ),
        ]);

    test.each([
        ["16 -> 17 without the switch", "16", false, false, [[MAJOR_UPGRADE_POLICY, "mandatory"]]],
        ["16 -> 17 with allowMajorVersionUpgrade only (deferred)", "16", true, false, [[MAJOR_UPGRADE_POLICY, "mandatory"]]],
        ["16 -> 17 with allowMajorVersionUpgrade and applyImmediately", "16", true, true, []],
        ["17 -> 17 (no change)", "17", false, false, []],
    ] as const)("%s", (_name, from, allow, now, expected) => {
        expect(policies(guard(dbStack(from, false, false), dbStack("17", allow, now)))).toEqual(expected);
    });

    test("one violation per upgrade, naming the switch and both families", () => {
        const found = guard(dbStack("16", false, false), dbStack("17", false, false));
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain(DATABASE_MAJOR_UPGRADE_KEY);
        expect(found[0].message).toContain("postgres16 -> postgres17");
    });

    test("an instance on a group the program does not manage: the engine version change alone is judged", () => {
        const found = guard(dbStack("16", false, false, false), dbStack("17", false, false, false));
        expect(policies(found)).toEqual([[MAJOR_UPGRADE_POLICY, "mandatory"]]);
        expect(found[0].message).toContain("from 16 to 17");
    });
});

describe("Optional+Computed inputs (rule.computed)", () => {
    const before = res(BUCKET, "audit", { objectLockEnabled: true, forceDestroy: false });

    test.each([
        ["dropped from the inputs: no change", {}, "same"],
        ["set to the same value: no change", { objectLockEnabled: true }, "same"],
        ["set to another value: replaced", { objectLockEnabled: false }, "replace"],
    ])("%s", (_name, lock, action) => {
        const after = res(BUCKET, "audit", { ...lock, forceDestroy: false });
        expect(diffResource(before, after, RULES[BUCKET], new Map()).action).toBe(action);
    });

    test("a computed input set where it was unset is still a change", () => {
        const unset = res(BUCKET, "audit", { forceDestroy: false });
        expect(diffResource(unset, before, RULES[BUCKET], new Map()).replaceReasons).toEqual(["objectLockEnabled"]);
    });
});
