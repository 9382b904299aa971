import type { PlanDocument, PlanResource } from "../plan";
import { loadConfig, ofType, one, planOf, planOfFile, problemsOf, stackFile } from "./helpers";
import { estimateCost } from "../plan/cost";

const ADDON = "aws:eks/addon:Addon";
const NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const ROLE = "aws:iam/role:Role";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const RELEASE = "kubernetes:helm.sh/v3:Release";
const OBSERVABILITY = "amazon-cloudwatch-observability";
const SUFFIXES = ["application", "dataplane", "host", "performance"];

const observabilityAddons = (plan: PlanDocument) => ofType(plan, ADDON).filter((a) => a.inputs.addonName === OBSERVABILITY);
const containerInsightsLogGroups = (plan: PlanDocument) =>
    ofType(plan, LOG_GROUP).filter((g) => String(g.inputs.name).startsWith("/aws/containerinsights/"));

/** The role whose (mocked) ARN is given: the mock names roles `<logical name>-<7 hex>`. */
function roleByArn(plan: PlanDocument, arn: string): PlanResource {
    const roles = ofType(plan, ROLE).filter((r) => new RegExp(`:role/${r.name}-[0-9a-f]{7}$`).test(arn));
    expect(roles).toHaveLength(1);
    return roles[0];
}

