import { STACKS, planOf, inputs } from "./helpers";
import { TAGGABLE_AWS_TYPES } from "../policy/lib/taggableTypes.generated";
import { REQUIRED_TAG_KEYS } from "../components/tags";
import type { PlanDocument, PlanResource } from "../plan";
import { transitiveDependencies, providerOf } from "../plan";

function effectiveTags(plan: PlanDocument, r: PlanResource): Record<string, string> {
    const own = (inputs(r).tags ?? {}) as Record<string, string>;
    const provider = providerOf(plan, r);
    const defaults =
        TAGGABLE_AWS_TYPES[r.type] && provider?.inputs.defaultTags ? JSON.parse(provider.inputs.defaultTags as string).tags : {};
    return { ...defaults, ...own };
}

const DATA_STORES = [
    "aws:rds/instance:Instance",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws:s3/bucket:Bucket",
    "aws:sqs/queue:Queue",
];

describe.each(STACKS)("the program in %s", (stack) => {
    test("every taggable AWS resource carries the required tags, directly or through its provider's default tags", async () => {
        const plan = await planOf(stack);
        const taggable = plan.resources.filter((r) => r.type in TAGGABLE_AWS_TYPES);
        expect(taggable.length).toBeGreaterThan(20);
        const missing: string[] = [];
        for (const r of taggable) {
            const tags = effectiveTags(plan, r);
            for (const key of REQUIRED_TAG_KEYS) if (!tags[key]) missing.push(`${r.urn}: ${key}`);
            if (tags.Environment && tags.Environment !== stack) missing.push(`${r.urn}: Environment=${tags.Environment}`);
        }
        expect(missing).toEqual([]);
    });

    test("data stores carry a DataClassification of seed 000's classes", async () => {
        const plan = await planOf(stack);
        const stores = plan.resources.filter((r) => DATA_STORES.includes(r.type));
        expect(stores.length).toBeGreaterThan(0);
        for (const r of stores)
            expect([r.urn, effectiveTags(plan, r).DataClassification]).toEqual([
                r.urn,
                expect.stringMatching(/^(public|internal|confidential|restricted)$/),
            ]);
    });

    test("layers wait only for what they need: nothing in the data tier waits for EKS, and EKS waits for no data store", async () => {
        const plan = await planOf(stack);
        const isCluster = (u: string) => /aws:eks\/|kubernetes:|strata:cluster:/.test(u);
        const dataTier = plan.resources.filter((r) => /strata:(database|cache|objectStore|queue)[^$]*:/.test(r.urn) && r.custom);
        expect(dataTier.length).toBeGreaterThan(0);
        for (const r of dataTier) {
            const waits = [...transitiveDependencies(plan, r.urn)].filter(isCluster);
            expect([r.urn, waits]).toEqual([r.urn, []]);
        }
        const cluster = plan.resources.filter((r) => r.type === "aws:eks/cluster:Cluster" || r.type === "aws:eks/nodeGroup:NodeGroup");
        for (const r of cluster) {
            const waits = [...transitiveDependencies(plan, r.urn)].filter((u) => /aws:(rds|elasticache|s3|sqs)\//.test(u));
            expect([r.urn, waits]).toEqual([r.urn, []]);
        }
    });

    test("the first deploy takes about as long as the slowest chain, not the sum", async () => {
        const plan = await planOf(stack);
        expect(plan.deploy.criticalPathMinutes).toBeLessThan(plan.deploy.sumMinutes / 2);
        // The control plane (about 10 min) is on the path; RDS Multi-AZ (17.5) runs beside it, not after it.
        expect(plan.deploy.criticalPathMinutes).toBeLessThan(40);
    });

    test("stateful resources are protected and retained in prod only", async () => {
        const plan = await planOf(stack);
        const stateful = plan.resources.filter((r) =>
            ["aws:rds/instance:Instance", "aws:elasticache/replicationGroup:ReplicationGroup"].includes(r.type),
        );
        for (const r of stateful) expect([r.urn, r.options.protect]).toEqual([r.urn, stack === "prod"]);
    });

    test("no output shows a secret in plain text", async () => {
        const plan = await planOf(stack);
        const text = JSON.stringify(plan.outputs);
        expect(text).not.toMatch(/postgres(ql)?:\/\/[^"[]*:[^@"[]+@/);
        expect(text).not.toMatch(/rediss:\/\/:[^@"[]+@/);
        if (plan.outputs.kubeconfig !== undefined) expect(plan.outputs.kubeconfig).toBe("[secret]");
    });
});
