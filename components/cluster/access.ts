import type { ClusterSettings } from "../config/cluster";

/** EKS access policies Strata grants (cluster scope). */
export const ACCESS_POLICIES = { admin: "AmazonEKSClusterAdminPolicy", view: "AmazonEKSViewPolicy" } as const;

/** One access entry with its policy association. */
export interface AccessGrant {
    /** Logical name part, unique within the cluster. */
    key: string;
    /** `admin` grants cluster admin, `view` read-only (no Secrets). */
    access: keyof typeof ACCESS_POLICIES;
    /** The principal, always from config: nothing depends on the identity running a deploy. */
    principalArn: string;
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
 * principals, and the deployer (`deployerPrincipalArn`, under the key `deployer`), in that order. Every principal
 * comes from config, so the same stack planned or deployed by another engineer or the CI role changes no entry
 * (an entry's `principalArn` forces its replacement, which would remove the previous admin).
 */
export function accessGrants(
    s: Pick<ClusterSettings, "adminPrincipalArns" | "readOnlyPrincipalArns" | "deployerPrincipalArn">,
): AccessGrant[] {
    const listed = [
        ...s.adminPrincipalArns.map((principalArn) => ({ principalArn, access: "admin" as const })),
        ...s.readOnlyPrincipalArns.map((principalArn) => ({ principalArn, access: "view" as const })),
    ];
    const keys = uniqueKeys(listed.map((g) => `${g.access}-${principalSlug(g.principalArn)}`));
    const grants: AccessGrant[] = listed.map((g, i) => ({ key: keys[i], ...g }));
    if (s.deployerPrincipalArn !== undefined) grants.push({ key: "deployer", access: "admin", principalArn: s.deployerPrincipalArn });
    return grants;
}

/**
 * The grants the Kubernetes provider waits for: without the deploying role's access policy the API server refuses
 * the first deploy; that role is the deployer or one of the listed admins, so every admin grant.
 */
export function providerWaitsFor(grants: AccessGrant[]): AccessGrant[] {
    return grants.filter((g) => g.access === "admin");
}
