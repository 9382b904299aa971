import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type * as aws from "@pulumi/aws";
import type { BaseArgs } from "../base";
import { CHART_DEFAULTS } from "../catalogue/charts";
import { METRICS_RELEASE_NAME, MONITORING_NAMESPACE } from "../catalogue/monitoring";
import { DEFAULT_STORAGE_CLASS } from "../cluster/inCluster";
import type { MonitoringSettings } from "../config/monitoring";
import type { PolicyStatement } from "../iam";
import type { KmsKeyArns } from "../kms";
import { ALERTMANAGER_CONFIG_KEY, alertmanagerConfig, alertmanagerConfigYaml } from "./alertmanager";
import { alertmanagerSnsStatements, grafanaCloudWatchStatements } from "./iam";
import { grafanaPortForwardHint, MONITORING_OBJECT_NAMES, MONITORING_ROLE_PARTS, monitoringNamespaceLabels } from "./namespace";
import { GRAFANA_ADMIN_KEYS, GRAFANA_SERVICE_PORT, metricsValues, SERVICE_ACCOUNTS } from "./values";
import { WORKLOAD_NAMES } from "./workloads";

export { ALERT_SEVERITIES, alertmanagerConfig, alertmanagerConfigYaml, DEFAULT_RECEIVER_SEVERITIES, RECEIVER_TYPES } from "./alertmanager";
export { alertmanagerSnsStatements, grafanaCloudWatchStatements } from "./iam";
export { MONITORING_POD_SECURITY, monitoringNamespaceLabels } from "./namespace";
export { metricsValues, retentionSize, SERVICE_ACCOUNTS as MONITORING_SERVICE_ACCOUNTS } from "./values";
export { CONTAINER_RESOURCES, monitoringWorkloads, WORKLOAD_NAMES as MONITORING_WORKLOAD_NAMES } from "./workloads";

/** Creates an IRSA role for a service account (the cluster's `identity`). */
export type MonitoringIdentityFactory = (
    name: string,
    args: { namespace: string; serviceAccount: string; statements: PolicyStatement[]; description?: string },
    opts?: pulumi.CustomResourceOptions,
) => { role: aws.iam.Role; ready: pulumi.Resource[] };

export interface MonitoringArgs extends BaseArgs, MonitoringSettings {
    /** Region of the stack: Grafana's CloudWatch data source, the SNS SigV4 region. */
    region: string;
    /** IRSA roles for Grafana's and Alertmanager's service accounts (`cluster.identity`). */
    identity: MonitoringIdentityFactory;
    /** What the release waits for: the node groups and the load balancer controller's webhook (through its release), the StorageClass. */
    clusterReady: pulumi.Resource[];
    /**
     * The cluster's encrypted gp3 StorageClass, for every volume of the stack.
     * @default "gp3-encrypted" (DEFAULT_STORAGE_CLASS)
     */
    storageClassName?: string;
    /**
     * The SNS alert topic Alertmanager publishes to (critical and warning by default).
     * @default undefined: nothing goes to SNS, and Alertmanager gets no IAM role
     */
    alertTopicArn?: pulumi.Input<string>;
    /** The notifications key that encrypts the alert topic (only read with `alertTopicArn`). */
    kmsKeyArns: Pick<KmsKeyArns, "notifications">;
    /** Secret config values by key (`PlatformConfig.secretValues`): the receivers' URLs and routing keys. */
    secretConfig: Readonly<Record<string, pulumi.Input<string>>>;
}

/**
 * The in-cluster metrics stack: the monitoring namespace (Pod Security enforce privileged for node-exporter, warn and
 * audit restricted), Grafana's admin password (RandomPassword) and Alertmanager's configuration as Secrets, the IRSA
 * roles of Grafana (CloudWatch read) and Alertmanager (publish to the alert topic), and kube-prometheus-stack as a
 * Helm release in that namespace. Values, routing, permissions and the pods' requests are pure specs in this folder.
 */
export class Monitoring extends pulumi.ComponentResource {
    public readonly namespace: k8s.core.v1.Namespace;
    public readonly release: k8s.helm.v3.Release;
    /** Grafana's admin password (secret). */
    public readonly grafanaAdminPassword: pulumi.Output<string>;
    /** How an operator reaches Grafana. */
    public readonly grafanaPortForward: string;
    public readonly grafanaRole: aws.iam.Role;
    public readonly alertmanagerRole?: aws.iam.Role;

    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:monitoring:Monitoring", name, {}, opts);
        const n = args.naming;
        const parent = { parent: this };

