import { componentRows, outputValue, policyGroups, serviceRows, subnetRows, summarize } from "../../plan/summary";
import type { PlanResource } from "../../plan/types";
import { planOfResources, resource, urnOf } from "./synthetic";

const PLATFORM = resource("strata:platform:Platform", "p", {}, { custom: false, provider: null });
const component = (type: string, name: string) => resource(type, name, {}, { custom: false, provider: null, parent: PLATFORM.urn });
const child = (type: string, name: string, parent: PlanResource, inputs: Record<string, unknown> = {}) =>
    resource(type, name, inputs, { parent: parent.urn });

const NETWORK = component("strata:network:Network", "net");
const SERVICES = component("strata:services:Services", "svcs");
const WEB = resource("strata:service:Service", "web", {}, { custom: false, provider: null, parent: SERVICES.urn });
const deployment = (name: string, kind: string, image: string, replicas = 2) =>
    child("kubernetes:apps/v1:Deployment", `${name}-deployment`, WEB, {
        metadata: { name, namespace: "shop", labels: { "app.kubernetes.io/managed-by": "strata", "app.kubernetes.io/component": kind } },
        spec: {
            replicas,
            template: {
                spec: {
                    containers: [
                        { image, resources: { requests: { cpu: "250m", memory: "256Mi" } } },
                        { image: "sidecar:1", resources: { requests: { cpu: "0.25", memory: "256Mi" } } },
                    ],
                },
            },
        },
    });

const resources = [
    PLATFORM,
    NETWORK,
    child("aws:ec2/subnet:Subnet", "a", NETWORK),
    child("aws:ec2/subnet:Subnet", "b", NETWORK),
    SERVICES,
    WEB,
    deployment("web", "web", "nginx:1.27"),
    deployment("api", "web", "api:2"),
    deployment("jobs", "worker", "jobs:3", 1),
    child("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", "web-hpa", WEB, {
        metadata: { namespace: "shop" },
        spec: { scaleTargetRef: { name: "web" }, minReplicas: 3, maxReplicas: 10 },
    }),
    child("kubernetes:networking.k8s.io/v1:Ingress", "api-ingress", WEB, {
        spec: { rules: [{ http: { paths: [{ backend: { service: { name: "api" } } }] } }] },
    }),
];

describe("componentRows", () => {
    test("custom resources and cost per top-level component", () => {
        const plan = planOfResources(resources);
        plan.cost.items = [
            { urn: urnOf("aws:ec2/subnet:Subnet", "a"), type: "t", monthlyUsd: 1.25, basis: "" },
            { urn: urnOf("aws:ec2/subnet:Subnet", "b"), type: "t", monthlyUsd: 2.5, basis: "" },
        ];
        expect(componentRows(plan)).toEqual([
            { name: "net", type: "strata:network:Network", resources: 2, monthlyUsd: 3.75 },
            { name: "svcs", type: "strata:services:Services", resources: 5, monthlyUsd: 0 },
        ]);
    });
});

describe("serviceRows", () => {
    const plan = planOfResources(resources);
    plan.outputs.serviceUrls = { web: { internal: "http://web", public: "https://shop.example.com/" } };
    const rows = Object.fromEntries(serviceRows(plan).map((r) => [r.name, r]));

    test("HPA range, summed requests per pod, images", () => {
        expect(rows.web).toMatchObject({
            namespace: "shop",
            kind: "web",
            image: "nginx:1.27, sidecar:1",
            replicas: "3-10",
            requests: "500m / 512Mi",
        });
        expect(rows.jobs.replicas).toBe("1");
    });

    test("a public URL, or why there is none", () => {
        expect(rows.web.url).toBe("https://shop.example.com/");
        expect(rows.api.url).toBe("the ALB's DNS name (no ingress.host set)");
        expect(rows.jobs.url).toBe("none (a worker serves no HTTP)");
        const noIngress = planOfResources([PLATFORM, SERVICES, WEB, deployment("web", "web", "nginx:1.27")]);
        expect(serviceRows(noIngress)[0].url).toBe("none: internal only (strata:services.web.ingress is not set)");
    });
});

test("subnetRows: one row per AZ from the subnetCidrs output", () => {
    const plan = planOfResources([resource("awsx:ec2:Vpc", "vpc", { availabilityZoneNames: ["eu-west-1a", "eu-west-1b"] })]);
    plan.outputs.subnetCidrs = {
        private: ["10.0.0.0/19", "10.0.128.0/19"],
        public: ["10.0.32.0/24", "10.0.160.0/24"],
        isolated: ["10.0.33.0/24"],
    };
    expect(subnetRows(plan)).toEqual([
        { az: "eu-west-1a", private: "10.0.0.0/19", public: "10.0.32.0/24", isolated: "10.0.33.0/24" },
        { az: "eu-west-1b", private: "10.0.128.0/19", public: "10.0.160.0/24", isolated: "-" },
    ]);
});

test("policyGroups: one entry per policy, resources once, mandatory first", () => {
    const v = (policy: string, name: string, message: string, enforcementLevel: "mandatory" | "advisory" = "advisory") => ({
        policy,
        enforcementLevel,
        urn: urnOf("t", name),
        message,
    });
    expect(
        policyGroups([
            v("replicas", "a", "a: replicas is 1"),
            v("replicas", "b", "b: replicas is 1"),
            v("replicas", "a", "a: replicas is 1"),
            v("tags", "c", "missing tags", "mandatory"),
            v("tags", "d", "missing tags", "mandatory"),
        ]),
    ).toEqual([
        { policy: "tags", enforcementLevel: "mandatory", resources: ["c", "d"], message: "missing tags", same: true },
        { policy: "replicas", enforcementLevel: "advisory", resources: ["a", "b"], message: "a: replicas is 1", same: false },
    ]);
});

test("outputValue: secrets masked, long values cut", () => {
    expect(outputValue("[secret]")).toBe("[secret]");
    expect(outputValue({ a: 1 })).toBe('{"a":1}');
    expect(outputValue("x".repeat(200))).toHaveLength(110);
});

test("summarize: the sections in order", () => {
    const plan = planOfResources(resources);
    plan.outputs = { environment: "dev", region: "eu-west-1", DATABASE_URL: "[secret]" };
    const text = summarize(plan);
    const order = [
        "Strata offline plan: project strata, stack dev (dev, eu-west-1)",
        "Components:",
        "Services:",
        "Estimated monthly cost",
        "First deploy",
        "Policies:",
        "Stack outputs",
    ];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain("  DATABASE_URL = [secret]");
});
