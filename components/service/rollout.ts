import type { RolloutSettings } from "../config/rollouts";
import type { ServiceSettings } from "../config/services";
import { PROMETHEUS_URL } from "../catalogue/monitoring";
import {
    ALB_ACTIONS_ANNOTATION_PREFIX,
    MANAGED_ALB_ACTIONS_ANNOTATION,
    POD_TEMPLATE_HASH_LABEL,
    ROLLOUTS_API_VERSION,
} from "../catalogue/rollouts";
import { SERVICE_METRIC_LABEL } from "./metrics";
import type { PodTemplateInput } from "./podTemplate";
import { deploymentSpec } from "./podTemplate";

/** The canary steps when a canary sets none: 10 % of the traffic for 5 minutes, then all of it. */
export const DEFAULT_CANARY_STEPS: ReadonlyArray<{ weight: number; pauseMinutes: number }> = [{ weight: 10, pauseMinutes: 5 }];

/** The Services of a rollout besides the service's own: the canary's pods, or blue-green's preview pods. */
export function rolloutServiceNames(service: string, r: Pick<RolloutSettings, "strategy">): { stable: string; other: string } {
    return { stable: service, other: r.strategy === "canary" ? `${service}-canary` : `${service}-preview` };
}

/** The analysis argument carrying the new pods' template hash (`podTemplateHashValue: Latest`). */
export const NEW_PODS_HASH_ARG = "new-pods-hash";

/**
 * The label the new pods' series carry: the ServiceMonitor copies the controller's pod-template-hash label onto every
 * series of a rollout service (`podTargetLabels`); the Prometheus operator makes it a valid label name (`-` becomes `_`).
 */
export const POD_TEMPLATE_HASH_METRIC_LABEL = POD_TEMPLATE_HASH_LABEL.replace(/-/g, "_");

/** PromQL selectors of the new pods' request series. */
function newPodsSelector(service: string, namespace: string): string {
    return `namespace="${namespace}", ${SERVICE_METRIC_LABEL}="${service}", ${POD_TEMPLATE_HASH_METRIC_LABEL}="{{args.${NEW_PODS_HASH_ARG}}}"`;
}

/** Seconds of traffic each measurement looks at. */
export const ANALYSIS_WINDOW = "2m";

type Metrics = NonNullable<ServiceSettings["metrics"]>;

/**
 * The analysis of a rollout as PromQL over the new pods only: the 5xx share of their requests, and their p95 latency
 * in milliseconds when a bound is given (the rollout's `maxLatencyMs`, else the service's `latencyTargetMs`).
 */
export function analysisQueries(
    service: string,
    namespace: string,
    m: Pick<Metrics, "requestDurationMetric" | "statusCodeLabel">,
): { errorRatio: string; p95LatencyMs: string } {
    const sel = newPodsSelector(service, namespace);
    const count = `${m.requestDurationMetric}_count`;
    return {
        errorRatio:
            `sum(rate(${count}{${sel}, ${m.statusCodeLabel}=~"5.."}[${ANALYSIS_WINDOW}]))` +
            ` / sum(rate(${count}{${sel}}[${ANALYSIS_WINDOW}]))`,
        p95LatencyMs: `histogram_quantile(0.95, sum by (le) (rate(${m.requestDurationMetric}_bucket{${sel}}[${ANALYSIS_WINDOW}]))) * 1000`,
    };
}

/** The latency bound of a rollout's analysis, if any. */
export function latencyBoundMs(s: Pick<ServiceSettings, "rollout" | "latencyTargetMs">): number | undefined {
    return s.rollout?.maxLatencyMs ?? s.latencyTargetMs;
}

/**
 * The AnalysisTemplate of a rollout service: the error ratio (and latency) of the new pods from Prometheus, measured
 * every `analysisIntervalSeconds`; a measurement without traffic (NaN) passes, since nothing failed. A canary runs it
 * in the background from its first step until the rollout completes; blue-green runs it `postPromotionMeasurements`
 * times after the switch.
 */
export function analysisTemplateSpec(service: string, namespace: string, s: ServiceSettings) {
    const r = s.rollout!;
    const q = analysisQueries(service, namespace, s.metrics!);
    const bound = latencyBoundMs(s);
    const common = {
        interval: `${r.analysisIntervalSeconds}s`,
        failureLimit: r.failureLimit,
        ...(r.strategy === "blueGreen" ? { count: r.postPromotionMeasurements } : {}),
    };
    const prometheus = (query: string) => ({ prometheus: { address: PROMETHEUS_URL, query } });
    return {
        args: [{ name: NEW_PODS_HASH_ARG }],
        metrics: [
            {
                name: "error-ratio",
                ...common,
                successCondition: `isNaN(result[0]) || result[0] <= ${r.maxErrorRatio}`,
                provider: prometheus(q.errorRatio),
            },
            ...(bound !== undefined
                ? [
                      {
                          name: "p95-latency-ms",
                          ...common,
                          successCondition: `isNaN(result[0]) || result[0] <= ${bound}`,
                          provider: prometheus(q.p95LatencyMs),
                      },
                  ]
                : []),
        ],
    };
}

