import { z } from "zod";
import { arnProblem } from "../arn";
import { parseImageReference, unpinnedReason } from "../imageReference";
import { ECR_IMAGE_ALLOWED, serviceImageIssues } from "../registry/spec";
import { SPOT_TAINT } from "../catalogue/spot";
import { allocatable } from "../catalogue/ec2";
import type { Environment, PerEnvironment } from "./environment";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";
import { parseCpu, parseMemory } from "./quantity";
import { totalRequests } from "../capacity";
import { cronSchema, jobProblems, jobSchema, RUN_TO_COMPLETION_KINDS, runsToCompletion } from "./jobs";
import { rolloutProblems, rolloutSchema } from "./rollouts";

/**
 * Kinds of application service: `web` serves HTTP (Service, optional Ingress); `worker` has neither (Celery workers);
 * `job` runs to completion once per change of its pod (migrations, seeds); `cronjob` runs to completion on a schedule.
 */
export const SERVICE_KINDS = ["web", "worker", ...RUN_TO_COMPLETION_KINDS] as const;
export const BUCKET_ACCESS = ["read", "readwrite"] as const;
export const QUEUE_ACCESS = ["consume", "produce", "both"] as const;

/** Environment variables Strata sets itself from declared dependencies; a service may not set them in `env`. */
export const RESERVED_ENV = ["DATABASE_URL", "REDIS_URL", "MONGODB_URL", "AWS_REGION", "AWS_DEFAULT_REGION", "STRATA_ENVIRONMENT"] as const;

/** Names that look like credentials: their values belong in `secretEnv`, never in the plain ConfigMap. */
const SECRET_LIKE_ENV = /(PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|APIKEY|PRIVATE_KEY|CREDENTIAL)/i;

const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

interface ServiceDefaults {
    replicas: number;
    requests: { cpu: string; memory: string };
    limits: { cpu: string; memory: string };
    scaleUpStabilizationSeconds: number;
}

const defaults: PerEnvironment<ServiceDefaults> = {
    dev: {
        replicas: 1,
        requests: { cpu: "100m", memory: "128Mi" },
        limits: { cpu: "500m", memory: "512Mi" },
        scaleUpStabilizationSeconds: 0,
    },
    staging: {
        replicas: 2,
        requests: { cpu: "100m", memory: "256Mi" },
        limits: { cpu: "500m", memory: "512Mi" },
        scaleUpStabilizationSeconds: 30,
    },
    prod: {
        replicas: 3,
        requests: { cpu: "250m", memory: "256Mi" },
        limits: { cpu: "1000m", memory: "1Gi" },
        scaleUpStabilizationSeconds: 30,
    },
};

/** True when an image reference is valid and names a digest, or a tag other than `latest`. */
export function isPinnedImage(image: string): boolean {
    const ref = parseImageReference(image);
    return !("error" in ref) && unpinnedReason(ref) === undefined;
}

