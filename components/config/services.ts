import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { SPOT_TAINT } from "../catalogue/spot";
import { ConfigError } from "./errors";
import { Environment, PerEnvironment } from "./environment";
import { CROSS_CHECKS, checkName } from "./checks";
import { parseCpu, parseMemory } from "./quantity";
import { allocatable, totalRequests } from "../capacity";

/** Kinds of application service: `web` serves HTTP (Service, optional Ingress); `worker` has neither (Celery workers). */
export const SERVICE_KINDS = ["web", "worker"] as const;
export const BUCKET_ACCESS = ["read", "readwrite"] as const;
export const QUEUE_ACCESS = ["consume", "produce", "both"] as const;

/** Environment variables Strata sets itself from declared dependencies; a service may not set them in `env`. */
export const RESERVED_ENV = ["DATABASE_URL", "REDIS_URL", "AWS_REGION", "AWS_DEFAULT_REGION", "STRATA_ENVIRONMENT"] as const;

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
    dev: { replicas: 1, requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" }, scaleUpStabilizationSeconds: 0 },
    staging: { replicas: 2, requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" }, scaleUpStabilizationSeconds: 30 },
    prod: { replicas: 3, requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1000m", memory: "1Gi" }, scaleUpStabilizationSeconds: 30 },
};

/** True when an image reference names a digest, or a tag other than `latest`. */
export function isPinnedImage(image: string): boolean {
    if (/@sha256:[a-f0-9]{64}$/.test(image)) return true;
    const lastSlash = image.lastIndexOf("/");
    const lastColon = image.lastIndexOf(":");
    if (lastColon <= lastSlash) return false; // no tag (a colon before the last slash is a registry port)
    const tag = image.slice(lastColon + 1);
    return /^[\w][\w.-]{0,127}$/.test(tag) && tag !== "latest";
}

const cpuQuantity = z.string().refine((v) => parseCpu(v) !== undefined && parseCpu(v)! > 0, {
    message: 'is not a CPU quantity such as "250m" or "1"',
});
const memoryQuantity = z.string().refine((v) => parseMemory(v) !== undefined && parseMemory(v)! >= 4 * 2 ** 20, {
    message: 'is not a memory quantity of at least 4Mi such as "512Mi" or "1Gi"',
});
const containerPort = z
    .number()
    .int()
    .min(1)
    .max(65535)
    .refine((p) => p >= 1024, { message: "is a privileged port: the restricted Pod Security profile drops NET_BIND_SERVICE, so containers listen on 1024-65535 (e.g. 8080)" });

const probeSchema = z
    .object({
        /** HTTP GET path (web services), e.g. /health. */
        path: z.string().regex(/^\/[^\s]*$/, "is not an HTTP path starting with /").optional(),
        /** Port for the HTTP probe; default the container port. */
        port: z.number().int().min(1).max(65535).optional(),
        /** Command for an exec probe (workers), e.g. ["celery", "inspect", "ping"]. */
        exec: z.array(z.string().min(1)).min(1).optional(),
        initialDelaySeconds: z.number().int().min(0).max(3600).default(0),
        periodSeconds: z.number().int().min(1).max(300).default(10),
        timeoutSeconds: z.number().int().min(1).max(120).default(3),
        failureThreshold: z.number().int().min(1).max(120).default(3),
    })
    .strict()
    .superRefine((p, ctx) => {
        if ((p.path === undefined) === (p.exec === undefined)) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: "!needs exactly one of path (HTTP GET) or exec (command)" });
        }
    });
export type ProbeSettings = z.output<typeof probeSchema>;

function serviceSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            kind: z.enum(SERVICE_KINDS).default("web"),
            /** Container image with a pinned tag (not latest) or a digest. */
            image: z.string().min(1).refine(isPinnedImage, { message: "is not pinned; use a tag other than latest or a digest" }),
            /** Kubernetes namespace; default: the system name (`strata:name`). One per context for multi-tenant systems. */
            namespace: z
                .string()
                .max(63)
                .regex(DNS_LABEL, "is not a Kubernetes namespace name (lower-case letters, digits, hyphens)")
                .refine((v) => !v.startsWith("kube-") && v !== "default", { message: "is reserved by Kubernetes" })
                .optional(),
            command: z.array(z.string()).optional(),
            args: z.array(z.string()).optional(),
            /** The port the container listens on (web services). */
            port: containerPort.default(8080),
            /**
             * The Kubernetes Service's port (other services call `http://<name>.<namespace>:<servicePort>`). Default: the
             * container port, so a NetworkPolicy's port and the Service's port are the same number (the EKS network
             * policy agent's documented requirement for calls through a ClusterIP).
             */
            servicePort: z.number().int().min(1).max(65535).optional(),
            /** Fixed replica count when `autoscaling` is not set. */
            replicas: z.number().int().min(1).max(500).default(d.replicas),
            autoscaling: z
                .object({
                    minReplicas: z.number().int().min(1).max(500),
                    maxReplicas: z.number().int().min(1).max(500),
                    targetCpuUtilization: z.number().int().min(1).max(100).default(70),
                    targetMemoryUtilization: z.number().int().min(1).max(100).default(80),
                    scaleUpStabilizationSeconds: z.number().int().min(0).max(3600).default(d.scaleUpStabilizationSeconds),
                    scaleDownStabilizationSeconds: z.number().int().min(0).max(3600).default(300),
                    /** At most this percentage of current pods added per `periodSeconds`. */
                    scaleUpPercent: z.number().int().min(1).max(1000).default(100),
                    /** ... or at most this many pods, whichever is more. */
                    scaleUpPods: z.number().int().min(1).max(100).default(4),
                    /** At most this percentage of pods removed per `periodSeconds`. */
                    scaleDownPercent: z.number().int().min(1).max(100).default(50),
                    periodSeconds: z.number().int().min(1).max(1800).default(30),
                })
                .strict()
                .optional(),
            resources: z
                .object({
                    requests: z.object({ cpu: cpuQuantity.default(d.requests.cpu), memory: memoryQuantity.default(d.requests.memory) }).strict().default({}),
                    limits: z.object({ cpu: cpuQuantity.default(d.limits.cpu), memory: memoryQuantity.default(d.limits.memory) }).strict().default({}),
                })
                .strict()
                .default({}),
            probes: z
                .object({ liveness: probeSchema.optional(), readiness: probeSchema.optional(), startup: probeSchema.optional() })
                .strict()
                .default({}),
            /** Plain environment (ConfigMap). */
            env: z.record(z.string(), z.string()).default({}),
            /** Secret environment: variable name -> Pulumi secret config key ("namespace:key"), e.g. LLM_API_KEY: "visa:llmApiKey". */
            secretEnv: z.record(z.string(), z.string().regex(/^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/, 'is not a Pulumi config key like "myapp:llmApiKey"')).default({}),
            /** Writable emptyDir mounts (the root filesystem is read-only). */
            writablePaths: z.array(z.string().regex(/^\/[^\s]*$/, "is not an absolute path")).default(["/tmp"]),
            /** Non-root user and group the container runs as. */
            runAsUser: z.number().int().min(1).max(2147483647).default(10001),
            runAsGroup: z.number().int().min(1).max(2147483647).optional(),
            /** Services this one calls (names in strata:services). */
            calls: z.array(z.string()).default([]),
            /** Gets DATABASE_URL (secret) and egress to PostgreSQL. */
            database: z.boolean().default(false),
            /** Gets REDIS_URL (secret) and egress to Redis. */
            cache: z.boolean().default(false),
            /** Buckets (names in strata:objectStore) and the access the service gets. */
            buckets: z.record(z.string(), z.enum(BUCKET_ACCESS)).default({}),
            /** Queues (names in strata:queues) and the access the service gets. */
            queues: z.record(z.string(), z.enum(QUEUE_ACCESS)).default({}),
            /** External HTTPS hosts the service calls (LLM APIs); documented, NetworkPolicy opens 443 to public addresses. */
            externalHosts: z.array(z.string().regex(/^(\*\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$/, "is not a host name like api.openai.com")).default([]),
            /** Public HTTPS entry through the shared ALB of the namespace; created only when host and certificateArn are set. */
            ingress: z
                .object({
                    host: z.string().regex(/^(\*\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$/, "is not a host name like app.example.com").optional(),
                    certificateArn: z.string().regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/, "is not an ACM certificate ARN").optional(),
                    paths: z.array(z.string().regex(/^\/[^\s]*$/, "is not a path starting with /")).min(1).default(["/"]),
                })
                .strict()
                .optional(),
            /** Mount the ServiceAccount token (only for services that call the Kubernetes API). */
            automountServiceAccountToken: z.boolean().default(false),
            terminationGracePeriodSeconds: z.number().int().min(0).max(3600).default(30),
            /** Run on the spot node pool (tolerates its taint); for interruptible workers. */
            spot: z.boolean().default(false),
        })
        .strict()
        .transform((s) => ({ ...s, servicePort: s.servicePort ?? s.port }));
}

