import type { RolloutSettings } from "../config/rollouts";
import type { ServiceSettings } from "../config/services";
import { PROMETHEUS_URL } from "../catalogue/monitoring";
import { POD_TEMPLATE_HASH_LABEL, ROLLOUTS_API_VERSION } from "../catalogue/rollouts";
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
        // No 5xx series yet is no errors: `or vector(0)`; no traffic at all leaves the quotient empty.
        errorRatio:
            `(sum(rate(${count}{${sel}, ${m.statusCodeLabel}=~"5.."}[${ANALYSIS_WINDOW}])) or vector(0))` +
            ` / sum(rate(${count}{${sel}}[${ANALYSIS_WINDOW}]))`,
        p95LatencyMs: `histogram_quantile(0.95, sum by (le) (rate(${m.requestDurationMetric}_bucket{${sel}}[${ANALYSIS_WINDOW}]))) * 1000`,
    };
}

/**
 * A measurement passes at or below the bound, and when there is nothing to judge: an empty result (no requests in the
 * window: Argo Rollouts hands PromQL's empty vector over as `[]`, metricproviders/prometheus) or NaN (0/0). Without
 * that, a quiet canary's measurements would be errors, and consecutive errors abort the rollout.
 */
export function passesAtMost(bound: number): string {
    return `len(result) == 0 || isNaN(result[0]) || result[0] <= ${bound}`;
}

/** The latency bound of a rollout's analysis, if any. */
export function latencyBoundMs(s: Pick<ServiceSettings, "rollout" | "latencyTargetMs">): number | undefined {
    return s.rollout?.maxLatencyMs ?? s.latencyTargetMs;
}

/**
 * The AnalysisTemplate of a rollout service: the error ratio (and latency) of the new pods from Prometheus, measured
 * every `analysisIntervalSeconds`; a measurement without traffic passes, since nothing failed (`passesAtMost`). A canary runs it
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
                successCondition: passesAtMost(r.maxErrorRatio),
                provider: prometheus(q.errorRatio),
            },
            ...(bound !== undefined
                ? [
                      {
                          name: "p95-latency-ms",
                          ...common,
                          successCondition: passesAtMost(bound),
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
            // A second release within the delay scales the older set down at once: two sets at most (the quota).
            scaleDownDelayRevisionLimit: 1,
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
 * What Pulumi leaves to the controller once created: the Services' selectors (it adds the pod-template hash of the
 * stable or new pods). The canary's action annotation is not in Pulumi's inputs at all: the controller writes it (see
 * `CANARY_ACTION_OWNER`), and a field Pulumi set would conflict with the controller's writes under server-side apply
 * (pulumi-kubernetes applies without force unless told), while `ignoreChanges` cannot name an annotation key with dots
 * under server-side apply (the provider splits the path on dots).
 */
export function rolloutIgnoreChanges(): { services: string[] } {
    return { services: ["spec.selector"] };
}

/**
 * Who writes a canary Ingress's forward action `alb.ingress.kubernetes.io/actions.<service>`: the Argo Rollouts
 * controller, on its first reconcile of the Rollout (created right after the Ingress) and at every step. Until then the
 * load balancer controller finds no action for the `use-annotation` backend and keeps the ALB as it was.
 */
export const CANARY_ACTION_OWNER = "argo-rollouts";
