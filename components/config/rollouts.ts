import { z } from "zod";
import { CHART_DEFAULTS } from "../catalogue/charts";
import { ROLLOUTS_ROLE_PARTS } from "../catalogue/rollouts";
import type { Environment, PerEnvironment } from "./environment";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";

/** Progressive delivery strategies a web service may declare (Argo Rollouts: `canary`, `blueGreen`). */
export const ROLLOUT_STRATEGIES = ["canary", "blueGreen"] as const;

const step = z
    .object({
        weight: allowed(z.number().int().min(1).max(99), "integer 1-99 percent, rising from step to step").describe(
            "Share of the ALB's traffic the new version gets at this step, in percent.",
        ),
        pauseMinutes: z
            .number()
            .int()
            .min(1)
            .max(1440)
            .default(5)
            .describe("Minutes the rollout holds this weight while the analysis measures the new pods."),
    })
    .strict();

/**
 * A service's `rollout`: how a new pod template reaches traffic. `canary` moves the ALB's traffic to the new pods in
 * weighted steps (weighted target groups through the load balancer controller's action annotation) and aborts, back to
 * the stable pods, when the analysis fails; `blueGreen` starts a full set of new pods behind a preview Service,
 * switches the Service to them on promotion and switches back when the analysis after promotion fails.
 */
export const rolloutSchema = z
    .object({
        strategy: z
            .enum(ROLLOUT_STRATEGIES)
            .describe("`canary`: traffic steps through the ALB (needs an ingress); `blueGreen`: a preview set of pods, then a switch."),
        steps: allowed(z.array(step).min(1).max(10), "1-10 steps with rising weights of 1-99 percent (canary only)")
            .optional()
            .describe("Canary: the traffic steps before the new version takes all traffic; default one step of 10 % for 5 minutes."),
        maxErrorRatio: allowed(z.number().gt(0).lt(1), "a ratio above 0 and below 1 (0.05 is 5 %)")
            .default(0.05)
            .describe("The analysis fails when more than this share of the new pods' requests end in a 5xx status."),
        maxLatencyMs: z
            .number()
            .int()
            .min(1)
            .max(60000)
            .optional()
            .describe("The analysis fails when the new pods' p95 latency exceeds this; default the service's latencyTargetMs, if set."),
        analysisIntervalSeconds: z
            .number()
            .int()
            .min(30)
            .max(3600)
            .default(60)
            .describe("Seconds between two measurements of the analysis (each over the last two minutes of traffic)."),
        failureLimit: z.number().int().min(0).max(10).default(1).describe("Failed measurements tolerated: one more aborts the rollout."),
        autoPromote: z
            .boolean()
            .default(false)
            .describe("Blue-green: switch to the new pods once they are ready (false: after `kubectl argo rollouts promote <service>`)."),
        postPromotionMeasurements: z
            .number()
            .int()
            .min(1)
            .max(60)
            .default(5)
            .describe("Blue-green: measurements after the switch; the old pods stay until they have passed."),
    })
    .strict();
export type RolloutSettings = z.output<typeof rolloutSchema>;

/** What `rolloutProblems` reads of a service. */
export interface RolloutRuleInput {
    kind: string;
    rollout?: RolloutSettings;
    metrics?: unknown;
    hasIngress: boolean;
}

/**
 * The rules of `rollout`, as [path under the service, message] pairs: web services only; the analysis reads the
 * service's request-duration histogram, so `metrics` is required; the canary's traffic steps are ALB weights, so it
 * needs the Ingress; steps rise; `steps` is a canary setting, promotion settings are blue-green ones.
 */
export function rolloutProblems(s: RolloutRuleInput): Array<[Array<string | number>, string]> {
    const r = s.rollout;
    if (!r) return [];
    const out: Array<[Array<string | number>, string]> = [];
    if (s.kind !== "web") {
        out.push([["rollout"], `!is for web services: a ${s.kind} serves no traffic to shift or analyse`]);
        return out;
    }
    if (!s.metrics)
        out.push([["rollout"], "!needs metrics set: the analysis reads the service's request-duration histogram from Prometheus"]);
    if (r.strategy === "canary") {
        if (!s.hasIngress)
            out.push([
                ["rollout", "strategy"],
                "!canary shifts the ALB's traffic in steps, so it needs an ingress with host and certificateArn; use blueGreen for an internal service",
            ]);
        (r.steps ?? []).forEach((st, i, all) => {
            if (i > 0 && st.weight <= all[i - 1].weight)
                out.push([["rollout", "steps", i, "weight"], `!is ${st.weight}, not above the previous step's ${all[i - 1].weight}`]);
        });
    } else if (r.steps) {
        out.push([["rollout", "steps"], "!are for the canary strategy; blue-green switches all traffic at once"]);
    }
    return out;
}

interface RolloutsDefaults {
    controllerReplicas: number;
}

const defaults: PerEnvironment<RolloutsDefaults> = {
    dev: { controllerReplicas: 1 },
    staging: { controllerReplicas: 2 },
    prod: { controllerReplicas: 2 },
};

/**
 * `strata:rollouts`: the Argo Rollouts controller, installed when a service declares a `rollout`. Two replicas elect a
 * leader in staging and prod, so a node drain does not stop a rollout half-way.
 */
export function rolloutsSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            controllerReplicas: z
                .number()
                .int()
                .min(1)
                .max(5)
                .default(d.controllerReplicas)
                .describe("Replicas of the Argo Rollouts controller (one leads, the others stand by)."),
            verifyTargetGroups: z
                .boolean()
                .default(true)
                .describe(
                    "The controller checks through the AWS API that the ALB's target groups carry the new weights and pod IPs before it goes on (an IAM role with read-only Elastic Load Balancing access).",
                ),
            chartVersion: allowed(
                z.string().regex(/^\d+\.\d+\.\d+$/, "is not a chart version like 2.41.0"),
                "an argo-rollouts chart version like 2.41.0",
            )
                .default(CHART_DEFAULTS.argoRollouts.version)
                .describe("Version of the argo-rollouts Helm chart (argoproj/argo-helm)."),
        })
        .strict()
        .default({})
        .describe("Progressive delivery: the Argo Rollouts controller for services with a `rollout`. See docs/components/rollouts.md.");
}
export type RolloutsSettings = z.output<ReturnType<typeof rolloutsSchema>>;

export const rollouts = {
    schema: rolloutsSchema,
    checks: [
        sectionCheck<"rollouts" | "services">({
            name: "the rollouts controller's IAM role name fits IAM's limit",
            check: ({ rollouts: r, services }, report, { naming }) => {
                const used = Object.values(services).some((s) => s.rollout);
                if (used && r.verifyTargetGroups)
                    checkName(naming, report, ["rollouts"], () => naming.autoNamed("iamRole", ...ROLLOUTS_ROLE_PARTS.controller));
            },
        }),
    ],
} satisfies Section<ReturnType<typeof rolloutsSchema>>;
