import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { inClusterUrl } from "./connectionStrings";
import { BaseArgs } from "./base";
import { effectiveProbes, ProbeSettings, ServiceSettings } from "./config/services";
import { PolicyStatement } from "./iam";
import { DNS_PORTS, KUBE_DNS_PEER } from "./namespace";

/** Address ranges that are never "the public internet": egress to external hosts excludes them. */
export const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16"];
/** The EKS Pod Identity agent's link-local address (port 80). */
export const POD_IDENTITY_AGENT_CIDR = "169.254.170.23/32";
/** The TLS 1.3 ALB security policy (TLS 1.2 kept for older clients, no weaker ciphers). */
export const ALB_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
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

/**
 * The ALB group order of an Ingress: the controller sorts paths longest-first only inside one Ingress; across the
 * Ingresses of a group it goes by `group.order`, then by namespace/name. An Ingress whose most general path is
 * longer goes first, so a catch-all `/` on one service never shadows `/api` on another, whatever their names.
 */
export function ingressGroupOrder(paths: string[]): number {
    const shortest = Math.min(...paths.map((p) => p.replace(/\/+$/, "").length));
    return -Math.min(999, shortest);
}

export const S3_READ_ACTIONS = ["s3:GetObject"];
export const S3_WRITE_ACTIONS = ["s3:PutObject", "s3:DeleteObject"];
export const SQS_CONSUME_ACTIONS = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"];
export const SQS_PRODUCE_ACTIONS = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"];

/** Creates an IAM role a ServiceAccount can assume (the cluster's workload-identity helper). */
export type WorkloadRoleFactory = (
    name: string,
    args: { namespace: string; serviceAccount: string; statements: PolicyStatement[] },
    opts?: pulumi.ComponentResourceOptions,
) => { role: aws.iam.Role; ready: pulumi.Resource[] };

/** Another service, as a NetworkPolicy peer. */
export interface ServicePeer {
    name: string;
    namespace: string;
    /** Container port (callees only). */
    port?: number;
    /** In-cluster URL (callees only). */
    url?: string;
}

export interface ServiceArgs extends BaseArgs {
    /** Service name (key in strata:services). */
    serviceName: string;
    namespace: string;
    settings: ServiceSettings;
    region: string;
    /** The namespace resource (everything in it waits for it). */
    namespaceResource?: pulumi.Resource;

    /** Sources of ALB traffic (target type ip): the public subnets' CIDRs. */
    albSourceCidrs: string[];
    /** The VPC CIDR: interface VPC endpoints for AWS APIs live in it. */
    vpcCidr: string;
    /** The isolated (data) subnets' CIDRs: RDS and ElastiCache live there. */
    dataStoreCidrs: string[];
    /** Services that declare they call this one. */
    callers: ServicePeer[];
    /** Services this one calls. */
    callees: ServicePeer[];

    database?: { url: pulumi.Input<string>; port: pulumi.Input<number> };
    cache?: { url: pulumi.Input<string>; port: pulumi.Input<number> };
    /** The declared buckets, resolved. */
    buckets: Record<string, { bucket: pulumi.Input<string>; arn: pulumi.Input<string>; access: "read" | "readwrite" }>;
    /** The declared queues, resolved. */
    queues: Record<string, { url: pulumi.Input<string>; arn: pulumi.Input<string>; access: "consume" | "produce" | "both" }>;
    /** The data KMS key (S3 and SQS encryption). */
    dataKeyArn?: pulumi.Input<string>;
    /** Values of `secretEnv` (already secret Outputs). */
    secretValues: Record<string, pulumi.Input<string>>;

    /** Workload identity; without it a service that uses buckets or queues is a programming error. */
    workloadRole?: WorkloadRoleFactory;
    /** The cluster uses EKS Pod Identity: open egress to the agent on 169.254.170.23:80. */
    podIdentityAgent?: boolean;

