import * as k8s from "@pulumi/kubernetes";
import { Service } from "../../components/service";
import {
    metricsPort,
    metricsServiceSpec,
    needsMetricsContainerPort,
    PROMETHEUS_PEER,
    serviceMonitorSpec,
} from "../../components/service/metrics";
import { networkPolicyIngress } from "../../components/service/networkPolicy";
import { containerPorts } from "../../components/service/podTemplate";
import { scrapedServices } from "../../components/service/services";
import { render } from "../../plan";
import { configProblems, loadConfig } from "../helpers";
import { model, plain, settingsOf, WEB, WORKER } from "./fixtures";

describe("metrics spec", () => {
    test.each<[string, Record<string, unknown>, number | undefined, boolean, string[]]>([
        ["no metrics: nothing scraped", { ...WEB }, undefined, false, ["http/8080"]],
        ["web, metrics on its own port: the http port is scraped", { ...WEB, metrics: {} }, 8080, false, ["http/8080"]],
        ["web, metrics elsewhere: a second container port", { ...WEB, metrics: { port: 9464 } }, 9464, true, ["http/8080", "metrics/9464"]],
        ["worker: its metrics port is its only port", { ...WORKER, metrics: { port: 9100 } }, 9100, true, ["metrics/9100"]],
    ])("%s", (_name, raw, port, extra, ports) => {
        const s = settingsOf(raw);
        expect(metricsPort(s)).toBe(port);
        expect(needsMetricsContainerPort(s)).toBe(extra);
        const declared = (containerPorts(s) as { ports?: Array<{ name: string; containerPort: number }> }).ports ?? [];
        expect(declared.map((p) => `${p.name}/${p.containerPort}`)).toEqual(ports);
    });

    test("the metrics Service is headless, targets the metrics port by number and validates", () => {
        const spec = metricsServiceSpec("api", settingsOf({ ...WEB, metrics: { port: 9464 } }));
        expect(spec).toEqual({
            clusterIP: "None",
            selector: { "app.kubernetes.io/name": "api" },
            ports: [{ name: "metrics", port: 9464, targetPort: 9464, protocol: "TCP" }],
        });
        const Svc = model("v1/Service");
        expect(() =>
            new Svc(plain({ apiVersion: "v1", kind: "Service", metadata: { name: "api-metrics" }, spec })).validate(),
        ).not.toThrow();
    });

    test("the ServiceMonitor selects only this service's metrics Service, in its namespace, and labels every series", () => {
        const spec = serviceMonitorSpec("api", "shop", settingsOf({ ...WEB, metrics: { path: "/internal/metrics", interval: "15s" } }));
        expect(spec).toEqual({
            selector: { matchLabels: { "app.kubernetes.io/name": "api", "strata.dev/scrape": "true" } },
            namespaceSelector: { matchNames: ["shop"] },
            endpoints: [
                {
                    port: "metrics",
                    path: "/internal/metrics",
                    interval: "15s",
                    scheme: "http",
                    relabelings: [{ action: "replace", targetLabel: "strata_service", replacement: "api" }],
                },
            ],
        });
    });

    test("the NetworkPolicy admits Prometheus's pods from the monitoring namespace on the metrics port only", () => {
        const s = settingsOf({ ...WORKER, metrics: { port: 9100 } });
        const rules = networkPolicyIngress({
            settings: s,
            ingress: false,
            albSourceCidrs: [],
            callers: [],
            callees: [],
            dataStoreCidrs: [],
            vpcCidr: "10.0.0.0/16",
            usesAws: false,
        });
        expect(rules).toEqual([{ from: [PROMETHEUS_PEER], ports: [{ protocol: "TCP", port: 9100 }] }]);
        expect(PROMETHEUS_PEER).toEqual({
            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } },
            podSelector: { matchLabels: { "app.kubernetes.io/name": "prometheus" } },
        });
    });

    test("scrapedServices: the services with metrics, their namespace, histogram and latency target", () => {
        const cfg = loadConfig({
            "strata:services": {
                api: { ...WEB, metrics: {}, latencyTargetMs: 250 },
                jobs: { ...WORKER, namespace: "batch", metrics: { port: 9100 } },
                quiet: { ...WEB },
            },
        });
        expect(scrapedServices(cfg.services, cfg.name)).toEqual([
            {
                name: "api",
                namespace: cfg.name,
                kind: "web",
                requestDurationMetric: "http_server_request_duration_seconds",
                statusCodeLabel: "http_response_status_code",
                latencyTargetMs: 250,
            },
            {
                name: "jobs",
                namespace: "batch",
                kind: "worker",
                requestDurationMetric: "http_server_request_duration_seconds",
                statusCodeLabel: "http_response_status_code",
                latencyTargetMs: undefined,
            },
        ]);
    });
});

