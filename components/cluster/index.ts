import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { BaseArgs } from "../base";
import { ConfigError } from "../config/errors";
import { amiTypeOf, CHART_DEFAULTS, CLUSTER_AUTOSCALER_IMAGE_TAGS, ClusterAddonName, ClusterSettings, clusterNames, CoreAddonName, NodeGroupSettings, OptionalAddonName } from "../config/cluster";
import { policyDocument, PolicyStatement, serviceAssumeRolePolicy } from "../iam";
import { OidcIdentity, workloadIdentity, WorkloadIdentity, WorkloadRoleArgs } from "../identity";
import { encryptedLogGroup } from "../logGroup";
import { allowTcpFrom } from "../securityGroups";
import { tagSpecifications } from "../tags";
import { LOAD_BALANCER_CONTROLLER_POLICY } from "./loadBalancerControllerPolicy";

export { LOAD_BALANCER_CONTROLLER_POLICY, LOAD_BALANCER_CONTROLLER_POLICY_VERSION } from "./loadBalancerControllerPolicy";

/** All five EKS control-plane log types. */
export const CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

/** Add-ons installed before the node groups (the nodes need a CNI and the pod identity agent when they join). */
export const ADDONS_BEFORE_NODES: ClusterAddonName[] = ["vpc-cni", "eks-pod-identity-agent"];
/** Add-ons installed once nodes exist (CoreDNS fails on a first apply without nodes: terraform-aws-eks #3001). */
export const ADDONS_AFTER_NODES: CoreAddonName[] = ["coredns", "kube-proxy", "aws-ebs-csi-driver", "metrics-server"];

/**
 * The log groups the amazon-cloudwatch-observability add-on writes to, `/aws/containerinsights/<cluster>/<suffix>`:
 * Fluent Bit's container (application), kubelet / container runtime (dataplane) and node (host) logs, and the
 * CloudWatch agent's performance log events (the embedded-metric-format source of the Container Insights metrics).
 */
export const CONTAINER_INSIGHTS_LOG_GROUPS = ["application", "dataplane", "host", "performance"] as const;

/** `/aws/containerinsights/<cluster>/<suffix>`: names the add-on's agents use, fixed by AWS. */
export function containerInsightsLogGroupName(clusterName: string, suffix: (typeof CONTAINER_INSIGHTS_LOG_GROUPS)[number]): string {
    return `/aws/containerinsights/${clusterName}/${suffix}`;
}

/** Kubernetes service accounts the cluster's own workload roles are bound to. */
export const SYSTEM_SERVICE_ACCOUNTS = {
    vpcCni: { namespace: "kube-system", serviceAccount: "aws-node" },
    ebsCsi: { namespace: "kube-system", serviceAccount: "ebs-csi-controller-sa" },
    loadBalancerController: { namespace: "kube-system", serviceAccount: "aws-load-balancer-controller" },
    clusterAutoscaler: { namespace: "kube-system", serviceAccount: "cluster-autoscaler" },
    /** The amazon-cloudwatch-observability add-on's agent; its Fluent Bit DaemonSet runs as the same service account. */
    cloudwatchAgent: { namespace: "amazon-cloudwatch", serviceAccount: "cloudwatch-agent" },
} as const;

/** Name of the default StorageClass the cluster creates. */
export const DEFAULT_STORAGE_CLASS = "gp3-encrypted";

export interface ClusterArgs extends BaseArgs, ClusterSettings {
    /** Region of the cluster (kubeconfig, the controllers' settings). */
    region: string;
    vpcId: pulumi.Input<string>;
    /** Private subnets: control-plane network interfaces and nodes. */
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The nodes' security group, created (without rules) by the network; the cluster adds its rules. */
    nodeSecurityGroupId: pulumi.Input<string>;
    /** KMS keys: `cluster` (secrets envelope encryption), `ebs` (node and persistent volumes), `logs` (control-plane logs). */
    kmsKeyArns: { cluster: pulumi.Input<string>; ebs: pulumi.Input<string>; logs: pulumi.Input<string> };
}

/** EKS AMI type for a node group's instance types (all of one AMI type: config validation ensures it). */
export function amiTypeFor(instanceTypes: string[]): string {
    return amiTypeOf(instanceTypes[0]);
}