/**
 * `strata:services`: the application services, keyed by name. Each becomes a Deployment, ServiceAccount (+ IAM role
 * when it uses buckets or queues), ConfigMap, Secret, NetworkPolicy, and for `web` a Service, optionally an Ingress;
 * an HPA when `autoscaling` is set and a PodDisruptionBudget when at least two replicas run.
 */
export function servicesSchema(env: Environment) {
    return z
        .record(z.string(), serviceSchema(env))
        .superRefine((services, ctx) => {
            const names = Object.keys(services);
            for (const [name, s] of Object.entries(services)) {
                const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name, ...path], message });
                if (!DNS_LABEL.test(name) || name.length > 40) {
                    issue([], `!"${name}" is not a service name: 1-40 lower-case letters, digits and hyphens, starting with a letter`);
                }
                const lowerNames = names.filter((n) => n !== name && n.toLowerCase() === name.toLowerCase());
                if (lowerNames.length > 0) issue([], `!"${name}" differs from "${lowerNames[0]}" only in case; service names must be unique`);
                if (s.autoscaling && s.autoscaling.minReplicas > s.autoscaling.maxReplicas) {
                    issue(["autoscaling", "minReplicas"], `!is ${s.autoscaling.minReplicas}, more than maxReplicas (${s.autoscaling.maxReplicas}); minReplicas must be <= maxReplicas`);
                }
                for (const res of ["cpu", "memory"] as const) {
                    const parse = res === "cpu" ? parseCpu : parseMemory;
                    const req = parse(s.resources.requests[res]);
                    const lim = parse(s.resources.limits[res]);
                    if (req !== undefined && lim !== undefined && req > lim) {
                        issue(["resources", "requests", res], `!"${s.resources.requests[res]}" is more than the limit "${s.resources.limits[res]}"; requests must be <= limits`);
                    }
                }
                for (const called of s.calls) {
                    if (!(called in services)) issue(["calls"], `!"${called}" is not a service in strata:services; known: ${names.join(", ")}`);
                    else if (called === name) issue(["calls"], `!"${called}" is the service itself`);
                    else if (services[called].kind === "worker") issue(["calls"], `!"${called}" is a worker: it has no Service to call`);
                }
                if (s.kind === "worker") {
                    if (s.ingress) issue(["ingress"], "!workers have no Service, so they cannot have an ingress; use kind: web");
                    for (const p of ["liveness", "readiness"] as const) {
                        if (!s.probes[p]) issue(["probes", p], `!workers need an exec ${p} probe (for example ["celery", "-A", "app", "inspect", "ping"])`);
                        else if (s.probes[p]!.path) issue(["probes", p, "path"], "!workers have no HTTP port; use an exec probe");
                    }
                }
                if (s.servicePort < 1 || s.servicePort > 65535) issue(["servicePort"], "!must be 1-65535");
                for (const [k, probe] of Object.entries(s.probes)) {
                    if (probe?.port !== undefined && probe.port < 1024) issue(["probes", k, "port"], `!${probe.port} is a privileged port; containers listen on 1024-65535`);
                }
                if (s.ingress && (s.ingress.host === undefined) !== (s.ingress.certificateArn === undefined)) {
                    issue(["ingress"], `!needs both host and certificateArn (HTTPS only); set ${s.ingress.host === undefined ? "host" : "certificateArn"} too, or neither to keep the service internal`);
                }
                for (const [k, v] of Object.entries(s.env)) {
                    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) issue(["env", k], "!is not an environment variable name");
                    if ((RESERVED_ENV as readonly string[]).includes(k)) issue(["env", k], "!is set by Strata from the service's declared dependencies; remove it from env");
                    if (SECRET_LIKE_ENV.test(k) && v.length > 0) issue(["env", k], "!looks like a credential: plain env goes into a ConfigMap; put it in secretEnv (a Pulumi secret config key) instead");
                }
                for (const k of Object.keys(s.secretEnv)) {
                    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) issue(["secretEnv", k], "!is not an environment variable name");
                    if ((RESERVED_ENV as readonly string[]).includes(k)) issue(["secretEnv", k], "!is set by Strata from the service's declared dependencies");
                    if (k in s.env) issue(["secretEnv", k], "!is also set in env; set it in one place");
                }
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
                    if (other) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name, "ingress", "paths"], message: `!"${p}" on ${s.ingress.host} is already routed to "${other}"` });
                    claimed.set(key, name);
                }
            }
        })
        .default({});
}
export type ServicesSettings = z.output<ReturnType<typeof servicesSchema>>;
export type ServiceSettings = ServicesSettings[string];

