/** Container Insights switched on in a dev stack file, with its own retention and a pinned add-on version (a whole program). */
import type { PlanDocument } from "../plan";
import { inputs, ofType, planOfFile, stackFile } from "./helpers";

const ADDON = "aws:eks/addon:Addon";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const OBSERVABILITY = "amazon-cloudwatch-observability";
const observabilityAddons = (plan: PlanDocument) => ofType(plan, ADDON).filter((a) => a.inputs.addonName === OBSERVABILITY);
const containerInsightsLogGroups = (plan: PlanDocument) =>
    ofType(plan, LOG_GROUP).filter((g) => String(g.inputs.name).startsWith("/aws/containerinsights/"));

describe("CloudWatch Container Insights from a stack file", () => {
    test("dev with containerInsights on and a custom retention, and a pinned add-on version", async () => {
        const file = stackFile({
            environment: "dev",
            cluster: {
                observability: { containerInsights: true, logRetentionDays: 14 },
                addonVersions: { [OBSERVABILITY]: "v4.1.0-eksbuild.1" },
            },
        });
        const plan = await planOfFile(file);
        const addons = observabilityAddons(plan);
        expect(addons).toHaveLength(1);
        expect(addons[0].inputs.addonVersion).toBe("v4.1.0-eksbuild.1");
        const groups = containerInsightsLogGroups(plan);
        expect(groups).toHaveLength(4);
        for (const g of groups) expect(inputs(g).retentionInDays).toBe(14);
    });
});
