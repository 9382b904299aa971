/**
 * How a stack protects what holds its data and what serves its traffic. It arrives from the `strata:protection`
 * config section (per-environment presets), so no component asks which environment it runs in.
 */
export interface Protection {
    /** Pulumi `protect` on stateful resources: `pulumi destroy` and replacements stop at them until lifted. */
    protect: boolean;
    /** Pulumi `retainOnDelete`: removing a stateful resource from the stack leaves it in the account. */
    retainOnDelete: boolean;
    /** Reclaim policy of the default StorageClass: `Retain` keeps the EBS volume of a deleted PVC. */
    volumeReclaimPolicy: "Delete" | "Retain";
    /** `deletion_protection.enabled` on the load balancers the AWS Load Balancer Controller creates for Ingresses. */
    loadBalancerDeletionProtection: boolean;
}

/** Resource options of a stateful resource under a stack's protection. */
export function statefulOptions(protection: Protection): { protect: boolean; retainOnDelete: boolean } {
    return { protect: protection.protect, retainOnDelete: protection.retainOnDelete };
}
