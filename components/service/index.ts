import { BrokerUserJob } from "../broker/resources";
import type * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import { inClusterUrl } from "../connectionStrings";
import type { ServiceArgs, ServicesArgs } from "./args";
import { DEPLOYMENT_REF, hpaSpec, needsDisruptionBudget, pdbSpec } from "./autoscaling";
import { analysisTemplateSpec, ROLLOUT_REF, rolloutIgnoreChanges, rolloutServiceNames, rolloutSpec } from "./rollout";
import { clusterIpServiceSpec } from "./clusterIp";
import {
    ALB_ANNOTATION,
    hasIngress,
    ingressAnnotations,
    ingressGroupName,
    ingressSpec,
    loadBalancerAttributes,
    publicUrl,
} from "./ingress";
import { metricsServiceLabels, metricsServiceSpec, serviceMonitorSpec } from "./metrics";
import { names, serviceComponentName, serviceLabels } from "./names";
import { namespaceBudget } from "./namespace";
import { networkPolicyAnnotations, networkPolicySpec, usesAwsApis } from "./networkPolicy";
import {
    cronJobSpec,
    isMigration,
    JOB_ANNOTATIONS,
    jobAwaitTimeout,
    jobContent,
    jobName,
    jobSettings,
    jobSpec,
    waitsForMigrations,
} from "./jobs";
import { deploymentIgnoreChanges, deploymentSpec, deploymentWaitsForController, type PodTemplateInput } from "./podTemplate";
import { Namespace, serviceEnvironment, serviceIdentity } from "./resources";
import { ecrImageOf, repositoryImage, waitsForFirstImage } from "./image";
import { dockerConfigJson, pullSecretsOf } from "./pullSecrets";
import { callersOf, calleePeer, declared, readinessGatedNamespaces, secretEnvValues, servicesByNamespace, namespaceOf } from "./services";

// The package's public names (as before the component became a folder).
export type { NamespaceArgs, ServiceArgs, ServicePeer, ServicesArgs, SpotScheduling, WorkloadRoleFactory } from "./args";
export { maxReplicas } from "./autoscaling";
export { S3_READ_ACTIONS, S3_WRITE_ACTIONS, SQS_CONSUME_ACTIONS, SQS_PRODUCE_ACTIONS } from "./iam";
export { ALB_SSL_POLICY, hasIngress, ingressGroupName, ingressGroupOrder } from "./ingress";
export { namespaceBudget, READINESS_GATE_LABEL, type ResourceAmounts } from "./namespace";
export { DNS_PORTS, KUBE_DNS_PEER, POD_IDENTITY_AGENT_CIDR, PRIVATE_RANGES } from "./networkPolicy";
export { PRE_STOP_SLEEP_SECONDS, preStopSleepSeconds } from "./podTemplate";
export { METRICS_PORT_NAME, SCRAPE_LABEL, SERVICE_METRIC_LABEL } from "./metrics";
export { Namespace, workloadStatements } from "./resources";
export { namespaceOf, scrapedServices } from "./services";

/**
 * One application service on EKS: Deployment (pinned image, restricted security context, read-only root with
 * emptyDir mounts, requests/limits, probes, rolling update, zone spread), ConfigMap and Secret for its environment,
 * ServiceAccount (token not mounted) with an IAM role scoped to its declared buckets and queues, a NetworkPolicy
 * that admits only the ALB and its declared callers and lets it reach only DNS, its callees, its data stores, the AWS
 * APIs and its declared external hosts; for `web` services a ClusterIP Service and, when host and certificate are
 * set, an Ingress on the namespace's shared ALB with the WAF attached; an HPA and a PodDisruptionBudget where they apply.
 */
