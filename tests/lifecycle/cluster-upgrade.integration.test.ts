/**
 * An EKS minor upgrade (1.34 -> 1.35) as a config change: the control plane is updated in place, the add-ons move
 * to the new minor's versions after it, the node groups roll to the new version after it (an in-place update, which
 * drains nodes honouring PodDisruptionBudgets), and the cluster autoscaler's image follows the minor.
 */
import { ADDON_VERSIONS, CLUSTER_AUTOSCALER_IMAGE_TAGS } from "../../components/catalogue/kubernetes";
import type { PlanDocument, PlanResource } from "../../plan/types";
import { actions, change, changedStackFile, scenario, section } from "./scenario";

// 1.34 leaves standard support on 2026-12-02: plan as of a day both versions are in standard support. The plan
// processes inherit the environment (the config loader reads STRATA_TODAY, defaulting to the clock).
process.env.STRATA_TODAY = "2026-09-01";

const version = (v: string) => changedStackFile("Pulumi.dev.yaml", (config) => void (section(config, "cluster").version = v));

describe("dev upgraded from Kubernetes 1.34 to 1.35", () => {
    let diffed: PlanDocument;
    let after: PlanDocument;
    const byType = (type: string) => after.resources.filter((r) => r.type === type);
    const named = (type: string, pattern: RegExp): PlanResource => byType(type).find((r) => pattern.test(r.name))!;
    beforeAll(async () => {
        ({ diffed, after } = await scenario(version("1.34"), version("1.35")));
    });

    it("updates the control plane in place (version is not replacement-forcing)", () => {
        const cluster = byType("aws:eks/cluster:Cluster")[0];
        expect(change(diffed, cluster.name)).toMatchObject({ action: "update", changedInputs: ["version"], replaceReasons: [] });
        expect(cluster.inputs.version).toBe("1.35");
    });

    it("rolls every node group to the new version in place, after the control plane", () => {
        const cluster = byType("aws:eks/cluster:Cluster")[0];
        const groups = byType("aws:eks/nodeGroup:NodeGroup");
        expect(groups.length).toBeGreaterThan(0);
        for (const g of groups) {
            expect(change(diffed, g.name)).toMatchObject({ action: "update", changedInputs: ["version"] });
            expect(g.inputs.version).toBe("1.35");
            expect(g.dependencies).toContain(cluster.urn);
        }
    });

    it("moves the add-ons to the 1.35 versions, each after the control plane", () => {
        const cluster = byType("aws:eks/cluster:Cluster")[0];
        const kubeProxy = named("aws:eks/addon:Addon", /addon-kube-proxy$/);
        expect(change(diffed, kubeProxy.name)).toMatchObject({ action: "update", changedInputs: ["addonVersion"] });
        expect(kubeProxy.inputs.addonVersion).toBe(ADDON_VERSIONS["1.35"]["kube-proxy"]);
        for (const addon of byType("aws:eks/addon:Addon")) {
            expect(addon.inputs.addonVersion).toBe(ADDON_VERSIONS["1.35"][addon.inputs.addonName as keyof (typeof ADDON_VERSIONS)["1.35"]]);
            expect(addon.dependencies).toContain(cluster.urn);
        }
    });

    it("moves the cluster autoscaler to the 1.35 release, after the node groups", () => {
        const autoscaler = named("kubernetes:helm.sh/v3:Release", /autoscaler$/);
        expect(change(diffed, autoscaler.name).action).toBe("update");
        expect((autoscaler.inputs.values as { image: { tag: string } }).image.tag).toBe(CLUSTER_AUTOSCALER_IMAGE_TAGS["1.35"]);
        for (const g of byType("aws:eks/nodeGroup:NodeGroup")) expect(autoscaler.dependencies).toContain(g.urn);
    });

    it("replaces, creates and deletes nothing", () => {
        expect(Object.values(actions(diffed)).filter((a) => a !== "update")).toEqual([]);
        expect(diffed.violations.filter((v) => v.policy.startsWith("strata-lifecycle"))).toEqual([]);
    });
});
