import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { PlanResource } from "../../plan";
import { render, query } from "../../plan";

const QUEUE = "aws:sqs/queue:Queue";
const POLICY = "aws:sqs/queuePolicy:QueuePolicy";

/** A small component of two queues, one waiting on the other, for the harness to render. */
class Pair extends pulumi.ComponentResource {
    public readonly first: aws.sqs.Queue;
    public readonly second: aws.sqs.Queue;
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:harness:Pair", name, {}, opts);
        this.first = new aws.sqs.Queue(`${name}-first`, { name: `${name}-first` }, { parent: this });
        this.second = new aws.sqs.Queue(
            `${name}-second`,
            {
                name: `${name}-second`,
                redrivePolicy: this.first.arn.apply((arn) => JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: 3 })),
            },
            { parent: this },
        );
        new aws.sqs.QueuePolicy(`${name}-second`, { queueUrl: this.second.url, policy: "{}" }, { parent: this });
        this.registerOutputs({});
    }
}

describe("render()", () => {
    test("records the component, its children, their parents, providers and dependencies, with the mocks' outputs", async () => {
        const r = await render(({ awsProvider }) => new Pair("p", { provider: awsProvider() }), { stack: "dev", region: "eu-west-1" });
        const component = r.one("test:harness:Pair");
        // URNs as the recording monitor computes them for every plan (the parent's type before the child's).
        expect(component.urn).toBe("urn:pulumi:dev::strata::pulumi:pulumi:Stack$test:harness:Pair::p");
        expect(component.parent).toBe("urn:pulumi:dev::strata::pulumi:pulumi:Stack::strata-dev");
        expect(r.childrenOf(component).map((c) => `${c.type} ${c.name}`)).toEqual([
            `${QUEUE} p-first`,
            `${QUEUE} p-second`,
            `${POLICY} p-second`,
        ]);

        const first = r.one(QUEUE, "p-first");
        const second = r.byName("p-second", QUEUE);
        expect(first.urn).toBe("urn:pulumi:dev::strata::test:harness:Pair$aws:sqs/queue:Queue::p-first");
        expect(r.dependenciesOf(second)).toEqual([first]);
        expect(second.propertyDependencies.redrivePolicy).toEqual([first.urn]);
        // The explicit provider reaches the children through the component; the mocks answer in its region.
        expect(r.providerOf(first)?.inputs.region).toBe("eu-west-1");
        expect(r.json<{ deadLetterTargetArn: string; maxReceiveCount: number }>(second, "redrivePolicy")).toEqual({
            deadLetterTargetArn: "arn:aws:sqs:eu-west-1:123456789012:p-first",
            maxReceiveCount: 3,
        });
        expect(await r.resolve(r.value.second.url)).toBe("https://sqs.eu-west-1.amazonaws.com/123456789012/p-second");
        expect(r.violations).toEqual([]);
    });

    test("the same query API reads plan documents", async () => {
        const r = await render(({ awsProvider }) => new Pair("p", { provider: awsProvider() }));
        const doc = { resources: r.resources };
        expect(query(doc).one(QUEUE, "p-first")).toEqual(r.one(QUEUE, "p-first"));
        expect(
            query(doc)
                .descendantsOf(r.one("test:harness:Pair"))
                .map((x: PlanResource) => x.name),
        ).toEqual(["p-first", "p-second", "p-second"]);
        expect(query(doc).transitiveDependenciesOf(r.one(POLICY))).toEqual(
            new Set([r.one(QUEUE, "p-second").urn, r.one(QUEUE, "p-first").urn]),
        );
        expect(() => r.byName("p-second")).toThrow(
            /expected exactly one resource named p-second, found 2 \(aws:sqs\/queue:Queue, aws:sqs\/queuePolicy:QueuePolicy\)/,
        );
    });

    test("a plain object returned becomes the stack outputs, Outputs resolved", async () => {
        const r = await render(({ awsProvider }) => {
            const q = new aws.sqs.Queue("q", { name: "q" }, { provider: awsProvider() });
            return { url: q.url, secret: pulumi.secret("s3cr3t") };
        });
        expect(r.outputs).toEqual({ url: "https://sqs.us-east-1.amazonaws.com/123456789012/q", secret: "[secret]" });
    });

    test("kubernetesProvider() gives Kubernetes resources an explicit provider", async () => {
        const r = await render(
            ({ kubernetesProvider }) =>
                new k8s.core.v1.ConfigMap(
                    "cm",
                    { metadata: { name: "cm", namespace: "apps" }, data: { a: "1" } },
                    { provider: kubernetesProvider() },
                ),
        );
        const cm = r.one("kubernetes:core/v1:ConfigMap");
        expect(r.providerOf(cm)?.type).toBe("pulumi:providers:kubernetes");
        expect(r.inputs<{ metadata: { namespace: string }; data: Record<string, string> }>(cm)).toMatchObject({
            metadata: { namespace: "apps" },
            data: { a: "1" },
        });
        expect(r.violations).toEqual([]);
    });

    test("a resource without an explicit provider is a violation, as the disabled default provider would fail it", async () => {
        const r = await render(() => new aws.sqs.Queue("orphan", {}));
        expect(r.violations.map((v) => [v.policy, v.urn])).toEqual([["pulumi-default-provider-disabled", r.one(QUEUE).urn]]);
    });

    test("gives the function the stack's config, project-prefixed and JSON-encoded", async () => {
        const r = await render(
            () => {
                const cfg = new pulumi.Config("strata");
                return {
                    environment: cfg.require("environment"),
                    queues: cfg.requireObject<{ a: number }>("queues"),
                    region: new pulumi.Config("aws").require("region"),
                };
            },
            { stack: "prod", region: "ap-southeast-2", config: { environment: "prod", queues: { a: 1 } } },
        );
        expect(r.value).toEqual({ environment: "prod", queues: { a: 1 }, region: "ap-southeast-2" });
    });

    test("rejects with the error of a provider function without a mock", async () => {
        await expect(
            render(async ({ awsProvider }) => (await aws.ec2.getAmiIds({ owners: ["self"] }, { provider: awsProvider() })).ids),
        ).rejects.toThrow(/no mock for provider function aws:ec2\/getAmiIds:getAmiIds/);
    });

    test("rejects with the function's error", async () => {
        await expect(
            render(() => {
                throw new Error("boom in the component");
            }),
        ).rejects.toThrow("boom in the component");
    });

    test("two renders in one worker share nothing: resources, config, stack", async () => {
        const first = await render(
            ({ awsProvider }) => {
                new aws.sqs.Queue("only-in-first", {}, { provider: awsProvider() });
                return { marker: new pulumi.Config("strata").get("marker") ?? null };
            },
            { stack: "one", config: { marker: "first" } },
        );
        const second = await render(
            ({ awsProvider }) => {
                new aws.sqs.Queue("only-in-second", {}, { provider: awsProvider() });
                return { marker: new pulumi.Config("strata").get("marker") ?? null, stack: pulumi.getStack() };
            },
            { stack: "two" },
        );
        expect(first.value.marker).toBe("first");
        expect(second.value).toEqual({ marker: null, stack: "two" });
        expect(first.registered.map((r) => r.name)).toEqual(["only-in-first"]);
        expect(second.registered.map((r) => r.name)).toEqual(["only-in-second"]);
        expect(second.resources.filter((r) => r.urn.includes("only-in-first") || r.urn.startsWith("urn:pulumi:one::"))).toEqual([]);
        // The same logical name twice is no duplicate URN: each render is its own stack.
        await expect(
            render(({ awsProvider }) => new aws.sqs.Queue("only-in-first", {}, { provider: awsProvider() }), { stack: "one" }),
        ).resolves.toBeInstanceOf(Object);
    });

    test("concurrent renders stay apart too", async () => {
        const make = (name: string, marker: string) =>
            render(
                async ({ awsProvider }) => {
                    const provider = awsProvider();
                    await new Promise((resolve) => setTimeout(resolve, 10));
                    new aws.sqs.Queue(name, {}, { provider });
                    return { marker: new pulumi.Config("strata").require("marker") };
                },
                { config: { marker } },
            );
        const [a, b] = await Promise.all([make("a", "A"), make("b", "B")]);
        expect([a.value.marker, a.registered.map((r) => r.name)]).toEqual(["A", ["a"]]);
        expect([b.value.marker, b.registered.map((r) => r.name)]).toEqual(["B", ["b"]]);
    });
});
