import type { KmsKeyArns } from "../kms";
import type * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import type { ServicesSettings, ServiceSettings } from "../config/services";
import type { PolicyStatement } from "../iam";
import type { NamespaceLimitRange, NamespaceQuota } from "./namespace";

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

/** How `spot: true` services reach the spot pool: tolerate its taint, prefer its nodes (it may not exist in dev). */
export interface SpotScheduling {
    tolerations: k8s.types.input.core.v1.Toleration[];
    preferNodeLabels?: Record<string, string>;
}

export interface ServiceArgs extends BaseArgs {
    /** Service name (key in strata:services). */
    serviceName: string;
    /**
     * The image the pods run when it is not `settings.image` (an ecr service: `<repositoryUrl>@<digest>`).
     * @default settings.image
     */
    image?: pulumi.Input<string>;
    /**
     * The dockerconfigjson Secret of the image's registry (`settings.imagePullSecret`): listed in the pods'
     * `imagePullSecrets`, and the Deployment waits for it.
     * @default undefined (the nodes pull anonymously, or with their role from ECR)
     */
    imagePullSecret?: { name: string; resource: pulumi.Resource };
    namespace: string;
    settings: ServiceSettings;
    region: string;
    /** The namespace resource (everything in it waits for it). */
    namespaceResource?: pulumi.Resource;
    /**
     * Workloads that must complete before this one's pods start: the migration jobs, for the other workloads of
     * `database: true` services.
     * @default [] (nothing to wait for)
     */
    waitFor?: pulumi.Resource[];

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
    /** The DocumentDB cluster (MONGODB_URL, port 27017), when the service declares `documentDb`. */
    documentDb?: { url: pulumi.Input<string>; port: pulumi.Input<number> };
    /**
     * The service's own AMQPS URL (secret) and the broker's port, for `broker: true`.
     * @default undefined (no broker)
     */
    broker?: { url: pulumi.Input<string>; port: pulumi.Input<number> };
    /** The declared buckets, resolved. */
    buckets: Record<string, { bucket: pulumi.Input<string>; arn: pulumi.Input<string>; access: "read" | "readwrite" }>;
    /** The declared queues, resolved. */
    queues: Record<string, { url: pulumi.Input<string>; arn: pulumi.Input<string>; access: "consume" | "produce" | "both" }>;
    /** The data key (S3 and SQS encryption), for the workload's IAM policy. */
    kmsKeyArns?: Pick<KmsKeyArns, "data">;
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
    /**
     * Where the ALB writes access logs, and the bucket policy that lets it (the Ingress waits for it).
     * @default undefined (no access logs)
     */
    albAccessLogs?: { bucket: pulumi.Input<string>; policy: pulumi.Resource };
    /** The AWS Load Balancer Controller's release: Services and Ingresses wait for its webhook. */
    loadBalancerController?: pulumi.Resource;
    /** Scheduling onto the spot pool (workers with `spot: true`). */
    spotScheduling?: SpotScheduling;
    /**
     * The metrics stack's release (it installs the ServiceMonitor CRD): a service with `metrics` needs it.
     * @default undefined (no ServiceMonitor can be created: a service with `metrics` is refused)
     */
    metricsRelease?: pulumi.Resource;
    /**
     * The Argo Rollouts release (it installs the Rollout and AnalysisTemplate CRDs): a service with a `rollout` needs it.
     * @default undefined (a service with a rollout is refused)
     */
    rolloutsRelease?: pulumi.Resource;
    /**
     * The stack runs the tracing collectors (`strata:tracing.enabled`): the service gets the OpenTelemetry SDK
     * environment and egress to the routers.
     * @default false
     */
    tracing?: boolean;
    /**
     * The namespace has the load balancer controller's pod readiness gate injection on: its pods are created through
     * the controller's webhook (failurePolicy Fail), so the Deployment waits for the controller.
     */
    readinessGateInjection?: boolean;
}

