import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PlatformConfig } from "./config/load";
import type { BaseArgs } from "./base";
import { createAwsProvider } from "./providers";
import { KmsKeys } from "./kms";
import { Network } from "./network";
import { ObjectStore } from "./objectStore";
import { Queues } from "./queue";
import { Registry, ecrServices } from "./registry";
import { Database } from "./database";
import { Cache } from "./cache";
import { DocumentDb } from "./documentDb";
import { Broker } from "./broker";
import { Waf } from "./waf";
import { Services } from "./service";
import { Cluster } from "./cluster";
import { Backup, copyRegionOf } from "./backup";
import type { MonitoringIdentityFactory } from "./monitoring";
import { Monitoring } from "./monitoring";
import { AlertRules } from "./alertRules";
import { scrapedServices } from "./service/services";
import { hasIngress } from "./service/ingress";
import { Dashboards } from "./dashboards";
import { memberClusterIds, postgresMaxConnections } from "./alarms/catalogue";
import { queueNames } from "./queue/names";
import { Alarms } from "./alarms";
import { Audit } from "./audit";
import { controlPlaneLogGroupName } from "./cluster/controlPlane";
import { Tracing } from "./tracing";
import { Rollouts } from "./rollouts";
import { SPOT_NODE_LABELS, SPOT_TOLERATION } from "./catalogue/spot";

export interface PlatformArgs {
    /** Validated configuration (`loadStackConfig()` or `loadPlatformConfig()`). */
    config: PlatformConfig;
}

/**
 * The whole platform of one stack: tags + KMS keys -> network -> (cluster | database | cache | object store |
 * queues, in parallel) -> services. Layers that do not need each other do not wait for each other.
 */
export class Platform extends pulumi.ComponentResource {
    public readonly awsProvider: aws.Provider;
    public readonly kms: KmsKeys;
    public readonly network: Network;
    public readonly objectStore: ObjectStore;
    public readonly queues: Queues;
    /** The ECR repositories of the `ecr: true` services (`strata:registry`). */
    public readonly registry: Registry;
    public readonly database?: Database;
    public readonly cache?: Cache;
    /** The DocumentDB cluster (`strata:documentDb`), when enabled. */
    public readonly documentDb?: DocumentDb;
    /** The RabbitMQ broker on Amazon MQ (`strata:broker`). */
    public readonly broker?: Broker;
    /** The environment's WAF web ACL (attached to every service Ingress). */
    public readonly waf?: Waf;
    /** Application services (namespaces, workloads, ingress) from `strata:services`. */
    public readonly services?: Services;
    public readonly cluster: Cluster;
    /** The in-cluster metrics stack: kube-prometheus-stack, Alertmanager, Grafana (`strata:monitoring`). */
    public readonly monitoring: Monitoring;
    /** CloudWatch alarms on the data tier and the alert topic (`strata:alarms`). */
    public readonly alarms: Alarms;
    /** AWS Backup of the database and the data buckets (`strata:backup`). */
    public readonly backup?: Backup;
    /** The tracing collectors (`strata:tracing`), when on. */
    public readonly tracing?: Tracing;
    /** The Argo Rollouts controller (`strata:rollouts`), when a service declares a `rollout`. */
    public readonly rollouts?: Rollouts;
    /** The audit trail and threat detection (`strata:audit`). */
    public readonly audit: Audit;

