/**
 * Kubernetes on EKS: the versions Strata supports and what goes with each. The cluster-autoscaler supports only its
 * own Kubernetes minor, so each version pins the autoscaler release of that minor (tags from the kubernetes/autoscaler
 * GitHub releases, August 2026).
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

/** One minor's EKS support window (UTC dates, `YYYY-MM-DD`). */
export interface KubernetesLifecycle {
    /** First day of extended support: from this day EKS bills extended support or, with `supportType: STANDARD`, upgrades the control plane itself. */
    endOfStandardSupport: string;
    /** From this day EKS creates no cluster of the version and upgrades existing control planes itself, whatever the support type. */
    endOfExtendedSupport: string;
    /** The dates are estimates (the EKS calendar gave only a month, or had not listed the version yet). */
    approximate?: true;
}

/**
 * EKS support windows per minor, from the release calendar of the EKS user guide page "Understand the Kubernetes
 * version lifecycle on EKS" (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html): standard support for
 * 14 months after the EKS release, extended support for the 12 months after that; billing for extended support starts
 * at the beginning (UTC) of the end-of-standard-support day. 1.36 was not in the calendar versions read: its dates are
 * the documented 14 + 12 months from an EKS release estimated at June 2026 (upstream 1.36 came out on 2026-04-22),
 * taken at the first of the month so that Strata refuses too early rather than too late.
 */
export const KUBERNETES_LIFECYCLE: Record<KubernetesVersion, KubernetesLifecycle> = {
    "1.32": { endOfStandardSupport: "2026-03-23", endOfExtendedSupport: "2027-03-23" },
    "1.33": { endOfStandardSupport: "2026-07-29", endOfExtendedSupport: "2027-07-29" },
    "1.34": { endOfStandardSupport: "2026-12-02", endOfExtendedSupport: "2027-12-02" },
    "1.35": { endOfStandardSupport: "2027-03-27", endOfExtendedSupport: "2028-03-27" },
    "1.36": { endOfStandardSupport: "2027-08-01", endOfExtendedSupport: "2028-08-01", approximate: true },
};

/** Where a version stands on a day: standard support, extended support, or past both. */
export type SupportPhase = "standard" | "extended" | "ended";

/** The support phase of `version` on `today` (`YYYY-MM-DD`, UTC): the end dates themselves already count as past. */
export function supportPhase(version: KubernetesVersion, today: string): SupportPhase {
    const l = KUBERNETES_LIFECYCLE[version];
    if (today >= l.endOfExtendedSupport) return "ended";
    if (today >= l.endOfStandardSupport) return "extended";
    return "standard";
}

/** The versions still in standard support on `today`, oldest first. */
export function standardSupportVersions(today: string): KubernetesVersion[] {
    return KUBERNETES_VERSIONS.filter((v) => supportPhase(v, today) === "standard");
}

/**
 * Why a cluster cannot run `version` with this support type on `today`, or undefined when it can. With STANDARD,
 * EKS upgrades the control plane itself on the end-of-standard-support day, and the next `pulumi up` would then ask
 * for the older version, a downgrade EKS refuses; after extended support no support type keeps a version.
 */
export function unsupportedVersionReason(
    version: KubernetesVersion,
    supportType: "STANDARD" | "EXTENDED",
    today: string,
): string | undefined {
    const l = KUBERNETES_LIFECYCLE[version];
    const phase = supportPhase(version, today);
    const next = KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.indexOf(version) + 1];
    const upgrade = next ? `upgrade one minor at a time to ${next}` : "upgrade to a newer minor (add it to the catalogue first)";
    if (phase === "ended") {
        return `${version} reached the end of EKS extended support on ${l.endOfExtendedSupport} (EKS upgrades such control planes itself and creates no new ones); ${upgrade}`;
    }
    if (phase === "extended" && supportType === "STANDARD") {
        return `${version} left EKS standard support on ${l.endOfStandardSupport}; with supportType STANDARD EKS upgrades the control plane itself and the next deploy would ask for a downgrade. ${upgrade[0].toUpperCase()}${upgrade.slice(1)}, or set strata:cluster.supportType to EXTENDED (extended support is billed per cluster hour) until ${l.endOfExtendedSupport}`;
    }
    return undefined;
}

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

/**
 * The managed add-on versions per Kubernetes minor, pinned so that an EKS minor upgrade shows in the plan as an update
 * of every add-on to the new minor's versions (after the control plane: each add-on takes the cluster's name from it).
 * The figures are the ones the offline plan has always used for EKS's default versions, not read from the API: check
 * a row against `aws eks describe-addon-versions --kubernetes-version <minor>` (the version whose compatibility has
 * `defaultVersion: true`) before upgrading to that minor, and pin another one in `strata:cluster.addonVersions`.
 * kube-proxy follows the minor (it must not be newer than the control plane); CoreDNS 1.12 from 1.34 on.
 */
export const ADDON_VERSIONS: Record<KubernetesVersion, Record<ClusterAddonName, string>> = Object.fromEntries(
    KUBERNETES_VERSIONS.map((v) => {
        const minor = Number(v.split(".")[1]);
        const versions: Record<ClusterAddonName, string> = {
            "vpc-cni": "v1.20.4-eksbuild.2",
            "eks-pod-identity-agent": "v1.3.9-eksbuild.3",
            coredns: minor >= 34 ? "v1.12.4-eksbuild.1" : "v1.11.4-eksbuild.14",
            "kube-proxy": `v1.${minor}.3-eksbuild.2`,
            "aws-ebs-csi-driver": "v1.48.0-eksbuild.2",
            "metrics-server": "v0.8.0-eksbuild.2",
            "amazon-cloudwatch-observability": "v4.7.0-eksbuild.1",
        };
        return [v, versions];
    }),
) as Record<KubernetesVersion, Record<ClusterAddonName, string>>;
