import {
    collectorPodLabels,
    collectorValues,
    gatewayConfig,
    otelEnvironment,
    routerConfig,
    routerEndpoint,
    tracingNetworkPolicies,
    xrayWriteStatements,
} from "../../components/tracing";

type Config = {
    extensions: Record<string, unknown>;
    receivers: Record<string, unknown>;
    processors: Record<string, unknown>;
    exporters: Record<string, unknown>;
    service: { extensions: string[]; pipelines: Record<string, { receivers: string[]; processors: string[]; exporters: string[] }> };
};

/** What the collector refuses at start: a pipeline naming a component that is not configured, a service extension likewise. */
function undefinedComponents(c: Config): string[] {
    const missing: string[] = [];
    for (const [name, p] of Object.entries(c.service.pipelines)) {
        for (const r of p.receivers) if (!(r in c.receivers)) missing.push(`${name}: receiver ${r}`);
        for (const x of p.processors) if (!(x in c.processors)) missing.push(`${name}: processor ${x}`);
        for (const e of p.exporters) if (!(e in c.exporters)) missing.push(`${name}: exporter ${e}`);
    }
    for (const e of c.service.extensions) if (!(e in c.extensions)) missing.push(`extension ${e}`);
    return missing;
}

const GATEWAY = gatewayConfig({ region: "eu-west-1", samplingPercent: 5, decisionWaitSeconds: 10 });

describe("the router tier", () => {
    test("OTLP over gRPC and HTTP in, spans routed by trace id to the gateway's headless Service on OTLP/gRPC", () => {
        const c = routerConfig();
        expect(c.receivers.otlp.protocols).toEqual({
            grpc: { endpoint: "${env:MY_POD_IP}:4317" },
            http: { endpoint: "${env:MY_POD_IP}:4318" },
        });
        expect(c.exporters.loadbalancing).toMatchObject({
            routing_key: "traceID",
            resolver: { dns: { hostname: "otel-gateway.tracing.svc.cluster.local", port: 4317 } },
        });
        expect(c.service.pipelines.traces).toEqual({ receivers: ["otlp"], processors: ["memory_limiter"], exporters: ["loadbalancing"] });
        expect(undefinedComponents(c as unknown as Config)).toEqual([]);
    });
});

describe("the gateway tier", () => {
    test("memory limiter first, then tail sampling, then batching; exported to X-Ray in the stack's region", () => {
        expect(GATEWAY.service.pipelines.traces).toEqual({
            receivers: ["otlp"],
            processors: ["memory_limiter", "tail_sampling", "batch"],
            exporters: ["awsxray"],
        });
        expect(GATEWAY.exporters.awsxray).toEqual({ region: "eu-west-1" });
        expect(undefinedComponents(GATEWAY as unknown as Config)).toEqual([]);
    });

    test("every trace with an error is kept, and the configured share of the rest (policies are OR'ed)", () => {
        expect(GATEWAY.processors.tail_sampling.policies).toEqual([
            { name: "errors", type: "status_code", status_code: { status_codes: ["ERROR"] } },
            { name: "baseline", type: "probabilistic", probabilistic: { sampling_percentage: 5 } },
        ]);
        expect(GATEWAY.processors.tail_sampling.decision_wait).toBe("10s");
    });

    test("the check fails on a pipeline naming a processor nobody configured", () => {
        const broken = structuredClone(GATEWAY) as unknown as Config;
        broken.service.pipelines.traces.processors.push("k8sattributes");
        expect(undefinedComponents(broken)).toEqual(["traces: processor k8sattributes"]);
    });
});