/** The exec-based kubeconfig of a cluster (credentials come from `aws eks get-token` at use, never stored). */
export function buildKubeconfig(args: { clusterName: string; endpoint: string; certificateAuthority: string; region: string }): string {
    const name = args.clusterName;
    return JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name, cluster: { server: args.endpoint, "certificate-authority-data": args.certificateAuthority } }],
        contexts: [{ name, context: { cluster: name, user: name } }],
        "current-context": name,
        users: [
            {
                name,
                user: {
                    exec: {
                        apiVersion: "client.authentication.k8s.io/v1beta1",
                        command: "aws",
                        args: ["eks", "get-token", "--cluster-name", name, "--region", args.region, "--output", "json"],
                        interactiveMode: "Never",
                    },
                },
            },
        ],
    });
}

/** A readable, unique-enough logical name part for an IAM principal ARN (its last path segment). */
function principalSlug(arn: string): string {
    const last = arn.split("/").pop() ?? arn;
    return last.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "principal";
}

/**
 * The EKS cluster of a stack, from @pulumi/aws resources only (so the plan and the policy pack see every piece):
 * control plane with pinned version, secrets encryption, all control-plane logs, API authentication with access
 * entries, IRSA OIDC provider, managed node groups with launch templates, the six managed add-ons in dependency
 * order (seven with CloudWatch Container Insights), a Kubernetes provider with an exec kubeconfig, and the in-cluster
 * platform (AWS Load Balancer Controller, cluster autoscaler, default encrypted gp3 StorageClass).
 */
export class Cluster extends pulumi.ComponentResource {
    public readonly cluster: aws.eks.Cluster;
    public readonly clusterName: pulumi.Output<string>;
    public readonly endpoint: pulumi.Output<string>;
    public readonly version: pulumi.Output<string>;
    public readonly clusterSecurityGroupId: pulumi.Output<string>;
    public readonly oidcProvider: aws.iam.OpenIdConnectProvider;
    public readonly oidcProviderArn: pulumi.Output<string>;
    /** Full issuer URL (`https://oidc.eks.<region>.amazonaws.com/id/<ID>`). */
    public readonly oidcIssuerUrl: pulumi.Output<string>;
    /** Issuer without the scheme, as IRSA trust-policy condition keys use it. */
    public readonly oidcIssuer: pulumi.Output<string>;
    /** Exec-based kubeconfig (JSON), secret. */
    public readonly kubeconfig: pulumi.Output<string>;
    /** The provider every Kubernetes object of this cluster must use. */
    public readonly k8sProvider: k8s.Provider;
    public readonly nodeRole: aws.iam.Role;
    public readonly launchTemplates: Record<string, aws.ec2.LaunchTemplate>;
    public readonly nodeGroups: Record<string, aws.eks.NodeGroup>;
    /** The six add-ons every cluster gets, and `amazon-cloudwatch-observability` when `observability.containerInsights` is on. */
    public readonly addons: Record<CoreAddonName, aws.eks.Addon> & Partial<Record<OptionalAddonName, aws.eks.Addon>>;
    /** The Container Insights log groups (application, dataplane, host, performance); empty when observability is off. */
    public readonly containerInsightsLogGroups: aws.cloudwatch.LogGroup[];
    /** Ingresses and LoadBalancer Services must depend on this (its webhooks and controllers serve them). */
    public readonly loadBalancerControllerRelease: k8s.helm.v3.Release;
    public readonly clusterAutoscalerRelease: k8s.helm.v3.Release;
    public readonly storageClass: k8s.storage.v1.StorageClass;
    /** ARN of the IAM role running the deployment, which got cluster admin (if `deployerAdmin`). */
    public readonly deployerPrincipalArn: pulumi.Output<string>;

    private readonly oidc: OidcIdentity;
    private readonly naming: BaseArgs["naming"];

    constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:cluster:Cluster", name, {}, opts);
        const n = args.naming;
        this.naming = n;
        const parent = { parent: this };

        const partition = aws.getPartitionOutput({}, parent).partition;
        const caller = aws.getCallerIdentityOutput({}, parent);
        const accountId = caller.accountId;
        const managedPolicy = (policy: string) => pulumi.interpolate`arn:${partition}:iam::aws:policy/${policy}`;

        const clusterName = n.physical("eksCluster", clusterNames.cluster);

        // -- control plane ------------------------------------------------------------------------------------
        // EKS writes control-plane logs to this fixed name; creating it first gives it retention and the logs key.
        const logGroup = encryptedLogGroup(
            n.name("eks-logs"),
            { logGroupName: `/aws/eks/${clusterName}/cluster`, retentionInDays: args.logRetentionDays, kmsKeyArn: args.kmsKeyArns.logs },
            parent,
        );