    constructor(name: string, args: PlatformArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:platform:Platform", name, {}, opts);
        const cfg = args.config;
        const n = cfg.naming;
        const region = cfg.context.region;

        this.awsProvider = createAwsProvider(
            n.name("aws"),
            { region, defaultTags: cfg.defaultTags, allowedAccountIds: cfg.accountId ? [cfg.accountId] : undefined },
            { parent: this },
        );
        const withAws: pulumi.ComponentResourceOptions = { parent: this, providers: { aws: this.awsProvider } };
        const base: BaseArgs = { naming: n, environment: cfg.environment, protection: cfg.protection, defaultTags: cfg.defaultTags };

        this.kms = new KmsKeys(n.name("kms"), { ...base, ...cfg.kms, region }, withAws);

        this.network = new Network(n.name("network"), { ...base, ...cfg.network, region, kmsKeyArns: this.kms.arns }, withAws);

        // -- cluster (EKS) --
        // The cluster needs the network and its keys only; nothing of the data tier (and the data tier not it).
        this.cluster = new Cluster(
            n.name("cluster"),
            {
                ...base,
                ...cfg.cluster,
                region,
                vpcId: this.network.vpcId,
                privateSubnetIds: this.network.privateSubnetIds,
                nodeSecurityGroupId: this.network.nodeSecurityGroupId,
                kmsKeyArns: { cluster: this.kms.arns.cluster, ebs: this.kms.arns.ebs, logs: this.kms.arns.logs },
            },
            withAws,
        );

        // -- data tier --
        // S3 and SQS need the data key only (not the network, not the cluster).
        this.objectStore = new ObjectStore(
            n.name("object-store"),
            {
                ...base,
                ...cfg.objectStore,
                region,
                kmsKeyArns: this.kms.arns,
                allowedAccountIds: cfg.accountId ? [cfg.accountId] : undefined,
            },
            withAws,
        );
        // The services' image repositories need the data key only; the services wait for them through their image.
        this.registry = new Registry(
            n.name("registry"),
            {
                ...base,
                untaggedExpiryDays: cfg.registry.untaggedExpiryDays,
                keepTaggedImages: cfg.registry.keepTaggedImages,
                services: ecrServices(cfg.services),
                kmsKeyArns: { data: this.kms.arns.data },
                github: cfg.registry.github && { ...cfg.registry.github, environment: cfg.context.stack },
                region,
                pullThroughCache: cfg.registry.pullThroughCache && {
                    dockerHub: cfg.registry.pullThroughCache.dockerHub && {
                        configKey: cfg.registry.pullThroughCache.dockerHub.credentialsConfigKey,
                        credentials: cfg.secretValues[cfg.registry.pullThroughCache.dockerHub.credentialsConfigKey],
                    },
                    ghcr: cfg.registry.pullThroughCache.ghcr && {
                        configKey: cfg.registry.pullThroughCache.ghcr.credentialsConfigKey,
                        credentials: cfg.secretValues[cfg.registry.pullThroughCache.ghcr.credentialsConfigKey],
                    },
                },
                // The nodes pull through the caches: only this role policy waits for the cluster's node role.
                pullingRoleIds: [this.cluster.nodeRole.id],
            },
            withAws,
        );
        this.queues = new Queues(n.name("queues"), { ...base, queues: cfg.queues.queues, kmsKeyArns: this.kms.arns }, withAws);
        // Data stores need the network and the keys only (never the cluster): isolated subnets, the nodes' security group.
        const dataInputs = {
            vpcId: this.network.vpcId,
            subnetIds: this.network.isolatedSubnetIds,
            clientSecurityGroupId: this.network.nodeSecurityGroupId,
            kmsKeyArns: this.kms.arns,
        };
        if (cfg.database.enabled) {
            this.database = new Database(n.name("database"), { ...base, ...cfg.database, ...dataInputs, region }, withAws);
        }
        if (cfg.cache.enabled) {
            this.cache = new Cache(n.name("cache"), { ...base, ...cfg.cache, ...dataInputs }, withAws);
        }
        if (cfg.documentDb.enabled) {
            this.documentDb = new DocumentDb(
                n.name("document-db"),
                { ...base, ...cfg.documentDb, ...dataInputs, availabilityZones: cfg.network.availabilityZoneNames },
                withAws,
            );
        }
        if (cfg.broker.enabled) {
            const { kmsKeyArns: _keys, ...brokerInputs } = dataInputs;
            const brokerServices = Object.entries(cfg.services)
                .filter(([, s]) => s.broker)
                .map(([name]) => name);
            this.broker = new Broker(n.name("broker"), { ...base, ...cfg.broker, ...brokerInputs, services: brokerServices }, withAws);
        }

        // -- alarms: one encrypted topic; the data tier's CloudWatch alarms --
        this.alarms = new Alarms(
            n.name("alarms"),
            {
                ...base,
                subscriptions: cfg.alarms.subscriptions,
                thresholds: {
                    database: cfg.alarms.database,
                    cache: cfg.alarms.cache,
                    queues: cfg.alarms.queues,
                    loadBalancers: cfg.alarms.loadBalancers,
                    certificates: cfg.alarms.certificates,
                },
                database: this.database
                    ? {
                          identifier: this.database.identifier,
                          replicaIdentifiers: this.database.replicas.map((r) => r.identifier),
                          allocatedStorageGiB: cfg.database.allocatedStorage,
                          maxConnections: postgresMaxConnections(cfg.database.instanceClass, cfg.database.parameters),
                      }
                    : undefined,
                cache: this.cache ? { replicationGroupId: this.cache.replicationGroupId, nodes: cfg.cache.numCacheClusters } : undefined,
                queues: Object.entries(cfg.queues.queues).map(([key, q]) => {
                    const names = queueNames((...parts) => n.name(...parts), key, q.fifo);
                    return { key, name: names.queue, deadLetterQueue: names.dlq };
                }),
                natGateways: { count: this.network.natGatewayCount, ids: this.network.natGatewayIds },
                loadBalancers: Object.values(cfg.services).some(hasIngress),
                certificateArns: Object.values(cfg.services)
                    .filter(hasIngress)
                    .map((s) => s.ingress!.certificateArn!),
                kmsKeyArns: { notifications: this.kms.arns.notifications },
            },
            withAws,
        );

        // -- metrics: kube-prometheus-stack on the cluster, in every environment --
        const cluster = this.cluster;
        // IRSA roles of the in-cluster platform (Grafana, Alertmanager, the tracing gateway), and what their charts wait for.
        const identity: MonitoringIdentityFactory = (roleName, roleArgs, roleOpts) => cluster.identity(roleName, roleArgs, roleOpts);
        const clusterReady = [cluster.loadBalancerControllerRelease, ...Object.values(cluster.nodeGroups)];
        this.monitoring = new Monitoring(
            n.name("monitoring"),
            {
                ...base,
                ...cfg.monitoring,
                region,
                identity,
                clusterReady: [...clusterReady, cluster.storageClass],
                kmsKeyArns: { notifications: this.kms.arns.notifications },
                secretConfig: cfg.secretValues,
                alertTopicArn: this.alarms.topicArn,
            },
            { parent: this, providers: { aws: this.awsProvider, kubernetes: cluster.k8sProvider } },
        );

        const workloadNamespaces = [...new Set([cfg.name, ...Object.values(cfg.services).map((s) => s.namespace ?? cfg.name)])];
        const scraped = scrapedServices(cfg.services, cfg.name);

        // -- tracing: OpenTelemetry collectors (router, gateway with tail sampling) exporting to X-Ray --
        if (cfg.tracing.enabled) {
            this.tracing = new Tracing(
                n.name("tracing"),
                {
                    ...base,
                    ...cfg.tracing,
                    region,
                    identity,
                    clusterReady,
                    sourceNamespaces: workloadNamespaces,
                    vpcCidr: this.network.cidrBlock,
                },
                { parent: this, providers: { aws: this.awsProvider, kubernetes: cluster.k8sProvider } },
            );
        }
        // -- progressive delivery: the Argo Rollouts controller, when a service declares a rollout --
        if (Object.values(cfg.services).some((s) => s.rollout)) {
            this.rollouts = new Rollouts(
                n.name("rollouts"),
                { ...base, ...cfg.rollouts, region, identity, clusterReady },
                { parent: this, providers: { aws: this.awsProvider, kubernetes: cluster.k8sProvider } },
            );
        }
        new AlertRules(
            n.name("alert-rules"),
            {
                ...base,
                namespaces: workloadNamespaces,
                runbookBaseUrl: cfg.monitoring.runbookBaseUrl,
                scrapedServices: scraped,
                metricsRelease: this.monitoring.release,
            },
            { parent: this, providers: { kubernetes: cluster.k8sProvider } },
        );

        // -- dashboards: the services (Prometheus) and the data tier (CloudWatch) --
        new Dashboards(
            n.name("dashboards"),
            {
                ...base,
                scrapedServices: scraped,
                namespaces: workloadNamespaces,
                dataTier: {
                    databaseInstances: this.database ? [this.database.identifier, ...this.database.replicas.map((r) => r.identifier)] : [],
                    cacheMembers: this.cache ? memberClusterIds(this.cache.replicationGroupId, cfg.cache.numCacheClusters) : [],
                    queues: Object.values(this.queues.queues).map((q) => ({ name: q.name, deadLetterQueue: q.dlqName })),
                    loadBalancers: Object.values(cfg.services).some(hasIngress),
                },
                metricsRelease: this.monitoring.release,
            },
            { parent: this, providers: { kubernetes: cluster.k8sProvider } },
        );

        // -- backups: the database and the buckets that hold data, by ARN --
        const b = cfg.backup;
        if (b.enabled) {
            const keys =
                b.buckets ??
                Object.keys(cfg.objectStore.buckets).filter((k) =>
                    ["confidential", "restricted"].includes(cfg.objectStore.buckets[k].classification),
                );
            const copyRegion = b.copy || b.replicateDatabaseBackups ? copyRegionOf(b, region) : undefined;
            this.backup = new Backup(
                n.name("backup"),
                {
                    ...base,
                    ...b,
                    region,
                    copyRegion,
                    resourceArns: [
                        ...(this.database ? [this.database.instance.arn] : []),
                        ...keys.map((k) => this.objectStore.buckets[k].arn),
                    ],
                    replicateDatabaseArn: b.replicateDatabaseBackups ? this.database?.instance.arn : undefined,
                    kmsKeyArns: { backup: this.kms.arns.backup },
                    allowedAccountIds: cfg.accountId ? [cfg.accountId] : undefined,
                },
                withAws,
            );
        }

        // -- services --
        if (cfg.waf.enabled) {
            this.waf = new Waf(n.name("waf"), { ...base, ...cfg.waf, kmsKeyArns: this.kms.arns }, withAws);
        }
        // -- audit: the trail into the audit bucket, GuardDuty, Security Hub, AWS Config --
        this.audit = new Audit(
            n.name("audit"),
            {
                ...base,
                ...cfg.audit,
                region,
                dataBucketArns: Object.values(this.objectStore.buckets).map((b) => b.arn),
                kmsKeyArns: { audit: this.kms.arns.audit },
                alertTopicArn: this.alarms.topicArn,
                archiveLogGroups: {
                    eks: { name: cluster.clusterName.apply(controlPlaneLogGroupName), createdBy: cluster.cluster },
                    ...(this.waf ? { waf: { name: this.waf.logGroupName } } : {}),
                },
            },
            withAws,
        );

        if (Object.keys(cfg.services).length > 0) {
            this.services = new Services(
                n.name("services"),
                {
                    ...base,
                    services: cfg.services,
                    defaultNamespace: cfg.name,
                    region,
                    vpcCidr: this.network.cidrBlock,
                    publicSubnetCidrs: this.network.subnetCidrs.public,
                    isolatedSubnetCidrs: this.network.subnetCidrs.isolated,
                    workloadRole: (roleName, roleArgs, roleOpts) => cluster.identity(roleName, roleArgs, roleOpts),
                    loadBalancerController: cluster.loadBalancerControllerRelease,
                    metricsRelease: this.monitoring.release,
                    rolloutsRelease: this.rollouts?.release,
                    tracing: cfg.tracing.enabled,
                    spotScheduling: {
                        tolerations: [{ ...SPOT_TOLERATION }],
                        preferNodeLabels: { ...SPOT_NODE_LABELS },
                    },
                    database: this.database ? { url: this.database.databaseUrl, port: this.database.port } : undefined,
                    cache: this.cache ? { url: this.cache.redisUrl, port: this.cache.port } : undefined,
                    documentDb: this.documentDb ? { url: this.documentDb.mongodbUrl, port: this.documentDb.port } : undefined,
                    broker: this.broker
                        ? {
                              port: this.broker.port,
                              consoleUrl: this.broker.consoleUrl,
                              adminUsername: this.broker.adminUsername,
                              adminPassword: this.broker.adminPassword,
                              users: this.broker.serviceUsers,
                          }
                        : undefined,
                    buckets: this.objectStore.buckets,
                    queues: this.queues.queues,
                    kmsKeyArns: this.kms.arns,
                    imageRepositories: Object.fromEntries(Object.entries(this.registry.outputs).map(([k, r]) => [k, r.url])),
                    secretConfig: cfg.secretValues,
                    wafAclArn: this.waf?.webAclArn,
                    albAccessLogs:
                        this.objectStore.accessLogBucket && this.objectStore.accessLogBucketPolicy
                            ? { bucket: this.objectStore.accessLogBucket.bucket, policy: this.objectStore.accessLogBucketPolicy }
                            : undefined,
                },
                { parent: this, providers: { aws: this.awsProvider, kubernetes: cluster.k8sProvider } },
            );
        }

        this.registerOutputs({ vpcId: this.network.vpcId });
    }
}