test("config: a latency target needs metrics and a web service", () => {
    expect(
        configProblems({
            "strata:services": {
                api: { ...WEB, latencyTargetMs: 300 },
                jobs: { ...WORKER, metrics: { port: 9100 }, latencyTargetMs: 100 },
            },
        }),
    ).toEqual([
        "strata:services.api.latencyTargetMs: 300 needs metrics set: the latency alert reads the service's own request-duration histogram",
        "strata:services.jobs.latencyTargetMs: workers serve no HTTP requests; set it on web services only",
    ]);
});

test("config: the metrics port is unprivileged, the interval a duration, the histogram a metric name", () => {
    expect(
        configProblems({
            "strata:services": { api: { ...WEB, metrics: { port: 80, interval: "soon", requestDurationMetric: "http-duration" } } },
        }),
    ).toEqual([
        expect.stringMatching(/^strata:services\.api\.metrics\.port: 80 is a privileged port/),
        'strata:services.api.metrics.interval: "soon" is not a duration like 30s or 1m',
        'strata:services.api.metrics.requestDurationMetric: "http-duration" is not a Prometheus metric name',
    ]);
});

test("Service (component) with metrics: a headless metrics Service and a ServiceMonitor that waits for the metrics release", async () => {
    const cfg = loadConfig({ "strata:services": { api: { ...WEB, metrics: { port: 9464 } } } });
    const r = await render(({ kubernetesProvider }) => {
        const provider = kubernetesProvider();
        const release = new k8s.core.v1.ConfigMap("stand-in-metrics-release", { metadata: { name: "x" } }, { provider });
        return new Service(
            "svc-api",
            {
                naming: cfg.naming,
                environment: cfg.environment,
                protection: cfg.protection,
                defaultTags: cfg.defaultTags,
                serviceName: "api",
                namespace: "shop",
                settings: cfg.services.api,
                region: "us-east-1",
                albSourceCidrs: [],
                vpcCidr: "10.0.0.0/16",
                dataStoreCidrs: [],
                callers: [],
                callees: [],
                buckets: {},
                queues: {},
                secretValues: {},
                ingressGroup: "strata-dev-shop",
                metricsRelease: release,
            },
            { providers: { kubernetes: provider } },
        );
    });
    const services = r.ofType("kubernetes:core/v1:Service");
    expect(services.map((s) => (s.inputs.metadata as { name: string }).name).sort()).toEqual(["api", "api-metrics"]);
    const monitor = r.one("kubernetes:monitoring.coreos.com/v1:ServiceMonitor");
    expect(monitor.inputs.metadata).toMatchObject({ name: "api", namespace: "shop" });
    expect(monitor.dependencies).toEqual(
        expect.arrayContaining([
            r.one("kubernetes:core/v1:ConfigMap", "stand-in-metrics-release").urn,
            r.one("kubernetes:core/v1:Service", "svc-api-metrics").urn,
        ]),
    );
    const metricsSvc = r.one("kubernetes:core/v1:Service", "svc-api-metrics");
    expect((metricsSvc.inputs.metadata as { labels: Record<string, string> }).labels["strata.dev/scrape"]).toBe("true");
    const policy = r.one("kubernetes:networking.k8s.io/v1:NetworkPolicy");
    expect((policy.inputs.spec as { ingress: unknown[] }).ingress).toContainEqual({
        from: [PROMETHEUS_PEER],
        ports: [{ protocol: "TCP", port: 9464 }],
    });
});
