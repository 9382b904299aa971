/**
 * Zero-downtime node rotation. A single-type pool carries its instance type in the launch template: a new type is a
 * new template version the node group rolls to in place (nodes drained honouring PodDisruptionBudgets), not a
 * replacement. A multi-type pool keeps its types on the node group, where they force a new group: the group's name
 * carries the generation of those settings, so the change creates the new group and deletes the old one (which can
 * be drained first, docs/upgrades.md) instead of replacing it under the same name.
 */
import { changedStackFile, change, scenario, section } from "./scenario";
import type { PlanDocument } from "../../plan/types";

const NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

const nodeGroupChanges = (doc: PlanDocument) => (doc.diff?.changes ?? []).filter((c) => c.type === NODE_GROUP && c.action !== "same");

describe("a single-type pool changes its instance type (staging system: m6i.large -> m6i.xlarge)", () => {
    let diffed: PlanDocument;
    beforeAll(async () => {
        const pools = (instanceType: string) => [
            {
                name: "system",
                instanceTypes: [instanceType],
                capacityType: "ON_DEMAND",
                minSize: 2,
                maxSize: 6,
                desiredSize: 2,
                diskSizeGiB: 50,
            },
        ];
        const stack = (t: string) =>
            changedStackFile("Pulumi.staging.yaml", (config) => void (section(config, "cluster").nodeGroups = pools(t)));
        ({ diffed } = await scenario(stack("m6i.large"), stack("m6i.xlarge")));
    });

    it("gives the launch template a new version with the new type", () => {
        const lt = diffed.resources.find((r) => r.type === LAUNCH_TEMPLATE)!;
        expect(lt.inputs.instanceType).toBe("m6i.xlarge");
        expect(change(diffed, lt.name)).toMatchObject({ action: "update", changedInputs: ["instanceType"] });
    });

    it("updates the node group's launch template version in place: no replacement, no new group", () => {
        const changes = nodeGroupChanges(diffed);
        expect(changes.map((c) => [c.action, c.changedInputs])).toEqual([["update", ["launchTemplate"]]]);
        expect(changes[0].replaceReasons).toEqual([]);
        const group = diffed.resources.find((r) => r.type === NODE_GROUP)!;
        expect(group.inputs.instanceTypes).toBeUndefined();
    });
});

describe("a multi-type pool changes its instance types (prod workers: m5.xlarge dropped)", () => {
    let diffed: PlanDocument;
    beforeAll(async () => {
        const workers = (instanceTypes: string[]) => ({
            name: "workers",
            instanceTypes,
            capacityType: "SPOT",
            minSize: 0,
            maxSize: 20,
            desiredSize: 0,
            diskSizeGiB: 100,
        });
        const system = {
            name: "system",
            instanceTypes: ["m6i.xlarge"],
            capacityType: "ON_DEMAND",
            minSize: 3,
            maxSize: 20,
            desiredSize: 3,
            diskSizeGiB: 100,
        };
        const stack = (types: string[]) =>
            changedStackFile("Pulumi.prod.yaml", (config) => void (section(config, "cluster").nodeGroups = [system, workers(types)]));
        ({ diffed } = await scenario(stack(["m6i.xlarge", "m6a.xlarge", "m5.xlarge"]), stack(["m6i.xlarge", "m6a.xlarge"])));
    });

    it("creates a new workers group and deletes the old one; nothing is replaced in place, the system pool is untouched", () => {
        const changes = nodeGroupChanges(diffed);
        expect(changes.map((c) => c.action).sort()).toEqual(["create", "delete"]);
        const created = changes.find((c) => c.action === "create")!;
        const deleted = changes.find((c) => c.action === "delete")!;
        expect(created.name).toMatch(/-ng-workers-[0-9a-f]{6}$/);
        expect(deleted.name).toMatch(/-ng-workers-[0-9a-f]{6}$/);
        expect(created.name).not.toBe(deleted.name);
        const group = diffed.resources.find((r) => r.name === created.name)!;
        expect(group.inputs.instanceTypes).toEqual(["m6i.xlarge", "m6a.xlarge"]);
    });

    it("raises no lifecycle violation (a create and a delete, not a replacement)", () => {
        expect(diffed.violations.filter((v) => v.policy.startsWith("strata-lifecycle"))).toEqual([]);
    });
});