        const clusterRole = new aws.iam.Role(
            n.autoNamed("iamRole", ...clusterNames.role("cluster")),
            { assumeRolePolicy: serviceAssumeRolePolicy("eks.amazonaws.com"), description: `EKS control plane of ${clusterName}` },
            parent,
        );
        const clusterRolePolicies = [
            new aws.iam.RolePolicyAttachment(n.name("eks-cluster-policy"), { role: clusterRole.name, policyArn: managedPolicy("AmazonEKSClusterPolicy") }, parent),
            new aws.iam.RolePolicy(
                n.name("eks-cluster-kms"),
                {
                    role: clusterRole.id,
                    policy: policyDocument([
                        {
                            Sid: "SecretsEnvelopeEncryption",
                            Effect: "Allow",
                            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey", "kms:CreateGrant"],
                            Resource: args.kmsKeyArns.cluster,
                        },
                    ]),
                },
                parent,
            ),
        ];

        const publicCidrs = [...args.publicAccessCidrs];
        this.cluster = new aws.eks.Cluster(
            n.name("eks"),
            {
                name: clusterName,
                version: args.version,
                roleArn: clusterRole.arn,
                vpcConfig: {
                    subnetIds: args.privateSubnetIds,
                    endpointPrivateAccess: true,
                    // Public endpoint only for listed CIDRs; EKS would default an empty list to 0.0.0.0/0.
                    endpointPublicAccess: publicCidrs.length > 0,
                    publicAccessCidrs: publicCidrs.length > 0 ? publicCidrs : undefined,
                },
                encryptionConfig: { provider: { keyArn: args.kmsKeyArns.cluster }, resources: ["secrets"] },
                enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
                accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
                upgradePolicy: { supportType: args.supportType },
                kubernetesNetworkConfig: { ipFamily: "ipv4" },
                // EKS bootstraps its self-managed vpc-cni / kube-proxy / coredns; the managed add-ons below take them
                // over (OVERWRITE). Without them the first nodes could not reach the API service before kube-proxy runs.
                bootstrapSelfManagedAddons: true,
            },
            { parent: this, dependsOn: [logGroup, ...clusterRolePolicies], protect: args.protection.protect },
        );
        this.clusterName = this.cluster.name;
        this.endpoint = this.cluster.endpoint;
        this.version = this.cluster.version;
        this.clusterSecurityGroupId = this.cluster.vpcConfig.apply((v) => v.clusterSecurityGroupId);

        // -- access entries (authentication mode API; no implicit creator admin) ---------------------------------
        const accessPolicy = (policy: string) => pulumi.interpolate`arn:${partition}:eks::aws:cluster-access-policy/${policy}`;
        const grant = (key: string, principalArn: pulumi.Input<string>, policy: string): aws.eks.AccessPolicyAssociation => {
            const entry = new aws.eks.AccessEntry(n.name("eks-access", key), { clusterName: this.cluster.name, principalArn, type: "STANDARD" }, parent);
            return new aws.eks.AccessPolicyAssociation(
                n.name("eks-access", key),
                { clusterName: this.cluster.name, principalArn: entry.principalArn, policyArn: accessPolicy(policy), accessScope: { type: "cluster" } },
                parent,
            );
        };
        const seen = new Set<string>();
        const uniqueKey = (base: string) => {
            let key = base;
            for (let i = 2; seen.has(key); i++) key = `${base}-${i}`;
            seen.add(key);
            return key;
        };
        const adminAccess = args.adminPrincipalArns.map((arn) => grant(uniqueKey(`admin-${principalSlug(arn)}`), arn, "AmazonEKSClusterAdminPolicy"));
        for (const arn of args.readOnlyPrincipalArns) grant(uniqueKey(`view-${principalSlug(arn)}`), arn, "AmazonEKSViewPolicy");

