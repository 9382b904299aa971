import * as k8s from "@pulumi/kubernetes";
import type { ReportViolation, ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import { validateResourceOfType } from "@pulumi/policy";
import { ROLLOUT_TYPE } from "./k8s";

/** A check over a workload's inputs, whichever of the workload kinds it is. */
export type WorkloadCheck = (props: unknown, args: ResourceValidationArgs, reportViolation: ReportViolation) => void;

/**
 * One validateResourceOfType per workload kind, all running `check`: the long-running kinds (Deployment, StatefulSet,
 * DaemonSet, ReplicaSet, Pod, Argo Rollouts' Rollout) and, unless `longRunningOnly`, the run-to-completion ones (Job, CronJob).
 */
export function validateWorkloads(check: WorkloadCheck, opts: { longRunningOnly?: boolean } = {}): ResourceValidation[] {
    return [
        validateResourceOfType(k8s.apps.v1.Deployment, (p, a, r) => check(p, a, r)),
        validateResourceOfType(k8s.apps.v1.StatefulSet, (p, a, r) => check(p, a, r)),
        validateResourceOfType(k8s.apps.v1.DaemonSet, (p, a, r) => check(p, a, r)),
        validateResourceOfType(k8s.apps.v1.ReplicaSet, (p, a, r) => check(p, a, r)),
        validateResourceOfType(k8s.core.v1.Pod, (p, a, r) => check(p, a, r)),
        // A custom resource has no typed class: match its type token.
        (a, r) => {
            if (a.type === ROLLOUT_TYPE) check(a.props, a, r);
        },
        ...(opts.longRunningOnly
            ? []
            : [
                  validateResourceOfType(k8s.batch.v1.Job, (p, a, r) => check(p, a, r)),
                  validateResourceOfType(k8s.batch.v1.CronJob, (p, a, r) => check(p, a, r)),
              ]),
    ];
}
