import type { ServiceSettings } from "../config/services";
import { selectorLabels } from "./names";
import { minReplicas } from "./podTemplate";
import { runsToCompletion } from "../catalogue/jobs";

/** Largest replica count a service can reach (HPA max, or its fixed count). */
export function maxReplicas(s: Pick<ServiceSettings, "autoscaling" | "replicas">): number {
    return s.autoscaling?.maxReplicas ?? s.replicas;
}

type Autoscaling = NonNullable<ServiceSettings["autoscaling"]>;

/** The HPA's default scale target: a Deployment (a service with a rollout scales its Rollout instead). */
export const DEPLOYMENT_REF = { apiVersion: "apps/v1", kind: "Deployment" } as const;

/**
 * The HorizontalPodAutoscaler (autoscaling/v2) spec of a Deployment: CPU and memory utilisation targets; scale-up by
 * the larger of a percentage and a pod count per period, scale-down by a percentage after its stabilisation window.
 */
export function hpaSpec(deployment: string, a: Autoscaling, target: { apiVersion: string; kind: string } = DEPLOYMENT_REF) {
    return {
        scaleTargetRef: { ...target, name: deployment },
        minReplicas: a.minReplicas,
        maxReplicas: a.maxReplicas,
        metrics: [
            { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: a.targetCpuUtilization } } },
            {
                type: "Resource",
                resource: { name: "memory", target: { type: "Utilization", averageUtilization: a.targetMemoryUtilization } },
            },
        ],
        behavior: {
            scaleUp: {
                stabilizationWindowSeconds: a.scaleUpStabilizationSeconds,
                selectPolicy: "Max",
                policies: [
                    { type: "Percent", value: a.scaleUpPercent, periodSeconds: a.periodSeconds },
                    { type: "Pods", value: a.scaleUpPods, periodSeconds: a.periodSeconds },
                ],
            },
            scaleDown: {
                stabilizationWindowSeconds: a.scaleDownStabilizationSeconds,
                selectPolicy: "Max",
                policies: [{ type: "Percent", value: a.scaleDownPercent, periodSeconds: a.periodSeconds }],
            },
        },
    };
}

/**
 * A PodDisruptionBudget only makes sense once at least two replicas run (with one, it would block every drain); jobs
 * and cron jobs have no replicas to keep.
 */
export function needsDisruptionBudget(
    s: Pick<ServiceSettings, "autoscaling" | "replicas"> & Partial<Pick<ServiceSettings, "kind">>,
): boolean {
    return !runsToCompletion(s.kind ?? "web") && minReplicas(s) >= 2;
}

/** The PodDisruptionBudget spec: one pod of the service down at a time. */
export function pdbSpec(service: string) {
    return { maxUnavailable: 1, selector: { matchLabels: selectorLabels(service) } };
}
