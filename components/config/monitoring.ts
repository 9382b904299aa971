import { z } from "zod";
import { CHART_DEFAULTS } from "../catalogue/charts";
import { allocatable } from "../catalogue/ec2";
import { parseCpu, parseMemory } from "../catalogue/quantity";
import { ALERT_SEVERITIES, RECEIVER_TYPES, DEFAULT_RECEIVER_SEVERITIES } from "../monitoring/alertmanager";
import { MONITORING_ROLE_PARTS } from "../monitoring/namespace";
import type { Environment, PerEnvironment } from "./environment";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";

/** gp3 volume sizes (Amazon EBS User Guide, "Amazon EBS General Purpose SSD volumes": 1 GiB to 16 TiB). */
export const GP3_SIZE_GIB = { min: 1, max: 16384 } as const;

interface Resources {
    requests: { cpu: string; memory: string };
    limits: { cpu: string; memory: string };
}

interface MonitoringDefaults {
    prometheus: { replicas: number; retentionDays: number; volumeSizeGi: number; resources: Resources };
    alertmanager: { replicas: number; volumeSizeGi: number; repeatIntervalHours: number };
}

/**
 * Per-environment sizes: dev keeps two days on one replica, staging a week, prod 15 days on two replicas (each
 * Prometheus replica scrapes every target and keeps its own copy, so one can restart while the other serves).
 */
const defaults: PerEnvironment<MonitoringDefaults> = {
    dev: {
        prometheus: {
            replicas: 1,
            retentionDays: 2,
            volumeSizeGi: 10,
            resources: { requests: { cpu: "100m", memory: "512Mi" }, limits: { cpu: "500m", memory: "1Gi" } },
        },
        alertmanager: { replicas: 1, volumeSizeGi: 1, repeatIntervalHours: 12 },
    },
    staging: {
        prometheus: {
            replicas: 1,
            retentionDays: 7,
            volumeSizeGi: 25,
            resources: { requests: { cpu: "200m", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } },
        },
        alertmanager: { replicas: 1, volumeSizeGi: 1, repeatIntervalHours: 8 },
    },
    prod: {
        prometheus: {
            replicas: 2,
            retentionDays: 15,
            volumeSizeGi: 50,
            resources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { cpu: "2", memory: "4Gi" } },
        },
        alertmanager: { replicas: 2, volumeSizeGi: 2, repeatIntervalHours: 4 },
    },
};

const cpuQuantity = allowed(
    z.string().refine((v) => (parseCpu(v) ?? 0) > 0, { message: 'is not a CPU quantity such as "250m" or "1"' }),
    'a Kubernetes CPU quantity above 0, e.g. "250m" or "1"; requests at most the limit',
);
const memoryQuantity = allowed(
    z
        .string()
        .refine((v) => (parseMemory(v) ?? 0) >= 64 * 2 ** 20, { message: 'is not a memory quantity of at least 64Mi such as "512Mi"' }),
    'a Kubernetes memory quantity of at least 64Mi, e.g. "512Mi" or "2Gi"; requests at most the limit',
);

const volumeSize = (what: string, d: number) =>
    allowed(
        z.number().int().min(GP3_SIZE_GIB.min).max(GP3_SIZE_GIB.max),
        `integer ${GP3_SIZE_GIB.min}-${GP3_SIZE_GIB.max} (gp3); never smaller than deployed`,
    )
        .default(d)
        .describe(
            `Size in GiB of each ${what} volume (encrypted gp3). Volumes can grow, never shrink: lowering it on a deployed stack is refused by Kubernetes.`,
        );

const RECEIVER_NAME = /^[a-z][a-z0-9-]{0,30}$/;
const SECRET_CONFIG_KEY = /^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/;

const severities = allowed(
    z.array(z.enum(ALERT_SEVERITIES)).min(1),
    `one or more of ${ALERT_SEVERITIES.join(", ")} (info alerts reach no receiver)`,
);

const receiverSchema = z
    .object({
        type: z
            .enum(RECEIVER_TYPES)
            .describe(
                "slack (slack_configs.api_url), pagerduty (pagerduty_configs.routing_key, Events API v2) or webhook (webhook_configs.url).",
            ),
        secretKey: allowed(
            z.string().regex(SECRET_CONFIG_KEY, 'is not a Pulumi config key like "strata:slackWebhookUrl"'),
            'a Pulumi config key ("namespace:key") the stack sets as a secret',
        ).describe(
            "The Pulumi secret config key holding the Slack webhook URL, the PagerDuty routing key or the webhook URL (set it with `pulumi config set --secret`).",
        ),
        severities: severities.optional().describe(
            `Severities this receiver gets; default by type: ${Object.entries(DEFAULT_RECEIVER_SEVERITIES)
                .map(([t, s]) => `${t} ${s.join("+")}`)
                .join(", ")}.`,
        ),
        channel: z.string().min(1).max(80).optional().describe("Slack only: the channel to post to (default: the webhook's own channel)."),
    })
    .strict()
    .superRefine((r, ctx) => {
        if (r.channel !== undefined && r.type !== "slack")
            ctx.addIssue({
                code: z.ZodIssueCode.custom,
                path: ["channel"],
                message: `!is only allowed on slack receivers (this one is ${r.type})`,
            });
    });

