import fc from "fast-check";
import type { NetworkPolicyInput } from "../../components/service/networkPolicy";
import {
    DNS_PORTS,
    KUBE_DNS_PEER,
    networkPolicyAnnotations,
    networkPolicyEgress,
    networkPolicyIngress,
    networkPolicySpec,
    POD_IDENTITY_AGENT_CIDR,
    PRIVATE_RANGES,
    PUBLIC_INTERNET,
    servicePeer,
    tcp,
    usesAwsApis,
} from "../../components/service/networkPolicy";
import { model, plain } from "./fixtures";

const ISOLATED = ["10.0.33.0/24", "10.0.97.0/24", "10.0.161.0/24"];
const PUBLIC = ["10.0.32.0/24", "10.0.96.0/24", "10.0.160.0/24"];
const base = (over: Partial<NetworkPolicyInput> = {}, settings: Partial<NetworkPolicyInput["settings"]> = {}): NetworkPolicyInput => ({
    settings: { kind: "web", port: 8080, database: false, cache: false, documentDb: false, externalHosts: [], ...settings },
    ingress: false,
    albSourceCidrs: PUBLIC,
    callers: [],
    callees: [],
    dataStoreCidrs: ISOLATED,
    vpcCidr: "10.0.0.0/16",
    usesAws: false,
    ...over,
});
type Peer = { ipBlock?: { cidr: string }; podSelector?: { matchLabels?: Record<string, string> } };
type Rule = { to?: Peer[]; from?: Peer[]; ports: Array<{ protocol: string; port: unknown }> };
const summary = (rules: Rule[]) =>
    rules.map((r) => ({
        peers: (r.to ?? r.from)!.map((p) => p.ipBlock?.cidr ?? p.podSelector?.matchLabels?.["app.kubernetes.io/name"] ?? "?"),
        ports: r.ports.map((p) => `${p.protocol}/${p.port}`),
    }));

describe("ingress rules", () => {
    test.each<[string, Partial<NetworkPolicyInput>, Partial<NetworkPolicyInput["settings"]>, ReturnType<typeof summary>]>([
        ["no Ingress, no callers: nothing admitted", {}, {}, []],
        [
            "with an Ingress: the ALB from the public subnets on the container port",
            { ingress: true },
            {},
            [{ peers: PUBLIC, ports: ["TCP/8080"] }],
        ],
        [
            "callers on the container port",
            {
                ingress: true,
                callers: [
                    { name: "gateway", namespace: "shop" },
                    { name: "worker", namespace: "jobs" },
                ],
            },
            { port: 9000 },
            [
                { peers: PUBLIC, ports: ["TCP/9000"] },
                { peers: ["gateway", "worker"], ports: ["TCP/9000"] },
            ],
        ],
        [
            "a worker admits nobody, even if named as callee",
            { ingress: true, callers: [{ name: "gateway", namespace: "shop" }] },
            { kind: "worker" },
            [],
        ],
    ])("%s", (_name, over, settings, expected) => {
        expect(summary(networkPolicyIngress(base(over, settings)))).toEqual(expected);
    });

    test("a caller is selected by its namespace's name label and its pods' name label", () => {
        expect(servicePeer({ name: "gateway", namespace: "edge" })).toEqual({
            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "edge" } },
            podSelector: { matchLabels: { "app.kubernetes.io/name": "gateway" } },
        });
    });
});