        // The identity running the deployment, resolved from an assumed-role session ARN to its IAM role ARN.
        this.deployerPrincipalArn = aws.iam.getSessionContextOutput({ arn: caller.arn }, parent).issuerArn;
        // A second access entry for the same principal fails (ResourceInUseException) only after the ~10 minutes of
        // control plane creation; the deployer's ARN is known when the program runs, so refuse it then (in preview).
        const listed = new Map([...args.adminPrincipalArns, ...args.readOnlyPrincipalArns].map((arn) => [arn.toLowerCase(), arn]));
        // A ConfigError (a pulumi RunError): the CLI prints the message without a stack trace.
        const deployerAccess = args.deployerAdmin
            ? grant(
                  "deployer",
                  this.deployerPrincipalArn.apply((arn) => {
                      if (listed.has(arn.toLowerCase())) {
                          throw new ConfigError([
                              `strata:cluster.deployerAdmin: true, but the deploying identity ${arn} is also listed in strata:cluster.adminPrincipalArns / readOnlyPrincipalArns, and EKS allows one access entry per principal; set strata:cluster.deployerAdmin to false (keeping it in adminPrincipalArns) or remove it from the list`,
                          ]);
                      }
                      return arn;
                  }),
                  "AmazonEKSClusterAdminPolicy",
              )
            : undefined;

        // -- workload identity: IRSA OIDC provider -----------------------------------------------------------------
        this.oidcIssuerUrl = this.cluster.identities.apply((ids) => ids[0].oidcs![0].issuer!);
        this.oidcIssuer = this.oidcIssuerUrl.apply((url) => url.replace(/^https:\/\//, ""));
        this.oidcProvider = new aws.iam.OpenIdConnectProvider(
            n.name("eks-oidc"),
            // EKS's issuer certificate is trusted by IAM without a thumbprint; the audience is STS.
            { url: this.oidcIssuerUrl, clientIdLists: ["sts.amazonaws.com"] },
            parent,
        );
        this.oidcProviderArn = this.oidcProvider.arn;
        this.oidc = { oidcProviderArn: this.oidcProviderArn, oidcIssuer: this.oidcIssuer };

        // -- node security group rules (on the network's node group; the cluster SG is EKS-managed) ------------
        const nodeSg = args.nodeSecurityGroupId;
        const sgRules: pulumi.Resource[] = [
            new aws.vpc.SecurityGroupIngressRule(
                n.name("nodes-from-nodes"),
                { securityGroupId: nodeSg, referencedSecurityGroupId: nodeSg, ipProtocol: "-1", description: "Node to node: pod networking, DNS" },
                parent,
            ),
            ...[
                { port: 443, what: "control plane to nodes: webhooks, API aggregation" },
                { port: 10250, what: "control plane to kubelets" },
                { port: 9443, what: "control plane to the load balancer controller webhook" },
                { port: 10251, what: "control plane to metrics-server" },
            ].map(({ port, what }) =>
                allowTcpFrom(n.name("nodes-from-cp", String(port)), { securityGroupId: nodeSg, peerSecurityGroupId: this.clusterSecurityGroupId, port, description: what }, parent),
            ),
            allowTcpFrom(
                n.name("cp-from-nodes-443"),
                { securityGroupId: this.clusterSecurityGroupId, peerSecurityGroupId: nodeSg, port: 443, description: "Nodes to the Kubernetes API" },
                parent,
            ),
            new aws.vpc.SecurityGroupEgressRule(
                n.name("nodes-egress"),
                { securityGroupId: nodeSg, cidrIpv4: "0.0.0.0/0", ipProtocol: "-1", description: "Nodes out: control plane, AWS APIs, image registries (through NAT)" },
                parent,
            ),
        ];

        // -- add-ons before nodes: VPC CNI (network policy enforcement on) and the pod identity agent ---------------
        const addonVersion = (addon: ClusterAddonName): pulumi.Input<string> =>
            args.addonVersions[addon] ?? aws.eks.getAddonVersionOutput({ addonName: addon, kubernetesVersion: args.version, mostRecent: false }, parent).version;
        const addons = {} as Record<CoreAddonName, aws.eks.Addon> & Partial<Record<OptionalAddonName, aws.eks.Addon>>;
        const addon = (
            addonName: ClusterAddonName,
            extra: { serviceAccountRoleArn?: pulumi.Input<string>; configurationValues?: pulumi.Input<string> },
            dependsOn: pulumi.Resource[],
        ) => {
            const created = new aws.eks.Addon(
                n.name("addon", addonName),
                {
                    clusterName: this.cluster.name,
                    addonName,
                    addonVersion: addonVersion(addonName),
                    resolveConflictsOnCreate: "OVERWRITE",
                    resolveConflictsOnUpdate: "OVERWRITE",
                    ...extra,
                },
                { parent: this, dependsOn },
            );
            addons[addonName] = created;
            return created;
        };

        const vpcCniIdentity = this.identity(n.name("eks", "vpc-cni"), {
            ...SYSTEM_SERVICE_ACCOUNTS.vpcCni,
            statements: [],
            managedPolicyArns: [managedPolicy("AmazonEKS_CNI_Policy")],
            description: `VPC CNI of ${clusterName}`,
        });
        addon("vpc-cni", { serviceAccountRoleArn: vpcCniIdentity.role.arn, configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }) }, vpcCniIdentity.ready);
        addon("eks-pod-identity-agent", {}, []);