export class Service extends pulumi.ComponentResource {
    /** The pods' controller: the Deployment, Job or CronJob. */
    public readonly workload: k8s.apps.v1.Deployment | k8s.batch.v1.Job | k8s.batch.v1.CronJob | k8s.apiextensions.CustomResource;
    /** Kinds web and worker. */
    public readonly deployment?: k8s.apps.v1.Deployment;
    /** Kind job: named `<service>-<content hash>`. */
    public readonly job?: k8s.batch.v1.Job;
    /** Kind cronjob. */
    public readonly cronJob?: k8s.batch.v1.CronJob;
    /** A web service with a `rollout`: its Argo Rollouts Rollout (instead of a Deployment). */
    public readonly rollout?: k8s.apiextensions.CustomResource;
    public readonly service?: k8s.core.v1.Service;
    public readonly ingress?: k8s.networking.v1.Ingress;
    public readonly role?: aws.iam.Role;
    /** In-cluster URL (web services). */
    public readonly url?: string;
    /** The public URL, when an Ingress is created. */
    public readonly publicUrl?: string;

    constructor(name: string, args: ServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:service:Service", name, {}, opts);
        const s = args.settings;
        const svc = args.serviceName;
        const ns = args.namespace;
        const rn = names(name);
        const labels = serviceLabels(svc, ns, s.kind);
        const metadata = { name: svc, namespace: ns, labels };
        const nsDeps = args.namespaceResource ? [args.namespaceResource] : [];
        const inNs: pulumi.CustomResourceOptions = { parent: this, dependsOn: nsDeps };
        const lbDeps = [...nsDeps, ...(args.loadBalancerController ? [args.loadBalancerController] : [])];
        const ingressEnabled = hasIngress(s);

        // -- identity (ServiceAccount, IRSA role when the service uses AWS APIs) and environment (ConfigMap, Secret) --
        const identity = serviceIdentity(this, rn, args, metadata, inNs);
        this.role = identity.role;
        const { configMap, secret } = serviceEnvironment(rn, args, labels, inNs);

        // -- the workload: pods start once their IAM role and its policy exist (and, with readiness gates, once the
        // controller's pod webhook answers) and once the migrations they wait for have completed --
        const podInput: PodTemplateInput = {
            service: svc,
            settings: s,
            labels,
            serviceAccountName: identity.serviceAccount.metadata.name,
            configMapName: configMap.metadata.name,
            secretName: secret?.metadata.name,
            spotScheduling: args.spotScheduling,
            image: args.image,
            imagePullSecrets: args.imagePullSecret ? [args.imagePullSecret.name] : undefined,
        };
        const waits = [
            ...(deploymentWaitsForController(args.readinessGateInjection) ? lbDeps : nsDeps),
            ...identity.ready,
            ...(args.imagePullSecret ? [args.imagePullSecret.resource] : []),
        ];
        const after = args.waitFor ?? [];
        let workload: Service["workload"] | undefined;
        if (s.kind === "job") {
            // The name carries the content: a change is a new Job, which Pulumi awaits before deleting the old one.
            const timeout = jobAwaitTimeout(jobSettings(s));
            this.job = new k8s.batch.v1.Job(
                rn.job,
                {
                    metadata: {
                        ...metadata,
                        // Known once the ConfigMap and Secret have their (auto-generated) names.
                        name: pulumi
                            .all([configMap.metadata.name, secret?.metadata.name])
                            .apply(([configMapName, secretName]) => jobName(svc, jobContent({ ...podInput, configMapName, secretName }))),
                        annotations: { ...JOB_ANNOTATIONS },
                    },
                    spec: jobSpec(podInput),
                },
                { ...inNs, dependsOn: [...waits, ...after], customTimeouts: { create: timeout, update: timeout } },
            );
            workload = this.job;
        } else if (s.kind === "cronjob") {
            this.cronJob = new k8s.batch.v1.CronJob(
                rn.cronJob,
                { metadata, spec: cronJobSpec(podInput) },
                { ...inNs, dependsOn: [...waits, ...after] },
            );
            workload = this.cronJob;
        } else if (!s.rollout) {
            // The HPA owns the replica count once it exists.
            const ignoreChanges = deploymentIgnoreChanges(s);
            this.deployment = new k8s.apps.v1.Deployment(
                rn.deployment,
                { metadata, spec: deploymentSpec(podInput) },
                { ...inNs, dependsOn: [...waits, ...after], ...(ignoreChanges ? { ignoreChanges } : {}) },
            );
            workload = this.deployment;
        }

        // -- Service and Ingress (web); a rollout's second Service (canary or preview pods) --
        const rolloutIgnores = s.rollout ? rolloutIgnoreChanges() : undefined;
        const rolloutServices: k8s.core.v1.Service[] = [];
        if (s.kind === "web") {
            this.url = inClusterUrl({ name: svc, namespace: ns, port: s.port });
            this.service = new k8s.core.v1.Service(
                rn.service,
                {
                    metadata,
                    spec: clusterIpServiceSpec(svc, s),
                },
                { parent: this, dependsOn: lbDeps, ...(rolloutIgnores ? { ignoreChanges: rolloutIgnores.services } : {}) },
            );
            if (s.rollout && rolloutIgnores) {
                const other = rolloutServiceNames(svc, s.rollout).other;
                rolloutServices.push(
                    this.service,
                    new k8s.core.v1.Service(
                        rn.rolloutService,
                        { metadata: { ...metadata, name: other }, spec: clusterIpServiceSpec(svc, s) },
                        { parent: this, dependsOn: lbDeps, ignoreChanges: rolloutIgnores.services },
                    ),
                );
            }
        }
        if (ingressEnabled && this.service) {
            const annotations = ingressAnnotations({
                settings: s,
                group: args.ingressGroup,
                deletionProtection: args.protection.loadBalancerDeletionProtection,
                defaultTags: args.defaultTags,
                wafAclArn: args.wafAclArn,
            });
            // The access-log bucket's name is known once it exists: the attributes follow it.
            if (args.albAccessLogs)
                annotations[`${ALB_ANNOTATION}/load-balancer-attributes`] = pulumi
                    .output(args.albAccessLogs.bucket)
                    .apply((bucket) => loadBalancerAttributes(args.protection.loadBalancerDeletionProtection, args.ingressGroup, bucket));
            this.publicUrl = publicUrl(s.ingress!);
            this.ingress = new k8s.networking.v1.Ingress(
                rn.ingress,
                { metadata: { ...metadata, annotations }, spec: ingressSpec(svc, s) },
                {
                    parent: this,
                    dependsOn: [
                        ...lbDeps,
                        ...(rolloutServices.length ? rolloutServices : [this.service]),
                        ...(args.albAccessLogs ? [args.albAccessLogs.policy] : []),
                    ],
                },
            );
        }

        // -- a rollout: its analysis and the Rollout, once the Services and the Ingress it steers exist --
        if (s.rollout) {
            if (!args.rolloutsRelease) throw new Error(`service ${svc} declares a rollout but no Argo Rollouts release was given`);
            const analysis = new k8s.apiextensions.CustomResource(
                rn.analysisTemplate,
                { apiVersion: ROLLOUT_REF.apiVersion, kind: "AnalysisTemplate", metadata, spec: analysisTemplateSpec(svc, ns, s) },
                { parent: this, dependsOn: [...nsDeps, args.rolloutsRelease] },
            );
            const ignoreChanges = deploymentIgnoreChanges(s);
            this.rollout = new k8s.apiextensions.CustomResource(
                rn.rollout,
                { apiVersion: ROLLOUT_REF.apiVersion, kind: ROLLOUT_REF.kind, metadata, spec: rolloutSpec(podInput) },
                {
                    parent: this,
                    dependsOn: [
                        ...waits,
                        ...after,
                        args.rolloutsRelease,
                        analysis,
                        ...rolloutServices,
                        ...(this.ingress ? [this.ingress] : []),
                    ],
                    ...(ignoreChanges ? { ignoreChanges } : {}),
                },
            );
            workload = this.rollout;
        }

        if (!workload) throw new Error(`service ${svc}: no workload was created for kind ${s.kind}`);
        this.workload = workload;

        // -- metrics: a headless Service of the pods and a ServiceMonitor of it (the CRD comes with the metrics stack) --
        if (s.metrics) {
            if (!args.metricsRelease) throw new Error(`service ${svc} declares metrics but no metrics stack release was given`);
            const metricsService = new k8s.core.v1.Service(
                rn.metricsService,
                {
                    metadata: { name: `${svc}-metrics`, namespace: ns, labels: metricsServiceLabels(labels) },
                    spec: metricsServiceSpec(svc, s),
                },
                // Like the service's own Service: the load balancer controller's Service webhook must answer first.
                { parent: this, dependsOn: lbDeps },
            );
            new k8s.apiextensions.CustomResource(
                rn.serviceMonitor,
                {
                    apiVersion: "monitoring.coreos.com/v1",
                    kind: "ServiceMonitor",
                    metadata,
                    spec: serviceMonitorSpec(svc, ns, s),
                },
                { parent: this, dependsOn: [...nsDeps, args.metricsRelease, metricsService] },
            );
        }

        // -- NetworkPolicy: only what the service declares --
        const policy = networkPolicySpec(svc, {
            settings: s,
            ingress: ingressEnabled,
            albSourceCidrs: args.albSourceCidrs,
            callers: args.callers,
            callees: args.callees,
            dataStoreCidrs: args.dataStoreCidrs,
            vpcCidr: args.vpcCidr,
            database: args.database,
            cache: args.cache,
            documentDb: args.documentDb,
            broker: args.broker,
            usesAws: usesAwsApis(args),
            podIdentityAgent: args.podIdentityAgent,
            tracing: args.tracing,
        });
        new k8s.networking.v1.NetworkPolicy(
            rn.networkPolicy,
            { metadata: { ...metadata, annotations: networkPolicyAnnotations(s.externalHosts) }, spec: policy },
            inNs,
        );

        // -- autoscaling and disruption budget --
        if (s.autoscaling) {
            new k8s.autoscaling.v2.HorizontalPodAutoscaler(
                rn.hpa,
                { metadata, spec: hpaSpec(svc, s.autoscaling, s.rollout ? ROLLOUT_REF : DEPLOYMENT_REF) },
                { parent: this, dependsOn: [this.workload] },
            );
        }
        if (needsDisruptionBudget(s)) new k8s.policy.v1.PodDisruptionBudget(rn.pdb, { metadata, spec: pdbSpec(svc) }, inNs);

        this.registerOutputs({ url: this.url, publicUrl: this.publicUrl, roleArn: this.role?.arn });
    }
}