describe("egress rules", () => {
    test("always DNS to kube-dns first, UDP and TCP 53", () => {
        const first = networkPolicyEgress(base())[0];
        expect(first).toEqual({ to: [KUBE_DNS_PEER], ports: DNS_PORTS });
        expect(DNS_PORTS.map((p) => `${p.protocol}/${p.port}`)).toEqual(["UDP/53", "TCP/53"]);
        expect(networkPolicyEgress(base()).length).toBe(1);
    });

    test("with tracing: the tracing routers' pods, OTLP/gRPC and OTLP/HTTP", () => {
        const rules = networkPolicyEgress({ ...base(), tracing: true });
        expect(rules[1]).toEqual({
            to: [
                {
                    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "tracing" } },
                    podSelector: {
                        matchLabels: { "app.kubernetes.io/name": "opentelemetry-collector", "app.kubernetes.io/instance": "otel-router" },
                    },
                },
            ],
            ports: [
                { protocol: "TCP", port: 4317 },
                { protocol: "TCP", port: 4318 },
            ],
        });
    });

    test.each<[string, Partial<NetworkPolicyInput>, Partial<NetworkPolicyInput["settings"]>, ReturnType<typeof summary>]>([
        [
            "callees on their container ports",
            {
                callees: [
                    { name: "agent", namespace: "shop", port: 8080 },
                    { name: "validation", namespace: "shop", port: 9000 },
                ],
            },
            {},
            [
                { peers: ["agent"], ports: ["TCP/8080"] },
                { peers: ["validation"], ports: ["TCP/9000"] },
            ],
        ],
        [
            "database and cache on the isolated subnets, on their ports",
            { database: { port: 5432 }, cache: { port: 6379 } },
            { database: true, cache: true },
            [
                { peers: ISOLATED, ports: ["TCP/5432"] },
                { peers: ISOLATED, ports: ["TCP/6379"] },
            ],
        ],
        [
            "DocumentDB on the isolated subnets, on 27017",
            { documentDb: { port: 27017 } },
            { documentDb: true },
            [{ peers: ISOLATED, ports: ["TCP/27017"] }],
        ],
        ["a DocumentDB cluster given but not declared opens nothing", { documentDb: { port: 27017 } }, {}, []],
        ["a database given but not declared opens nothing", { database: { port: 5432 } }, {}, []],
        [
            "AWS APIs: HTTPS to the VPC (interface endpoints) and public addresses",
            { usesAws: true },
            {},
            [{ peers: ["10.0.0.0/16", "0.0.0.0/0"], ports: ["TCP/443"] }],
        ],
        [
            "AWS APIs with Pod Identity: the agent on port 80 too",
            { usesAws: true, podIdentityAgent: true },
            {},
            [
                { peers: ["10.0.0.0/16", "0.0.0.0/0"], ports: ["TCP/443"] },
                { peers: [POD_IDENTITY_AGENT_CIDR], ports: ["TCP/80"] },
            ],
        ],
        ["the Pod Identity agent only for services that use AWS", { podIdentityAgent: true }, {}, []],
        [
            "external hosts: HTTPS to public addresses",
            {},
            { externalHosts: ["api.openai.com"] },
            [{ peers: ["0.0.0.0/0"], ports: ["TCP/443"] }],
        ],
        [
            "external hosts and AWS: one HTTPS rule (AWS's already opens public addresses)",
            { usesAws: true },
            { externalHosts: ["api.openai.com"] },
            [{ peers: ["10.0.0.0/16", "0.0.0.0/0"], ports: ["TCP/443"] }],
        ],
    ])("%s", (_name, over, settings, expected) => {
        expect(summary(networkPolicyEgress(base(over, settings)).slice(1))).toEqual(expected);
    });

    test("public addresses exclude every private, shared and link-local range", () => {
        expect(PUBLIC_INTERNET).toEqual({ ipBlock: { cidr: "0.0.0.0/0", except: PRIVATE_RANGES } });
        expect(PRIVATE_RANGES).toEqual(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16"]);
    });

    test("property: every egress rule is DNS or TCP, and HTTPS appears only for AWS or external hosts", () => {
        fc.assert(
            fc.property(
                fc.boolean(),
                fc.boolean(),
                fc.boolean(),
                fc.boolean(),
                fc.array(fc.constantFrom("a.example.com", "b.example.com"), { maxLength: 2 }),
                (aws, agent, db, cache, hosts) => {
                    const rules = networkPolicyEgress(
                        base(
                            { usesAws: aws, podIdentityAgent: agent, database: { port: 5432 }, cache: { port: 6379 } },
                            { database: db, cache, externalHosts: hosts },
                        ),
                    );
                    const https = rules.filter((r) => r.ports.some((p) => p.port === 443));
                    return (
                        rules.slice(1).every((r) => r.ports.every((p) => p.protocol === "TCP")) &&
                        https.length === (aws || hosts.length > 0 ? 1 : 0) &&
                        rules.filter((r) => r.ports.some((p) => p.port === 5432)).length === (db ? 1 : 0) &&
                        rules.some((r) =>
                            r.to.some((t) => (t as { ipBlock?: { cidr: string } }).ipBlock?.cidr === POD_IDENTITY_AGENT_CIDR),
                        ) === (aws && agent)
                    );
                },
            ),
        );
    });
});

test("usesAwsApis: buckets or queues", () => {
    expect([
        usesAwsApis({ buckets: {}, queues: {} }),
        usesAwsApis({ buckets: { a: 1 }, queues: {} }),
        usesAwsApis({ buckets: {}, queues: { q: 1 } }),
    ]).toEqual([false, true, true]);
    expect(tcp(443)).toEqual({ protocol: "TCP", port: 443 });
});

test("external hosts are recorded in an annotation (a NetworkPolicy cannot name hosts)", () => {
    expect(networkPolicyAnnotations([])).toEqual({});
    expect(networkPolicyAnnotations(["api.openai.com", "api.anthropic.com"])).toEqual({
        "strata.dev/external-hosts": "api.openai.com,api.anthropic.com",
    });
});

test("the spec selects the service's pods, restricts both directions, and validates against the Kubernetes API schema", () => {
    const spec = networkPolicySpec(
        "api",
        base(
            {
                ingress: true,
                usesAws: true,
                podIdentityAgent: true,
                callers: [{ name: "gw", namespace: "shop" }],
                callees: [{ name: "agent", namespace: "shop", port: 8080 }],
                database: { port: 5432 },
            },
            { database: true, externalHosts: ["x.example.com"] },
        ),
    );
    expect([spec.podSelector.matchLabels, spec.policyTypes]).toEqual([{ "app.kubernetes.io/name": "api" }, ["Ingress", "Egress"]]);
    const NetworkPolicy = model("networking.k8s.io/v1/NetworkPolicy");
    expect(() =>
        new NetworkPolicy(
            plain({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "api", namespace: "shop" }, spec }),
        ).validate(),
    ).not.toThrow();
});