        // -- managed node groups -------------------------------------------------------------------------------
        this.nodeRole = new aws.iam.Role(
            n.autoNamed("iamRole", ...clusterNames.role("nodes")),
            { assumeRolePolicy: serviceAssumeRolePolicy("ec2.amazonaws.com"), description: `EKS nodes of ${clusterName}` },
            parent,
        );
        // No CNI policy on the nodes: the VPC CNI has its own role. SSM core lets operators reach nodes without SSH.
        const nodeRolePolicies = ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly", "AmazonSSMManagedInstanceCore"].map(
            (policy) => new aws.iam.RolePolicyAttachment(n.name("eks-nodes", policy), { role: this.nodeRole.name, policyArn: managedPolicy(policy) }, parent),
        );

        this.launchTemplates = {};
        this.nodeGroups = {};
        const nodeGroupDeps = [addons["vpc-cni"], addons["eks-pod-identity-agent"], ...nodeRolePolicies, ...sgRules];
        for (const pool of args.nodeGroups) {
            this.nodeGroups[pool.name] = this.nodeGroup(pool, args, clusterName, nodeGroupDeps);
        }
        const nodeGroups = Object.values(this.nodeGroups);

        // -- add-ons after nodes ----------------------------------------------------------------------------------
        const ebsCsiIdentity = this.identity(n.name("eks", "ebs-csi"), {
            ...SYSTEM_SERVICE_ACCOUNTS.ebsCsi,
            statements: kmsForEbsStatements(args.kmsKeyArns.ebs),
            managedPolicyArns: [managedPolicy("service-role/AmazonEBSCSIDriverPolicy")],
            description: `EBS CSI driver of ${clusterName}`,
        });
        addon("coredns", {}, nodeGroups);
        addon("kube-proxy", {}, nodeGroups);
        addon(
            "aws-ebs-csi-driver",
            {
                serviceAccountRoleArn: ebsCsiIdentity.role.arn,
                // Volumes the driver creates carry the stack's tags too.
                configurationValues: JSON.stringify({ controller: { extraVolumeTags: args.defaultTags } }),
            },
            [...nodeGroups, ...ebsCsiIdentity.ready],
        );
        addon("metrics-server", {}, nodeGroups);

        // -- observability: CloudWatch Container Insights (enhanced observability) + Fluent Bit logs ---------------
        // The agents would create these fixed names themselves (Fluent Bit's auto_create_group), unencrypted and kept
        // forever; created first, they get the logs key and a retention, and the agents write into them. CloudWatch
        // Logs encrypts server-side with the key (its key policy admits this account's log groups), so the agents'
        // role needs no KMS permission.
        this.containerInsightsLogGroups = [];
        if (args.observability.containerInsights) {
            for (const suffix of CONTAINER_INSIGHTS_LOG_GROUPS) {
                this.containerInsightsLogGroups.push(
                    encryptedLogGroup(
                        n.name("containerinsights", suffix),
                        { logGroupName: containerInsightsLogGroupName(clusterName, suffix), retentionInDays: args.observability.logRetentionDays, kmsKeyArn: args.kmsKeyArns.logs },
                        parent,
                    ),
                );
            }
            // CloudWatchAgentServerPolicy covers metrics, logs and the X-Ray writes of Application Signals (the same
            // actions as AWSXrayWriteOnlyAccess, which is therefore not attached).
            const cloudwatchIdentity = this.identity(n.name("eks", "cloudwatch"), {
                ...SYSTEM_SERVICE_ACCOUNTS.cloudwatchAgent,
                statements: [],
                managedPolicyArns: [managedPolicy("CloudWatchAgentServerPolicy")],
                description: `CloudWatch agent and Fluent Bit (Container Insights) of ${clusterName}`,
            });
            addon("amazon-cloudwatch-observability", { serviceAccountRoleArn: cloudwatchIdentity.role.arn }, [
                ...nodeGroups,
                ...cloudwatchIdentity.ready,
                ...this.containerInsightsLogGroups,
            ]);
        }
        this.addons = addons;

        // -- Kubernetes provider ---------------------------------------------------------------------------------
        this.kubeconfig = pulumi.secret(
            pulumi
                .all([this.cluster.name, this.cluster.endpoint, this.cluster.certificateAuthority])
                .apply(([cn, endpoint, ca]) => buildKubeconfig({ clusterName: cn, endpoint, certificateAuthority: ca.data!, region: args.region })),
        );
        this.k8sProvider = new k8s.Provider(
            n.name("k8s"),
            { kubeconfig: this.kubeconfig, enableServerSideApply: true },
            // Without the deployer's access policy the API server refuses the first deploy. With deployerAdmin off the
            // deployer is one of the admin principals, so wait for all of them; on destroy, every Kubernetes object is
            // deleted before these associations.
            { parent: this, dependsOn: [...(deployerAccess ? [deployerAccess] : []), ...adminAccess] },
        );
        const inCluster = { parent: this, provider: this.k8sProvider };

        // -- in-cluster platform ---------------------------------------------------------------------------------
        const lbcIdentity = this.identity(n.name("eks", "lb-controller"), {
            ...SYSTEM_SERVICE_ACCOUNTS.loadBalancerController,
            statements: LOAD_BALANCER_CONTROLLER_POLICY,
            description: `AWS Load Balancer Controller of ${clusterName}`,
        });
        this.loadBalancerControllerRelease = new k8s.helm.v3.Release(
            n.name("lb-controller"),
            {
                name: "aws-load-balancer-controller",
                chart: CHART_DEFAULTS.loadBalancerController.chart,
                version: args.charts.loadBalancerController,
                repositoryOpts: { repo: CHART_DEFAULTS.loadBalancerController.repository },
                namespace: SYSTEM_SERVICE_ACCOUNTS.loadBalancerController.namespace,
                atomic: true,
                timeout: 900,
                values: {
                    clusterName: this.cluster.name,
                    // Given explicitly, so the controller never needs the instance metadata service (hop limit 1).
                    region: args.region,
                    vpcId: args.vpcId,
                    replicaCount: 2,
                    serviceAccount: {
                        create: true,
                        name: SYSTEM_SERVICE_ACCOUNTS.loadBalancerController.serviceAccount,
                        annotations: { "eks.amazonaws.com/role-arn": lbcIdentity.role.arn },
                    },
                    // Load balancers, target groups and security groups it creates carry the stack's tags.
                    defaultTags: args.defaultTags,
                    podDisruptionBudget: { maxUnavailable: 1 },
                },
            },
            // After every add-on: the chart registers the mservice.elbv2.k8s.aws webhook (failurePolicy Fail) on the
            // creation of every Service in the cluster, so an add-on creating its Service (metrics-server) while the
            // controller is not serving yet would fail. CoreDNS must run for the controller to reach AWS.
            // The observability add-on creates Services too (the agent's, the operator's webhook).
            {
                ...inCluster,
                dependsOn: [
                    ...nodeGroups,
                    ...ADDONS_AFTER_NODES.map((a) => addons[a]),
                    ...(addons["amazon-cloudwatch-observability"] ? [addons["amazon-cloudwatch-observability"]] : []),
                    ...lbcIdentity.ready,
                ],
            },
        );

        const autoscalerIdentity = this.identity(n.name("eks", "autoscaler"), {
            ...SYSTEM_SERVICE_ACCOUNTS.clusterAutoscaler,
            statements: clusterAutoscalerStatements({ clusterName, partition, region: args.region, accountId }),
            description: `Cluster autoscaler of ${clusterName}`,
        });
        const a = args.autoscaler;
        this.clusterAutoscalerRelease = new k8s.helm.v3.Release(
            n.name("autoscaler"),
            {
                name: "cluster-autoscaler",
                chart: CHART_DEFAULTS.clusterAutoscaler.chart,
                version: args.charts.clusterAutoscaler,
                repositoryOpts: { repo: CHART_DEFAULTS.clusterAutoscaler.repository },
                namespace: SYSTEM_SERVICE_ACCOUNTS.clusterAutoscaler.namespace,
                atomic: true,
                timeout: 600,
                values: {
                    cloudProvider: "aws",
                    awsRegion: args.region,
                    fullnameOverride: "cluster-autoscaler",
                    autoDiscovery: { clusterName: this.cluster.name },
                    image: { tag: a.imageTag ?? CLUSTER_AUTOSCALER_IMAGE_TAGS[args.version] },
                    rbac: {
                        serviceAccount: {
                            create: true,
                            name: SYSTEM_SERVICE_ACCOUNTS.clusterAutoscaler.serviceAccount,
                            annotations: { "eks.amazonaws.com/role-arn": autoscalerIdentity.role.arn },
                        },
                    },
                    extraArgs: {
                        "scale-down-utilization-threshold": a.scaleDownUtilizationThreshold,
                        "scale-down-unneeded-time": a.scaleDownUnneededTime,
                        "scale-down-delay-after-add": a.scaleDownDelayAfterAdd,
                        "max-nodes-total": a.maxNodesTotal,
                        expander: a.expander,
                        "balance-similar-node-groups": true,
                        "skip-nodes-with-system-pods": false,
                    },
                },
            },
            // The chart creates a Service (metrics), which the load balancer controller's webhook must be serving for;
            // CoreDNS must run for the autoscaler to reach the AWS APIs.
            { ...inCluster, dependsOn: [...nodeGroups, addons.coredns, this.loadBalancerControllerRelease, ...autoscalerIdentity.ready] },
        );

        // Default StorageClass: encrypted gp3 with the ebs key, bound where the pod lands. (EKS >= 1.30 no longer
        // marks its gp2 class as default, so there is nothing to unset.)
        this.storageClass = new k8s.storage.v1.StorageClass(
            n.name("gp3"),
            {
                metadata: { name: DEFAULT_STORAGE_CLASS, annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
                provisioner: "ebs.csi.aws.com",
                parameters: { type: "gp3", encrypted: "true", kmsKeyId: args.kmsKeyArns.ebs, "csi.storage.k8s.io/fstype": "ext4" },
                volumeBindingMode: "WaitForFirstConsumer",
                allowVolumeExpansion: true,
                reclaimPolicy: args.protection.volumeReclaimPolicy,
            },
            { ...inCluster, dependsOn: [addons["aws-ebs-csi-driver"]] },
        );

        this.registerOutputs({
            clusterName: this.clusterName,
            endpoint: this.endpoint,
            oidcProviderArn: this.oidcProviderArn,
            oidcIssuer: this.oidcIssuer,
            clusterSecurityGroupId: this.clusterSecurityGroupId,
            kubeconfig: this.kubeconfig,
        });
    }

    /**
     * Workload identity (IRSA) for a Kubernetes service account of this cluster: an IAM role only that service
     * account can assume (`<issuer>:sub` = system:serviceaccount:<ns>:<sa>, `<issuer>:aud` = sts.amazonaws.com),
     * with the given least-privilege statements. `name` is the role's logical name (Pulumi auto-names the role).
     */
    public workloadRole(name: string, args: WorkloadRoleArgs, opts?: pulumi.CustomResourceOptions): aws.iam.Role {
        return this.identity(name, args, opts).role;
    }

    /** As `workloadRole`, with the policy resources (depend on `ready` before the workload starts). */
    public identity(name: string, args: WorkloadRoleArgs, opts?: pulumi.CustomResourceOptions): WorkloadIdentity {
        return workloadIdentity(name, this.oidc, args, { parent: this, ...opts });
    }

    private nodeGroup(pool: NodeGroupSettings, args: ClusterArgs, clusterName: string, dependsOn: pulumi.Resource[]): aws.eks.NodeGroup {
        const n = this.naming;
        const parent = { parent: this };
        const launchTemplate = new aws.ec2.LaunchTemplate(
            n.name("ng", pool.name),
            {
                description: `EKS node group ${pool.name} of ${clusterName}`,
                updateDefaultVersion: true,
                vpcSecurityGroupIds: [args.nodeSecurityGroupId, this.clusterSecurityGroupId],
                metadataOptions: {
                    httpEndpoint: "enabled",
                    httpTokens: "required",
                    httpPutResponseHopLimit: args.imdsHopLimit,
                    instanceMetadataTags: "disabled",
                },
                blockDeviceMappings: [
                    {
                        deviceName: "/dev/xvda",
                        ebs: {
                            volumeSize: pool.diskSizeGiB,
                            volumeType: "gp3",
                            iops: 3000,
                            throughput: 125,
                            encrypted: "true",
                            kmsKeyId: args.kmsKeyArns.ebs,
                            deleteOnTermination: "true",
                        },
                    },
                ],
                // Provider default tags do not reach what the launch template starts.
                tagSpecifications: tagSpecifications({ ...args.defaultTags, Name: `${clusterName}-${pool.name}` }),
            },
            parent,
        );
        this.launchTemplates[pool.name] = launchTemplate;

        const nodeGroup = new aws.eks.NodeGroup(
            n.autoNamed("eksNodeGroup", ...clusterNames.nodeGroup(pool.name)),
            {
                clusterName: this.cluster.name,
                version: this.cluster.version,
                nodeRoleArn: this.nodeRole.arn,
                subnetIds: args.privateSubnetIds,
                amiType: amiTypeFor(pool.instanceTypes),
                capacityType: pool.capacityType,
                instanceTypes: pool.instanceTypes,
                scalingConfig: { minSize: pool.minSize, maxSize: pool.maxSize, desiredSize: pool.desiredSize ?? pool.minSize },
                updateConfig: { maxUnavailable: pool.maxUnavailable },
                nodeRepairConfig: { enabled: true },
                // A changed template is a new version: the group rolls its nodes instead of being replaced.
                launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.apply((v) => String(v)) },
                labels: { ...pool.labels, "strata.io/pool": pool.name },
                taints: pool.taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
            },
            // The cluster autoscaler owns the desired size after creation.
            { parent: this, dependsOn, ignoreChanges: ["scalingConfig.desiredSize"] },
        );

        // EKS does not copy tags to the node group's auto scaling group: write the stack's tags on it.
        const asgName = nodeGroup.resources.apply((r) => r[0].autoscalingGroups![0].name!);
        for (const [key, value] of Object.entries(args.defaultTags)) {
            new aws.autoscaling.Tag(
                n.name("ng", pool.name, "asg-tag", key.toLowerCase().replace(/[^a-z0-9-]+/g, "-")),
                { autoscalingGroupName: asgName, tag: { key, value, propagateAtLaunch: false } },
                parent,
            );
        }
        return nodeGroup;
    }
}

