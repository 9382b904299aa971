import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { AwsPartition } from "../catalogue/regions";
import type { ClusterAddonName, NodeGroupSettings } from "../config/cluster";
import type { PolicyStatement } from "../iam";
import { policyDocument, serviceAssumeRolePolicy } from "../iam";
import type { OidcIdentity, WorkloadIdentity } from "../identity";
import { workloadIdentity } from "../identity";
import { encryptedLogGroup } from "../logGroup";
import type { Naming } from "../naming";
import type { AccessGrant } from "./access";
import { ACCESS_POLICIES, providerWaitsFor } from "./access";
import type { AddonIdentitySpec, AddonSpec } from "./addons";
import {
    ADDON_CONFLICT_RESOLUTION,
    addonPhase,
    CONTAINER_INSIGHTS_LOG_GROUPS,
    containerInsightsLogGroupName,
    ebsKeyStatements,
} from "./addons";
import {
    CLUSTER_ROLE_MANAGED_POLICY,
    controlPlaneLogGroupName,
    controlPlaneSpec,
    issuerHost,
    secretsEncryptionStatements,
} from "./controlPlane";
import type { ClusterArgs } from "./index";
import { clusterAutoscalerStatements } from "./autoscaler";
import { allowTcpFrom, rulelessSecurityGroup } from "../securityGroups";
import {
    apiSourceCidrs,
    RUNNER_NAME_PARTS,
    runnerLabel,
    runnerLogGroupName,
    runnerProjectSpec,
    runnerStatements,
    runnerTrustPolicy,
    runnerWebhookFilterGroups,
} from "./runner";
import { clusterAutoscalerRelease, loadBalancerControllerRelease, storageClassSpec, SYSTEM_SERVICE_ACCOUNTS } from "./inCluster";
import { LOAD_BALANCER_CONTROLLER_POLICY } from "./loadBalancerControllerPolicy";
import type { ClusterNameSet, ClusterRolePurpose } from "./names";
import { accessPolicyArn, managedPolicyArn, regionalArn, roleName } from "./names";
import {
    autoScalingGroupTags,
    launchTemplateSpec,
    NODE_GROUP_IGNORE_CHANGES,
    NODE_ROLE_MANAGED_POLICIES,
    NODE_SECURITY_GROUP_RULES,
    nodeGroupSpec,
    securityGroupRuleArgs,
} from "./nodeGroups";

/** What every creation function needs: the component (parent of everything), naming, the cluster's names, partition. */
export interface ClusterScope {
    parent: pulumi.ComponentResource;
    naming: Naming;
    names: ClusterNameSet;
    partition: AwsPartition;
}

/** An AWS service role of the cluster with AWS managed policies (and inline statements, if any). */
function createServiceRole(
    s: ClusterScope,
    purpose: ClusterRolePurpose,
    p: { service: string; description: string; policyName: string; managed: readonly string[] },
) {
    const parent = { parent: s.parent };
    const role = new aws.iam.Role(
        roleName(s.names, purpose),
        { assumeRolePolicy: serviceAssumeRolePolicy(p.service), description: p.description },
        parent,
    );
    const policies = p.managed.map(
        (policy) =>
            new aws.iam.RolePolicyAttachment(
                s.naming.name(p.policyName, policy),
                { role: role.name, policyArn: managedPolicyArn(s.partition, policy) },
                parent,
            ),
    );
    return { role, policies };
}

/** Control-plane log group, cluster role and the EKS cluster. */
export function createControlPlane(s: ClusterScope, args: ClusterArgs): aws.eks.Cluster {
    const parent = { parent: s.parent };
    const clusterName = s.names.cluster;
    const logGroup = encryptedLogGroup(
        s.naming.name("eks-logs"),
        { logGroupName: controlPlaneLogGroupName(clusterName), retentionInDays: args.logRetentionDays, kmsKeyArn: args.kmsKeyArns.logs },
        parent,
    );
    const role = new aws.iam.Role(
        roleName(s.names, "cluster"),
        { assumeRolePolicy: serviceAssumeRolePolicy("eks.amazonaws.com"), description: `EKS control plane of ${clusterName}` },
        parent,
    );
    const rolePolicies = [
        new aws.iam.RolePolicyAttachment(
            s.naming.name("eks-cluster-policy"),
            { role: role.name, policyArn: managedPolicyArn(s.partition, CLUSTER_ROLE_MANAGED_POLICY) },
            parent,
        ),
        new aws.iam.RolePolicy(
            s.naming.name("eks-cluster-kms"),
            { role: role.id, policy: policyDocument(secretsEncryptionStatements(args.kmsKeyArns.cluster)) },
            parent,
        ),
    ];
    const spec = controlPlaneSpec(args, args.kmsKeyArns.cluster);
    const { endpoint, ...rest } = spec;
    return new aws.eks.Cluster(
        s.naming.name("eks"),
        { name: clusterName, roleArn: role.arn, vpcConfig: { subnetIds: args.privateSubnetIds, ...endpoint }, ...rest },
        { parent: s.parent, dependsOn: [logGroup, ...rolePolicies], protect: args.protection.protect },
    );
}