/** The effective probes of a service: web services default to GET /health (liveness) and GET /ready (readiness). */
export function effectiveProbes(s: ServiceSettings): { liveness?: ProbeSettings; readiness?: ProbeSettings; startup?: ProbeSettings } {
    const base = { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 };
    if (s.kind === "worker") return s.probes;
    return {
        liveness: s.probes.liveness ?? { ...base, path: "/health" },
        readiness: s.probes.readiness ?? { ...base, path: "/ready", periodSeconds: 5 },
        startup: s.probes.startup,
    };
}

/** Names of the declared buckets of `strata:objectStore`, whatever shape that section takes (record or list). */
export function declaredNames(section: unknown, ...keys: string[]): string[] | undefined {
    if (!section || typeof section !== "object") return undefined;
    for (const k of keys) {
        const v = (section as Record<string, unknown>)[k];
        if (Array.isArray(v)) return v.map((e) => (typeof e === "string" ? e : (e as { name?: string }).name)).filter((e): e is string => typeof e === "string");
        if (v && typeof v === "object") return Object.keys(v);
    }
    return undefined;
}

/** Whether a data-tier section (`strata:database`, `strata:cache`) is turned on. */
export function sectionEnabled(section: unknown): boolean {
    if (!section || typeof section !== "object") return false;
    const enabled = (section as { enabled?: unknown }).enabled;
    return enabled === undefined ? true : enabled === true;
}