/**
 * The application layer: a Namespace per system or context (restricted PSS, default deny, quota, limits) and a
 * Service per entry of `strata:services`, wired to the data tier and identity they declare and nothing else.
 * Resource providers: give it `providers: { aws, kubernetes }`.
 */
export class Services extends pulumi.ComponentResource {
    public readonly namespaces: Record<string, Namespace> = {};
    public readonly services: Record<string, Service> = {};

    constructor(name: string, args: ServicesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:services:Services", name, {}, opts);
        const n = args.naming;
        const base: BaseArgs = { naming: n, environment: args.environment, protection: args.protection, defaultTags: args.defaultTags };
        const byNamespace = servicesByNamespace(args.services, args.defaultNamespace);
        const gated = readinessGatedNamespaces(byNamespace);
        for (const [ns, list] of byNamespace) {
            this.namespaces[ns] = new Namespace(
                n.name("ns", ns),
                {
                    ...base,
                    namespace: ns,
                    labels: args.namespaceLabels?.[ns],
                    ...namespaceBudget(list),
                    readinessGateInjection: gated.has(ns),
                },
                { parent: this },
            );
        }

        // Pull credentials of external private images: one dockerconfigjson Secret per namespace and (registry, key).
        const pull = pullSecretsOf(args.services, args.defaultNamespace);
        const pullSecrets = new Map<string, k8s.core.v1.Secret>();
        for (const p of pull.secrets) {
            const credentials = args.secretConfig[p.configKey];
            if (credentials === undefined) throw new Error(`imagePullSecret ${p.configKey} has no value in secretConfig`);
            pullSecrets.set(
                `${p.namespace}/${p.name}`,
                new k8s.core.v1.Secret(
                    n.name("pull", p.namespace, p.name),
                    {
                        metadata: { name: p.name, namespace: p.namespace, labels: { "app.kubernetes.io/managed-by": "strata" } },
                        type: "kubernetes.io/dockerconfigjson",
                        stringData: {
                            ".dockerconfigjson": pulumi.secret(pulumi.output(credentials).apply((c) => dockerConfigJson(p.registry, c))),
                        },
                    },
                    { parent: this, dependsOn: [this.namespaces[p.namespace].namespace] },
                ),
            );
        }

        // Migration jobs first: the other workloads of database services wait for them to complete.
        const ordered = Object.entries(args.services).sort(([, a], [, b]) => Number(isMigration(b)) - Number(isMigration(a)));
        const migrations: pulumi.Resource[] = [];
        for (const [svcName, s] of ordered) {
            // An ecr service without an image yet: its repository exists, its workload waits for the first push.
            if (waitsForFirstImage(s)) continue;
            const ns = namespaceOf(s, args.defaultNamespace);
            const ecr = ecrImageOf(svcName, s, args.imageRepositories);
            // A broker service's RabbitMQ user and vhost are made by its user Job before its workload starts.
            let brokerUser: { url: pulumi.Input<string>; port: number } | undefined;
            const brokerWaits: pulumi.Resource[] = [];
            if (s.broker) {
                const user = args.broker?.users[svcName];
                if (!args.broker || !user) throw new Error(`service ${svcName} declares broker: true but no broker user was given`);
                const job = new BrokerUserJob(
                    n.name("mq-users", svcName),
                    {
                        service: svcName,
                        namespace: ns,
                        brokerCidrs: args.isolatedSubnetCidrs,
                        consoleUrl: args.broker.consoleUrl,
                        adminUsername: args.broker.adminUsername,
                        adminPassword: args.broker.adminPassword,
                        password: user.password,
                        dependsOn: [this.namespaces[ns].namespace],
                    },
                    { parent: this },
                );
                brokerUser = { url: user.url, port: args.broker.port };
                brokerWaits.push(job.job);
            }
            const service = new Service(
                serviceComponentName(n, svcName),
                {
                    ...base,
                    serviceName: svcName,
                    image: ecr && pulumi.output(ecr.repositoryUrl).apply((url) => repositoryImage(url, ecr.image)),
                    imagePullSecret: pull.byService[svcName] && {
                        name: pull.byService[svcName].name,
                        resource: pullSecrets.get(`${pull.byService[svcName].namespace}/${pull.byService[svcName].name}`)!,
                    },
                    namespace: ns,
                    settings: s,
                    region: args.region,
                    namespaceResource: this.namespaces[ns].namespace,
                    albSourceCidrs: args.publicSubnetCidrs,
                    vpcCidr: args.vpcCidr,
                    dataStoreCidrs: args.isolatedSubnetCidrs,
                    callers: callersOf(args.services, args.defaultNamespace, svcName),
                    callees: s.calls.map((callee) => calleePeer(args.services, args.defaultNamespace, callee)),
                    database: s.database ? args.database : undefined,
                    cache: s.cache ? args.cache : undefined,
                    documentDb: s.documentDb ? args.documentDb : undefined,
                    broker: brokerUser,
                    buckets: declared(svcName, "bucket", args.buckets, s.buckets),
                    queues: declared(svcName, "queue", args.queues, s.queues),
                    kmsKeyArns: args.kmsKeyArns,
                    secretValues: secretEnvValues(s.secretEnv, args.secretConfig),
                    workloadRole: args.workloadRole,
                    podIdentityAgent: args.podIdentityAgent,
                    wafAclArn: args.wafAclArn,
                    ingressGroup: ingressGroupName(n.prefix, ns),
                    albAccessLogs: args.albAccessLogs,
                    loadBalancerController: args.loadBalancerController,
                    metricsRelease: args.metricsRelease,
                    rolloutsRelease: args.rolloutsRelease,
                    tracing: args.tracing,
                    spotScheduling: args.spotScheduling,
                    readinessGateInjection: gated.has(ns),
                    waitFor: [...(waitsForMigrations(args.services, svcName) ? migrations : []), ...brokerWaits],
                },
                { parent: this },
            );
            this.services[svcName] = service;
            if (isMigration(s)) migrations.push(service.workload);
        }

        this.registerOutputs({
            namespaces: Object.keys(this.namespaces),
            urls: Object.fromEntries(Object.entries(this.services).map(([k, v]) => [k, v.publicUrl ?? v.url ?? null])),
        });
    }
}
