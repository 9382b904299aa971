/**
 * Kubernetes on EKS: the versions Strata supports and what goes with each. EKS lists its versions and their support
 * windows in the EKS user guide ("Understand the Kubernetes version lifecycle on EKS"); the cluster-autoscaler
 * supports only its own Kubernetes minor, so each version pins the autoscaler release of that minor (tags from the
 * kubernetes/autoscaler GitHub releases, August 2026).
 */
export const KUBERNETES_VERSIONS = ["1.32", "1.33", "1.34", "1.35", "1.36"] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];

/** The version a cluster gets when `strata:cluster.version` is not set. */
export const DEFAULT_KUBERNETES_VERSION: KubernetesVersion = "1.35";

export const CLUSTER_AUTOSCALER_IMAGE_TAGS: Record<KubernetesVersion, string> = {
    "1.32": "v1.32.7",
    "1.33": "v1.33.6",
    "1.34": "v1.34.5",
    "1.35": "v1.35.2",
    "1.36": "v1.36.1",
};

/** The EKS managed add-ons every cluster gets, in the names AWS gives them (`aws eks describe-addon-versions`). */
export const CLUSTER_ADDONS = [
    "vpc-cni",
    "eks-pod-identity-agent",
    "coredns",
    "kube-proxy",
    "aws-ebs-csi-driver",
    "metrics-server",
] as const;
export type CoreAddonName = (typeof CLUSTER_ADDONS)[number];
/** EKS managed add-ons a cluster gets only when its config turns them on (`observability.containerInsights`). */
export const OPTIONAL_CLUSTER_ADDONS = ["amazon-cloudwatch-observability"] as const;
export type OptionalAddonName = (typeof OPTIONAL_CLUSTER_ADDONS)[number];
/** Every add-on name `addonVersions` accepts. */
export const ALL_CLUSTER_ADDONS = [...CLUSTER_ADDONS, ...OPTIONAL_CLUSTER_ADDONS] as const;
export type ClusterAddonName = CoreAddonName | OptionalAddonName;

/** Capacity types and taint effects of EKS managed node groups, in the EKS API's spelling (API_Nodegroup, API_Taint). */
export const CAPACITY_TYPES = ["ON_DEMAND", "SPOT"] as const;
export const TAINT_EFFECTS = ["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"] as const;