    /** The environment's WAF web ACL, attached to the ALB. */
    wafAclArn?: pulumi.Input<string>;
    /** ALB group name (one ALB per namespace group). */
    ingressGroup: string;
    /** The AWS Load Balancer Controller's release: Services and Ingresses wait for its webhook. */
    loadBalancerController?: pulumi.Resource;
    /** Scheduling onto the spot pool (workers with `spot: true`). */
    spotScheduling?: SpotScheduling;
    /**
     * The namespace has the load balancer controller's pod readiness gate injection on: its pods are created through
     * the controller's webhook (failurePolicy Fail), so the Deployment waits for the controller.
     */
    readinessGateInjection?: boolean;
}

/** How `spot: true` services reach the spot pool: tolerate its taint, prefer its nodes (it may not exist in dev). */
export interface SpotScheduling {
    tolerations: k8s.types.input.core.v1.Toleration[];
    preferNodeLabels?: Record<string, string>;
}

function upperSnake(s: string): string {
    return s.replace(/[^A-Za-z0-9]+/g, "_").toUpperCase();
}

function probe(p: ProbeSettings | undefined): k8s.types.input.core.v1.Probe | undefined {
    if (!p) return undefined;
    return {
        ...(p.exec ? { exec: { command: p.exec } } : { httpGet: { path: p.path!, port: p.port ?? "http", scheme: "HTTP" } }),
        initialDelaySeconds: p.initialDelaySeconds,
        periodSeconds: p.periodSeconds,
        timeoutSeconds: p.timeoutSeconds,
        failureThreshold: p.failureThreshold,
    };
}

/** The IAM statements a service's declared buckets and queues grant: exactly those ARNs, nothing else. */
export function workloadStatements(
    region: string,
    buckets: ServiceArgs["buckets"],
    queues: ServiceArgs["queues"],
    dataKeyArn?: pulumi.Input<string>,
): PolicyStatement[] {
    const statements: PolicyStatement[] = [];
    const bucketList = Object.values(buckets);
    if (bucketList.length > 0) {
        statements.push({ Sid: "ListDeclaredBuckets", Effect: "Allow", Action: ["s3:ListBucket"], Resource: bucketList.map((b) => b.arn) });
        statements.push({ Sid: "ReadDeclaredBuckets", Effect: "Allow", Action: S3_READ_ACTIONS, Resource: bucketList.map((b) => pulumi.interpolate`${b.arn}/*`) });
        const writable = bucketList.filter((b) => b.access === "readwrite");
        if (writable.length > 0) {
            statements.push({ Sid: "WriteDeclaredBuckets", Effect: "Allow", Action: S3_WRITE_ACTIONS, Resource: writable.map((b) => pulumi.interpolate`${b.arn}/*`) });
        }
    }
    const queueList = Object.values(queues);
    const consume = queueList.filter((q) => q.access !== "produce");
    const produce = queueList.filter((q) => q.access !== "consume");
    if (consume.length > 0) statements.push({ Sid: "ConsumeDeclaredQueues", Effect: "Allow", Action: SQS_CONSUME_ACTIONS, Resource: consume.map((q) => q.arn) });
    if (produce.length > 0) statements.push({ Sid: "ProduceToDeclaredQueues", Effect: "Allow", Action: SQS_PRODUCE_ACTIONS, Resource: produce.map((q) => q.arn) });
    if (dataKeyArn && (bucketList.length > 0 || queueList.length > 0)) {
        const via = [...(bucketList.length > 0 ? [`s3.${region}.amazonaws.com`] : []), ...(queueList.length > 0 ? [`sqs.${region}.amazonaws.com`] : [])];
        statements.push({
            Sid: "DataKeyThroughS3AndSqs",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: dataKeyArn,
            Condition: { StringEquals: { "kms:ViaService": via } },
        });
    }
    return statements;
}

/**
 * One application service on EKS: Deployment (pinned image, restricted security context, read-only root with
 * emptyDir mounts, requests/limits, probes, rolling update, zone spread), ConfigMap and Secret for its environment,
 * ServiceAccount (token not mounted) with an IAM role scoped to its declared buckets and queues, a NetworkPolicy
 * that admits only the ALB and its declared callers and lets it reach only DNS, its callees, its data stores, the AWS
 * APIs and its declared external hosts; for `web` services a ClusterIP Service and, when host and certificate are
 * set, an Ingress on the namespace's shared ALB with the WAF attached; an HPA and a PodDisruptionBudget where they apply.
 */
