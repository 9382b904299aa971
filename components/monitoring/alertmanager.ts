/**
 * Alertmanager's configuration (alertmanager.yaml, https://prometheus.io/docs/alerting/latest/configuration/) from
 * plain settings: one receiver per severity holding every integration that severity goes to, routes by severity,
 * grouping, and an inhibit rule. It carries webhook URLs and routing keys, so the program writes it into a Kubernetes
 * Secret as a Pulumi secret; this module only builds the document.
 */
import YAML from "yaml";

/** Severities a receiver can get. `info` alerts reach no receiver (they are for dashboards and inhibition). */
export const ALERT_SEVERITIES = ["critical", "warning"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const RECEIVER_TYPES = ["slack", "pagerduty", "webhook"] as const;
export type ReceiverType = (typeof RECEIVER_TYPES)[number];

/** What each kind of receiver gets unless it says: the pager wakes people for critical, chat hears warnings. */
export const DEFAULT_RECEIVER_SEVERITIES: Readonly<Record<ReceiverType, readonly AlertSeverity[]>> = {
    pagerduty: ["critical"],
    slack: ["warning"],
    webhook: ["critical", "warning"],
};

/** Labels alerts are grouped by: one notification per alert, namespace and service. */
export const GROUP_BY = ["alertname", "namespace", "service"] as const;

/** The receiver that notifies nobody (info alerts, the chart's Watchdog heartbeat and InfoInhibitor). */
export const NULL_RECEIVER = "null";

/**
 * Alerts kube-prometheus-stack's default rules fire on purpose: Watchdog always fires (a dead-man's switch for an
 * external heartbeat), InfoInhibitor only suppresses info alerts. Neither is sent anywhere.
 */
export const SILENT_ALERTS = ["Watchdog", "InfoInhibitor"] as const;

/** The key of the configuration in its Secret: the operator reads `alertmanager.yaml` from `configSecret`. */
export const ALERTMANAGER_CONFIG_KEY = "alertmanager.yaml";

export interface AlertReceiver {
    type: ReceiverType;
    /** The Pulumi config key holding the URL or routing key. */
    secretKey: string;
    severities?: readonly AlertSeverity[];
    channel?: string;
}

export interface AlertRouting {
    groupWaitSeconds: number;
    groupIntervalMinutes: number;
    repeatIntervalHours: number;
    snsSeverities: readonly AlertSeverity[];
    receivers: Readonly<Record<string, AlertReceiver>>;
}

export interface AlertmanagerContext {
    /** Region of the SNS topic (the SigV4 signing region). */
    region: string;
    /** The SNS alert topic; without it, nothing goes to SNS. */
    alertTopicArn?: string;
    /** Secret config values by key (webhook URLs, routing keys). */
    secrets: Readonly<Record<string, string>>;
}

type Integration = Record<string, unknown>;
export interface AlertmanagerReceiver {
    name: string;
    sns_configs?: Integration[];
    slack_configs?: Integration[];
    pagerduty_configs?: Integration[];
    webhook_configs?: Integration[];
}
export interface AlertmanagerRoute {
    receiver: string;
    matchers?: string[];
    group_by?: string[];
    group_wait?: string;
    group_interval?: string;
    repeat_interval?: string;
    routes?: AlertmanagerRoute[];
}
export interface AlertmanagerConfig {
    global: { resolve_timeout: string };
    route: AlertmanagerRoute;
    receivers: AlertmanagerReceiver[];
    inhibit_rules: Array<{ source_matchers: string[]; target_matchers: string[]; equal: string[] }>;
}

/** The severities a receiver gets: its own, or its type's default. */
export function receiverSeverities(r: AlertReceiver): readonly AlertSeverity[] {
    return r.severities ?? DEFAULT_RECEIVER_SEVERITIES[r.type];
}

const matcher = (label: string, value: string) => `${label}=${JSON.stringify(value)}`;

function integration(r: AlertReceiver, severity: AlertSeverity, secret: string): [keyof AlertmanagerReceiver, Integration] {
    switch (r.type) {
        case "slack":
            return ["slack_configs", { api_url: secret, ...(r.channel ? { channel: r.channel } : {}), send_resolved: true }];
        case "pagerduty":
            return ["pagerduty_configs", { routing_key: secret, severity, send_resolved: true }];
        case "webhook":
            return ["webhook_configs", { url: secret, send_resolved: true }];
    }
}

/**
 * The configuration document. Each severity's receiver collects the SNS topic (if given and the severity is in
 * `snsSeverities`) and every webhook receiver that takes it; a severity nobody takes routes to the null receiver.
 * Throws when a receiver's secret value is missing (config validation refuses that earlier).
 */
export function alertmanagerConfig(s: AlertRouting, c: AlertmanagerContext): AlertmanagerConfig {
    const receivers: AlertmanagerReceiver[] = [{ name: NULL_RECEIVER }];
    const severityRoutes: AlertmanagerRoute[] = [];
    for (const severity of ALERT_SEVERITIES) {
        const receiver: AlertmanagerReceiver = { name: severity };
        const add = (key: keyof AlertmanagerReceiver, config: Integration) =>
            ((receiver[key] as Integration[] | undefined) ??= []).push(config);
        if (c.alertTopicArn && s.snsSeverities.includes(severity)) {
            add("sns_configs", {
                topic_arn: c.alertTopicArn,
                sigv4: { region: c.region },
                subject: `[{{ .Status | toUpper }}] ${severity}: {{ .CommonLabels.alertname }}`,
                // Subscribers can filter on it (SNS subscription filter policies on message attributes).
                attributes: { severity },
                send_resolved: true,
            });
        }
        for (const name of Object.keys(s.receivers).sort()) {
            const r = s.receivers[name];
            if (!receiverSeverities(r).includes(severity)) continue;
            const secret = c.secrets[r.secretKey];
            if (secret === undefined) throw new Error(`Alertmanager receiver ${name}: no value for the secret config key ${r.secretKey}`);
            add(...integration(r, severity, secret));
        }
        const used = Object.keys(receiver).length > 1;
        if (used) receivers.push(receiver);
        severityRoutes.push({ receiver: used ? severity : NULL_RECEIVER, matchers: [matcher("severity", severity)] });
    }
    return {
        global: { resolve_timeout: "5m" },
        route: {
            receiver: NULL_RECEIVER,
            group_by: [...GROUP_BY],
            group_wait: `${s.groupWaitSeconds}s`,
            group_interval: `${s.groupIntervalMinutes}m`,
            repeat_interval: `${s.repeatIntervalHours}h`,
            routes: [...SILENT_ALERTS.map((a) => ({ receiver: NULL_RECEIVER, matchers: [matcher("alertname", a)] })), ...severityRoutes],
        },
        receivers,
        inhibit_rules: [
            // A critical alert silences the warning of the same alert (the same name, namespace and service).
            { source_matchers: [matcher("severity", "critical")], target_matchers: [matcher("severity", "warning")], equal: [...GROUP_BY] },
        ],
    };
}

/** The document as the Secret's `alertmanager.yaml`. */
export function alertmanagerConfigYaml(config: AlertmanagerConfig): string {
    return YAML.stringify(config, { lineWidth: 0 });
}