describe("collectorValues (opentelemetry-collector chart)", () => {
    const router = collectorValues({ tier: "router", replicas: 2, config: routerConfig() });
    const gateway = collectorValues({ tier: "gateway", replicas: 3, config: GATEWAY, roleArn: "arn:aws:iam::123456789012:role/x" });

    test("what the chart refuses to render without: a mode and an image repository; the config replaces the default", () => {
        for (const v of [router, gateway]) {
            expect(v.mode).toBe("deployment");
            expect(v.image.repository).toBe("otel/opentelemetry-collector-contrib");
        }
        expect(gateway.alternateConfig).toBe(GATEWAY);
    });

    test("the gateway's Service is headless (DNS returns each pod to the routers); the router's is not", () => {
        expect(gateway.service).toEqual({ type: "ClusterIP", clusterIP: "None" });
        expect(router.service).toEqual({ type: "ClusterIP" });
    });

    test("only OTLP ports (HTTP on the router only) and the collector's metrics; no Jaeger or Zipkin", () => {
        const enabled = (v: typeof router) =>
            Object.entries(v.ports)
                .filter(([, p]) => p.enabled)
                .map(([k]) => k)
                .sort();
        expect(enabled(router)).toEqual(["metrics", "otlp", "otlp-http"]);
        expect(enabled(gateway)).toEqual(["metrics", "otlp"]);
    });

    test("restricted Pod Security: non-root, no privilege escalation, no capabilities, read-only root, RuntimeDefault seccomp", () => {
        expect(gateway.podSecurityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
        expect(gateway.securityContext).toEqual({
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ["ALL"] },
        });
    });

    test("only the gateway's service account carries an IAM role; a disruption budget with more than one replica", () => {
        expect(gateway.serviceAccount).toEqual({
            create: true,
            name: "otel-gateway",
            annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/x" },
        });
        expect(router.serviceAccount.annotations).toEqual({});
        expect(collectorValues({ tier: "router", replicas: 1, config: {} }).podDisruptionBudget).toEqual({ enabled: false });
        expect(gateway.podDisruptionBudget).toEqual({ enabled: true, minAvailable: 1 });
    });
});

describe("what the services get", () => {
    test("the OpenTelemetry SDK environment: OTLP/HTTP to the router, names, W3C propagation, every span recorded", () => {
        expect(otelEnvironment({ service: "api", namespace: "shop", environment: "prod" })).toEqual({
            OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-router.tracing.svc.cluster.local:4318",
            OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
            OTEL_SERVICE_NAME: "api",
            OTEL_RESOURCE_ATTRIBUTES: "service.namespace=shop,deployment.environment.name=prod",
            OTEL_PROPAGATORS: "tracecontext,baggage",
            OTEL_TRACES_SAMPLER: "parentbased_always_on",
        });
        expect(routerEndpoint()).toMatch(/:4318$/);
    });
});

describe("tracingNetworkPolicies", () => {
    const p = tracingNetworkPolicies({ sourceNamespaces: ["shop", "billing"], vpcCidr: "10.0.0.0/16" });

    test("default deny; routers admit OTLP from the services' namespaces only and send to the gateways only", () => {
        expect(p["default-deny"]).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
        const router = p["otel-router"];
        expect(router.podSelector).toEqual({ matchLabels: collectorPodLabels("router") });
        expect(router.ingress![0].from[0]).toEqual({
            namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["billing", "shop"] }] },
        });
        expect(router.ingress![0].ports.map((x) => x.port)).toEqual([4317, 4318]);
        expect(router.egress![1]).toEqual({
            to: [{ podSelector: { matchLabels: collectorPodLabels("gateway") } }],
            ports: [{ protocol: "TCP", port: 4317 }],
        });
    });

    test("gateways admit the routers only and reach AWS over HTTPS only", () => {
        const gateway = p["otel-gateway"];
        expect(gateway.ingress).toEqual([
            { from: [{ podSelector: { matchLabels: collectorPodLabels("router") } }], ports: [{ protocol: "TCP", port: 4317 }] },
        ]);
        expect(gateway.egress![1].ports).toEqual([{ protocol: "TCP", port: 443 }]);
    });
});

test("the gateway's role writes traces to X-Ray in its region, nothing else", () => {
    expect(xrayWriteStatements("eu-west-1")).toEqual([
        {
            Sid: "WriteTraces",
            Effect: "Allow",
            Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } },
        },
    ]);
});
