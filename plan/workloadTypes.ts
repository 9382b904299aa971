/**
 * The resource types whose pods run as replicas of one template: a Deployment, and Argo Rollouts' Rollout (the same
 * replicas, selector and pod template; its controller runs the ReplicaSets). Cost and capacity count both.
 */
export const REPLICA_SET_OWNERS: ReadonlySet<string> = new Set([
    "kubernetes:apps/v1:Deployment",
    "kubernetes:argoproj.io/v1alpha1:Rollout",
]);
