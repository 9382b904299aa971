/**
 * kube-prometheus-stack's Helm values from plain settings (value paths as the chart's values.yaml at the pinned version
 * names them; the Grafana, kube-state-metrics and prometheus-node-exporter keys are those subcharts' values).
 */
import type * as pulumi from "@pulumi/pulumi";
import { CLOUDWATCH_DATASOURCE_UID, GRAFANA_DASHBOARD_LABEL, PROMETHEUS_DATASOURCE_UID } from "../catalogue/monitoring";
import type { ContainerResources, MonitoringSizing } from "./workloads";
import { CONTAINER_RESOURCES } from "./workloads";

/** What the values are built from: a slice of the `strata:monitoring` settings. */
export interface MetricsSettings extends MonitoringSizing {
    scrapeIntervalSeconds: number;
    prometheus: MonitoringSizing["prometheus"] & { retentionDays: number; volumeSizeGi: number };
    alertmanager: MonitoringSizing["alertmanager"] & { volumeSizeGi: number };
    grafana: { persistence: { enabled: boolean; sizeGi: number } };
}

/** What the values get from the resources the component creates first; Inputs pass through untouched. */
export interface MetricsContext {
    region: string;
    /** The cluster's encrypted gp3 StorageClass. */
    storageClassName: string;
    /** The Secret holding alertmanager.yaml (the chart creates none). */
    alertmanagerConfigSecret: pulumi.Input<string>;
    /** The Secret holding Grafana's admin user and password. */
    grafanaAdminSecret: string;
    /** IRSA role of Alertmanager's service account (publishes to SNS); absent without an alert topic. */
    alertmanagerRoleArn?: pulumi.Input<string>;
    /** IRSA role of Grafana's service account (reads CloudWatch). */
    grafanaRoleArn: pulumi.Input<string>;
}

/** Service accounts of the chart that get IAM roles, named explicitly so the roles' trust policies name them exactly. */
export const SERVICE_ACCOUNTS = {
    alertmanager: "kube-prometheus-stack-alertmanager",
    grafana: "kube-prometheus-stack-grafana",
} as const;

/** The keys of Grafana's admin Secret (the chart's `admin.userKey` / `admin.passwordKey` defaults). */
export const GRAFANA_ADMIN_KEYS = { user: "admin-user", password: "admin-password" } as const;

/** Grafana's port on its ClusterIP Service (the chart's `service.port`), for `kubectl port-forward`. */
export const GRAFANA_SERVICE_PORT = 80;

/** The share of a Prometheus volume its blocks, WAL and chunks may fill before the oldest blocks go (retentionSize). */
export const RETENTION_SIZE_SHARE = 0.8;

/**
 * Pod and container security contexts that satisfy the Pod Security Standards `restricted` profile: non-root,
 * RuntimeDefault seccomp, no privilege escalation, every capability dropped, a read-only root filesystem.
 */
export function restrictedPod(uid: number) {
    return { runAsNonRoot: true, runAsUser: uid, runAsGroup: uid, fsGroup: uid, seccompProfile: { type: "RuntimeDefault" } };
}
export const RESTRICTED_CONTAINER = {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    privileged: false,
    capabilities: { drop: ["ALL"] },
    seccompProfile: { type: "RuntimeDefault" },
} as const;

/** Prometheus's retentionSize: 80% of its volume, in GB (Prometheus reads the unit as 2^30 bytes). */
export function retentionSize(volumeSizeGi: number): string {
    return `${Math.max(1, Math.floor(volumeSizeGi * RETENTION_SIZE_SHARE))}GB`;
}

const resources = (r: ContainerResources) => ({ requests: { ...r.requests }, limits: { ...r.limits } });

/** An encrypted gp3 ReadWriteOnce claim template of `sizeGi`. */
function claimTemplate(storageClassName: string, sizeGi: number) {
    return {
        volumeClaimTemplate: {
            spec: { storageClassName, accessModes: ["ReadWriteOnce"], resources: { requests: { storage: `${sizeGi}Gi` } } },
        },
    };
}