export interface ServicesArgs extends BaseArgs {
    /** `strata:services`. */
    services: ServicesSettings;
    /** Namespace of services that name none: the system name (`strata:name`). */
    defaultNamespace: string;
    region: string;
    /** VPC CIDR (interface endpoints of AWS APIs). */
    vpcCidr: string;
    /** Public subnets' CIDRs: the ALB's nodes (target type ip) send from these addresses. */
    publicSubnetCidrs: string[];
    /** Isolated subnets' CIDRs: where RDS and ElastiCache live. */
    isolatedSubnetCidrs: string[];
    /** Workload identity (the cluster's IRSA helper). */
    workloadRole?: WorkloadRoleFactory;
    podIdentityAgent?: boolean;
    /** The AWS Load Balancer Controller release; Services and Ingresses wait for it. */
    loadBalancerController?: pulumi.Resource;
    /** The metrics stack's release (the ServiceMonitor CRD); services with `metrics` wait for it. */
    metricsRelease?: pulumi.Resource;
    /**
     * The Argo Rollouts release (the Rollout CRD); services with a `rollout` wait for it.
     * @default undefined (no service may declare a rollout)
     */
    rolloutsRelease?: pulumi.Resource;
    /**
     * The tracing collectors run: every service gets the OpenTelemetry SDK environment and egress to the routers.
     * @default false
     */
    tracing?: boolean;
    spotScheduling?: SpotScheduling;
    database?: { url: pulumi.Input<string>; port: pulumi.Input<number> };
    cache?: { url: pulumi.Input<string>; port: pulumi.Input<number> };
    /** The DocumentDB cluster, when `strata:documentDb` is enabled. @default undefined */
    documentDb?: { url: pulumi.Input<string>; port: pulumi.Input<number> };
    /**
     * The broker (`strata:broker`): the user Jobs' endpoint and admin credentials, and each `broker: true` service's
     * user (its password and AMQPS URL, secret).
     * @default undefined (no service may declare broker: true)
     */
    broker?: {
        port: number;
        consoleUrl: pulumi.Input<string>;
        adminUsername: string;
        adminPassword: pulumi.Input<string>;
        users: Record<string, { password: pulumi.Input<string>; url: pulumi.Input<string> }>;
    };
    buckets: Record<string, { bucket: pulumi.Input<string>; arn: pulumi.Input<string> }>;
    queues: Record<string, { url: pulumi.Input<string>; arn: pulumi.Input<string> }>;
    /** The data key (S3 and SQS encryption). */
    kmsKeyArns?: Pick<KmsKeyArns, "data">;
    /**
     * The repository URL of each `ecr: true` service (the Registry's outputs): its pods run `<url>:<tag>` or
     * `<url>@<digest>`; an ecr service without `image` gets no workload until its first image is set.
     * @default {} (a service with `ecr: true` is refused)
     */
    imageRepositories?: Record<string, pulumi.Input<string>>;
    /** Secret config values by config key (`PlatformConfig.secretValues`). */
    secretConfig: Record<string, pulumi.Input<string>>;
    wafAclArn?: pulumi.Input<string>;
    /** The access-log bucket the ALBs write to, and its policy. */
    albAccessLogs?: { bucket: pulumi.Input<string>; policy: pulumi.Resource };
    /** Labels per namespace (e.g. the business context). */
    namespaceLabels?: Record<string, Record<string, string>>;
}

export interface NamespaceArgs extends BaseArgs {
    /** The Kubernetes namespace name. */
    namespace: string;
    /** Extra labels (e.g. the business context of a multi-tenant system). */
    labels?: Record<string, string>;
    /** ResourceQuota: totals of the namespace's requests and limits, and its pod count. */
    quota: NamespaceQuota;
    /** LimitRange per container: defaults for containers that set nothing, and the largest allowed. */
    limitRange: NamespaceLimitRange;
    /**
     * Turn on the AWS Load Balancer Controller's pod readiness gate for the namespace's pods (namespaces with an
     * Ingress): a new pod counts as ready only once its ALB target is healthy, so a rolling update never leaves the
     * target group with only initial or draining targets.
     */
    readinessGateInjection?: boolean;
}
