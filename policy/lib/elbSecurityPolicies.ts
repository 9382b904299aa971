/**
 * The predefined Elastic Load Balancing security policies whose minimum protocol is TLS 1.2 or later, from "Security
 * policies for your Application Load Balancer" (Elastic Load Balancing User Guide; the TLS 1.0/1.1 policies of that
 * page, ELBSecurityPolicy-2016-08, -TLS13-1-0-2021-06, -TLS13-1-1-2021-06, -TLS-1-1-2017-01, -FS-1-1-2019-08 and the
 * like, are left out on purpose). A policy AWS adds later is refused until it is added here.
 */
export const TLS12_SECURITY_POLICIES: readonly string[] = [
    // TLS 1.3 policies (2021-06)
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    // FIPS policies (2023-04)
    "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
    // Post-quantum policies (2025-09)
    "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09",
    // TLS 1.2 policies without TLS 1.3
    "ELBSecurityPolicy-TLS-1-2-2017-01",
    "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
    "ELBSecurityPolicy-FS-1-2-2019-08",
    "ELBSecurityPolicy-FS-1-2-Res-2019-08",
    "ELBSecurityPolicy-FS-1-2-Res-2020-10",
];

/** A listener action list that only redirects to HTTPS (the one job an HTTP listener may have). */
export function onlyRedirectsToHttps(defaultActions: unknown): boolean {
    const actions = Array.isArray(defaultActions) ? defaultActions : defaultActions ? [defaultActions] : [];
    return (
        actions.length > 0 &&
        actions.every((a: unknown) => {
            const r = a as { type?: unknown; redirect?: { protocol?: unknown } } | null;
            return r?.type === "redirect" && r.redirect?.protocol === "HTTPS";
        })
    );
}