/**
 * `strata:monitoring`: the in-cluster metrics stack (kube-prometheus-stack), on in every environment. Prometheus sizes
 * and retention, Alertmanager's routing to the SNS alert topic and to webhooks whose URLs are secret config, Grafana.
 */
export function monitoringSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            chartVersion: allowed(
                z.string().regex(/^\d+\.\d+\.\d+$/, "is not a chart version like 88.5.3"),
                "a kube-prometheus-stack chart version like 88.5.3",
            )
                .default(CHART_DEFAULTS.kubePrometheusStack.version)
                .describe(
                    "Version of the kube-prometheus-stack Helm chart (upgraded in place; read its UPGRADE.md for the major versions between).",
                ),
            scrapeIntervalSeconds: z
                .number()
                .int()
                .min(10)
                .max(120)
                .default(30)
                .describe("How often Prometheus scrapes every target and evaluates its rules, in seconds (10-120)."),
            prometheus: z
                .object({
                    replicas: z
                        .number()
                        .int()
                        .min(1)
                        .max(5)
                        .default(d.prometheus.replicas)
                        .describe("Prometheus replicas; each scrapes every target and keeps its own volume."),
                    retentionDays: z
                        .number()
                        .int()
                        .min(1)
                        .max(90)
                        .default(d.prometheus.retentionDays)
                        .describe("Days of samples Prometheus keeps (retentionSize caps it at 80% of the volume first)."),
                    volumeSizeGi: volumeSize("Prometheus replica's", d.prometheus.volumeSizeGi),
                    resources: z
                        .object({
                            requests: z
                                .object({
                                    cpu: cpuQuantity
                                        .default(d.prometheus.resources.requests.cpu)
                                        .describe("CPU request of the Prometheus container."),
                                    memory: memoryQuantity
                                        .default(d.prometheus.resources.requests.memory)
                                        .describe("Memory request of the Prometheus container."),
                                })
                                .strict()
                                .default({})
                                .describe("What the scheduler reserves for each Prometheus pod."),
                            limits: z
                                .object({
                                    cpu: cpuQuantity
                                        .default(d.prometheus.resources.limits.cpu)
                                        .describe("CPU limit of the Prometheus container."),
                                    memory: memoryQuantity
                                        .default(d.prometheus.resources.limits.memory)
                                        .describe("Memory limit of the Prometheus container."),
                                })
                                .strict()
                                .default({})
                                .describe("What each Prometheus pod may use at most."),
                        })
                        .strict()
                        .default({})
                        .describe("Requests and limits of the Prometheus server container (its memory grows with the number of series)."),
                })
                .strict()
                .default({})
                .describe("The Prometheus server (a StatefulSet the operator runs)."),
            alertmanager: z
                .object({
                    replicas: z
                        .number()
                        .int()
                        .min(1)
                        .max(5)
                        .default(d.alertmanager.replicas)
                        .describe("Alertmanager replicas (they gossip, so a notification goes out once)."),
                    volumeSizeGi: volumeSize("Alertmanager replica's", d.alertmanager.volumeSizeGi),
                    groupWaitSeconds: z
                        .number()
                        .int()
                        .min(0)
                        .max(600)
                        .default(30)
                        .describe("How long a new alert group waits for more alerts before its first notification."),
                    groupIntervalMinutes: z
                        .number()
                        .int()
                        .min(1)
                        .max(60)
                        .default(5)
                        .describe("How long a group waits before notifying about alerts added to it."),
                    repeatIntervalHours: z
                        .number()
                        .int()
                        .min(1)
                        .max(168)
                        .default(d.alertmanager.repeatIntervalHours)
                        .describe("How long before a still-firing alert is sent again."),
                    snsSeverities: severities
                        .default(["critical", "warning"])
                        .describe("Severities sent to the SNS alert topic (when the platform has one)."),
                    receivers: allowed(
                        z
                            .record(z.string(), receiverSchema.describe("One Slack, PagerDuty or webhook receiver."))
                            .superRefine((rs, ctx) => {
                                for (const name of Object.keys(rs))
                                    if (!RECEIVER_NAME.test(name))
                                        ctx.addIssue({
                                            code: z.ZodIssueCode.custom,
                                            path: [name],
                                            message: `!receiver name ${JSON.stringify(name)} is not allowed: 1-31 lower-case letters, digits and hyphens, starting with a letter`,
                                        });
                            }),
                        "receiver names of 1-31 lower-case letters, digits and hyphens, starting with a letter",
                    )
                        .default({})
                        .describe(
                            "Webhook receivers by name; each names the secret config key of its URL or routing key and the severities it gets.",
                        ),
                })
                .strict()
                .default({})
                .describe("Alertmanager: routing by severity (critical -> pager + SNS, warning -> chat + SNS, info -> none)."),
            grafana: z
                .object({
                    persistence: z
                        .object({
                            enabled: z
                                .boolean()
                                .default(false)
                                .describe(
                                    "Keep Grafana's database (users, UI-made dashboards, annotations) on an encrypted gp3 volume; off: dashboards and data sources come from code and the admin password from a Secret, so nothing needed is lost on restart.",
                                ),
                            sizeGi: volumeSize("Grafana", 5),
                        })
                        .strict()
                        .default({})
                        .describe("Grafana's volume (off by default)."),
                })
                .strict()
                .default({})
                .describe("Grafana (ClusterIP only: reach it with kubectl port-forward)."),
            runbookBaseUrl: allowed(
                z.string().regex(/^https:\/\/\S+$/, "is not an https URL"),
                "an https URL of docs/operations.md as your team reads it",
            )
                .optional()
                .describe(
                    "Where the alert rules' runbook_url links point: the URL of docs/operations.md in your copy of this repository (e.g. its GitHub page); unset: the repository path docs/operations.md.",
                ),
        })
        .strict()
        .superRefine((m, ctx) => {
            const r = m.prometheus.resources;
            for (const [what, parse] of [
                ["cpu", parseCpu],
                ["memory", parseMemory],
            ] as const) {
                if (parse(r.requests[what])! > parse(r.limits[what])!)
                    ctx.addIssue({
                        code: z.ZodIssueCode.custom,
                        path: ["prometheus", "resources", "requests", what],
                        message: `!"${r.requests[what]}" is more than the limit "${r.limits[what]}"; requests must be <= limits`,
                    });
            }
        })
        .default({})
        .describe(
            "The in-cluster metrics stack: Prometheus, Alertmanager, Grafana (kube-prometheus-stack). See docs/components/monitoring.md.",
        );
}
export type MonitoringSettings = z.output<ReturnType<typeof monitoringSchema>>;
export type AlertReceiverSettings = MonitoringSettings["alertmanager"]["receivers"][string];

