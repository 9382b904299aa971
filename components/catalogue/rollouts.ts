/**
 * Argo Rollouts (progressive delivery): the names its controller, its custom resources and the services' rollout
 * objects share.
 */

/** The namespace of the Argo Rollouts controller. */
export const ROLLOUTS_NAMESPACE = "argo-rollouts";

/** The Helm release name; the chart names the controller's Deployment and ServiceAccount after it. */
export const ROLLOUTS_RELEASE_NAME = "argo-rollouts";

/** The controller's ServiceAccount (set in the values, so the IRSA role's trust names it for certain). */
export const ROLLOUTS_SERVICE_ACCOUNT = "argo-rollouts";

/** Logical name parts of the controller's IAM role (auto-named: config validation checks it against IAM's 64 characters). */
export const ROLLOUTS_ROLE_PARTS = { controller: ["rollouts", "controller"] } as const;

/** The API group and version of Rollout and AnalysisTemplate objects. */
export const ROLLOUTS_API_VERSION = "argoproj.io/v1alpha1";
/** Pulumi type tokens of the custom resources a service with a rollout gets. */
export const ROLLOUT_TYPE = "kubernetes:argoproj.io/v1alpha1:Rollout";
export const ANALYSIS_TEMPLATE_TYPE = "kubernetes:argoproj.io/v1alpha1:AnalysisTemplate";

/**
 * The label the controller puts on the pods of each ReplicaSet it manages (the hash of the pod template): the analysis
 * tells the new pods' series from the stable pods' by it.
 */
export const POD_TEMPLATE_HASH_LABEL = "rollouts-pod-template-hash";

/**
 * The annotation the controller writes on the Ingress of a canary: the load balancer controller's forward action of the
 * stable Service, with the stable and canary Services' weights (Argo Rollouts docs, "AWS Load Balancer Controller
 * (ALB)"). Strata never sets it: the controller owns it.
 */
export const ALB_ACTIONS_ANNOTATION_PREFIX = "alb.ingress.kubernetes.io/actions.";

/**
 * The read-only Elastic Load Balancing calls the controller makes with `--aws-verify-target-group` (Argo Rollouts docs,
 * "AWS Load Balancer Controller (ALB)", "Zero-Downtime Updates with AWS TargetGroup Verification"). Describe calls
 * cannot be scoped to resources.
 */
export const TARGET_GROUP_VERIFY_ACTIONS = [
    "elasticloadbalancing:DescribeTargetGroups",
    "elasticloadbalancing:DescribeLoadBalancers",
    "elasticloadbalancing:DescribeListeners",
    "elasticloadbalancing:DescribeRules",
    "elasticloadbalancing:DescribeTags",
    "elasticloadbalancing:DescribeTargetHealth",
] as const;