/** The access entries and their policy associations; returns the associations the Kubernetes provider must wait for. */
export function createAccessEntries(s: ClusterScope, cluster: aws.eks.Cluster, grants: AccessGrant[]) {
    const parent = { parent: s.parent };
    const created = new Map<AccessGrant, aws.eks.AccessPolicyAssociation>();
    for (const g of grants) {
        const name = s.naming.name("eks-access", g.key);
        const entry = new aws.eks.AccessEntry(name, { clusterName: cluster.name, principalArn: g.principalArn, type: "STANDARD" }, parent);
        const association = new aws.eks.AccessPolicyAssociation(
            name,
            {
                clusterName: cluster.name,
                principalArn: entry.principalArn,
                policyArn: accessPolicyArn(s.partition, ACCESS_POLICIES[g.access]),
                accessScope: { type: "cluster" },
            },
            parent,
        );
        created.set(g, association);
    }
    return providerWaitsFor(grants).map((g) => created.get(g)!);
}

/** The IAM OIDC provider of the cluster's issuer, for IRSA (EKS's issuer needs no thumbprint; the audience is STS). */
export function createOidcProvider(s: ClusterScope, cluster: aws.eks.Cluster) {
    const issuerUrl = cluster.identities.apply((ids) => ids[0].oidcs![0].issuer!);
    const provider = new aws.iam.OpenIdConnectProvider(
        s.naming.name("eks-oidc"),
        { url: issuerUrl, clientIdLists: ["sts.amazonaws.com"] },
        { parent: s.parent },
    );
    return { issuerUrl, issuer: issuerUrl.apply(issuerHost), provider };
}

/** One rule resource per row of NODE_SECURITY_GROUP_RULES. */
export function createNodeSecurityGroupRules(
    s: ClusterScope,
    nodeSecurityGroupId: pulumi.Input<string>,
    clusterSecurityGroupId: pulumi.Input<string>,
): pulumi.Resource[] {
    const groups = { nodes: nodeSecurityGroupId, cluster: clusterSecurityGroupId };
    return NODE_SECURITY_GROUP_RULES.map((rule) => {
        const Rule = rule.direction === "ingress" ? aws.vpc.SecurityGroupIngressRule : aws.vpc.SecurityGroupEgressRule;
        return new Rule(s.naming.name(...rule.name), securityGroupRuleArgs(rule, groups), { parent: s.parent });
    });
}

/** The IRSA role of a system workload (an add-on, a controller). */
export function createSystemIdentity(
    s: ClusterScope,
    oidc: OidcIdentity,
    spec: Pick<AddonIdentitySpec, "purpose" | "serviceAccount" | "description"> & {
        statements: PolicyStatement[];
        managedPolicies?: string[];
    },
): WorkloadIdentity {
    return workloadIdentity(
        roleName(s.names, spec.purpose),
        oidc,
        {
            ...spec.serviceAccount,
            statements: spec.statements,
            managedPolicyArns: spec.managedPolicies?.map((p) => managedPolicyArn(s.partition, p)),
            description: spec.description,
        },
        { parent: s.parent },
    );
}