const cpuQuantity = allowed(
    z.string().refine((v) => parseCpu(v) !== undefined && parseCpu(v)! > 0, {
        message: 'is not a CPU quantity such as "250m" or "1"',
    }),
    'a Kubernetes CPU quantity above 0, e.g. "250m" or "1"; requests at most the limit',
);
const memoryQuantity = allowed(
    z.string().refine((v) => parseMemory(v) !== undefined && parseMemory(v)! >= 4 * 2 ** 20, {
        message: 'is not a memory quantity of at least 4Mi such as "512Mi" or "1Gi"',
    }),
    'a Kubernetes memory quantity of at least 4Mi, e.g. "512Mi" or "1Gi"; requests at most the limit',
);
const containerPort = allowed(
    z
        .number()
        .int()
        .min(1)
        .max(65535)
        .refine((p) => p >= 1024, {
            message:
                "is a privileged port: the restricted Pod Security profile drops NET_BIND_SERVICE, so containers listen on 1024-65535 (e.g. 8080)",
        }),
    "integer 1024-65535 (no privileged ports)",
);
const HOST_NAME = /^(\*\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$/;
const HTTP_PATH = /^\/[^\s]*$/;
const ENV_NAME_ALLOWED = `environment variable names (letters, digits, _; not starting with a digit), not ${RESERVED_ENV.join(", ")}`;

const probeSchema = allowed(
    z
        .object({
            path: allowed(
                z.string().regex(HTTP_PATH, "is not an HTTP path starting with /"),
                "an HTTP path starting with / (web services only)",
            )
                .optional()
                .describe("HTTP GET path (web services), e.g. /health."),
            port: allowed(z.number().int().min(1).max(65535), "integer 1024-65535")
                .optional()
                .describe("Port for the HTTP probe; default the container port."),
            exec: z
                .array(z.string().min(1))
                .min(1)
                .optional()
                .describe('Command for an exec probe (workers), e.g. ["celery", "inspect", "ping"].'),
            initialDelaySeconds: z
                .number()
                .int()
                .min(0)
                .max(3600)
                .default(0)
                .describe("Seconds after the container starts before the first probe."),
            periodSeconds: z.number().int().min(1).max(300).default(10).describe("Seconds between probes."),
            timeoutSeconds: z.number().int().min(1).max(120).default(3).describe("Seconds before a probe counts as failed."),
            failureThreshold: z
                .number()
                .int()
                .min(1)
                .max(120)
                .default(3)
                .describe("Failed probes in a row before Kubernetes acts (restart, or out of the Service)."),
        })
        .strict()
        .superRefine((p, ctx) => {
            if ((p.path === undefined) === (p.exec === undefined)) {
                ctx.addIssue({ code: z.ZodIssueCode.custom, message: "!needs exactly one of path (HTTP GET) or exec (command)" });
            }
        }),
    "exactly one of path (HTTP GET) or exec (command)",
);
export type ProbeSettings = z.output<typeof probeSchema>;

/**
 * `servicePort` must equal `port`: with network policy enforcement on, the EKS network policy agent evaluates a call
 * to a ClusterIP before kube-proxy translates it to a pod address, and the network policy controller adds a Service's
 * ClusterIP to a policy's endpoints only when the policy opens the Service's ports; the callers' egress rules open the
 * callee's container port. A Service on another port therefore drops every call through it. Sources: the considerations of "Limit Pod traffic with Kubernetes network
 * policies" in the Amazon EKS User Guide ("the service port must be the same as the container port"), and
 * aws/amazon-network-policy-controller-k8s issue 222 (a ClusterIP missing from the PolicyEndpoint when the Service's
 * ports are not the ones the NetworkPolicy allows). The message, or undefined when the value is fine (unset or equal).
 */
export function servicePortProblem(s: { port: number; servicePort?: number }): string | undefined {
    if (s.servicePort === undefined || s.servicePort === s.port) return undefined;
    return (
        `is ${s.servicePort}, but a Service's port must equal the container port (port: ${s.port}): the EKS network policy agent ` +
        `matches calls to the ClusterIP against the container port, so calls to port ${s.servicePort} would be dropped; ` +
        `allowed: unset (the Service listens on port) or ${s.port}. Remove servicePort and call http://<name>.<namespace>:${s.port}`
    );
}

function serviceSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            kind: z
                .enum(SERVICE_KINDS)
                .default("web")
                .describe(
                    "`web` serves HTTP (a Service, optionally an Ingress); `worker` has neither (queue consumers such as Celery workers); `job` runs to completion once per change of its image, command, args or environment (migrations, seeds; see `job`); `cronjob` runs to completion on `cron.schedule`.",
                ),
            image: allowed(
                z.string().min(1),
                `an image reference ([registry/]repository[:tag][@sha256:<64 hex>]) with a tag other than latest, or a digest; with ecr: true, ${ECR_IMAGE_ALLOWED}`,
            )
                .optional()
                .describe(
                    "Container image with a pinned tag (not latest) or a digest. Required unless `ecr` is true; then it is only the tag or digest in the stack's repository, and unset means the workload waits for its first image.",
                ),
            ecr: z
                .boolean()
                .default(false)
                .describe(
                    "The stack creates an ECR repository `<strata:name>-<stack>/<service>` for the service (immutable tags, scan on push, KMS); `image` then names a tag or digest in it. See docs/components/registry.md.",
                ),
            imagePullSecret: allowed(
                z.string().regex(/^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/, 'is not a Pulumi config key like "myapp:ghcrPull"'),
                'a Pulumi config key ("namespace:key") the stack sets, as a secret, to user:token; external images only',
            )
                .optional()
                .describe(
                    "Pull credentials of a private external image: a Pulumi secret config key whose value is \"user:token\" (a registry user and access token). The stack creates a dockerconfigjson Secret for the image's registry in the namespace and lists it in the pods' imagePullSecrets. Not with ecr: the nodes pull ECR with their role.",
                ),
            namespace: allowed(
                z
                    .string()
                    .max(63)
                    .regex(DNS_LABEL, "is not a Kubernetes namespace name (lower-case letters, digits, hyphens)")
                    .refine((v) => !v.startsWith("kube-") && v !== "default", { message: "is reserved by Kubernetes" }),
                "a DNS label of up to 63 lower-case letters, digits and hyphens; not default or kube-*",
            )
                .optional()
                .describe("Kubernetes namespace; default: the system name (`strata:name`). One per context for multi-tenant systems."),
            command: z.array(z.string()).optional().describe("Container entrypoint, replacing the image's."),
            args: z.array(z.string()).optional().describe("Arguments to the entrypoint, replacing the image's."),
            port: containerPort.default(8080).describe("The port the container listens on (web services)."),
            servicePort: allowed(z.number().int().min(1).max(65535), "unset, or the same number as port")
                .optional()
                .describe(
                    "Deprecated, leave unset: the Kubernetes Service's port is always `port` (other services call `http://<name>.<namespace>:<port>`). The EKS network policy agent matches ClusterIP traffic against the container port, so a different Service port would drop every call; a value other than `port` is refused.",
                ),
            replicas: z.number().int().min(1).max(500).default(d.replicas).describe("Fixed replica count when `autoscaling` is not set."),
            autoscaling: z
                .object({
                    minReplicas: allowed(z.number().int().min(1).max(500), "integer 1-500, at most maxReplicas").describe(
                        "Fewest pods the HPA keeps.",
                    ),
                    maxReplicas: z.number().int().min(1).max(500).describe("Most pods the HPA runs."),
                    targetCpuUtilization: z
                        .number()
                        .int()
                        .min(1)
                        .max(100)
                        .default(70)
                        .describe("Average CPU utilization (percent of requests) the HPA aims at."),
                    targetMemoryUtilization: z
                        .number()
                        .int()
                        .min(1)
                        .max(100)
                        .default(80)
                        .describe("Average memory utilization (percent of requests) the HPA aims at."),
                    scaleUpStabilizationSeconds: z
                        .number()
                        .int()
                        .min(0)
                        .max(3600)
                        .default(d.scaleUpStabilizationSeconds)
                        .describe("Seconds of recommendations the HPA looks back over before scaling up."),
                    scaleDownStabilizationSeconds: z
                        .number()
                        .int()
                        .min(0)
                        .max(3600)
                        .default(300)
                        .describe("Seconds of recommendations the HPA looks back over before scaling down."),
                    scaleUpPercent: z
                        .number()
                        .int()
                        .min(1)
                        .max(1000)
                        .default(100)
                        .describe("At most this percentage of current pods added per `periodSeconds`."),
                    scaleUpPods: z.number().int().min(1).max(100).default(4).describe("... or at most this many pods, whichever is more."),
                    scaleDownPercent: z
                        .number()
                        .int()
                        .min(1)
                        .max(100)
                        .default(50)
                        .describe("At most this percentage of pods removed per `periodSeconds`."),
                    periodSeconds: z
                        .number()
                        .int()
                        .min(1)
                        .max(1800)
                        .default(30)
                        .describe("The period of the scale-up and scale-down policies, in seconds."),
                })
                .strict()
                .optional()
                .describe("A HorizontalPodAutoscaler on CPU and memory; unset: a fixed `replicas` count."),
            resources: z
                .object({
                    requests: z
                        .object({
                            cpu: cpuQuantity.default(d.requests.cpu).describe("CPU request of the container."),
                            memory: memoryQuantity.default(d.requests.memory).describe("Memory request of the container."),
                        })
                        .strict()
                        .default({})
                        .describe("What the scheduler reserves for each pod; one pod must fit one node of a pool the service can run on."),
                    limits: z
                        .object({
                            cpu: cpuQuantity.default(d.limits.cpu).describe("CPU limit of the container."),
                            memory: memoryQuantity.default(d.limits.memory).describe("Memory limit of the container."),
                        })
                        .strict()
                        .default({})
                        .describe("What each pod may use at most."),
                })
                .strict()
                .default({})
                .describe("Container resource requests and limits."),
            probes: z
                .object({
                    liveness: probeSchema
                        .optional()
                        .describe("Restarts the container when it fails; web default GET /health, workers must set an exec probe."),
                    readiness: probeSchema
                        .optional()
                        .describe(
                            "Takes the pod out of the Service when it fails; web default GET /ready, workers must set an exec probe.",
                        ),
                    startup: probeSchema.optional().describe("Holds the other probes until the container has started."),
                })
                .strict()
                .default({})
                .describe("Health probes of the container."),
            env: allowed(
                z.record(z.string(), z.string().describe("The variable's value.")),
                `${ENV_NAME_ALLOWED}; names that look like credentials belong in secretEnv`,
            )
                .default({})
                .describe("Plain environment (ConfigMap)."),
            secretEnv: allowed(
                z.record(
                    z.string(),
                    allowed(
                        z.string().regex(/^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/, 'is not a Pulumi config key like "myapp:llmApiKey"'),
                        'a Pulumi config key ("namespace:key") the stack sets, as a secret',
                    ).describe("The Pulumi secret config key whose value the variable gets."),
                ),
                `${ENV_NAME_ALLOWED}, not also in env`,
            )
                .default({})
                .describe(
                    'Secret environment: variable name -> Pulumi secret config key ("namespace:key"), e.g. LLM_API_KEY: "visa:llmApiKey".',
                ),
            writablePaths: allowed(
                z
                    .array(z.string().regex(/^\/[^\s]*$/, "is not an absolute path"))
                    .default(["/tmp"])
                    .describe("Writable emptyDir mounts (the root filesystem is read-only)."),
                "absolute paths, each once",
            ),
            runAsUser: z.number().int().min(1).max(2147483647).default(10001).describe("Non-root user the container runs as."),
            runAsGroup: z.number().int().min(1).max(2147483647).optional().describe("Group the container runs as; default: the image's."),
            calls: allowed(
                z.array(z.string()).default([]).describe("Services this one calls (names in strata:services)."),
                "names of other web services in strata:services",
            ),
            database: allowed(
                z.boolean().default(false).describe("Gets DATABASE_URL (secret) and egress to PostgreSQL."),
                "true (needs strata:database enabled), false",
            ),
            cache: allowed(
                z.boolean().default(false).describe("Gets REDIS_URL (secret) and egress to Redis."),
                "true (needs strata:cache enabled), false",
            ),
            documentDb: allowed(
                z.boolean().default(false).describe("Gets MONGODB_URL (secret, TLS) and egress to DocumentDB on 27017."),
                "true (needs strata:documentDb enabled), false",
            ),
            broker: allowed(
                z
                    .boolean()
                    .default(false)
                    .describe("Gets BROKER_URL (amqps, secret) with its own RabbitMQ user and vhost, and egress to the broker."),
                "true (needs strata:broker enabled), false",
            ),
            buckets: allowed(
                z
                    .record(z.string(), z.enum(BUCKET_ACCESS).describe("The access the service gets to the bucket."))
                    .default({})
                    .describe("Buckets (names in strata:objectStore) and the access the service gets."),
                "keys of strata:objectStore.buckets",
            ),
            queues: allowed(
                z
                    .record(z.string(), z.enum(QUEUE_ACCESS).describe("The access the service gets to the queue."))
                    .default({})
                    .describe("Queues (names in strata:queues) and the access the service gets."),
                "keys of strata:queues.queues",
            ),
            externalHosts: allowed(
                z
                    .array(z.string().regex(HOST_NAME, "is not a host name like api.openai.com"))
                    .default([])
                    .describe(
                        "External HTTPS hosts the service calls (LLM APIs); documented, NetworkPolicy opens 443 to public addresses.",
                    ),
                "host names such as api.openai.com (a leading *. allowed)",
            ),
            ingress: allowed(
                z
                    .object({
                        host: allowed(
                            z.string().regex(HOST_NAME, "is not a host name like app.example.com"),
                            "a host name such as app.example.com (a leading *. allowed)",
                        )
                            .optional()
                            .describe("Host name the ALB routes to the service (set together with certificateArn)."),
                        certificateArn: allowed(
                            z
                                .string()
                                .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/, "is not an ACM certificate ARN"),
                            "an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)",
                        )
                            .optional()
                            .describe("ACM certificate of the HTTPS listener (set together with host)."),
                        paths: allowed(
                            z
                                .array(z.string().regex(HTTP_PATH, "is not a path starting with /"))
                                .min(1)
                                .default(["/"])
                                .describe("Paths on the host routed to the service."),
                            "1 or more paths starting with /, not routed to another service on the same host",
                        ),
                    })
                    .strict()
                    .optional()
                    .describe(
                        "Public HTTPS entry through the shared ALB of the namespace; created only when host and certificateArn are set.",
                    ),
                "web services only: host and certificateArn together, or neither",
            ),
            automountServiceAccountToken: z
                .boolean()
                .default(false)
                .describe("Mount the ServiceAccount token (only for services that call the Kubernetes API)."),
            terminationGracePeriodSeconds: z
                .number()
                .int()
                .min(0)
                .max(3600)
                .default(30)
                .describe("Seconds Kubernetes waits after SIGTERM before killing the container."),
            spot: z.boolean().default(false).describe("Run on the spot node pool (tolerates its taint); for interruptible workers."),
            metrics: z
                .object({
                    path: allowed(z.string().regex(HTTP_PATH, "is not an HTTP path starting with /"), "an HTTP path starting with /")
                        .default("/metrics")
                        .describe("Path of the Prometheus metrics endpoint."),
                    port: containerPort.optional().describe("Port of the metrics endpoint; default: the service's `port`."),
                    interval: allowed(
                        z.string().regex(/^[1-9][0-9]*(s|m)$/, "is not a duration like 30s or 1m"),
                        "a Prometheus duration in seconds or minutes (15s, 30s, 1m)",
                    )
                        .default("30s")
                        .describe("How often Prometheus scrapes it."),
                    requestDurationMetric: allowed(
                        z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, "is not a Prometheus metric name"),
                        "a Prometheus histogram name (without _bucket/_count)",
                    )
                        .default("http_server_request_duration_seconds")
                        .describe(
                            "The service's request-duration histogram in seconds (OpenTelemetry's `http.server.request.duration`, as its Prometheus exporter names it); the error-rate and latency alerts read it.",
                        ),
                    statusCodeLabel: allowed(
                        z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "is not a Prometheus label name"),
                        "a Prometheus label name",
                    )
                        .default("http_response_status_code")
                        .describe("The histogram's label holding the HTTP status code."),
                })
                .strict()
                .optional()
                .describe(
                    "The service exposes Prometheus metrics: a ServiceMonitor scrapes them and its NetworkPolicy admits Prometheus; web services get error-rate (and with `latencyTargetMs` latency) alerts.",
                ),
            job: jobSchema
                .optional()
                .describe("Kinds job and cronjob: retries, deadline, and whether the job is a database migration; unset: the defaults."),
            cron: cronSchema.optional().describe("Kind cronjob (required there): the schedule and what happens to overlapping runs."),
            rollout: rolloutSchema
                .optional()
                .describe(
                    "Progressive delivery (web services with metrics) through Argo Rollouts: canary traffic steps on the ALB or a blue-green switch, each judged by the 5xx ratio and latency of the new pods, rolled back when they fail. See docs/components/rollouts.md.",
                ),
            latencyTargetMs: allowed(z.number().int().min(1).max(60000), "integer 1-60000 milliseconds, with metrics set (web services)")
                .optional()
                .describe("The p95 request latency the service promises; an alert fires when it holds above this for 10 minutes."),
        })
        .strict()
        .superRefine((s, ctx) => {
            const problem = servicePortProblem(s);
            if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["servicePort"], message: `!${problem}` });
            for (const issue of serviceImageIssues(s)) ctx.addIssue({ code: z.ZodIssueCode.custom, ...issue });
        })
        .transform(({ servicePort: _servicePort, ...s }) => s);
}

