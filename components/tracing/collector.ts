import { OTLP_PORTS, TRACING_NAMESPACE } from "../catalogue/monitoring";
import type { PolicyStatement } from "../iam";

/**
 * The two collector tiers as data: their names, collector configurations and Helm values for the opentelemetry-collector
 * chart. Tail sampling decides on whole traces, so every span of a trace must reach the same collector: the router tier
 * (what the services send to) forwards spans by trace id through the load-balancing exporter to the gateway tier, which
 * keeps every trace with an error and a share of the rest, and exports them to AWS X-Ray.
 */

/** The tiers: release name = workload, Service and service account name (`fullnameOverride`). */
export const COLLECTOR_TIERS = { router: "otel-router", gateway: "otel-gateway" } as const;
export type CollectorTier = keyof typeof COLLECTOR_TIERS;

/** The collector's health_check extension port (the chart's liveness and readiness probes ask it). */
export const HEALTH_CHECK_PORT = 13133;
/** The collector's own metrics (Prometheus format). */
export const COLLECTOR_METRICS_PORT = 8888;

/** The in-cluster DNS name of a tier's Service. */
export function tierHost(tier: CollectorTier): string {
    return `${COLLECTOR_TIERS[tier]}.${TRACING_NAMESPACE}.svc.cluster.local`;
}

/** What the services are told: OTLP over HTTP/protobuf to the router (OpenTelemetry SDK environment variables). */
export function routerEndpoint(): string {
    return `http://${tierHost("router")}:${OTLP_PORTS.http}`;
}

/**
 * The OpenTelemetry SDK environment of a service (OpenTelemetry specification, "Environment Variable Specification" and
 * "OTLP Exporter Configuration"): where and how to export, its service name and namespace, the environment as a
 * resource attribute, W3C trace context and baggage propagation, and every span recorded (parent-based: a sampled
 * caller keeps its callees sampled) so that the gateway's tail sampling sees whole traces and decides.
 */
export function otelEnvironment(p: { service: string; namespace: string; environment: string }): Record<string, string> {
    return {
        OTEL_EXPORTER_OTLP_ENDPOINT: routerEndpoint(),
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
        OTEL_SERVICE_NAME: p.service,
        OTEL_RESOURCE_ATTRIBUTES: `service.namespace=${p.namespace},deployment.environment.name=${p.environment}`,
        OTEL_PROPAGATORS: "tracecontext,baggage",
        OTEL_TRACES_SAMPLER: "parentbased_always_on",
    };
}

export interface TailSampling {
    /** Share of traces without errors that are kept, in percent. */
    samplingPercent: number;
    /** How long the gateway waits for a trace's spans before it decides. */
    decisionWaitSeconds: number;
}

const podIp = (port: number) => `\${env:MY_POD_IP}:${port}`;

/** What both tiers share: the health check the chart's probes need, memory protection first, their own metrics. */
function common() {
    return {
        extensions: { health_check: { endpoint: podIp(HEALTH_CHECK_PORT) } },
        processors: { memory_limiter: { check_interval: "1s", limit_percentage: 80, spike_limit_percentage: 25 } },
        telemetry: {
            metrics: { readers: [{ pull: { exporter: { prometheus: { host: "${env:MY_POD_IP}", port: COLLECTOR_METRICS_PORT } } } }] },
        },
    };
}

/**
 * The router: OTLP in (gRPC and HTTP), spans routed by trace id to the gateway pods, which the exporter finds through
 * the gateway's headless Service in DNS (no Kubernetes API access needed).
 */
export function routerConfig() {
    const c = common();
    return {
        extensions: c.extensions,
        receivers: { otlp: { protocols: { grpc: { endpoint: podIp(OTLP_PORTS.grpc) }, http: { endpoint: podIp(OTLP_PORTS.http) } } } },
        processors: c.processors,
        exporters: {
            loadbalancing: {
                routing_key: "traceID",
                protocol: { otlp: { tls: { insecure: true }, timeout: "10s" } },
                resolver: { dns: { hostname: tierHost("gateway"), port: OTLP_PORTS.grpc } },
            },
        },
        service: {
            extensions: ["health_check"],
            telemetry: c.telemetry,
            pipelines: { traces: { receivers: ["otlp"], processors: ["memory_limiter"], exporters: ["loadbalancing"] } },
        },
    };
}

