import type * as pulumi from "@pulumi/pulumi";
import type { ClusterSettings } from "../config/cluster";
import { CHART_DEFAULTS } from "../catalogue/charts";
import { CLUSTER_AUTOSCALER_IMAGE_TAGS } from "../catalogue/kubernetes";
import type { Tags } from "../tags";

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

/** The annotation binding a service account to its IRSA role. */
export const IRSA_ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

/** What the in-cluster releases are given; Inputs pass through untouched. */
export interface ReleaseContext {
    clusterName: pulumi.Input<string>;
    region: string;
    roleArn: pulumi.Input<string>;
}

/** The AWS Load Balancer Controller's Helm release arguments. */
export function loadBalancerControllerRelease(
    c: ReleaseContext & { chartVersion: string; vpcId: pulumi.Input<string>; defaultTags: Tags },
) {
    const sa = SYSTEM_SERVICE_ACCOUNTS.loadBalancerController;
    return {
        name: "aws-load-balancer-controller",
        chart: CHART_DEFAULTS.loadBalancerController.chart,
        version: c.chartVersion,
        repositoryOpts: { repo: CHART_DEFAULTS.loadBalancerController.repository },
        namespace: sa.namespace,
        atomic: true,
        timeout: 900,
        values: {
            clusterName: c.clusterName,
            // Given explicitly, so the controller never needs the instance metadata service (hop limit 1).
            region: c.region,
            vpcId: c.vpcId,
            replicaCount: 2,
            serviceAccount: { create: true, name: sa.serviceAccount, annotations: { [IRSA_ROLE_ANNOTATION]: c.roleArn } },
            // Load balancers, target groups and security groups it creates carry the stack's tags.
            defaultTags: c.defaultTags,
            podDisruptionBudget: { maxUnavailable: 1 },
        },
    };
}

/** The cluster autoscaler's image tag: configured, or the release of the cluster's Kubernetes minor. */
export function clusterAutoscalerImageTag(s: Pick<ClusterSettings, "version" | "autoscaler">): string {
    return s.autoscaler.imageTag ?? CLUSTER_AUTOSCALER_IMAGE_TAGS[s.version];
}

/**
 * The chart's `expanderPriorities` (priority -> regular expressions, as the priority expander's ConfigMap holds them)
 * from `autoscaler.priorities` (regular expression -> priority); patterns of one priority in sorted order.
 */
export function expanderPriorities(priorities: Readonly<Record<string, number>>): Record<number, string[]> {
    const byPriority: Record<number, string[]> = {};
    for (const [pattern, priority] of Object.entries(priorities).sort(([a], [b]) => a.localeCompare(b)))
        (byPriority[priority] ??= []).push(pattern);
    return byPriority;
}

/**
 * The cluster autoscaler's Helm release arguments: auto-discovery by cluster name, timings from config; with the
 * priority expander, its priorities (the chart then creates the cluster-autoscaler-priority-expander ConfigMap in
 * the release's namespace, which the expander reads).
 */
export function clusterAutoscalerRelease(c: ReleaseContext & { settings: Pick<ClusterSettings, "version" | "autoscaler" | "charts"> }) {
    const a = c.settings.autoscaler;
    const sa = SYSTEM_SERVICE_ACCOUNTS.clusterAutoscaler;
    return {
        name: "cluster-autoscaler",
        chart: CHART_DEFAULTS.clusterAutoscaler.chart,
        version: c.settings.charts.clusterAutoscaler,
        repositoryOpts: { repo: CHART_DEFAULTS.clusterAutoscaler.repository },
        namespace: sa.namespace,
        atomic: true,
        timeout: 600,
        values: {
            cloudProvider: "aws",
            awsRegion: c.region,
            fullnameOverride: "cluster-autoscaler",
            autoDiscovery: { clusterName: c.clusterName },
            image: { tag: clusterAutoscalerImageTag(c.settings) },
            ...(a.expander === "priority" && a.priorities ? { expanderPriorities: expanderPriorities(a.priorities) } : {}),
            rbac: { serviceAccount: { create: true, name: sa.serviceAccount, annotations: { [IRSA_ROLE_ANNOTATION]: c.roleArn } } },
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
    };
}

/**
 * The default StorageClass: encrypted gp3 with the ebs key, bound where the pod lands. (EKS >= 1.30 no longer
 * marks its gp2 class as default, so there is nothing to unset.)
 */
export function storageClassSpec(c: { ebsKmsKeyArn: pulumi.Input<string>; reclaimPolicy: string }) {
    return {
        metadata: { name: DEFAULT_STORAGE_CLASS, annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
        provisioner: "ebs.csi.aws.com",
        parameters: { type: "gp3", encrypted: "true", kmsKeyId: c.ebsKmsKeyArn, "csi.storage.k8s.io/fstype": "ext4" },
        volumeBindingMode: "WaitForFirstConsumer",
        allowVolumeExpansion: true,
        reclaimPolicy: c.reclaimPolicy,
    };
}
