import * as k8s from "@pulumi/kubernetes";
import type { ReportViolation, ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import { validateResourceOfType } from "@pulumi/policy";

/** A check over a workload's inputs, whichever of the workload kinds it is. */
export type WorkloadCheck = (props: unknown, args: ResourceValidationArgs, reportViolation: ReportViolation) => void;

/** One validateResourceOfType per workload kind (Deployment, StatefulSet, DaemonSet, Pod), all running `check`. */
export function validateWorkloads(check: WorkloadCheck): ResourceValidation[] {
    return [
        validateResourceOfType(k8s.apps.v1.Deployment, (p, a, r) => check(p, a, r)),
        validateResourceOfType(k8s.apps.v1.StatefulSet, (p, a, r) => check(p, a, r)),
        validateResourceOfType(k8s.apps.v1.DaemonSet, (p, a, r) => check(p, a, r)),
        validateResourceOfType(k8s.core.v1.Pod, (p, a, r) => check(p, a, r)),
    ];
}
