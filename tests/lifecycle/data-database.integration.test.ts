/**
 * A PostgreSQL major upgrade of prod (16 -> 17, two read replicas): with strata:database.allowMajorVersionUpgrade the
 * new family's parameter group is created first, the primary is updated with the new version, the major-upgrade flag
 * and applyImmediately (RDS upgrades its in-region replicas with it), the replicas follow (no engine version of their
 * own) and move to the new group after the primary, and the old group is deleted last. Without the switch the guard
 * refuses the change.
 */
import { DATABASE_MAJOR_UPGRADE_KEY, MAJOR_UPGRADE_POLICY } from "../../plan/guard";
import type { PlanDocument } from "../../plan/types";
import { actions, changedStackFile, scenario, section } from "./scenario";

const PRIMARY = "strata-prod-postgres";
const REPLICAS = ["strata-prod-postgres-replica-1", "strata-prod-postgres-replica-2"];
const INSTANCE = "aws:rds/instance:Instance";
const PARAMETER_GROUP = "aws:rds/parameterGroup:ParameterGroup";

const prodWith = (database: Record<string, unknown>) =>
    changedStackFile("Pulumi.prod.yaml", (config) => Object.assign(section(config, "database"), database));

const changeOf = (doc: PlanDocument, name: string, type: string) => {
    const found = doc.diff?.changes.filter((c) => c.name === name && c.type === type) ?? [];
    if (found.length !== 1) throw new Error(`expected one ${type} ${name}, found ${found.length}: ${JSON.stringify(actions(doc))}`);
    return found[0];
};
const resourceOf = (doc: PlanDocument, name: string, type: string) => doc.resources.find((r) => r.name === name && r.type === type)!;

describe("prod PostgreSQL 16 -> 17 with strata:database.allowMajorVersionUpgrade", () => {
    let diffed: PlanDocument;
    beforeAll(async () => {
        ({ diffed } = await scenario("Pulumi.prod.yaml", prodWith({ engineVersion: "17", allowMajorVersionUpgrade: true })));
    });

    it("creates the postgres17 parameter group before deleting the postgres16 one (create-before-delete)", () => {
        const pg = changeOf(diffed, PRIMARY, PARAMETER_GROUP);
        expect(pg.action).toBe("replace");
        expect(pg.replaceReasons).toContain("family");
        expect(pg.deleteBeforeReplace).toBe(false);
        expect(resourceOf(diffed, PRIMARY, PARAMETER_GROUP).inputs.family).toBe("postgres17");
    });

    it("updates the primary in place with the new version, the major-upgrade flag and applyImmediately, onto the new group", () => {
        const primary = changeOf(diffed, PRIMARY, INSTANCE);
        expect(primary.action).toBe("update");
        expect(primary.changedInputs).toEqual(
            expect.arrayContaining(["engineVersion", "allowMajorVersionUpgrade", "applyImmediately", "parameterGroupName"]),
        );
        const inputs = resourceOf(diffed, PRIMARY, INSTANCE).inputs;
        expect([inputs.engineVersion, inputs.allowMajorVersionUpgrade, inputs.applyImmediately]).toEqual(["17", true, true]);
        // The primary waits for the new group: it exists before the primary moves to it.
        expect(resourceOf(diffed, PRIMARY, INSTANCE).dependencies).toContain(resourceOf(diffed, PRIMARY, PARAMETER_GROUP).urn);
    });

    it.each(REPLICAS)(
        "%s follows the primary: updated (not replaced) after it, onto the new group, with no engine version of its own",
        (name) => {
            const replica = changeOf(diffed, name, INSTANCE);
            expect(replica.action).toBe("update");
            expect(replica.changedInputs).toContain("parameterGroupName");
            expect(replica.changedInputs).not.toContain("engineVersion");
            const r = resourceOf(diffed, name, INSTANCE);
            expect(r.inputs.engineVersion).toBeUndefined();
            // replicateSourceDb comes from the primary: the engine updates the replica only once the primary's update is done.
            expect(r.propertyDependencies.replicateSourceDb).toEqual([resourceOf(diffed, PRIMARY, INSTANCE).urn]);
        },
    );

    it("runs in this order: new group created, primary updated, replicas updated, old group deleted", () => {
        // The engine's order: steps in dependency order (the diff lists changes in registration order, dependencies
        // first); a create-before-delete replacement creates the new resource in place of the step and deletes the old
        // one after every other step of the deployment.
        const steps: string[] = [];
        const deferred: string[] = [];
        for (const c of diffed.diff!.changes) {
            if (c.action === "replace" && !c.deleteBeforeReplace) {
                steps.push(`create ${c.name} ${c.type}`);
                deferred.push(`delete old ${c.name} ${c.type}`);
            } else if (c.action !== "same") steps.push(`${c.action} ${c.name} ${c.type}`);
        }
        steps.push(...deferred);
        const at = (step: string) => {
            const i = steps.indexOf(step);
            if (i < 0) throw new Error(`no step ${step} in ${JSON.stringify(steps)}`);
            return i;
        };
        const order = [
            at(`create ${PRIMARY} ${PARAMETER_GROUP}`),
            at(`update ${PRIMARY} ${INSTANCE}`),
            Math.min(...REPLICAS.map((r) => at(`update ${r} ${INSTANCE}`))),
            Math.max(...REPLICAS.map((r) => at(`update ${r} ${INSTANCE}`))),
            at(`delete old ${PRIMARY} ${PARAMETER_GROUP}`),
        ];
        expect([...order].sort((a, b) => a - b)).toEqual(order);
    });

    it("replaces nothing stateful and raises no mandatory violation", () => {
        const replaced = diffed
            .diff!.changes.filter((c) => c.action === "replace" || c.action === "delete")
            .map((c) => `${c.type} ${c.name}`);
        expect(replaced).toEqual([`${PARAMETER_GROUP} ${PRIMARY}`]);
        expect(diffed.violations.filter((v) => v.enforcementLevel === "mandatory")).toEqual([]);
    });
});

describe("prod PostgreSQL 16 -> 17 without the switch", () => {
    let diffed: PlanDocument;
    beforeAll(async () => {
        ({ diffed } = await scenario("Pulumi.prod.yaml", prodWith({ engineVersion: "17" })));
    });

    it("is refused: a mandatory strata-lifecycle-major-upgrade violation naming strata:database.allowMajorVersionUpgrade", () => {
        const found = diffed.violations.filter((v) => v.policy === MAJOR_UPGRADE_POLICY);
        expect(found).toHaveLength(1);
        expect(found[0].enforcementLevel).toBe("mandatory");
        expect(found[0].message).toContain(DATABASE_MAJOR_UPGRADE_KEY);
        expect(found[0].message).toContain("postgres16 -> postgres17");
        expect(resourceOf(diffed, PRIMARY, INSTANCE).inputs.applyImmediately).toBe(false);
    });
});