/** The add-on's role (if it has one) and the add-on at its version (configured, or the catalogue's for the minor). */
export function createAddon(
    s: ClusterScope,
    args: ClusterArgs,
    oidc: OidcIdentity,
    cluster: aws.eks.Cluster,
    spec: AddonSpec,
    dependsOn: pulumi.Resource[],
): aws.eks.Addon {
    const identity = spec.identity
        ? createSystemIdentity(s, oidc, { ...spec.identity, statements: spec.identity.ebsKey ? ebsKeyStatements(args.kmsKeyArns.ebs) : [] })
        : undefined;
    const addonName: ClusterAddonName = spec.name;
    return new aws.eks.Addon(
        s.naming.name("addon", addonName),
        {
            clusterName: cluster.name,
            addonName,
            addonVersion: spec.version,
            ...ADDON_CONFLICT_RESOLUTION,
            ...(identity ? { serviceAccountRoleArn: identity.role.arn } : {}),
            ...(spec.configurationValues !== undefined ? { configurationValues: spec.configurationValues } : {}),
        },
        { parent: s.parent, dependsOn: [...dependsOn, ...(identity?.ready ?? [])] },
    );
}

/** The nodes' role: EC2 trust, the node policies (no CNI policy: the VPC CNI has its own role). */
export function createNodeRole(s: ClusterScope) {
    return createServiceRole(s, "nodes", {
        service: "ec2.amazonaws.com",
        description: `EKS nodes of ${s.names.cluster}`,
        policyName: "eks-nodes",
        managed: NODE_ROLE_MANAGED_POLICIES,
    });
}

/**
 * A node group's launch template, the managed node group (named by its pool and generation, see
 * nodeGroupGeneration), and the stack's tags on its auto scaling group.
 */
export function createNodeGroup(
    s: ClusterScope,
    args: ClusterArgs,
    pool: NodeGroupSettings,
    c: { cluster: aws.eks.Cluster; clusterSecurityGroupId: pulumi.Input<string>; nodeRole: aws.iam.Role; dependsOn: pulumi.Resource[] },
) {
    const parent = { parent: s.parent };
    const clusterName = s.names.cluster;
    const launchTemplate = new aws.ec2.LaunchTemplate(
        s.naming.name("ng", pool.name),
        launchTemplateSpec(pool, {
            clusterName,
            imdsHopLimit: args.imdsHopLimit,
            defaultTags: args.defaultTags,
            ebsKmsKeyArn: args.kmsKeyArns.ebs,
            securityGroupIds: [args.nodeSecurityGroupId, c.clusterSecurityGroupId],
        }),
        parent,
    );
    const nodeGroup = new aws.eks.NodeGroup(
        s.names.nodeGroups[pool.name],
        {
            clusterName: c.cluster.name,
            version: c.cluster.version,
            nodeRoleArn: c.nodeRole.arn,
            subnetIds: args.privateSubnetIds,
            ...nodeGroupSpec(pool),
            // A changed template is a new version: the group rolls its nodes instead of being replaced.
            launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.apply((v) => String(v)) },
        },
        {
            parent: s.parent,
            dependsOn: c.dependsOn,
            ignoreChanges: [...NODE_GROUP_IGNORE_CHANGES],
            aliases: s.names.nodeGroupAliases[pool.name] ? [{ name: s.names.nodeGroupAliases[pool.name] }] : [],
        },
    );
    const asgName = nodeGroup.resources.apply((r) => r[0].autoscalingGroups![0].name!);
    for (const { slug, tag } of autoScalingGroupTags(args.defaultTags)) {
        new aws.autoscaling.Tag(s.naming.name("ng", pool.name, "asg-tag", slug), { autoscalingGroupName: asgName, tag }, parent);
    }
    return { launchTemplate, nodeGroup };
}

/**
 * The Container Insights log groups, created before the add-on: the agents would create these fixed names
 * themselves (Fluent Bit's auto_create_group), unencrypted and kept forever.
 */
export function createContainerInsightsLogGroups(s: ClusterScope, args: ClusterArgs): aws.cloudwatch.LogGroup[] {
    return CONTAINER_INSIGHTS_LOG_GROUPS.map((suffix) =>
        encryptedLogGroup(
            s.naming.name("containerinsights", suffix),
            {
                logGroupName: containerInsightsLogGroupName(s.names.cluster, suffix),
                retentionInDays: args.observability.logRetentionDays,
                kmsKeyArn: args.kmsKeyArns.logs,
            },
            { parent: s.parent },
        ),
    );
}

/** The Kubernetes provider (server-side apply), after the admin access associations (and on destroy, before them). */
export function createKubernetesProvider(s: ClusterScope, kubeconfig: pulumi.Output<string>, dependsOn: pulumi.Resource[]): k8s.Provider {
    return new k8s.Provider(s.naming.name("k8s"), { kubeconfig, enableServerSideApply: true }, { parent: s.parent, dependsOn });
}

