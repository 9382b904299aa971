import { Tracing } from "../../components/tracing";
import type { RenderResult } from "../../plan";
import { render } from "../../plan";
import { platformWorkloads } from "../../plan/platformWorkloads";
import { fakeIdentity } from "../fakeIdentity";
import { configProblems, loadConfig } from "../helpers";

type Values = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function renderTracing(environment: string) {
    const cfg = loadConfig({ "strata:environment": environment });
    return render(
        ({ awsProvider, kubernetesProvider }) =>
            new Tracing(
                cfg.naming.name("tracing"),
                {
                    naming: cfg.naming,
                    environment: cfg.environment,
                    protection: cfg.protection,
                    defaultTags: cfg.defaultTags,
                    ...cfg.tracing,
                    region: "us-east-1",
                    identity: fakeIdentity,
                    clusterReady: [],
                    sourceNamespaces: ["strata"],
                    vpcCidr: "10.0.0.0/16",
                },
                { providers: { aws: awsProvider(), kubernetes: kubernetesProvider() } },
            ),
        { stack: environment },
    );
}

describe("Tracing (component), prod", () => {
    let r: RenderResult<Tracing>;
    const release = (name: string) => r.ofType("kubernetes:helm.sh/v3:Release").find((x) => x.inputs.name === name)!;
    beforeAll(async () => {
        r = await renderTracing("prod");
    });

    test("two pinned releases of the official chart in the restricted tracing namespace", () => {
        const ns = r.one("kubernetes:core/v1:Namespace");
        expect(ns.inputs.metadata).toMatchObject({
            name: "tracing",
            labels: { "pod-security.kubernetes.io/enforce": "restricted" },
        });
        for (const name of ["otel-router", "otel-gateway"]) {
            expect(release(name).inputs).toMatchObject({
                chart: "opentelemetry-collector",
                version: "0.170.0",
                repositoryOpts: { repo: "https://open-telemetry.github.io/opentelemetry-helm-charts" },
                namespace: "tracing",
                createNamespace: false,
            });
            expect(release(name).dependencies).toContain(ns.urn);
        }
    });

    test("prod keeps 5 % of traces without errors, on three gateways and two routers; the routers start after the gateways", () => {
        const gateway = release("otel-gateway").inputs.values as Values;
        expect(gateway.alternateConfig.processors.tail_sampling.policies[1].probabilistic.sampling_percentage).toBe(5);
        expect(gateway.replicaCount).toBe(3);
        expect((release("otel-router").inputs.values as Values).replicaCount).toBe(2);
        expect(release("otel-router").dependencies).toContain(release("otel-gateway").urn);
    });

    test("the gateway's service account assumes a role that may only write to X-Ray", () => {
        const role = r.one("aws:iam/role:Role");
        expect(JSON.parse(String(role.inputs.assumeRolePolicy))).toEqual({ sa: "tracing/otel-gateway" });
        const gateway = release("otel-gateway").inputs.values as Values;
        expect(gateway.serviceAccount.annotations["eks.amazonaws.com/role-arn"]).toMatch(/^arn:aws:iam::123456789012:role\//);
        expect(JSON.stringify(role.inputs.inlinePolicies)).toContain("xray:PutTraceSegments");
    });

    test("three NetworkPolicies (default deny, router, gateway), in place before the collectors start", () => {
        const policies = r.ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy");
        expect(policies.map((p) => (p.inputs.metadata as { name: string }).name).sort()).toEqual([
            "default-deny",
            "otel-gateway",
            "otel-router",
        ]);
        for (const p of policies) expect(release("otel-gateway").dependencies).toContain(p.urn);
    });

    test("the capacity model counts both tiers from the values the releases carry", () => {
        expect(platformWorkloads(r.resources).map((w) => [w.name, w.kind, w.replicas, w.cpu, w.memory])).toEqual([
            ["otel-gateway", "Deployment", 3, "100m", "256Mi"],
            ["otel-router", "Deployment", 2, "50m", "128Mi"],
        ]);
    });
});

describe("strata:tracing", () => {
    test("off in dev, on in staging (10 %) and prod (5 %)", () => {
        expect(
            ["dev", "staging", "prod"]
                .map((e) => loadConfig({ "strata:environment": e }).tracing)
                .map((t) => [t.enabled, t.samplingPercent]),
        ).toEqual([
            [false, 100],
            [true, 10],
            [true, 5],
        ]);
    });

    test("refuses a share outside 0-100 and an unknown key", () => {
        expect(configProblems({ "strata:tracing": { samplingPercent: 150 } })).toEqual([
            expect.stringMatching(/^strata:tracing\.samplingPercent: 150 is too large; it must be <= 100/),
        ]);
        expect(configProblems({ "strata:tracing": { sampling: 5 } })[0]).toMatch(/^strata:tracing/);
    });
});