        this.namespace = new k8s.core.v1.Namespace(
            n.name("monitoring"),
            { metadata: { name: MONITORING_NAMESPACE, labels: monitoringNamespaceLabels(n.prefix) } },
            parent,
        );
        const inNamespace = { parent: this, dependsOn: [this.namespace] };
        const namespace = this.namespace.metadata.name;

        // Grafana's admin password: letters, digits and "-_." only (no "$", which Grafana's config expansion reads).
        const password = new random.RandomPassword(
            n.name("grafana-admin"),
            { length: 32, special: true, overrideSpecial: "-_.", minLower: 1, minUpper: 1, minNumeric: 1, minSpecial: 1 },
            parent,
        );
        this.grafanaAdminPassword = pulumi.secret(password.result);
        const grafanaAdmin = new k8s.core.v1.Secret(
            n.name("grafana-admin"),
            {
                metadata: { name: MONITORING_OBJECT_NAMES.grafanaAdminSecret, namespace },
                type: "Opaque",
                stringData: { [GRAFANA_ADMIN_KEYS.user]: "admin", [GRAFANA_ADMIN_KEYS.password]: this.grafanaAdminPassword },
            },
            inNamespace,
        );

        // Alertmanager's configuration carries webhook URLs and routing keys: secret from config to the Secret.
        const receiverSecrets = Object.fromEntries(
            Object.values(args.alertmanager.receivers).map((r) => [r.secretKey, args.secretConfig[r.secretKey]]),
        );
        const configYaml = pulumi.secret(
            pulumi.all([pulumi.all(receiverSecrets), pulumi.output(args.alertTopicArn)]).apply(([secrets, topic]) =>
                alertmanagerConfigYaml(
                    alertmanagerConfig(args.alertmanager, {
                        region: args.region,
                        alertTopicArn: topic,
                        secrets: secrets as Record<string, string>,
                    }),
                ),
            ),
        );
        const alertmanagerConfigSecret = new k8s.core.v1.Secret(
            n.name("alertmanager-config"),
            {
                // Auto-named: a changed configuration is a new Secret, created before the old one goes.
                metadata: { namespace },
                type: "Opaque",
                stringData: { [ALERTMANAGER_CONFIG_KEY]: configYaml },
            },
            inNamespace,
        );

        const grafana = args.identity(
            n.name(...MONITORING_ROLE_PARTS.grafana),
            {
                namespace: MONITORING_NAMESPACE,
                serviceAccount: SERVICE_ACCOUNTS.grafana,
                statements: grafanaCloudWatchStatements(args.region),
                description: "Grafana's CloudWatch data source: read metrics, alarms, tags and Logs Insights",
            },
            parent,
        );
        this.grafanaRole = grafana.role;
        const alertmanager =
            args.alertTopicArn !== undefined
                ? args.identity(
                      n.name(...MONITORING_ROLE_PARTS.alertmanager),
                      {
                          namespace: MONITORING_NAMESPACE,
                          serviceAccount: SERVICE_ACCOUNTS.alertmanager,
                          statements: alertmanagerSnsStatements({
                              topicArn: args.alertTopicArn,
                              notificationsKeyArn: args.kmsKeyArns.notifications,
                              region: args.region,
                          }),
                          description: "Alertmanager: publish to the alert topic",
                      },
                      parent,
                  )
                : undefined;
        this.alertmanagerRole = alertmanager?.role;

        const chart = CHART_DEFAULTS.kubePrometheusStack;
        this.release = new k8s.helm.v3.Release(
            n.name("metrics"),
            {
                name: METRICS_RELEASE_NAME,
                chart: chart.chart,
                version: args.chartVersion,
                repositoryOpts: { repo: chart.repository },
                namespace,
                createNamespace: false,
                atomic: true,
                timeout: 900,
                values: metricsValues(args, {
                    region: args.region,
                    storageClassName: args.storageClassName ?? DEFAULT_STORAGE_CLASS,
                    alertmanagerConfigSecret: alertmanagerConfigSecret.metadata.name,
                    grafanaAdminSecret: MONITORING_OBJECT_NAMES.grafanaAdminSecret,
                    alertmanagerRoleArn: alertmanager?.role.arn,
                    grafanaRoleArn: grafana.role.arn,
                }),
            },
            {
                parent: this,
                dependsOn: [
                    this.namespace,
                    grafanaAdmin,
                    alertmanagerConfigSecret,
                    ...grafana.ready,
                    ...(alertmanager?.ready ?? []),
                    ...args.clusterReady,
                ],
            },
        );
        this.grafanaPortForward = grafanaPortForwardHint(WORKLOAD_NAMES.grafana, GRAFANA_SERVICE_PORT);

        this.registerOutputs({ namespace, grafanaAdminPassword: this.grafanaAdminPassword, grafanaPortForward: this.grafanaPortForward });
    }
}