/** The Pulumi config keys the Alertmanager receivers name (their values become Pulumi secrets). */
export function monitoringSecretConfigKeys(m: MonitoringSettings): string[] {
    return [...new Set(Object.values(m.alertmanager.receivers).map((r) => r.secretKey))];
}

export const monitoring = {
    schema: monitoringSchema,
    checks: [
        // Grafana's and Alertmanager's IRSA roles are auto-named from these logical names.
        sectionCheck<"monitoring">({
            name: "the metrics stack's IAM role names fit IAM's limit",
            check: (_settings, report, { naming }) => {
                for (const parts of Object.values(MONITORING_ROLE_PARTS))
                    checkName(naming, report, ["monitoring"], () => naming.autoNamed("iamRole", ...parts));
            },
        }),
        sectionCheck<"monitoring">({
            name: "Alertmanager receivers name secret config keys the stack sets",
            check: (settings, report, { configKeys }) => {
                for (const [name, r] of Object.entries(settings.monitoring.alertmanager.receivers)) {
                    if (!configKeys.has(r.secretKey))
                        report(
                            ["monitoring", "alertmanager", "receivers", name, "secretKey"],
                            `!the config key "${r.secretKey}" is not set; set it with 'pulumi config set --secret ${r.secretKey} <value>'`,
                        );
                }
            },
        }),
        // A Prometheus pod that fits no node stays Pending forever (the autoscaler adds nodes, never bigger ones).
        sectionCheck<"monitoring" | "cluster">({
            name: "one Prometheus pod fits one node",
            check: (settings, report) => {
                const req = settings.monitoring.prometheus.resources.requests;
                const cpu = parseCpu(req.cpu)!;
                const memory = parseMemory(req.memory)!;
                // Prometheus tolerates no taint: pools that repel pods (the spot pool) do not count.
                const sizes = settings.cluster.nodeGroups
                    .filter((g) => g.taints.every((t) => t.effect === "PREFER_NO_SCHEDULE"))
                    .flatMap((g) => g.instanceTypes.map(allocatable));
                if (sizes.length === 0 || sizes.some((a) => a === undefined)) return; // families not modelled are not checked
                if (!sizes.some((a) => a!.milliCpu >= cpu && a!.memoryBytes >= memory))
                    report(
                        ["monitoring", "prometheus", "resources", "requests"],
                        `!cpu ${req.cpu} and memory ${req.memory} fit no node of strata:cluster.nodeGroups; the Prometheus pods would stay Pending: lower the requests or add a larger instance type`,
                    );
            },
        }),
    ],
} satisfies Section<ReturnType<typeof monitoringSchema>>;
