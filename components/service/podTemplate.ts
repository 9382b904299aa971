import type * as pulumi from "@pulumi/pulumi";
import type { ProbeSettings, ServiceSettings } from "../config/services";
import { effectiveProbes } from "./probes";
import { HTTP_PORT_NAME } from "./clusterIp";
import { METRICS_PORT_NAME, metricsPort, needsMetricsContainerPort } from "./metrics";
import { selectorLabels } from "./names";
import type { SpotScheduling } from "./args";
import { runsToCompletion } from "../catalogue/jobs";

/**
 * Seconds a terminating web pod keeps serving before it gets SIGTERM (preStop `sleep`, no shell needed): the load
 * balancer controller deregisters an ip target and kube-proxy drops an endpoint only after the pod is marked
 * terminating, so a pod that exits at once still receives requests for a few seconds (502s during every rollout).
 */
export const PRE_STOP_SLEEP_SECONDS = 10;

/** The preStop sleep for a grace period: at most a third of it, so the process keeps time to shut down. */
export function preStopSleepSeconds(terminationGracePeriodSeconds: number): number {
    return Math.min(PRE_STOP_SLEEP_SECONDS, Math.floor(terminationGracePeriodSeconds / 3));
}

/** The preStop sleep of a service: web services only (workers receive no traffic to drain). */
export function servicePreStopSleep(s: Pick<ServiceSettings, "kind" | "terminationGracePeriodSeconds">): number {
    return s.kind === "web" ? preStopSleepSeconds(s.terminationGracePeriodSeconds) : 0;
}

/** The replica count a service starts with: the HPA's minimum, or its fixed count. */
export function minReplicas(s: Pick<ServiceSettings, "autoscaling" | "replicas">): number {
    return s.autoscaling?.minReplicas ?? s.replicas;
}

/** A Kubernetes container probe. */
export interface PodProbe {
    exec?: { command: string[] };
    httpGet?: { path: string; port: string | number; scheme: string };
    initialDelaySeconds?: number;
    periodSeconds?: number;
    timeoutSeconds?: number;
    failureThreshold?: number;
}

/** A probe of the settings as a Kubernetes probe: exec when a command is given, else HTTP GET on the path. */
export function probe(p: ProbeSettings | undefined): PodProbe | undefined {
    if (!p) return undefined;
    return {
        ...(p.exec ? { exec: { command: p.exec } } : { httpGet: { path: p.path!, port: p.port ?? HTTP_PORT_NAME, scheme: "HTTP" } }),
        initialDelaySeconds: p.initialDelaySeconds,
        periodSeconds: p.periodSeconds,
        timeoutSeconds: p.timeoutSeconds,
        failureThreshold: p.failureThreshold,
    };
}

/** The group a service's processes run as: `runAsGroup`, else its user. */
export function runAsGroupOf(s: Pick<ServiceSettings, "runAsUser" | "runAsGroup">): number {
    return s.runAsGroup ?? s.runAsUser;
}

/** The pod security context of the Pod Security Standards `restricted` profile (non-root, RuntimeDefault seccomp). */
export function podSecurityContext(s: Pick<ServiceSettings, "runAsUser" | "runAsGroup">) {
    const runAsGroup = runAsGroupOf(s);
    return {
        runAsNonRoot: true,
        runAsUser: s.runAsUser,
        runAsGroup,
        fsGroup: runAsGroup,
        seccompProfile: { type: "RuntimeDefault" },
    };
}

/** The container security context of the `restricted` profile, plus a read-only root filesystem. */
export function containerSecurityContext(s: Pick<ServiceSettings, "runAsUser" | "runAsGroup">) {
    return {
        runAsNonRoot: true,
        runAsUser: s.runAsUser,
        runAsGroup: runAsGroupOf(s),
        allowPrivilegeEscalation: false,
        privileged: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ["ALL"] },
        seccompProfile: { type: "RuntimeDefault" },
    };
}

/** emptyDir volumes and their mounts for the writable paths (the root filesystem is read-only). */
export function writableVolumes(writablePaths: string[]) {
    return {
        volumes: writablePaths.map((_p, i) => ({ name: `writable-${i}`, emptyDir: { sizeLimit: "1Gi" } })),
        volumeMounts: writablePaths.map((p, i) => ({ name: `writable-${i}`, mountPath: p })),
    };
}

/**
 * Zone spread is a preference, not a hard rule: the node groups span every AZ and the cluster autoscaler cannot
 * choose the AZ of a multi-AZ group's next node, so with DoNotSchedule a pod that must go to a full zone (an HPA
 * scale-up, a rollout's surge pod, an AZ short of capacity) stays Pending and blocks the rollout.
 */
export const ZONE_SPREAD = "ScheduleAnyway";

/** Spread over zones and hosts, both as preferences. */
export function topologySpread(service: string) {
    const selector = selectorLabels(service);
    return [
        {
            maxSkew: 1,
            topologyKey: "topology.kubernetes.io/zone",
            whenUnsatisfiable: ZONE_SPREAD,
            labelSelector: { matchLabels: selector },
        },
        {
            maxSkew: 1,
            topologyKey: "kubernetes.io/hostname",
            whenUnsatisfiable: "ScheduleAnyway",
            labelSelector: { matchLabels: selector },
        },
    ];
}

/** Tolerations and node affinity of a pod. */
export interface Placement {
    tolerations?: SpotScheduling["tolerations"];
    affinity?: {
        nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: Array<{
                weight: number;
                preference: { matchExpressions: Array<{ key: string; operator: string; values: string[] }> };
            }>;
        };
    };
}

