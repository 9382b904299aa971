import * as aws from "@pulumi/aws";
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import { partitionOf } from "../catalogue/regions";
import type { ClusterSettings, CoreAddonName, OptionalAddonName } from "../config/cluster";
import type { OidcIdentity, WorkloadIdentity, WorkloadRoleArgs } from "../identity";
import { workloadIdentity } from "../identity";
import { accessGrants } from "./access";
import { addonPlan, containerInsightsEnabled } from "./addons";
import { buildKubeconfig } from "./controlPlane";
import { clusterNameSet } from "./names";
import type { ClusterScope, DeployRunner } from "./resources";
import { hasRunner } from "./runner";
import {
    createAccessEntries,
    createApiSourceRules,
    createDeployRunner,
    createAddon,
    createContainerInsightsLogGroups,
    createControlPlane,
    createInClusterPlatform,
    createKubernetesProvider,
    createNodeGroup,
    createNodeRole,
    createNodeSecurityGroupRules,
    createOidcProvider,
} from "./resources";

export { LOAD_BALANCER_CONTROLLER_POLICY, LOAD_BALANCER_CONTROLLER_POLICY_VERSION } from "./loadBalancerControllerPolicy";
export { CONTROL_PLANE_LOG_TYPES, buildKubeconfig } from "./controlPlane";
export { ADDONS_BEFORE_NODES, ADDONS_AFTER_NODES, CONTAINER_INSIGHTS_LOG_GROUPS, containerInsightsLogGroupName } from "./addons";
export { SYSTEM_SERVICE_ACCOUNTS, DEFAULT_STORAGE_CLASS } from "./inCluster";
export { amiTypeFor } from "./nodeGroups";
export { clusterAutoscalerStatements } from "./autoscaler";
export { clusterNames, clusterNameSet, CLUSTER_ROLE_PURPOSES } from "./names";
export type { DeployRunner } from "./resources";
export { RUNNER_WORKFLOWS, runnerLabel } from "./runner";

export interface ClusterArgs extends BaseArgs, ClusterSettings {
    /** Region of the cluster (kubeconfig, the controllers' settings, the partition of ARNs). */
    region: string;
    vpcId: pulumi.Input<string>;
    /** Private subnets: control-plane network interfaces and nodes. */
    privateSubnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The nodes' security group, created (without rules) by the network; the cluster adds its rules. */
    nodeSecurityGroupId: pulumi.Input<string>;
    /** KMS keys: `cluster` (secrets envelope encryption), `ebs` (node and persistent volumes), `logs` (control-plane logs). */
    kmsKeyArns: { cluster: pulumi.Input<string>; ebs: pulumi.Input<string>; logs: pulumi.Input<string> };
}