/** The analysis reference of a rollout: the service's template, told the new pods' hash. */
function analysisRef(service: string) {
    return {
        templates: [{ templateName: service }],
        args: [{ name: NEW_PODS_HASH_ARG, valueFrom: { podTemplateHashValue: "Latest" } }],
    };
}

/**
 * A canary's strategy: the canary and stable Services, traffic through the ALB (the Ingress named after the service,
 * its forward action on the stable Service), each step a weight held for its pause, the analysis in the background
 * from the first step. When the analysis fails, the controller aborts: all traffic back to the stable pods, the canary
 * scaled down.
 */
export function canaryStrategy(service: string, s: Pick<ServiceSettings, "port" | "rollout">) {
    const r = s.rollout!;
    const names = rolloutServiceNames(service, r);
    return {
        canary: {
            stableService: names.stable,
            canaryService: names.other,
            trafficRouting: { alb: { ingress: service, servicePort: s.port } },
            steps: (r.steps ?? DEFAULT_CANARY_STEPS).flatMap((st) => [
                { setWeight: st.weight },
                { pause: { duration: `${st.pauseMinutes}m` } },
            ]),
            analysis: { ...analysisRef(service), startingStep: 1 },
        },
    };
}

/**
 * A blue-green strategy: the service's Service stays the active one, the preview Service reaches the new pods; the
 * switch waits for `kubectl argo rollouts promote` unless `autoPromote`; after it the analysis measures the new pods
 * with real traffic, and the old pods stay (scaleDownDelaySeconds) until it has finished, so a failure switches back.
 */
export function blueGreenStrategy(service: string, s: Pick<ServiceSettings, "rollout">) {
    const r = s.rollout!;
    const names = rolloutServiceNames(service, r);
    return {
        blueGreen: {
            activeService: names.stable,
            previewService: names.other,
            autoPromotionEnabled: r.autoPromote,
            postPromotionAnalysis: analysisRef(service),
            scaleDownDelaySeconds: blueGreenScaleDownDelaySeconds(r),
        },
    };
}

/** How long blue-green keeps the old pods after the switch: the whole analysis plus a minute. */
export function blueGreenScaleDownDelaySeconds(r: Pick<RolloutSettings, "analysisIntervalSeconds" | "postPromotionMeasurements">): number {
    return r.analysisIntervalSeconds * r.postPromotionMeasurements + 60;
}

/**
 * The Rollout spec of a service: the Deployment's replicas, selector and pod template (the controller runs the
 * ReplicaSets), and the strategy.
 */
export function rolloutSpec(p: PodTemplateInput) {
    const { replicas, revisionHistoryLimit, selector, template } = deploymentSpec(p);
    const s = p.settings;
    return {
        replicas,
        revisionHistoryLimit,
        selector,
        template,
        strategy: s.rollout!.strategy === "canary" ? canaryStrategy(p.service, s) : blueGreenStrategy(p.service, s),
    };
}

/** The Rollout object's API version and kind, for the HPA's scale target. */
export const ROLLOUT_REF = { apiVersion: ROLLOUTS_API_VERSION, kind: "Rollout" } as const;

/**
 * The forward action a canary's Ingress starts with: all traffic to the stable Service, none to the canary (the
 * controller rewrites the weights during a rollout). Without it the load balancer controller would find no action for
 * the `use-annotation` backend.
 */
export function initialAlbAction(service: string, s: Pick<ServiceSettings, "port" | "rollout">): Record<string, string> {
    const names = rolloutServiceNames(service, s.rollout!);
    const group = (name: string, weight: number) => ({ ServiceName: name, ServicePort: String(s.port), Weight: weight });
    return {
        [`${ALB_ACTIONS_ANNOTATION_PREFIX}${names.stable}`]: JSON.stringify({
            Type: "forward",
            ForwardConfig: { TargetGroups: [group(names.stable, 100), group(names.other, 0)] },
        }),
    };
}

/**
 * What Pulumi leaves to the controller once created: the Services' selectors (it adds the pod-template hash of the
 * stable or new pods) and, for a canary, the Ingress's action and bookkeeping annotations (it rewrites the weights).
 */
export function rolloutIgnoreChanges(service: string): { services: string[]; ingress: string[] } {
    return {
        services: ["spec.selector"],
        ingress: [
            `metadata.annotations["${ALB_ACTIONS_ANNOTATION_PREFIX}${service}"]`,
            `metadata.annotations["${MANAGED_ALB_ACTIONS_ANNOTATION}"]`,
        ],
    };
}