/**
 * `strata:services`: the application services, keyed by name. Each becomes a Deployment, ServiceAccount (+ IAM role
 * when it uses buckets or queues), ConfigMap, Secret, NetworkPolicy, and for `web` a Service, optionally an Ingress;
 * an HPA when `autoscaling` is set and a PodDisruptionBudget when at least two replicas run.
 */
export function servicesSchema(env: Environment) {
    return allowed(
        z
            .record(
                z.string(),
                serviceSchema(env).describe("One service: a Deployment with its ServiceAccount, ConfigMap, Secret and NetworkPolicy."),
            )
            .superRefine((services, ctx) => {
                const names = Object.keys(services);
                for (const [name, s] of Object.entries(services)) {
                    const issue = (path: Array<string | number>, message: string) =>
                        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name, ...path], message });
                    if (!DNS_LABEL.test(name) || name.length > 40) {
                        issue([], `!"${name}" is not a service name: 1-40 lower-case letters, digits and hyphens, starting with a letter`);
                    }
                    const lowerNames = names.filter((n) => n !== name && n.toLowerCase() === name.toLowerCase());
                    if (lowerNames.length > 0)
                        issue([], `!"${name}" differs from "${lowerNames[0]}" only in case; service names must be unique`);
                    if (s.autoscaling && s.autoscaling.minReplicas > s.autoscaling.maxReplicas) {
                        issue(
                            ["autoscaling", "minReplicas"],
                            `!is ${s.autoscaling.minReplicas}, more than maxReplicas (${s.autoscaling.maxReplicas}); minReplicas must be <= maxReplicas`,
                        );
                    }
                    for (const res of ["cpu", "memory"] as const) {
                        const parse = res === "cpu" ? parseCpu : parseMemory;
                        const req = parse(s.resources.requests[res]);
                        const lim = parse(s.resources.limits[res]);
                        if (req !== undefined && lim !== undefined && req > lim) {
                            issue(
                                ["resources", "requests", res],
                                `!"${s.resources.requests[res]}" is more than the limit "${s.resources.limits[res]}"; requests must be <= limits`,
                            );
                        }
                    }
                    for (const called of s.calls) {
                        if (!(called in services))
                            issue(["calls"], `!"${called}" is not a service in strata:services; known: ${names.join(", ")}`);
                        else if (called === name) issue(["calls"], `!"${called}" is the service itself`);
                        else if (services[called].kind !== "web")
                            issue(["calls"], `!"${called}" is a ${services[called].kind}: it has no Service to call`);
                    }
                    if (s.kind === "worker") {
                        if (s.ingress) issue(["ingress"], "!workers have no Service, so they cannot have an ingress; use kind: web");
                        for (const p of ["liveness", "readiness"] as const) {
                            if (!s.probes[p])
                                issue(
                                    ["probes", p],
                                    `!workers need an exec ${p} probe (for example ["celery", "-A", "app", "inspect", "ping"])`,
                                );
                            else if (s.probes[p]!.path) issue(["probes", p, "path"], "!workers have no HTTP port; use an exec probe");
                        }
                    }
                    for (const [path, message] of jobProblems(s)) issue(path, message);
                    const withIngress = !!s.ingress?.host && !!s.ingress?.certificateArn;
                    for (const [path, message] of rolloutProblems({ ...s, hasIngress: withIngress })) issue(path, message);
                    for (const [k, probe] of Object.entries(s.probes)) {
                        if (probe?.port !== undefined && probe.port < 1024)
                            issue(["probes", k, "port"], `!${probe.port} is a privileged port; containers listen on 1024-65535`);
                    }
                    if (s.ingress && (s.ingress.host === undefined) !== (s.ingress.certificateArn === undefined)) {
                        issue(
                            ["ingress"],
                            `!needs both host and certificateArn (HTTPS only); set ${s.ingress.host === undefined ? "host" : "certificateArn"} too, or neither to keep the service internal`,
                        );
                    }
                    for (const [k, v] of Object.entries(s.env)) {
                        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) issue(["env", k], "!is not an environment variable name");
                        if ((RESERVED_ENV as readonly string[]).includes(k))
                            issue(["env", k], "!is set by Strata from the service's declared dependencies; remove it from env");
                        if (SECRET_LIKE_ENV.test(k) && v.length > 0)
                            issue(
                                ["env", k],
                                "!looks like a credential: plain env goes into a ConfigMap; put it in secretEnv (a Pulumi secret config key) instead",
                            );
                    }
                    for (const k of Object.keys(s.secretEnv)) {
                        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) issue(["secretEnv", k], "!is not an environment variable name");
                        if ((RESERVED_ENV as readonly string[]).includes(k))
                            issue(["secretEnv", k], "!is set by Strata from the service's declared dependencies");
                        if (k in s.env) issue(["secretEnv", k], "!is also set in env; set it in one place");
                    }
                    if (s.latencyTargetMs !== undefined && !s.metrics && !runsToCompletion(s.kind))
                        issue(
                            ["latencyTargetMs"],
                            `!${s.latencyTargetMs} needs metrics set: the latency alert reads the service's own request-duration histogram`,
                        );
                    if (s.latencyTargetMs !== undefined && s.kind === "worker")
                        issue(["latencyTargetMs"], "!workers serve no HTTP requests; set it on web services only");
                    const paths = new Set<string>();
                    for (const p of s.writablePaths) {
                        if (paths.has(p)) issue(["writablePaths"], `!lists "${p}" twice`);
                        paths.add(p);
                    }
                }
                // Two services in one namespace and host cannot claim the same path.
                const claimed = new Map<string, string>();
                for (const [name, s] of Object.entries(services)) {
                    if (!s.ingress?.host) continue;
                    for (const p of s.ingress.paths) {
                        const key = `${s.ingress.host}${p}`;
                        const other = claimed.get(key);
                        if (other)
                            ctx.addIssue({
                                code: z.ZodIssueCode.custom,
                                path: [name, "ingress", "paths"],
                                message: `!"${p}" on ${s.ingress.host} is already routed to "${other}"`,
                            });
                        claimed.set(key, name);
                    }
                }
            }),
        "service names of 1-40 lower-case letters, digits and hyphens, starting with a letter, unique regardless of case",
    )
        .default({})
        .describe("Application services on Kubernetes. See docs/components/service.md.");
}
export type ServicesSettings = z.output<ReturnType<typeof servicesSchema>>;
export type ServiceSettings = ServicesSettings[string];

