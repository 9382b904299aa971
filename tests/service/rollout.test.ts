import { Service } from "../../components/service";
import {
    analysisQueries,
    analysisTemplateSpec,
    blueGreenScaleDownDelaySeconds,
    canaryStrategy,
    POD_TEMPLATE_HASH_METRIC_LABEL,
    rolloutIgnoreChanges,
    rolloutSpec,
} from "../../components/service/rollout";
import { ingressSpec } from "../../components/service/ingress";
import { serviceMonitorSpec } from "../../components/service/metrics";
import { peakPods } from "../../components/service/namespace";
import { hpaSpec } from "../../components/service/autoscaling";
import { render } from "../../plan";
import * as k8s from "@pulumi/kubernetes";
import { configProblems, loadConfig } from "../helpers";
import { promqlProblems } from "../promql";
import { CERT, settingsOf, WEB } from "./fixtures";

const INGRESS = { host: "hub.example.com", certificateArn: CERT, paths: ["/"] };
const CANARY = {
    ...WEB,
    metrics: {},
    ingress: INGRESS,
    latencyTargetMs: 300,
    rollout: { strategy: "canary", steps: [{ weight: 10, pauseMinutes: 10 }, { weight: 50 }] },
};
const BLUE_GREEN = { ...WEB, metrics: {}, rollout: { strategy: "blueGreen", postPromotionMeasurements: 4, analysisIntervalSeconds: 30 } };
const problems = (services: unknown) => configProblems({ "strata:environment": "prod", "strata:services": services });

describe("rollout config", () => {
    test("a canary and a blue-green service pass", () => {
        expect(problems({ hub: CANARY, gateway: BLUE_GREEN })).toEqual([]);
    });
    test("web services with metrics only; a canary needs the Ingress; steps rise; steps are canary-only", () => {
        expect(
            problems({
                w: {
                    kind: "worker",
                    image: WEB.image,
                    probes: { liveness: { exec: ["true"] }, readiness: { exec: ["true"] } },
                    rollout: { strategy: "blueGreen" },
                },
            }),
        ).toEqual(["strata:services.w.rollout: is for web services: a worker serves no traffic to shift or analyse"]);
        expect(problems({ hub: { ...CANARY, metrics: undefined, latencyTargetMs: undefined } })).toEqual([
            "strata:services.hub.rollout: needs metrics set: the analysis reads the service's request-duration histogram from Prometheus",
        ]);
        expect(problems({ hub: { ...CANARY, ingress: undefined } })[0]).toMatch(
            /^strata:services\.hub\.rollout\.strategy: canary shifts the ALB's traffic in steps, so it needs an ingress with host and certificateArn/,
        );
        expect(problems({ hub: { ...CANARY, rollout: { strategy: "canary", steps: [{ weight: 50 }, { weight: 20 }] } } })).toEqual([
            "strata:services.hub.rollout.steps[1].weight: is 20, not above the previous step's 50",
        ]);
        expect(problems({ g: { ...BLUE_GREEN, rollout: { strategy: "blueGreen", steps: [{ weight: 10 }] } } })).toEqual([
            "strata:services.g.rollout.steps: are for the canary strategy; blue-green switches all traffic at once",
        ]);
        expect(problems({ hub: { ...CANARY, rollout: { strategy: "canary", maxErrorRatio: 5 } } })[0]).toMatch(
            /^strata:services\.hub\.rollout\.maxErrorRatio: 5 is too large/,
        );
    });
});