/**
 * The in-cluster platform: the AWS Load Balancer Controller, the cluster autoscaler (each with its IRSA role) and the
 * default StorageClass.
 */
export function createInClusterPlatform(
    s: ClusterScope,
    args: ClusterArgs,
    c: {
        cluster: aws.eks.Cluster;
        oidc: OidcIdentity;
        provider: k8s.Provider;
        nodeGroups: pulumi.Resource[];
        addons: Partial<Record<ClusterAddonName, aws.eks.Addon>>;
        accountId: pulumi.Output<string>;
    },
) {
    const inCluster = { parent: s.parent, provider: c.provider };
    const clusterName = s.names.cluster;
    const lbcIdentity = createSystemIdentity(s, c.oidc, {
        purpose: "lb-controller",
        serviceAccount: SYSTEM_SERVICE_ACCOUNTS.loadBalancerController,
        statements: LOAD_BALANCER_CONTROLLER_POLICY,
        description: `AWS Load Balancer Controller of ${clusterName}`,
    });
    const loadBalancerController = new k8s.helm.v3.Release(
        s.naming.name("lb-controller"),
        loadBalancerControllerRelease({
            clusterName: c.cluster.name,
            region: args.region,
            vpcId: args.vpcId,
            roleArn: lbcIdentity.role.arn,
            defaultTags: args.defaultTags,
            chartVersion: args.charts.loadBalancerController,
        }),
        // After every add-on: the chart registers the mservice.elbv2.k8s.aws webhook (failurePolicy Fail) on the
        // creation of every Service in the cluster, so an add-on creating its Service (metrics-server, the
        // observability add-on) while the controller is not serving yet would fail. CoreDNS must run for the
        // controller to reach AWS.
        { ...inCluster, dependsOn: [...c.nodeGroups, ...addonsAfterNodes(c.addons), ...lbcIdentity.ready] },
    );

    const arn = (service: string, resource: string) =>
        c.accountId.apply((accountId) => regionalArn({ partition: s.partition, region: args.region, accountId }, service, resource));
    const autoscalerIdentity = createSystemIdentity(s, c.oidc, {
        purpose: "autoscaler",
        serviceAccount: SYSTEM_SERVICE_ACCOUNTS.clusterAutoscaler,
        statements: clusterAutoscalerStatements({ clusterName, arn }),
        description: `Cluster autoscaler of ${clusterName}`,
    });
    const clusterAutoscaler = new k8s.helm.v3.Release(
        s.naming.name("autoscaler"),
        clusterAutoscalerRelease({
            clusterName: c.cluster.name,
            region: args.region,
            roleArn: autoscalerIdentity.role.arn,
            settings: args,
        }),
        // The chart creates a Service (metrics), which the load balancer controller's webhook must be serving for;
        // CoreDNS must run for the autoscaler to reach the AWS APIs.
        { ...inCluster, dependsOn: [...c.nodeGroups, c.addons.coredns!, loadBalancerController, ...autoscalerIdentity.ready] },
    );

    const storageClass = new k8s.storage.v1.StorageClass(
        s.naming.name("gp3"),
        storageClassSpec({ ebsKmsKeyArn: args.kmsKeyArns.ebs, reclaimPolicy: args.protection.volumeReclaimPolicy }),
        { ...inCluster, dependsOn: [c.addons["aws-ebs-csi-driver"]!] },
    );
    return { loadBalancerController, clusterAutoscaler, storageClass };
}

/** The add-ons installed once nodes exist (every one the plan has after the nodes). */
function addonsAfterNodes(addons: Partial<Record<ClusterAddonName, aws.eks.Addon>>): aws.eks.Addon[] {
    return (Object.keys(addons) as ClusterAddonName[]).filter((name) => addonPhase(name) === "afterNodes").map((name) => addons[name]!);
}

/** The private API endpoint's admissions on 443 beyond the nodes: the network route's CIDRs (VPN, on-premises, peering). */
export function createApiSourceRules(s: ClusterScope, args: ClusterArgs, clusterSecurityGroupId: pulumi.Input<string>): pulumi.Resource[] {
    return apiSourceCidrs(args).map(
        (cidr) =>
            new aws.vpc.SecurityGroupIngressRule(
                s.naming.name("eks-api-from", cidr.replace(/[./]/g, "-")),
                {
                    securityGroupId: clusterSecurityGroupId,
                    cidrIpv4: cidr,
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    description: `Kubernetes API from ${cidr} (strata:cluster.access, route network)`,
                },
                { parent: s.parent },
            ),
    );
}

