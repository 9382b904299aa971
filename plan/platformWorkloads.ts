import type { PlatformWorkload } from "../components/capacity";
import { CONTAINER_RESOURCES, monitoringWorkloads } from "../components/monitoring/workloads";
import type { PlanResource } from "./types";

type Values = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The pods of the platform's Helm releases, which the plan sees as one resource each: per chart, the workloads its
 * values run, from the same spec module that wrote the values (so the capacity model and the chart cannot disagree).
 */
export const CHART_WORKLOADS: Readonly<Record<string, (values: Values) => PlatformWorkload[]>> = {
    "kube-prometheus-stack": (v) =>
        monitoringWorkloads({
            prometheus: {
                replicas: Number(v.prometheus?.prometheusSpec?.replicas ?? 1),
                resources: {
                    requests: v.prometheus?.prometheusSpec?.resources?.requests ?? CONTAINER_RESOURCES.configReloader.requests,
                    limits: v.prometheus?.prometheusSpec?.resources?.limits ?? CONTAINER_RESOURCES.configReloader.limits,
                },
            },
            alertmanager: { replicas: Number(v.alertmanager?.alertmanagerSpec?.replicas ?? 1) },
        }),
    // One Deployment per release (mode deployment), named by fullnameOverride, sized by the values' requests.
    "opentelemetry-collector": (v) => [
        {
            name: String(v.fullnameOverride),
            kind: "Deployment",
            replicas: Number(v.replicaCount ?? 1),
            cpu: String(v.resources?.requests?.cpu),
            memory: String(v.resources?.requests?.memory),
        },
    ],
    // The Argo Rollouts controller: one Deployment of `controller.replicas`, sized by the values' requests.
    "argo-rollouts": (v) => [
        {
            name: "argo-rollouts",
            kind: "Deployment",
            replicas: Number(v.controller?.replicas ?? 2),
            cpu: String(v.controller?.resources?.requests?.cpu ?? "0"),
            memory: String(v.controller?.resources?.requests?.memory ?? "0"),
        },
    ],
};

/** Every platform workload of a plan's releases. */
export function platformWorkloads(resources: PlanResource[]): PlatformWorkload[] {
    return resources
        .filter((r) => r.type === "kubernetes:helm.sh/v3:Release")
        .flatMap((r) => CHART_WORKLOADS[String(r.inputs.chart)]?.((r.inputs.values ?? {}) as Values) ?? []);
}