export class Service extends pulumi.ComponentResource {
    public readonly deployment: k8s.apps.v1.Deployment;
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
        const isWeb = s.kind === "web";
        const selector = { "app.kubernetes.io/name": svc };
        const labels = {
            ...selector,
            "app.kubernetes.io/part-of": ns,
            "app.kubernetes.io/component": s.kind,
            "app.kubernetes.io/managed-by": "strata",
        };
        const nsDeps = args.namespaceResource ? [args.namespaceResource] : [];
        const inNs: pulumi.CustomResourceOptions = { parent: this, dependsOn: nsDeps };
        const lbDeps = [...nsDeps, ...(args.loadBalancerController ? [args.loadBalancerController] : [])];
        const probes = effectiveProbes(s);
        const minReplicas = s.autoscaling?.minReplicas ?? s.replicas;
        const ingressEnabled = isWeb && !!s.ingress?.host && !!s.ingress?.certificateArn;
        const usesAws = Object.keys(args.buckets).length > 0 || Object.keys(args.queues).length > 0;

        // -- identity: ServiceAccount + IAM role (only when the service uses AWS APIs) --
        let roleReady: pulumi.Resource[] = [];
        const statements = workloadStatements(args.region, args.buckets, args.queues, args.dataKeyArn);
        if (statements.length > 0) {
            if (!args.workloadRole) throw new Error(`service ${svc} uses buckets or queues but no workload-identity helper was given`);
            const identity = args.workloadRole(`${name}-role`, { namespace: ns, serviceAccount: svc, statements }, { parent: this });
            this.role = identity.role;
            roleReady = identity.ready;
        }
        const serviceAccount = new k8s.core.v1.ServiceAccount(
            `${name}-sa`,
            {
                metadata: {
                    name: svc,
                    namespace: ns,
                    labels,
                    annotations: this.role ? { "eks.amazonaws.com/role-arn": this.role.arn } : {},
                },
                automountServiceAccountToken: s.automountServiceAccountToken,
            },
            inNs,
        );

        // -- environment: plain values in a ConfigMap, credentials in a Secret --
        // Derived values first (callee URLs, bucket names, queue URLs); the service's own env may override them.
        const configData: Record<string, pulumi.Input<string>> = {};
        for (const callee of args.callees) if (callee.url) configData[`${upperSnake(callee.name)}_URL`] = callee.url;
        for (const [bucketName, b] of Object.entries(args.buckets)) configData[`BUCKET_${upperSnake(bucketName)}`] = b.bucket;
        for (const [queueName, q] of Object.entries(args.queues)) configData[`QUEUE_${upperSnake(queueName)}_URL`] = q.url;
        Object.assign(configData, s.env, { AWS_REGION: args.region, STRATA_ENVIRONMENT: args.environment });
        // Auto-named: a change creates a new ConfigMap and rolls the Deployment.
        const configMap = new k8s.core.v1.ConfigMap(`${name}-env`, { metadata: { namespace: ns, labels }, data: configData }, inNs);

        const secretData: Record<string, pulumi.Input<string>> = { ...args.secretValues };
        if (s.database) {
            if (!args.database) throw new Error(`service ${svc} declares database: true but no database was given`);
            secretData.DATABASE_URL = args.database.url;
        }
        if (s.cache) {
            if (!args.cache) throw new Error(`service ${svc} declares cache: true but no cache was given`);
            secretData.REDIS_URL = args.cache.url;
        }
        let secret: k8s.core.v1.Secret | undefined;
        if (Object.keys(secretData).length > 0) {
            secret = new k8s.core.v1.Secret(
                `${name}-secret`,
                { metadata: { namespace: ns, labels }, type: "Opaque", stringData: pulumi.secret(pulumi.output(secretData)) },
                { ...inNs, additionalSecretOutputs: ["data", "stringData"] },
            );
        }