/** What the deploy runner creates. */
export interface DeployRunner {
    project: aws.codebuild.Project;
    securityGroup: aws.ec2.SecurityGroup;
    /** The `runs-on` label of a workflow job that should run on it. */
    label: pulumi.Output<string>;
}

/**
 * The in-VPC deploy runner (runner.ts): its security group (HTTPS out, and admitted to the API endpoint), an
 * encrypted log group, a service role limited to its logs, its network interfaces and the GitHub connection, the
 * CodeBuild project in the private subnets and the webhook that turns queued workflow jobs into builds.
 */
export function createDeployRunner(
    s: ClusterScope,
    args: ClusterArgs,
    p: { clusterSecurityGroupId: pulumi.Input<string>; accountId: pulumi.Input<string> },
): DeployRunner {
    const r = args.access!.runner!;
    const parent = { parent: s.parent };
    const projectName = s.naming.physical("codebuildProject", ...RUNNER_NAME_PARTS);
    const securityGroup = rulelessSecurityGroup(
        s.naming.name(...RUNNER_NAME_PARTS, "sg"),
        { vpcId: args.vpcId, description: "Deploy runner: HTTPS out (GitHub, AWS APIs, the Kubernetes API)", nameTag: projectName },
        parent,
    );
    new aws.vpc.SecurityGroupEgressRule(
        s.naming.name(...RUNNER_NAME_PARTS, "https-out"),
        {
            securityGroupId: securityGroup.id,
            cidrIpv4: "0.0.0.0/0",
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            description: "HTTPS to GitHub, the AWS APIs, the Pulumi Cloud and the private API endpoint",
        },
        parent,
    );
    allowTcpFrom(
        s.naming.name("eks-api-from-runner"),
        {
            securityGroupId: p.clusterSecurityGroupId,
            peerSecurityGroupId: securityGroup.id,
            port: 443,
            description: "Kubernetes API from the deploy runner",
        },
        parent,
    );
    const logGroupName = runnerLogGroupName(projectName);
    const logGroup = encryptedLogGroup(
        s.naming.name(...RUNNER_NAME_PARTS, "logs"),
        { logGroupName, retentionInDays: args.logRetentionDays, kmsKeyArn: args.kmsKeyArns.logs },
        parent,
    );
    const role = new aws.iam.Role(
        roleName(s.names, "runner"),
        {
            assumeRolePolicy: pulumi.output(p.accountId).apply(runnerTrustPolicy),
            description: `Deploy runner ${projectName}: its logs, its network interfaces, the GitHub connection`,
        },
        parent,
    );
    const subnetArns = pulumi
        .all([pulumi.output(args.privateSubnetIds), p.accountId])
        .apply(([ids, account]) => ids.map((id) => `arn:${s.partition}:ec2:${args.region}:${account}:subnet/${id}`));
    const policy = new aws.iam.RolePolicy(
        s.naming.name(...RUNNER_NAME_PARTS, "policy"),
        {
            role: role.id,
            policy: policyDocument(
                runnerStatements({
                    partition: s.partition,
                    region: args.region,
                    logGroupArns: [logGroup.arn, pulumi.interpolate`${logGroup.arn}:*`],
                    subnetArns,
                    connectionArn: r.connectionArn,
                }),
            ),
        },
        parent,
    );
    const project = new aws.codebuild.Project(
        s.naming.name(...RUNNER_NAME_PARTS),
        {
            name: projectName,
            serviceRole: role.arn,
            ...runnerProjectSpec(r),
            vpcConfig: { vpcId: args.vpcId, subnets: args.privateSubnetIds, securityGroupIds: [securityGroup.id] },
            logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: logGroupName }, s3Logs: { status: "DISABLED" } },
        },
        { parent: s.parent, dependsOn: [policy, logGroup] },
    );
    new aws.codebuild.Webhook(
        s.naming.name(...RUNNER_NAME_PARTS, "webhook"),
        { projectName: project.name, buildType: "BUILD", filterGroups: runnerWebhookFilterGroups() },
        parent,
    );
    return { project, securityGroup, label: project.name.apply(runnerLabel) };
}
