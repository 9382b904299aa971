/**
 * The spot-pool contract between node groups and services: a spot pool carries this taint and label; services with
 * `spot: true` tolerate the taint and prefer the label. EKS writes taint effects in its API's spelling (NO_SCHEDULE,
 * docs.aws.amazon.com/eks/latest/APIReference/API_Taint.html), Kubernetes in its own (NoSchedule).
 */
export const SPOT_TAINT = { key: "strata.io/spot", value: "true" } as const;
/** The spot pool's taint as an EKS node group declares it. */
export const SPOT_NODE_GROUP_TAINT = { ...SPOT_TAINT, effect: "NO_SCHEDULE" } as const;
/** The matching toleration of a spot service's pods. */
export const SPOT_TOLERATION = { ...SPOT_TAINT, operator: "Equal", effect: "NoSchedule" } as const;
/** The label of spot nodes, which spot services prefer. */
export const SPOT_NODE_LABELS: Readonly<Record<string, string>> = { "strata.io/capacity": "spot" };
