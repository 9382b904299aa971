import type { ClusterSettings } from "../config/cluster";

/** EKS access policies Strata grants (cluster scope). */
export const ACCESS_POLICIES = { admin: "AmazonEKSClusterAdminPolicy", view: "AmazonEKSViewPolicy" } as const;

/** One access entry with its policy association; `principalArn` is absent for the deployer (known only at run time). */
export interface AccessGrant {
    /** Logical name part, unique within the cluster. */
    key: string;
    /** `admin` grants cluster admin, `view` read-only (no Secrets). */
    access: keyof typeof ACCESS_POLICIES;
    /** The listed principal, or undefined for the identity running the deployment. */
    principalArn?: string;
}

/** A readable, unique-enough logical name part for an IAM principal ARN (its last path segment). */
export function principalSlug(arn: string): string {
    const last = arn.split("/").pop() ?? arn;
    return (
        last
            .toLowerCase()
            .replace(/[^a-z0-9-]+/g, "-")
            .replace(/^-+|-+$/g, "")
            .slice(0, 40) || "principal"
    );
}

/** Makes keys unique in order of appearance: the second `x` becomes `x-2`, the third `x-3`. */
export function uniqueKeys(bases: string[]): string[] {
    const seen = new Set<string>();
    return bases.map((base) => {
        let key = base;
        for (let i = 2; seen.has(key); i++) key = `${base}-${i}`;
        seen.add(key);
        return key;
    });
}

/**
 * The access entries of a cluster (authentication mode API, no implicit creator admin): admins, read-only
 * principals, and the deployer (if `deployerAdmin`), in that order.
 */
export function accessGrants(s: Pick<ClusterSettings, "adminPrincipalArns" | "readOnlyPrincipalArns" | "deployerAdmin">): AccessGrant[] {
    const listed = [
        ...s.adminPrincipalArns.map((principalArn) => ({ principalArn, access: "admin" as const })),
        ...s.readOnlyPrincipalArns.map((principalArn) => ({ principalArn, access: "view" as const })),
    ];
    const keys = uniqueKeys(listed.map((g) => `${g.access}-${principalSlug(g.principalArn)}`));
    const grants: AccessGrant[] = listed.map((g, i) => ({ key: keys[i], ...g }));
    if (s.deployerAdmin) grants.push({ key: "deployer", access: "admin" });
    return grants;
}

/**
 * The deployer's access entry would be a second one for a listed principal, which EKS refuses
 * (ResourceInUseException) only after the ~10 minutes of control plane creation: the message to stop with, or
 * undefined. ARNs compare case-insensitively (IAM role names are).
 */
export function deployerConflict(deployerArn: string, s: Pick<ClusterSettings, "adminPrincipalArns" | "readOnlyPrincipalArns">): string | undefined {
    const listed = new Set([...s.adminPrincipalArns, ...s.readOnlyPrincipalArns].map((arn) => arn.toLowerCase()));
    if (!listed.has(deployerArn.toLowerCase())) return undefined;
    return `strata:cluster.deployerAdmin: true, but the deploying identity ${deployerArn} is also listed in strata:cluster.adminPrincipalArns / readOnlyPrincipalArns, and EKS allows one access entry per principal; set strata:cluster.deployerAdmin to false (keeping it in adminPrincipalArns) or remove it from the list`;
}

/**
 * The grants the Kubernetes provider waits for: without the deployer's access policy the API server refuses the
 * first deploy; with deployerAdmin off the deployer is one of the admins, so every admin grant.
 */
export function providerWaitsFor(grants: AccessGrant[]): AccessGrant[] {
    return grants.filter((g) => g.access === "admin");
}