/** Tolerations and node affinity of a `spot: true` service: tolerate the pool's taint, prefer its nodes. */
/**
 * The container's ports: `http` for a web service, and `metrics` where Prometheus scrapes another port (or a worker,
 * which has no `http` port).
 */
export function containerPorts(s: Pick<ServiceSettings, "kind" | "port" | "metrics">) {
    const ports = [
        ...(s.kind === "web" ? [{ name: HTTP_PORT_NAME, containerPort: s.port, protocol: "TCP" }] : []),
        ...(needsMetricsContainerPort(s) ? [{ name: METRICS_PORT_NAME, containerPort: metricsPort(s)!, protocol: "TCP" }] : []),
    ];
    return ports.length > 0 ? { ports } : {};
}

export function spotPlacement(spot: SpotScheduling | undefined): Placement {
    if (!spot) return {};
    return {
        tolerations: spot.tolerations,
        ...(spot.preferNodeLabels
            ? {
                  affinity: {
                      nodeAffinity: {
                          preferredDuringSchedulingIgnoredDuringExecution: [
                              {
                                  weight: 100,
                                  preference: {
                                      matchExpressions: Object.entries(spot.preferNodeLabels).map(([key, value]) => ({
                                          key,
                                          operator: "In",
                                          values: [value],
                                      })),
                                  },
                              },
                          ],
                      },
                  },
              }
            : {}),
    };
}

export interface PodTemplateInput {
    service: string;
    settings: ServiceSettings;
    /** Labels of the pods. */
    labels: Record<string, string>;
    /** The image the container runs when it is not `settings.image` (an ecr service's repository image). */
    image?: pulumi.Input<string>;
    /** The names of the dockerconfigjson Secrets the kubelet pulls the image with. */
    imagePullSecrets?: string[];
    /** Passed through untouched (the ServiceAccount's name output). */
    serviceAccountName: pulumi.Input<string>;
    /** The environment ConfigMap's name (passed through). */
    configMapName: pulumi.Input<string>;
    /** The Secret's name, when the service has one (passed through). */
    secretName?: pulumi.Input<string>;
    /** How spot pods reach the spot pool; applied only to `spot: true` services. */
    spotScheduling?: SpotScheduling;
}

/**
 * The pod template of a service: restricted security context, read-only root with emptyDir mounts, requests and
 * limits, probes, env from its ConfigMap and Secret, zone and host spread, a preStop sleep for web pods, spot
 * placement for `spot: true` services; run-to-completion pods (jobs, cron jobs) have restartPolicy Never and no probes.
 */
export function podTemplate(p: PodTemplateInput) {
    const s = p.settings;
    const probes = effectiveProbes(s);
    const { volumes, volumeMounts } = writableVolumes(s.writablePaths);
    const preStopSleep = servicePreStopSleep(s);
    return {
        metadata: { labels: p.labels },
        spec: {
            serviceAccountName: p.serviceAccountName,
            automountServiceAccountToken: s.automountServiceAccountToken,
            enableServiceLinks: false,
            terminationGracePeriodSeconds: s.terminationGracePeriodSeconds,
            securityContext: podSecurityContext(s),
            // A run-to-completion pod is one pod: nothing to spread; a failed one is retried as a new pod (backoffLimit),
            // so its logs stay readable.
            ...(runsToCompletion(s.kind) ? { restartPolicy: "Never" } : { topologySpreadConstraints: topologySpread(p.service) }),
            ...spotPlacement(s.spot ? p.spotScheduling : undefined),
            ...(p.imagePullSecrets?.length ? { imagePullSecrets: p.imagePullSecrets.map((name) => ({ name })) } : {}),
            containers: [
                {
                    name: p.service,
                    image: p.image ?? s.image,
                    imagePullPolicy: "IfNotPresent",
                    ...(s.command ? { command: s.command } : {}),
                    ...(s.args ? { args: s.args } : {}),
                    ...containerPorts(s),
                    envFrom: [
                        { configMapRef: { name: p.configMapName } },
                        ...(p.secretName ? [{ secretRef: { name: p.secretName } }] : []),
                    ],
                    resources: {
                        requests: { cpu: s.resources.requests.cpu, memory: s.resources.requests.memory },
                        limits: { cpu: s.resources.limits.cpu, memory: s.resources.limits.memory },
                    },
                    ...(probes.liveness ? { livenessProbe: probe(probes.liveness) } : {}),
                    ...(probes.readiness ? { readinessProbe: probe(probes.readiness) } : {}),
                    ...(probes.startup ? { startupProbe: probe(probes.startup) } : {}),
                    ...(preStopSleep > 0 ? { lifecycle: { preStop: { sleep: { seconds: preStopSleep } } } } : {}),
                    securityContext: containerSecurityContext(s),
                    volumeMounts,
                },
            ],
            volumes,
        },
    };
}

/** The Deployment spec: rolling update without unavailability (maxSurge 25%, maxUnavailable 0) of the pod template. */
export function deploymentSpec(p: PodTemplateInput) {
    return {
        replicas: minReplicas(p.settings),
        revisionHistoryLimit: 5,
        selector: { matchLabels: selectorLabels(p.service) },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
        template: podTemplate(p),
    };
}

/**
 * What the Deployment waits for beyond its namespace and IAM role: the load balancer controller when the namespace
 * injects readiness gates (its pods are created through the controller's webhook, failurePolicy Fail).
 */
export function deploymentWaitsForController(readinessGateInjection: boolean | undefined): boolean {
    return !!readinessGateInjection;
}

/** Fields the Deployment leaves to others: the HPA owns the replica count once it exists. */
export function deploymentIgnoreChanges(s: Pick<ServiceSettings, "autoscaling">): string[] | undefined {
    return s.autoscaling ? ["spec.replicas"] : undefined;
}