        // -- the Deployment --
        const volumes = s.writablePaths.map((p, i) => ({ name: `writable-${i}`, emptyDir: { sizeLimit: "1Gi" } }));
        const volumeMounts = s.writablePaths.map((p, i) => ({ name: `writable-${i}`, mountPath: p }));
        const runAsGroup = s.runAsGroup ?? s.runAsUser;
        // Zone spread is a preference, not a hard rule: the node groups span every AZ and the cluster autoscaler
        // cannot choose the AZ of a multi-AZ group's next node, so with DoNotSchedule a pod that must go to a full zone
        // (an HPA scale-up, a rollout's surge pod, an AZ short of capacity) stays Pending and blocks the rollout.
        const zoneSpread = "ScheduleAnyway";
        const preStopSleep = isWeb ? preStopSleepSeconds(s.terminationGracePeriodSeconds) : 0;
        const spot = s.spot ? args.spotScheduling : undefined;

        this.deployment = new k8s.apps.v1.Deployment(
            `${name}-deployment`,
            {
                metadata: { name: svc, namespace: ns, labels },
                spec: {
                    replicas: minReplicas,
                    revisionHistoryLimit: 5,
                    selector: { matchLabels: selector },
                    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
                    template: {
                        metadata: { labels },
                        spec: {
                            serviceAccountName: serviceAccount.metadata.name,
                            automountServiceAccountToken: s.automountServiceAccountToken,
                            enableServiceLinks: false,
                            terminationGracePeriodSeconds: s.terminationGracePeriodSeconds,
                            securityContext: {
                                runAsNonRoot: true,
                                runAsUser: s.runAsUser,
                                runAsGroup,
                                fsGroup: runAsGroup,
                                seccompProfile: { type: "RuntimeDefault" },
                            },
                            topologySpreadConstraints: [
                                { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: zoneSpread, labelSelector: { matchLabels: selector } },
                                { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: selector } },
                            ],
                            ...(spot
                                ? {
                                      tolerations: spot.tolerations,
                                      ...(spot.preferNodeLabels
                                          ? {
                                                affinity: {
                                                    nodeAffinity: {
                                                        preferredDuringSchedulingIgnoredDuringExecution: [
                                                            {
                                                                weight: 100,
                                                                preference: {
                                                                    matchExpressions: Object.entries(spot.preferNodeLabels).map(([key, value]) => ({ key, operator: "In", values: [value] })),
                                                                },
                                                            },
                                                        ],
                                                    },
                                                },
                                            }
                                          : {}),
                                  }
                                : {}),
                            containers: [
                                {
                                    name: svc,
                                    image: s.image,
                                    imagePullPolicy: "IfNotPresent",
                                    ...(s.command ? { command: s.command } : {}),
                                    ...(s.args ? { args: s.args } : {}),
                                    ...(isWeb ? { ports: [{ name: "http", containerPort: s.port, protocol: "TCP" }] } : {}),
                                    envFrom: [
                                        { configMapRef: { name: configMap.metadata.name } },
                                        ...(secret ? [{ secretRef: { name: secret.metadata.name } }] : []),
                                    ],
                                    resources: {
                                        requests: { cpu: s.resources.requests.cpu, memory: s.resources.requests.memory },
                                        limits: { cpu: s.resources.limits.cpu, memory: s.resources.limits.memory },
                                    },
                                    livenessProbe: probe(probes.liveness),
                                    readinessProbe: probe(probes.readiness),
                                    ...(probes.startup ? { startupProbe: probe(probes.startup) } : {}),
                                    ...(preStopSleep > 0 ? { lifecycle: { preStop: { sleep: { seconds: preStopSleep } } } } : {}),
                                    securityContext: {
                                        runAsNonRoot: true,
                                        runAsUser: s.runAsUser,
                                        runAsGroup,
                                        allowPrivilegeEscalation: false,
                                        privileged: false,
                                        readOnlyRootFilesystem: true,
                                        capabilities: { drop: ["ALL"] },
                                        seccompProfile: { type: "RuntimeDefault" },
                                    },
                                    volumeMounts,
                                },
                            ],
                            volumes,
                        },
                    },
                },
            },
            // Pods start once their IAM role and its policy exist (and, with readiness gates, once the controller's pod
            // webhook answers); the HPA owns the replica count once it exists.
            {
                ...inNs,
                dependsOn: [...(args.readinessGateInjection ? lbDeps : nsDeps), ...roleReady],
                ...(s.autoscaling ? { ignoreChanges: ["spec.replicas"] } : {}),
            },
        );

        // -- Service and Ingress (web) --
        if (isWeb) {
            this.url = inClusterUrl({ name: svc, namespace: ns, port: s.servicePort });
            this.service = new k8s.core.v1.Service(
                `${name}-service`,
                {
                    metadata: { name: svc, namespace: ns, labels },
                    spec: { type: "ClusterIP", selector, ports: [{ name: "http", port: s.servicePort, targetPort: "http", protocol: "TCP" }] },
                },
                { parent: this, dependsOn: lbDeps },
            );
        }
        if (ingressEnabled && this.service) {
            const ing = s.ingress!;
            const healthPath = probes.readiness?.path ?? "/";
            const annotations: Record<string, pulumi.Input<string>> = {
                "alb.ingress.kubernetes.io/scheme": "internet-facing",
                "alb.ingress.kubernetes.io/target-type": "ip",
                "alb.ingress.kubernetes.io/group.name": args.ingressGroup,
                "alb.ingress.kubernetes.io/group.order": String(ingressGroupOrder(ing.paths)),
                "alb.ingress.kubernetes.io/listen-ports": '[{"HTTP": 80}, {"HTTPS": 443}]',
                "alb.ingress.kubernetes.io/ssl-redirect": "443",
                "alb.ingress.kubernetes.io/certificate-arn": ing.certificateArn!,
                "alb.ingress.kubernetes.io/ssl-policy": ALB_SSL_POLICY,
                "alb.ingress.kubernetes.io/backend-protocol": "HTTP",
                "alb.ingress.kubernetes.io/healthcheck-path": healthPath,
                "alb.ingress.kubernetes.io/healthcheck-port": "traffic-port",
                "alb.ingress.kubernetes.io/load-balancer-attributes": [
                    "routing.http.drop_invalid_header_fields.enabled=true",
                    `deletion_protection.enabled=${args.protection.loadBalancerDeletionProtection}`,
                ].join(","),
            };
            const tags = Object.entries(args.defaultTags)
                .filter(([k, v]) => !/[,=]/.test(k) && !/[,=]/.test(v))
                .map(([k, v]) => `${k}=${v}`)
                .join(",");
            if (tags) annotations["alb.ingress.kubernetes.io/tags"] = tags;
            if (args.wafAclArn) annotations["alb.ingress.kubernetes.io/wafv2-acl-arn"] = args.wafAclArn;
            this.publicUrl = `https://${ing.host}${ing.paths[0] === "/" ? "" : ing.paths[0]}`;
            this.ingress = new k8s.networking.v1.Ingress(
                `${name}-ingress`,
                {
                    metadata: { name: svc, namespace: ns, labels, annotations },
                    spec: {
                        ingressClassName: "alb",
                        rules: [
                            {
                                host: ing.host,
                                http: {
                                    paths: ing.paths.map((path) => ({
                                        path,
                                        pathType: "Prefix",
                                        backend: { service: { name: svc, port: { number: s.servicePort } } },
                                    })),
                                },
                            },
                        ],
                    },
                },
                { parent: this, dependsOn: [...lbDeps, this.service] },
            );
        }

        // -- NetworkPolicy: only what the service declares --
        const port = (p: pulumi.Input<number> | number) => ({ protocol: "TCP", port: p });
        const peer = (p: ServicePeer) => ({
            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": p.namespace } },
            podSelector: { matchLabels: { "app.kubernetes.io/name": p.name } },
        });
        const publicInternet = { ipBlock: { cidr: "0.0.0.0/0", except: PRIVATE_RANGES } };
        const ingressRules: k8s.types.input.networking.v1.NetworkPolicyIngressRule[] = [];
        if (isWeb && ingressEnabled) {
            ingressRules.push({ from: args.albSourceCidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: [port(s.port)] });
        }
        if (isWeb && args.callers.length > 0) ingressRules.push({ from: args.callers.map(peer), ports: [port(s.port)] });
        const egressRules: k8s.types.input.networking.v1.NetworkPolicyEgressRule[] = [{ to: [KUBE_DNS_PEER], ports: DNS_PORTS }];
        for (const callee of args.callees) egressRules.push({ to: [peer(callee)], ports: [port(callee.port!)] });
        if (s.database && args.database) egressRules.push({ to: args.dataStoreCidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: [port(args.database.port)] });
        if (s.cache && args.cache) egressRules.push({ to: args.dataStoreCidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: [port(args.cache.port)] });
        if (usesAws) {
            // AWS APIs: interface endpoints in the VPC, or the regional public endpoints (S3 through its gateway endpoint
            // still uses S3's public addresses). NetworkPolicy cannot name a service, only addresses.
            egressRules.push({ to: [{ ipBlock: { cidr: args.vpcCidr } }, publicInternet], ports: [port(443)] });
            if (args.podIdentityAgent) egressRules.push({ to: [{ ipBlock: { cidr: POD_IDENTITY_AGENT_CIDR } }], ports: [port(80)] });
        }
        if (s.externalHosts.length > 0 && !usesAws) {
            // NetworkPolicy cannot filter by host name: HTTPS to public addresses only (private ranges excluded).
            egressRules.push({ to: [publicInternet], ports: [port(443)] });
        }
        new k8s.networking.v1.NetworkPolicy(
            `${name}-netpol`,
            {
                metadata: {
                    name: svc,
                    namespace: ns,
                    labels,
                    annotations: s.externalHosts.length > 0 ? { "strata.dev/external-hosts": s.externalHosts.join(",") } : {},
                },
                spec: { podSelector: { matchLabels: selector }, policyTypes: ["Ingress", "Egress"], ingress: ingressRules, egress: egressRules },
            },
            inNs,
        );

        // -- autoscaling and disruption budget --
        if (s.autoscaling) {
            const a = s.autoscaling;
            new k8s.autoscaling.v2.HorizontalPodAutoscaler(
                `${name}-hpa`,
                {
                    metadata: { name: svc, namespace: ns, labels },
                    spec: {
                        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: svc },
                        minReplicas: a.minReplicas,
                        maxReplicas: a.maxReplicas,
                        metrics: [
                            { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: a.targetCpuUtilization } } },
                            { type: "Resource", resource: { name: "memory", target: { type: "Utilization", averageUtilization: a.targetMemoryUtilization } } },
                        ],
                        behavior: {
                            scaleUp: {
                                stabilizationWindowSeconds: a.scaleUpStabilizationSeconds,
                                selectPolicy: "Max",
                                policies: [
                                    { type: "Percent", value: a.scaleUpPercent, periodSeconds: a.periodSeconds },
                                    { type: "Pods", value: a.scaleUpPods, periodSeconds: a.periodSeconds },
                                ],
                            },
                            scaleDown: {
                                stabilizationWindowSeconds: a.scaleDownStabilizationSeconds,
                                selectPolicy: "Max",
                                policies: [{ type: "Percent", value: a.scaleDownPercent, periodSeconds: a.periodSeconds }],
                            },
                        },
                    },
                },
                { parent: this, dependsOn: [this.deployment] },
            );
        }
        if (minReplicas >= 2) {
            new k8s.policy.v1.PodDisruptionBudget(
                `${name}-pdb`,
                { metadata: { name: svc, namespace: ns, labels }, spec: { maxUnavailable: 1, selector: { matchLabels: selector } } },
                inNs,
            );
        }

        this.registerOutputs({ url: this.url, publicUrl: this.publicUrl, roleArn: this.role?.arn });
    }
}