/**
 * A StatefulSet's PVC retention (Kubernetes 1.27+): delete the volumes with the StatefulSet, so a teardown leaves no
 * EBS volume behind; keep them when scaled down, so scaling back up finds its data.
 */
export const PVC_RETENTION = { whenDeleted: "Delete", whenScaled: "Retain" } as const;

/** The Grafana data source for CloudWatch (RDS, ElastiCache, ALB and SQS metrics, Logs Insights) through the pod's IRSA role. */
export function cloudWatchDataSource(region: string) {
    return {
        name: "CloudWatch",
        uid: CLOUDWATCH_DATASOURCE_UID,
        type: "cloudwatch",
        access: "proxy",
        editable: false,
        // "AWS SDK Default": the web identity token EKS mounts for the service account's role.
        jsonData: { authType: "default", defaultRegion: region },
    };
}

/**
 * What node-exporter needs of the node to report its CPU, memory, disks and network: the host's network and PID
 * namespaces and its root filesystem mounted read-only (the chart's defaults, written out). This is why its namespace
 * enforces the `privileged` Pod Security level (MONITORING_POD_SECURITY).
 */
export const NODE_EXPORTER_HOST_ACCESS = {
    hostNetwork: true,
    hostPID: true,
    hostRootFsMount: { enabled: true, mountPropagation: "HostToContainer" },
} as const;