/**
 * The EKS cluster of a stack, from @pulumi/aws resources only (so the plan and the policy pack see every piece):
 * control plane with pinned version, secrets encryption, all control-plane logs, API authentication with access
 * entries, IRSA OIDC provider, managed node groups with launch templates, the six managed add-ons in dependency
 * order (seven with CloudWatch Container Insights), a Kubernetes provider with an exec kubeconfig, and the in-cluster
 * platform (AWS Load Balancer Controller, cluster autoscaler, default encrypted gp3 StorageClass).
 * The decisions live in pure spec modules (controlPlane, access, addons, nodeGroups, inCluster, autoscaler, names);
 * resources.ts creates the resources from them.
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
    /** The in-VPC deploy runner (`strata:cluster.access.runner`), when configured. */
    public readonly deployRunner?: DeployRunner;
    /** The deploying role given cluster admin (`deployerPrincipalArn` from config), if set. */
    public readonly deployerPrincipalArn: string | undefined;

    private readonly oidc: OidcIdentity;

    constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:cluster:Cluster", name, {}, opts);
        const parent = { parent: this };
        const s: ClusterScope = {
            parent: this,
            naming: args.naming,
            names: clusterNameSet(args.naming, args),
            partition: partitionOf(args.region),
        };
        // Only the account is read from the credentials (the autoscaler's ARNs): no resource depends on who deploys.
        const accountId = aws.getCallerIdentityOutput({}, parent).accountId;

        // -- control plane and access ---------------------------------------------------------------------------
        this.cluster = createControlPlane(s, args);
        this.clusterName = this.cluster.name;
        this.endpoint = this.cluster.endpoint;
        this.version = this.cluster.version;
        this.clusterSecurityGroupId = this.cluster.vpcConfig.apply((v) => v.clusterSecurityGroupId);
        this.deployerPrincipalArn = args.deployerPrincipalArn;
        const adminAccess = createAccessEntries(s, this.cluster, accessGrants(args));

        // -- workload identity: IRSA OIDC provider ----------------------------------------------------------------
        const oidc = createOidcProvider(s, this.cluster);
        this.oidcIssuerUrl = oidc.issuerUrl;
        this.oidcIssuer = oidc.issuer;
        this.oidcProvider = oidc.provider;
        this.oidcProviderArn = this.oidcProvider.arn;
        this.oidc = { oidcProviderArn: this.oidcProviderArn, oidcIssuer: this.oidcIssuer };

        // -- node security group rules, add-ons before nodes, node groups, add-ons after nodes ------------------
        const sgRules = createNodeSecurityGroupRules(s, args.nodeSecurityGroupId, this.clusterSecurityGroupId);

        // -- the deployer's route to the API (strata:cluster.access): CIDRs of a network path, the in-VPC runner --
        createApiSourceRules(s, args, this.clusterSecurityGroupId);
        this.deployRunner = hasRunner(args)
            ? createDeployRunner(s, args, { clusterSecurityGroupId: this.clusterSecurityGroupId, accountId })
            : undefined;
        const plan = addonPlan(args, s.names.cluster, args.defaultTags);
        const addons: Partial<Record<CoreAddonName | OptionalAddonName, aws.eks.Addon>> = {};
        for (const spec of plan.filter((a) => a.phase === "beforeNodes"))
            addons[spec.name] = createAddon(s, args, this.oidc, this.cluster, spec, []);

        const nodeRole = createNodeRole(s);
        this.nodeRole = nodeRole.role;
        this.launchTemplates = {};
        this.nodeGroups = {};
        const beforeNodes = plan.filter((a) => a.phase === "beforeNodes").map((a) => addons[a.name]!);
        for (const pool of args.nodeGroups) {
            const created = createNodeGroup(s, args, pool, {
                cluster: this.cluster,
                clusterSecurityGroupId: this.clusterSecurityGroupId,
                nodeRole: this.nodeRole,
                dependsOn: [...beforeNodes, ...nodeRole.policies, ...sgRules],
            });
            this.launchTemplates[pool.name] = created.launchTemplate;
            this.nodeGroups[pool.name] = created.nodeGroup;
        }
        const nodeGroups = Object.values(this.nodeGroups);

        this.containerInsightsLogGroups = containerInsightsEnabled(args) ? createContainerInsightsLogGroups(s, args) : [];
        for (const spec of plan.filter((a) => a.phase === "afterNodes")) {
            const logGroups = spec.usesContainerInsightsLogGroups ? this.containerInsightsLogGroups : [];
            addons[spec.name] = createAddon(s, args, this.oidc, this.cluster, spec, [...nodeGroups, ...logGroups]);
        }
        this.addons = addons as Cluster["addons"];

        // -- Kubernetes provider and the in-cluster platform ------------------------------------------------------
        this.kubeconfig = pulumi.secret(
            pulumi
                .all([this.cluster.name, this.cluster.endpoint, this.cluster.certificateAuthority])
                .apply(([cn, endpoint, ca]) =>
                    buildKubeconfig({ clusterName: cn, endpoint, certificateAuthority: ca.data!, region: args.region }),
                ),
        );
        this.k8sProvider = createKubernetesProvider(s, this.kubeconfig, adminAccess);
        const platform = createInClusterPlatform(s, args, {
            cluster: this.cluster,
            oidc: this.oidc,
            provider: this.k8sProvider,
            nodeGroups,
            addons,
            accountId,
        });
        this.loadBalancerControllerRelease = platform.loadBalancerController;
        this.clusterAutoscalerRelease = platform.clusterAutoscaler;
        this.storageClass = platform.storageClass;

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
}