export { effectiveProbes } from "../service/probes";

/** The Pulumi config keys every `secretEnv` of the services names (their values become Pulumi secrets). */
export function secretEnvConfigKeys(services: ServicesSettings): string[] {
    return [...new Set(Object.values(services).flatMap((s) => Object.values(s.secretEnv)))];
}

export const services = {
    schema: servicesSchema,
    checks: [
        // Dependencies on other sections: buckets and queues that exist, database and cache turned on.
        sectionCheck<"services" | "objectStore" | "queues" | "database" | "cache" | "documentDb" | "broker">({
            name: "services use buckets, queues, secrets, the database and the cache that exist",
            check: (settings, report, { naming, configKeys }) => {
                const buckets = Object.keys(settings.objectStore.buckets);
                const queues = Object.keys(settings.queues.queues);
                for (const [name, s] of Object.entries(settings.services)) {
                    for (const b of Object.keys(s.buckets)) {
                        if (!buckets.includes(b))
                            report(
                                ["services", name, "buckets", b],
                                `!is not a bucket in strata:objectStore.buckets; known: ${buckets.length ? buckets.join(", ") : "(none)"}`,
                            );
                    }
                    for (const q of Object.keys(s.queues)) {
                        if (!queues.includes(q))
                            report(
                                ["services", name, "queues", q],
                                `!is not a queue in strata:queues; known: ${queues.length ? queues.join(", ") : "(none)"}`,
                            );
                    }
                    if (Object.keys(s.buckets).length > 0 || Object.keys(s.queues).length > 0) {
                        // The service's IRSA role is auto-named from the Service component's name (services.ts).
                        checkName(naming, report, ["services", name], () => naming.autoNamed("iamRole", "svc", name, "role"));
                    }
                    for (const [envName, configKey] of Object.entries(s.secretEnv)) {
                        if (!configKeys.has(configKey)) {
                            report(
                                ["services", name, "secretEnv", envName],
                                `!the config key "${configKey}" is not set; set it with 'pulumi config set --secret ${configKey} <value>'`,
                            );
                        }
                    }
                    if (s.database && !settings.database.enabled)
                        report(["services", name, "database"], "!is true, but strata:database is not enabled");
                    if (s.cache && !settings.cache.enabled)
                        report(["services", name, "cache"], "!is true, but strata:cache is not enabled");
                    if (s.documentDb && !settings.documentDb.enabled)
                        report(["services", name, "documentDb"], "!is true, but strata:documentDb is not enabled");
                    if (s.broker && !settings.broker.enabled)
                        report(["services", name, "broker"], "!is true, but strata:broker is not enabled");
                }
            },
        }),
        // The services' minimum replicas must fit the node groups at their maximum size: otherwise pods stay Pending
        // forever on a real cluster, which nothing in a plan would show.
        sectionCheck<"services" | "cluster">({
            name: "the services' minimum replicas fit the node groups at their maximum size",
            check: (settings, report) => {
                const services = Object.values(settings.services);
                if (services.length === 0) return;
                const need = totalRequests(
                    services.map((s) => ({
                        // A run-to-completion service runs one pod at a time (a cron job's overlapping runs aside).
                        replicas: runsToCompletion(s.kind) ? 1 : (s.autoscaling?.minReplicas ?? s.replicas),
                        cpu: s.resources.requests.cpu,
                        memory: s.resources.requests.memory,
                    })),
                );
                let milliCpu = 0;
                let memoryBytes = 0;
                for (const g of settings.cluster.nodeGroups) {
                    // A pool of mixed types counts at its smallest type; pools of families not modelled are not checked.
                    const sizes = g.instanceTypes.map(allocatable);
                    if (sizes.some((a) => a === undefined)) return;
                    milliCpu += g.maxSize * Math.min(...sizes.map((a) => a!.milliCpu));
                    memoryBytes += g.maxSize * Math.min(...sizes.map((a) => a!.memoryBytes));
                }
                if (need.milliCpu > milliCpu || need.memoryBytes > memoryBytes) {
                    const gib = (b: number) => (b / 2 ** 30).toFixed(1);
                    report(
                        ["services"],
                        `!at their minimum replicas the services (plus cluster add-ons) request ${(need.milliCpu / 1000).toFixed(1)} vCPU and ${gib(need.memoryBytes)} GiB, more than strata:cluster.nodeGroups can offer at maxSize (${(milliCpu / 1000).toFixed(1)} vCPU, ${gib(memoryBytes)} GiB allocatable); raise a node group's maxSize or instance size, or lower replicas or requests`,
                    );
                }
            },
        }),
        // One pod must fit one node: a service whose requests exceed what a single node of every pool it may run on can
        // offer stays Pending forever (the autoscaler adds nodes, never bigger ones). Pools with a NoSchedule / NoExecute
        // taint count only for services that tolerate it (spot services and the spot pool's taint).
        sectionCheck<"services" | "cluster">({
            name: "one pod of each service fits one node of a pool it can run on",
            check: (settings, report) => {
                const groups = settings.cluster.nodeGroups;
                for (const [name, s] of Object.entries(settings.services)) {
                    const eligible = groups.filter((g) =>
                        g.taints.every((t) => t.effect === "PREFER_NO_SCHEDULE" || (s.spot && t.key === SPOT_TAINT.key)),
                    );
                    const nodes = eligible.flatMap((g) => g.instanceTypes.map((t) => ({ type: t, a: allocatable(t) })));
                    if (nodes.length === 0 || nodes.some((n) => n.a === undefined)) continue; // families not modelled are not checked
                    const cpu = parseCpu(s.resources.requests.cpu)!;
                    const memory = parseMemory(s.resources.requests.memory)!;
                    // A pool of mixed types launches any of them: the pod must fit its smallest.
                    const fits = eligible.some((g) =>
                        g.instanceTypes.every((t) => allocatable(t)!.milliCpu >= cpu && allocatable(t)!.memoryBytes >= memory),
                    );
                    if (!fits) {
                        const best = nodes.reduce((x, y) =>
                            y.a!.milliCpu + y.a!.memoryBytes / 2 ** 20 > x.a!.milliCpu + x.a!.memoryBytes / 2 ** 20 ? y : x,
                        );
                        report(
                            ["services", name, "resources", "requests"],
                            `!cpu ${s.resources.requests.cpu} and memory ${s.resources.requests.memory} do not fit one node of the node groups this service can run on (largest: ${best.type}, ${(best.a!.milliCpu / 1000).toFixed(2)} vCPU and ${(best.a!.memoryBytes / 2 ** 30).toFixed(1)} GiB allocatable); its pods would stay Pending: lower the requests or add a larger instance type`,
                        );
                    }
                }
            },
        }),
        // An ALB takes certificates of its own region only (Elastic Load Balancing User Guide, "SSL certificates for your
        // Application Load Balancer": the certificate must be in the same Region as the load balancer).
        sectionCheck<"services">({
            name: "ingress certificates are ACM certificates of the stack's region and partition",
            check: ({ services }, report, { region }) => {
                for (const [name, s] of Object.entries(services)) {
                    const arn = s.ingress?.certificateArn;
                    if (!arn) continue;
                    const problem = arnProblem(arn, { services: ["acm"], stackRegion: region, region: "same" });
                    if (problem) report(["services", name, "ingress", "certificateArn"], `!"${arn}" ${problem}`);
                }
            },
        }),
    ],
} satisfies Section<ReturnType<typeof servicesSchema>>;
