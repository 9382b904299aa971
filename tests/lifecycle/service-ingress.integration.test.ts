/**
 * Adding a service with an Ingress in a new ALB group (its own namespace) to the dev stack: only creations, and the
 * monthly cost grows by at least the new group's ALB (the load balancer controller creates one ALB per group).
 */
import { PRICE_TABLE } from "../../plan/cost";
import { actions, changedStackFile, scenario, section, type Scenario } from "./scenario";

const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100";
const INGRESS = "kubernetes:networking.k8s.io/v1:Ingress";

describe("a new service with an Ingress in a new group (dev)", () => {
    let s: Scenario;
    beforeAll(async () => {
        const after = changedStackFile("Pulumi.dev.yaml", (config) => {
            section(config, "services").portal = {
                image: "hashicorp/http-echo:1.0.0",
                args: ["-listen=:8080", "-text=portal"],
                port: 8080,
                namespace: "portal",
                ingress: { host: "portal.example.com", certificateArn: CERT, paths: ["/"] },
            };
        });
        s = await scenario("Pulumi.dev.yaml", after);
    });

    it("lists only creations: the namespace with its policies, quota and limits, and the service's objects", () => {
        const a = actions(s.diffed);
        // The alert rules watch the platform's namespaces: the new one is added to their expressions, in place. The
        // dashboards' ConfigMaps list the namespaces too: a ConfigMap's data replaces it (deleted first, it is named),
        // which Grafana's sidecar follows (the dashboard file goes, then comes back).
        expect(Object.entries(a).filter(([, action]) => action !== "create")).toEqual([
            ["strata-dev-alert-rules", "update"],
            ["strata-dev-dashboard-services", "replace"],
            ["strata-dev-dashboard-data-tier", "replace"],
        ]);
        const created = s.diffed.diff!.changes.filter((c) => c.action === "create").map((c) => c.type);
        for (const type of [
            "kubernetes:core/v1:Namespace",
            "kubernetes:core/v1:ResourceQuota",
            "kubernetes:core/v1:LimitRange",
            "kubernetes:core/v1:ServiceAccount",
            "kubernetes:core/v1:ConfigMap",
            "kubernetes:apps/v1:Deployment",
            "kubernetes:core/v1:Service",
            "kubernetes:networking.k8s.io/v1:NetworkPolicy",
            INGRESS,
        ]) {
            expect([type, created.includes(type)]).toEqual([type, true]);
        }
        expect(s.diffed.diff!.summary).toMatchObject({ update: 1, replace: 2, delete: 0 });
    });

    it("the Ingress is in a group of its own", () => {
        const group = (r: { inputs: Record<string, unknown> }) =>
            ((r.inputs.metadata as { annotations?: Record<string, string> }).annotations ?? {})["alb.ingress.kubernetes.io/group.name"];
        const before = new Set(s.before.resources.filter((r) => r.type === INGRESS).map(group));
        const added = s.after.resources.filter((r) => r.type === INGRESS && r.name.includes("portal"));
        expect(added.map(group)).toEqual(["strata-dev-portal"]);
        expect(before.has("strata-dev-portal")).toBe(false);
    });

    it("adds at least one ALB to the monthly cost", () => {
        const oneAlb = (PRICE_TABLE.albHour + 2 * PRICE_TABLE.publicIpv4Hour) * PRICE_TABLE.hoursPerMonth;
        expect(s.diffed.diff!.monthlyUsdDelta).toBeGreaterThanOrEqual(Math.floor(oneAlb * 100) / 100);
        const albItems = s.after.cost.items.filter((i) => i.type === INGRESS);
        expect(albItems.map((i) => i.basis)).toEqual([expect.stringMatching(/^ALB for ingress group "strata-dev-portal"/)]);
    });
});
