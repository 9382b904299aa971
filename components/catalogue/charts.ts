/**
 * Helm charts of the in-cluster platform, pinned: the AWS Load Balancer Controller from the eks-charts repository
 * and the cluster-autoscaler from the kubernetes/autoscaler chart repository (versions as the repositories' index.yaml
 * list them).
 */
export const CHART_DEFAULTS = {
    loadBalancerController: { chart: "aws-load-balancer-controller", repository: "https://aws.github.io/eks-charts", version: "3.5.0" },
    clusterAutoscaler: { chart: "cluster-autoscaler", repository: "https://kubernetes.github.io/autoscaler", version: "9.59.0" },
} as const;
