import * as path from "path";
import { runPlan } from "../../plan/run";
import type { PlanDocument } from "../../plan/types";
import { needsReplacementRule, REPLACEMENTS, TERRAFORM_PROVIDER_AWS_VERSION } from "../../plan/lifecycle/replacements";

const ROOT = path.resolve(__dirname, "../..");
/** One plan per environment, plus the blueprint with the widest set of types. */
const PLANS: Array<[string, () => Promise<PlanDocument>]> = [
    ["dev", () => runPlan({ root: ROOT, stack: "dev" })],
    ["staging", () => runPlan({ root: ROOT, stack: "staging" })],
    ["prod", () => runPlan({ root: ROOT, stack: "prod" })],
    ["seed-004 prod", () => runPlan({ root: ROOT, configFile: path.join(ROOT, "blueprints/seed-004-business-hub/Pulumi.prod.yaml") })],
];

describe("replacement table covers the plans", () => {
    test.each(PLANS)("every resource type in the %s plan has an entry", async (_name, plan) => {
        const types = [...new Set((await plan()).resources.map((r) => r.type))].filter(needsReplacementRule).sort();
        expect(types.length).toBeGreaterThan(10);
        expect(types.filter((t) => !(t in REPLACEMENTS))).toEqual([]);
    });
});

describe("replacement table entries", () => {
    const entries = Object.entries(REPLACEMENTS);

    test.each(entries)("%s names a source", (_type, rule) => {
        expect(rule.source.trim().length).toBeGreaterThan(10);
    });

    test.each(entries)("%s uses Pulumi (camelCase) input paths", (_type, rule) => {
        for (const p of [...rule.forceNew, ...(rule.namedBy ? [rule.namedBy] : [])]) {
            expect(p).toMatch(/^[a-z][A-Za-z0-9]*(\[\])?(\.[a-z][A-Za-z0-9]*(\[\])?)*$/);
        }
        expect(new Set(rule.forceNew).size).toBe(rule.forceNew.length);
    });

    test("keys are Pulumi type tokens of the providers the program uses, never components", () => {
        for (const type of Object.keys(REPLACEMENTS)) {
            expect(type).toMatch(/^(aws|awsx|kubernetes|random):[^:]+:[A-Za-z]+$/);
            expect(needsReplacementRule(type)).toBe(true);
        }
        expect(needsReplacementRule("strata:database:Database")).toBe(false);
        expect(needsReplacementRule("pulumi:providers:aws")).toBe(false);
    });

    test("the upstream version is a terraform-provider-aws v6 release", () => {
        expect(TERRAFORM_PROVIDER_AWS_VERSION).toMatch(/^v6\.\d+\.\d+$/);
    });

    // Facts a diff must not get wrong: inputs that look like identity but update in place, and the ones that replace.
    test.each([
        ["aws:rds/instance:Instance", "identifier", false],
        ["aws:rds/instance:Instance", "storageEncrypted", true],
        ["aws:rds/instance:Instance", "dbSubnetGroupName", false],
        ["aws:rds/proxy:Proxy", "name", false],
        ["aws:rds/proxy:Proxy", "vpcSubnetIds", true],
        ["aws:eks/cluster:Cluster", "version", false],
        ["aws:eks/cluster:Cluster", "name", true],
        ["aws:eks/cluster:Cluster", "vpcConfig.subnetIds", false],
        ["aws:eks/nodeGroup:NodeGroup", "subnetIds", true],
        ["aws:eks/nodeGroup:NodeGroup", "scalingConfig", false],
        ["aws:elasticache/replicationGroup:ReplicationGroup", "numNodeGroups", false],
        ["aws:elasticache/replicationGroup:ReplicationGroup", "subnetGroupName", true],
        ["aws:elasticache/parameterGroup:ParameterGroup", "description", true],
        ["aws:sqs/queue:Queue", "fifoQueue", true],
        ["kubernetes:apps/v1:Deployment", "spec.selector", true],
        ["kubernetes:policy/v1:PodDisruptionBudget", "spec.selector", false],
        ["kubernetes:helm.sh/v3:Release", "namespace", true],
        ["random:index/randomPassword:RandomPassword", "length", true],
    ] as const)("%s %s replaces: %s", (type, input, replaces) => {
        expect(REPLACEMENTS[type].forceNew.includes(input)).toBe(replaces);
    });

    test.each([
        ["aws:rds/instance:Instance", "identifier"],
        ["aws:eks/cluster:Cluster", "name"],
        ["aws:elasticache/replicationGroup:ReplicationGroup", "replicationGroupId"],
        ["aws:s3/bucket:Bucket", "bucket"],
        ["aws:sqs/queue:Queue", "name"],
        ["aws:iam/role:Role", "name"],
        ["aws:cloudwatch/logGroup:LogGroup", "name"],
    ] as const)("%s is named by %s", (type, input) => {
        expect(REPLACEMENTS[type].namedBy).toBe(input);
    });
});