describe("rollout specs", () => {
    const canary = settingsOf(CANARY, "prod");
    const input = {
        service: "hub",
        settings: canary,
        labels: { "app.kubernetes.io/name": "hub" },
        serviceAccountName: "hub",
        configMapName: "env",
    };

    test("canary: stable and canary Services, ALB routing on the service's Ingress and port, weights held, analysis from step 1", () => {
        expect(canaryStrategy("hub", canary)).toEqual({
            canary: {
                stableService: "hub",
                canaryService: "hub-canary",
                trafficRouting: { alb: { ingress: "hub", servicePort: 8080 } },
                steps: [{ setWeight: 10 }, { pause: { duration: "10m" } }, { setWeight: 50 }, { pause: { duration: "5m" } }],
                analysis: {
                    templates: [{ templateName: "hub" }],
                    args: [{ name: "new-pods-hash", valueFrom: { podTemplateHashValue: "Latest" } }],
                    startingStep: 1,
                },
            },
        });
    });

    test("the Rollout carries the Deployment's replicas, selector and pod template", () => {
        const spec = rolloutSpec(input);
        expect(spec.replicas).toBe(3);
        expect(spec.selector).toEqual({ matchLabels: { "app.kubernetes.io/name": "hub" } });
        expect(spec.template.spec.containers[0].image).toBe(WEB.image);
        expect(spec).not.toHaveProperty("strategy.rollingUpdate");
    });

    test("blue-green: active and preview Services, manual promotion, analysis after the switch, old pods kept through it", () => {
        const bg = settingsOf(BLUE_GREEN, "prod");
        const spec = rolloutSpec({ ...input, service: "gateway", settings: bg });
        expect(spec.strategy).toEqual({
            blueGreen: {
                activeService: "gateway",
                previewService: "gateway-preview",
                autoPromotionEnabled: false,
                postPromotionAnalysis: {
                    templates: [{ templateName: "gateway" }],
                    args: [{ name: "new-pods-hash", valueFrom: { podTemplateHashValue: "Latest" } }],
                },
                scaleDownDelaySeconds: 4 * 30 + 60,
                scaleDownDelayRevisionLimit: 1,
            },
        });
        expect(blueGreenScaleDownDelaySeconds({ analysisIntervalSeconds: 60, postPromotionMeasurements: 5 })).toBe(360);
        expect(analysisTemplateSpec("gateway", "cyber", bg).metrics.map((m) => [m.name, m.count])).toEqual([["error-ratio", 4]]);
    });

    test("the analysis: the new pods' 5xx ratio and p95 latency, valid PromQL, NaN (no traffic) passes", () => {
        const q = analysisQueries("hub", "shop", canary.metrics!);
        for (const expr of Object.values(q)) expect(promqlProblems(expr.replace(/\{\{args\.[a-z-]+\}\}/g, "abc123"))).toEqual([]);
        expect(q.errorRatio).toContain(`${POD_TEMPLATE_HASH_METRIC_LABEL}="{{args.new-pods-hash}}"`);
        expect(q.errorRatio).toContain('http_response_status_code=~"5.."');
        // No 5xx series yet means no errors, not an empty (failed) measurement.
        expect(q.errorRatio).toMatch(/^\(sum\(rate\(.*\)\) or vector\(0\)\) \/ sum\(rate\(/);
        const spec = analysisTemplateSpec("hub", "shop", canary);
        expect(spec.args).toEqual([{ name: "new-pods-hash" }]);
        expect(spec.metrics.map((m) => [m.name, m.successCondition, m.interval, m.failureLimit])).toEqual([
            ["error-ratio", "len(result) == 0 || isNaN(result[0]) || result[0] <= 0.05", "60s", 1],
            ["p95-latency-ms", "len(result) == 0 || isNaN(result[0]) || result[0] <= 300", "60s", 1],
        ]);
        expect(spec.metrics[0].provider.prometheus.address).toBe(
            "http://kube-prometheus-stack-prometheus.monitoring.svc.cluster.local:9090",
        );
        expect(spec.metrics[0]).not.toHaveProperty("count"); // a canary's background analysis runs until the rollout ends
    });

    test("the canary's Ingress forwards through the action annotation the controller owns; Pulumi sets none", () => {
        const rule = ingressSpec("hub", canary).rules[0].http.paths[0];
        expect(rule.backend.service).toEqual({ name: "hub", port: { name: "use-annotation" } });
        expect(rolloutIgnoreChanges()).toEqual({ services: ["spec.selector"] });
        // Without a rollout the backend is the Service's port.
        expect(ingressSpec("web", settingsOf({ ...WEB, ingress: INGRESS })).rules[0].http.paths[0].backend.service.port).toEqual({
            number: 8080,
        });
    });

    test("the series carry the pod-template hash; quota for both sets; the HPA scales the Rollout", () => {
        expect(serviceMonitorSpec("hub", "shop", canary).podTargetLabels).toEqual(["rollouts-pod-template-hash"]);
        expect(serviceMonitorSpec("web", "shop", settingsOf({ ...WEB, metrics: {} }))).not.toHaveProperty("podTargetLabels");
        expect(peakPods(canary)).toBe(6);
        expect(
            hpaSpec(
                "hub",
                { ...settingsOf({ ...WEB, autoscaling: { minReplicas: 2, maxReplicas: 4 } }).autoscaling! },
                { apiVersion: "argoproj.io/v1alpha1", kind: "Rollout" },
            ).scaleTargetRef,
        ).toEqual({
            apiVersion: "argoproj.io/v1alpha1",
            kind: "Rollout",
            name: "hub",
        });
    });
});

test("Service (component) with a canary: a Rollout instead of a Deployment, after its Services, Ingress, analysis and the controller", async () => {
    const cfg = loadConfig({
        "strata:environment": "prod",
        "strata:services": { hub: { ...CANARY, autoscaling: { minReplicas: 2, maxReplicas: 6 } } },
    });
    const r = await render(({ kubernetesProvider }) => {
        const provider = kubernetesProvider();
        const stand = (name: string) => new k8s.core.v1.ConfigMap(name, { metadata: { name } }, { provider });
        return new Service(
            "svc-hub",
            {
                naming: cfg.naming,
                environment: cfg.environment,
                protection: cfg.protection,
                defaultTags: cfg.defaultTags,
                serviceName: "hub",
                namespace: "shop",
                settings: cfg.services.hub,
                region: "us-east-1",
                albSourceCidrs: ["10.0.0.0/24"],
                vpcCidr: "10.0.0.0/16",
                dataStoreCidrs: [],
                callers: [],
                callees: [],
                buckets: {},
                queues: {},
                secretValues: {},
                ingressGroup: "strata-prod-shop",
                metricsRelease: stand("metrics-release"),
                rolloutsRelease: stand("rollouts-release"),
            },
            { providers: { kubernetes: provider } },
        );
    });
    expect(r.ofType("kubernetes:apps/v1:Deployment")).toEqual([]);
    const rollout = r.one("kubernetes:argoproj.io/v1alpha1:Rollout");
    expect(rollout.inputs).toMatchObject({
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Rollout",
        metadata: { name: "hub", namespace: "shop" },
    });
    expect(rollout.options.ignoreChanges).toEqual(["spec.replicas"]);
    const urn = (type: string, name: string) => r.one(type, name).urn;
    expect(rollout.dependencies).toEqual(
        expect.arrayContaining([
            urn("kubernetes:core/v1:ConfigMap", "rollouts-release"),
            urn("kubernetes:argoproj.io/v1alpha1:AnalysisTemplate", "svc-hub-analysis"),
            urn("kubernetes:core/v1:Service", "svc-hub-service"),
            urn("kubernetes:core/v1:Service", "svc-hub-rollout-service"),
            urn("kubernetes:networking.k8s.io/v1:Ingress", "svc-hub-ingress"),
        ]),
    );
    const services = r.ofType("kubernetes:core/v1:Service").filter((s) => !s.name.endsWith("-metrics"));
    expect(services.map((s) => [(s.inputs.metadata as { name: string }).name, s.options.ignoreChanges])).toEqual([
        ["hub", ["spec.selector"]],
        ["hub-canary", ["spec.selector"]],
    ]);
    const hpa = r.one("kubernetes:autoscaling/v2:HorizontalPodAutoscaler");
    expect((hpa.inputs.spec as { scaleTargetRef: unknown }).scaleTargetRef).toEqual({
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Rollout",
        name: "hub",
    });
    expect(hpa.dependencies).toContain(rollout.urn);
    const ingress = r.one("kubernetes:networking.k8s.io/v1:Ingress");
    expect(ingress.options.ignoreChanges).toEqual([]);
    expect(Object.keys((ingress.inputs.metadata as { annotations: Record<string, string> }).annotations)).not.toContain(
        "alb.ingress.kubernetes.io/actions.hub",
    );
});
