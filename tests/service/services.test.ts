import {
    calleePeer,
    callersOf,
    declared,
    namespaceOf,
    readinessGatedNamespaces,
    secretEnvValues,
    servicesByNamespace,
} from "../../components/service/services";
import { CERT, servicesOf, WEB } from "./fixtures";

const services = servicesOf({
    gateway: { ...WEB, calls: ["agent", "claims"], ingress: { host: "shop.example.com", certificateArn: CERT, paths: ["/"] } },
    agent: { ...WEB, port: 9090, args: ["-listen=:9090"] },
    claims: { ...WEB, namespace: "claims", port: 9000, calls: ["agent"] },
});

test("namespaces: a service's own, else the default; grouped in declaration order", () => {
    expect([namespaceOf(services.gateway, "shop"), namespaceOf(services.claims, "shop")]).toEqual(["shop", "claims"]);
    const byNs = servicesByNamespace(services, "shop");
    expect([...byNs.keys()]).toEqual(["shop", "claims"]);
    expect(byNs.get("shop")).toEqual([services.gateway, services.agent]);
});

test("the readiness gate goes to namespaces with an Ingress only", () => {
    expect([...readinessGatedNamespaces(servicesByNamespace(services, "shop"))]).toEqual(["shop"]);
});

test("callees: namespace, container port, and the in-cluster URL on the same port (the Service listens on the container port)", () => {
    expect(calleePeer(services, "shop", "agent")).toEqual({
        name: "agent",
        namespace: "shop",
        port: 9090,
        url: "http://agent.shop.svc.cluster.local:9090",
    });
    expect(calleePeer(services, "shop", "claims")).toEqual({
        name: "claims",
        namespace: "claims",
        port: 9000,
        url: "http://claims.claims.svc.cluster.local:9000",
    });
});

test("callers: every service that declares the call, with its namespace", () => {
    expect(callersOf(services, "shop", "agent")).toEqual([
        { name: "gateway", namespace: "shop" },
        { name: "claims", namespace: "claims" },
    ]);
    expect(callersOf(services, "shop", "gateway")).toEqual([]);
});

test("declared buckets and queues: resolved with their access; a missing one is a programming error", () => {
    const buckets = { "user-data": { bucket: "b1", arn: "arn:aws:s3:::b1" }, audit: { bucket: "b2", arn: "arn:aws:s3:::b2" } };
    expect(declared("api", "bucket", buckets, { "user-data": "readwrite" })).toEqual({
        "user-data": { bucket: "b1", arn: "arn:aws:s3:::b1", access: "readwrite" },
    });
    expect(() => declared("api", "queue", {}, { tasks: "consume" })).toThrow(
        'service api: queue "tasks" does not exist (config validation should have caught this)',
    );
});

test("secretEnv: variable -> the value of its config key", () => {
    expect(secretEnvValues({ LLM_API_KEY: "visa:llmApiKey" }, { "visa:llmApiKey": "s3cret", other: "x" })).toEqual({
        LLM_API_KEY: "s3cret",
    });
});