/** The EBS CSI driver's use of the ebs key for volumes it creates (on top of AmazonEBSCSIDriverPolicy). */
function kmsForEbsStatements(ebsKeyArn: pulumi.Input<string>): PolicyStatement[] {
    return [
        {
            Sid: "EbsKeyGrants",
            Effect: "Allow",
            Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
            Resource: ebsKeyArn,
            Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
        },
        {
            Sid: "EbsKeyUse",
            Effect: "Allow",
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
            Resource: ebsKeyArn,
        },
    ];
}

/**
 * The cluster autoscaler's permissions: read auto scaling and EC2 metadata; change only auto scaling groups
 * tagged as this cluster's (EKS managed node groups tag their groups `k8s.io/cluster-autoscaler/<cluster>=owned`);
 * describe only this cluster's node groups (for labels and taints when scaling from zero).
 */
export function clusterAutoscalerStatements(c: {
    clusterName: string;
    partition: pulumi.Input<string>;
    region: string;
    accountId: pulumi.Input<string>;
}): PolicyStatement[] {
    return [
        {
            Sid: "ScaleThisClustersNodeGroups",
            Effect: "Allow",
            Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
            Resource: pulumi.interpolate`arn:${c.partition}:autoscaling:${c.region}:${c.accountId}:autoScalingGroup:*:autoScalingGroupName/*`,
            Condition: {
                StringEquals: {
                    [`aws:ResourceTag/k8s.io/cluster-autoscaler/${c.clusterName}`]: "owned",
                    "aws:ResourceTag/k8s.io/cluster-autoscaler/enabled": "true",
                },
            },
        },
        {
            Sid: "ReadScalingState",
            Effect: "Allow",
            Action: [
                "autoscaling:DescribeAutoScalingGroups",
                "autoscaling:DescribeAutoScalingInstances",
                "autoscaling:DescribeLaunchConfigurations",
                "autoscaling:DescribeScalingActivities",
                "autoscaling:DescribeTags",
                "ec2:DescribeImages",
                "ec2:DescribeInstanceTypes",
                "ec2:DescribeLaunchTemplateVersions",
                "ec2:GetInstanceTypesFromInstanceRequirements",
            ],
            Resource: "*",
        },
        {
            Sid: "DescribeThisClustersNodeGroups",
            Effect: "Allow",
            Action: ["eks:DescribeNodegroup"],
            Resource: pulumi.interpolate`arn:${c.partition}:eks:${c.region}:${c.accountId}:nodegroup/${c.clusterName}/*/*`,
        },
    ];
}