/** The values. Everything the chart renders runs restricted except node-exporter (see NODE_EXPORTER_HOST_ACCESS). */
export function metricsValues(s: MetricsSettings, c: MetricsContext) {
    const r = CONTAINER_RESOURCES;
    const interval = `${s.scrapeIntervalSeconds}s`;
    return {
        // The CRDs ship with the chart (its crds subchart); the namespace comes from the component, never from Helm.
        crds: { enabled: true },
        defaultRules: { create: true },
        prometheusOperator: {
            resources: resources(r.operator),
            securityContext: restrictedPod(65534),
            containerSecurityContext: RESTRICTED_CONTAINER,
            prometheusConfigReloader: { resources: resources(r.configReloader) },
            admissionWebhooks: {
                patch: {
                    resources: resources(r.webhookJob),
                    securityContext: restrictedPod(2000),
                },
                createSecretJob: { securityContext: RESTRICTED_CONTAINER },
                patchWebhookJob: { securityContext: RESTRICTED_CONTAINER },
            },
        },
        prometheus: {
            prometheusSpec: {
                replicas: s.prometheus.replicas,
                retention: `${s.prometheus.retentionDays}d`,
                retentionSize: retentionSize(s.prometheus.volumeSizeGi),
                scrapeInterval: interval,
                evaluationInterval: interval,
                // Select every ServiceMonitor, PodMonitor, Probe, ScrapeConfig and PrometheusRule in every namespace,
                // not only those labelled with this release (the chart's default).
                serviceMonitorSelectorNilUsesHelmValues: false,
                podMonitorSelectorNilUsesHelmValues: false,
                ruleSelectorNilUsesHelmValues: false,
                probeSelectorNilUsesHelmValues: false,
                scrapeConfigSelectorNilUsesHelmValues: false,
                serviceMonitorSelector: {},
                serviceMonitorNamespaceSelector: {},
                podMonitorSelector: {},
                podMonitorNamespaceSelector: {},
                ruleSelector: {},
                ruleNamespaceSelector: {},
                probeNamespaceSelector: {},
                scrapeConfigNamespaceSelector: {},
                storageSpec: claimTemplate(c.storageClassName, s.prometheus.volumeSizeGi),
                persistentVolumeClaimRetentionPolicy: { ...PVC_RETENTION },
                resources: resources(s.prometheus.resources),
                // The operator gives its containers a restricted context itself (no escalation, read-only root, drop ALL).
                securityContext: restrictedPod(1000),
            },
            podDisruptionBudget: { enabled: s.prometheus.replicas > 1, minAvailable: 1 },
        },
        alertmanager: {
            serviceAccount: {
                create: true,
                name: SERVICE_ACCOUNTS.alertmanager,
                annotations: c.alertmanagerRoleArn ? { "eks.amazonaws.com/role-arn": c.alertmanagerRoleArn } : {},
            },
            alertmanagerSpec: {
                replicas: s.alertmanager.replicas,
                // The configuration (with its webhook URLs) is the component's Secret; the chart renders none.
                useExistingSecret: true,
                configSecret: c.alertmanagerConfigSecret,
                storage: claimTemplate(c.storageClassName, s.alertmanager.volumeSizeGi),
                persistentVolumeClaimRetentionPolicy: { ...PVC_RETENTION },
                resources: resources(r.alertmanager),
                securityContext: restrictedPod(1000),
            },
            podDisruptionBudget: { enabled: s.alertmanager.replicas > 1, minAvailable: 1 },
        },
        grafana: {
            admin: { existingSecret: c.grafanaAdminSecret, userKey: GRAFANA_ADMIN_KEYS.user, passwordKey: GRAFANA_ADMIN_KEYS.password },
            serviceAccount: {
                create: true,
                name: SERVICE_ACCOUNTS.grafana,
                annotations: { "eks.amazonaws.com/role-arn": c.grafanaRoleArn },
            },
            // No public exposure: a ClusterIP Service and no Ingress (operators use kubectl port-forward).
            service: { type: "ClusterIP", port: GRAFANA_SERVICE_PORT },
            ingress: { enabled: false },
            persistence: s.grafana.persistence.enabled
                ? {
                      enabled: true,
                      type: "pvc",
                      storageClassName: c.storageClassName,
                      accessModes: ["ReadWriteOnce"],
                      size: `${s.grafana.persistence.sizeGi}Gi`,
                  }
                : { enabled: false },
            // One ReadWriteOnce volume cannot attach to two pods during a rolling update.
            ...(s.grafana.persistence.enabled ? { deploymentStrategy: { type: "Recreate" } } : {}),
            // The chown init container runs as root; with a fsGroup the volume is writable without it.
            initChownData: { enabled: false },
            resources: resources(r.grafana),
            securityContext: restrictedPod(472),
            containerSecurityContext: RESTRICTED_CONTAINER,
            // Grafana writes temporary files; the root filesystem is read-only.
            extraEmptyDirMounts: [{ name: "tmp", mountPath: "/tmp" }],
            testFramework: { enabled: false },
            sidecar: {
                resources: resources(r.grafanaSidecar),
                securityContext: RESTRICTED_CONTAINER,
                dashboards: {
                    enabled: true,
                    label: Object.keys(GRAFANA_DASHBOARD_LABEL)[0],
                    labelValue: Object.values(GRAFANA_DASHBOARD_LABEL)[0],
                    searchNamespace: "ALL",
                },
                datasources: { enabled: true, uid: PROMETHEUS_DATASOURCE_UID },
            },
            additionalDataSources: [cloudWatchDataSource(c.region)],
        },
        "kube-state-metrics": {
            resources: resources(r.kubeStateMetrics),
            securityContext: restrictedPod(65534),
            containerSecurityContext: RESTRICTED_CONTAINER,
        },
        "prometheus-node-exporter": {
            resources: resources(r.nodeExporter),
            // Non-root with a read-only root filesystem; the host namespaces and mounts are NODE_EXPORTER_HOST_ACCESS.
            securityContext: {
                runAsNonRoot: true,
                runAsUser: 65534,
                runAsGroup: 65534,
                fsGroup: 65534,
                seccompProfile: { type: "RuntimeDefault" },
            },
            containerSecurityContext: RESTRICTED_CONTAINER,
            // On every node, the tainted spot pool's included (the chart's default, written out).
            tolerations: [{ operator: "Exists", effect: "NoSchedule" }],
            ...NODE_EXPORTER_HOST_ACCESS,
        },
    };
}