describe("CloudWatch Container Insights in the prod plan (on by default)", () => {
    let plan: PlanDocument;
    let addon: PlanResource;
    beforeAll(async () => {
        plan = await planOf("prod");
        const found = observabilityAddons(plan);
        expect(found).toHaveLength(1);
        addon = found[0];
    });

    test("the add-on is installed after every node group, at a pinned or EKS-default version", () => {
        const groups = ofType(plan, NODE_GROUP);
        expect(groups.length).toBeGreaterThan(0);
        for (const g of groups) expect(addon.dependencies).toContain(g.urn);
        expect(addon.inputs.clusterName).toBe("strata-prod-eks");
        expect(addon.inputs.addonVersion).toMatch(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
        expect(addon.inputs.resolveConflictsOnCreate).toBe("OVERWRITE");
    });

    test("its four log groups are created first: exact names, the logs key, the configured retention", () => {
        const groups = containerInsightsLogGroups(plan);
        expect(groups.map((g) => g.inputs.name).sort()).toEqual(SUFFIXES.map((s) => `/aws/containerinsights/strata-prod-eks/${s}`));
        const logsKey = (plan.outputs.kmsKeyArns as Record<string, string>).logs;
        expect(logsKey).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
        for (const g of groups) {
            expect(g.inputs.kmsKeyId).toBe(logsKey);
            expect(g.inputs.retentionInDays).toBe(365);
            expect(addon.dependencies).toContain(g.urn);
        }
    });

    test("its role trusts exactly amazon-cloudwatch/cloudwatch-agent and carries CloudWatchAgentServerPolicy, nothing else", () => {
        const role = roleByArn(plan, String(addon.inputs.serviceAccountRoleArn));
        const oidc = one(plan, "aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        const issuer = String(oidc.inputs.url).replace(/^https:\/\//, "");
        const trust = JSON.parse(String(role.inputs.assumeRolePolicy));
        expect(trust.Statement).toEqual([
            {
                Effect: "Allow",
                Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${issuer}` },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: {
                    StringEquals: {
                        [`${issuer}:sub`]: "system:serviceaccount:amazon-cloudwatch:cloudwatch-agent",
                        [`${issuer}:aud`]: "sts.amazonaws.com",
                    },
                },
            },
        ]);
        const attached = ofType(plan, ATTACHMENT).filter((a) => a.dependencies.includes(role.urn));
        expect(attached.map((a) => a.inputs.policyArn)).toEqual(["arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"]);
        // No inline policy: in particular nothing for KMS (CloudWatch Logs encrypts with the logs key server-side).
        expect(ofType(plan, "aws:iam/rolePolicy:RolePolicy").filter((p) => p.dependencies.includes(role.urn))).toEqual([]);
        for (const a of attached) expect(addon.dependencies).toContain(a.urn);
    });

    test("the load balancer controller (whose webhook intercepts every new Service) waits for it", () => {
        const lbc = ofType(plan, RELEASE).find((r) => r.inputs.chart === "aws-load-balancer-controller")!;
        expect(lbc.dependencies).toContain(addon.urn);
    });

    test("the cost estimate lists it at 0 as usage-based, with no invented price", () => {
        const item = estimateCost(plan.resources).items.find((i) => i.urn === addon.urn);
        expect(item).toBeDefined();
        expect(item!.monthlyUsd).toBe(0);
        expect(item!.basis).toMatch(/^usage-based: .*per observation/);
    });
});

describe("CloudWatch Container Insights per environment", () => {
    test("dev: container logs too (never absent), kept 7 days", async () => {
        const plan = await planOf("dev");
        expect(observabilityAddons(plan)).toHaveLength(1);
        const groups = containerInsightsLogGroups(plan);
        expect(groups).toHaveLength(4);
        for (const g of groups) expect(g.inputs.retentionInDays).toBe(7);
    });

    test("turned off: no add-on, no Container Insights log groups, no cloudwatch-agent role", async () => {
        const plan = await planOfFile(
            stackFile({ "strata:environment": "dev", "strata:cluster": { observability: { containerInsights: false } } }),
        );
        expect(observabilityAddons(plan)).toEqual([]);
        expect(containerInsightsLogGroups(plan)).toEqual([]);
        expect(ofType(plan, ROLE).filter((r) => String(r.inputs.assumeRolePolicy).includes("cloudwatch-agent"))).toEqual([]);
    });

    test("staging: on, with 90-day retention", async () => {
        const plan = await planOf("staging");
        expect(observabilityAddons(plan)).toHaveLength(1);
        const groups = containerInsightsLogGroups(plan);
        expect(groups).toHaveLength(4);
        for (const g of groups) expect(g.inputs.retentionInDays).toBe(90);
    });
});

describe("strata:cluster.observability validation", () => {
    const load = (env: string, cluster: unknown) => loadConfig({ "strata:environment": env, "strata:cluster": cluster });
    const problems = problemsOf;

    test("per-environment defaults: dev on / 7, staging on / 90, prod on / 365; a stack may turn it off", () => {
        expect(load("dev", {}).cluster.observability).toEqual({ containerInsights: true, logRetentionDays: 7 });
        expect(load("staging", {}).cluster.observability).toEqual({ containerInsights: true, logRetentionDays: 90 });
        expect(load("prod", {}).cluster.observability).toEqual({ containerInsights: true, logRetentionDays: 365 });
        expect(load("prod", { observability: { containerInsights: false } }).cluster.observability).toEqual({
            containerInsights: false,
            logRetentionDays: 365,
        });
    });

    test("bad values and unknown keys are reported with their key", () => {
        expect(problems(() => load("prod", { observability: { logRetentionDays: 45 } }))[0]).toMatch(
            /^strata:cluster\.observability\.logRetentionDays: 45 is not a CloudWatch Logs retention period; allowed: 1, 3, 5/,
        );
        expect(problems(() => load("prod", { observability: { containerInsights: "yes" } }))[0]).toMatch(
            /^strata:cluster\.observability\.containerInsights: /,
        );
        expect(problems(() => load("prod", { observability: { containerinsights: true } }))[0]).toMatch(
            /^strata:cluster\.observability\.containerinsights: unknown key \(did you mean "containerInsights"\?\)/,
        );
        expect(problems(() => load("prod", { addonVersions: { [OBSERVABILITY]: "latest" } }))[0]).toMatch(
            /^strata:cluster\.addonVersions\.amazon-cloudwatch-observability: "latest" is not an EKS add-on version/,
        );
    });
});