// Dependencies on other sections: buckets and queues that exist, database and cache turned on.
CROSS_CHECKS.push((settings, report, naming, context) => {
    const services = settings.services as ServicesSettings;
    const buckets = declaredNames(settings.objectStore, "buckets");
    const queues = declaredNames(settings.queues, "queues");
    for (const [name, s] of Object.entries(services)) {
        for (const b of Object.keys(s.buckets)) {
            if (!buckets?.includes(b)) report(["services", name, "buckets", b], `!is not a bucket in strata:objectStore.buckets; known: ${buckets?.length ? buckets.join(", ") : "(none)"}`);
        }
        for (const q of Object.keys(s.queues)) {
            if (!queues?.includes(q)) report(["services", name, "queues", q], `!is not a queue in strata:queues; known: ${queues?.length ? queues.join(", ") : "(none)"}`);
        }
        if (Object.keys(s.buckets).length > 0 || Object.keys(s.queues).length > 0) {
            // The service's IRSA role is auto-named from the Service component's name (services.ts).
            checkName(naming, report, ["services", name], () => naming.autoNamed("iamRole", "svc", name, "role"));
        }
        for (const [envName, configKey] of Object.entries(s.secretEnv)) {
            if (!context.configKeys.has(configKey)) {
                report(["services", name, "secretEnv", envName], `!the config key "${configKey}" is not set; set it with 'pulumi config set --secret ${configKey} <value>'`);
            }
        }
        if (s.database && !sectionEnabled(settings.database)) report(["services", name, "database"], "!is true, but strata:database is not enabled");
        if (s.cache && !sectionEnabled(settings.cache)) report(["services", name, "cache"], "!is true, but strata:cache is not enabled");
    }
});

/** The Pulumi config keys every `secretEnv` of the services names (their values become Pulumi secrets). */
export function secretEnvConfigKeys(services: ServicesSettings): string[] {
    return [...new Set(Object.values(services).flatMap((s) => Object.values(s.secretEnv)))];
}

// The services' minimum replicas must fit the node groups at their maximum size: otherwise pods stay Pending
// forever on a real cluster, which nothing in a plan would show.
CROSS_CHECKS.push((settings, report) => {
    const services = Object.values(settings.services as ServicesSettings);
    if (services.length === 0) return;
    const need = totalRequests(
        services.map((s) => ({ replicas: s.autoscaling?.minReplicas ?? s.replicas, cpu: s.resources.requests.cpu, memory: s.resources.requests.memory })),
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
});


// One pod must fit one node: a service whose requests exceed what a single node of every pool it may run on can
// offer stays Pending forever (the autoscaler adds nodes, never bigger ones). Pools with a NoSchedule / NoExecute
// taint count only for services that tolerate it (spot services and the spot pool's taint).
CROSS_CHECKS.push((settings, report) => {
    const groups = settings.cluster.nodeGroups;
    for (const [name, s] of Object.entries(settings.services as ServicesSettings)) {
        const eligible = groups.filter((g) => g.taints.every((t) => t.effect === "PREFER_NO_SCHEDULE" || (s.spot && t.key === SPOT_TAINT.key)));
        const nodes = eligible.flatMap((g) => g.instanceTypes.map((t) => ({ type: t, a: allocatable(t) })));
        if (nodes.length === 0 || nodes.some((n) => n.a === undefined)) continue; // families not modelled are not checked
        const cpu = parseCpu(s.resources.requests.cpu)!;
        const memory = parseMemory(s.resources.requests.memory)!;
        // A pool of mixed types launches any of them: the pod must fit its smallest.
        const fits = eligible.some((g) => g.instanceTypes.every((t) => allocatable(t)!.milliCpu >= cpu && allocatable(t)!.memoryBytes >= memory));
        if (!fits) {
            const best = nodes.reduce((x, y) => (y.a!.milliCpu + y.a!.memoryBytes / 2 ** 20 > x.a!.milliCpu + x.a!.memoryBytes / 2 ** 20 ? y : x));
            report(
                ["services", name, "resources", "requests"],
                `!cpu ${s.resources.requests.cpu} and memory ${s.resources.requests.memory} do not fit one node of the node groups this service can run on (largest: ${best.type}, ${(best.a!.milliCpu / 1000).toFixed(2)} vCPU and ${(best.a!.memoryBytes / 2 ** 30).toFixed(1)} GiB allocatable); its pods would stay Pending: lower the requests or add a larger instance type`,
            );
        }
    }
});