/**
 * The gateway: OTLP/gRPC from the routers only, tail sampling (a trace is kept when any policy keeps it: every trace with
 * an error status, and `samplingPercent` of the others), batches, and the AWS X-Ray exporter (credentials from the
 * service account's IAM role).
 */
export function gatewayConfig(p: { region: string } & TailSampling) {
    const c = common();
    return {
        extensions: c.extensions,
        receivers: { otlp: { protocols: { grpc: { endpoint: podIp(OTLP_PORTS.grpc) } } } },
        processors: {
            ...c.processors,
            tail_sampling: {
                decision_wait: `${p.decisionWaitSeconds}s`,
                num_traces: 50000,
                policies: [
                    { name: "errors", type: "status_code", status_code: { status_codes: ["ERROR"] } },
                    { name: "baseline", type: "probabilistic", probabilistic: { sampling_percentage: p.samplingPercent } },
                ],
            },
            batch: { timeout: "5s", send_batch_size: 512 },
        },
        exporters: { awsxray: { region: p.region } },
        service: {
            extensions: ["health_check"],
            telemetry: c.telemetry,
            pipelines: {
                traces: { receivers: ["otlp"], processors: ["memory_limiter", "tail_sampling", "batch"], exporters: ["awsxray"] },
            },
        },
    };
}

/** Requests and limits per tier (the collector holds a gateway's undecided traces in memory). */
export const COLLECTOR_RESOURCES = {
    router: { requests: { cpu: "50m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
    gateway: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } },
} as const;

/** The contrib distribution: it has the load-balancing exporter, the tail sampling processor and the X-Ray exporter. */
export const COLLECTOR_IMAGE = "otel/opentelemetry-collector-contrib";

/**
 * Helm values of one tier for the opentelemetry-collector chart. `alternateConfig` replaces the chart's default
 * configuration instead of merging into it (no default Jaeger, Zipkin or Prometheus receivers, no debug exporter);
 * the chart's own checks still read `config.service.extensions`, whose default keeps health_check. The chart refuses
 * to render without `mode` and `image.repository`. Containers run as the image's non-root user under the restricted
 * Pod Security profile.
 */
export function collectorValues(p: { tier: CollectorTier; replicas: number; config: object; roleArn?: string }) {
    const name = COLLECTOR_TIERS[p.tier];
    const isRouter = p.tier === "router";
    return {
        mode: "deployment",
        fullnameOverride: name,
        image: { repository: COLLECTOR_IMAGE },
        replicaCount: p.replicas,
        alternateConfig: p.config,
        ports: {
            otlp: { enabled: true },
            "otlp-http": { enabled: isRouter },
            "jaeger-compact": { enabled: false },
            "jaeger-thrift": { enabled: false },
            "jaeger-grpc": { enabled: false },
            zipkin: { enabled: false },
            metrics: { enabled: true },
        },
        // The gateway's Service is headless: DNS returns each pod, which is what the routers balance over.
        service: isRouter ? { type: "ClusterIP" } : { type: "ClusterIP", clusterIP: "None" },
        serviceAccount: {
            create: true,
            name,
            annotations: p.roleArn ? { "eks.amazonaws.com/role-arn": p.roleArn } : {},
        },
        resources: COLLECTOR_RESOURCES[p.tier],
        podSecurityContext: { runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, seccompProfile: { type: "RuntimeDefault" } },
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
        podDisruptionBudget: p.replicas > 1 ? { enabled: true, minAvailable: 1 } : { enabled: false },
        topologySpreadConstraints: [
            {
                maxSkew: 1,
                topologyKey: "topology.kubernetes.io/zone",
                whenUnsatisfiable: "ScheduleAnyway",
                labelSelector: { matchLabels: collectorPodLabels(p.tier) },
            },
        ],
    };
}

/** The labels the chart puts on a tier's pods (`opentelemetry-collector.selectorLabels`): NetworkPolicies select them. */
export function collectorPodLabels(tier: CollectorTier): Record<string, string> {
    return { "app.kubernetes.io/name": "opentelemetry-collector", "app.kubernetes.io/instance": COLLECTOR_TIERS[tier] };
}

/**
 * The gateway's IAM permissions: write trace segments and telemetry to X-Ray in the stack's region, nothing else
 * (AWS X-Ray Developer Guide, "IAM policies for AWS X-Ray": these actions have no resource-level permissions).
 */
export function xrayWriteStatements(region: string): PolicyStatement[] {
    return [
        {
            Sid: "WriteTraces",
            Effect: "Allow",
            Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestedRegion": region } },
        },
    ];
}
