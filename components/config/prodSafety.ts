/**
 * Prod safety: in staging and prod (and, for rules mandatory everywhere, in every environment), a setting that weakens a protection the environment promises is refused at config
 * load unless an unexpired entry of `strata:exceptions` names the policy the setting would violate (`rule`) and covers
 * every resource it weakens (`target`). The same entry then waives that policy for those resources in the offline plan
 * and under `pulumi preview` (policy/lib/waivers.ts), so the deviation is acknowledged once, in one place.
 *
 * The rules are data: which key, in which environments, what counts as weakened, which policy it pre-empts, and which
 * resources (by logical name) it reaches.
 */
import type { Environment } from "./environment";
import type { PlatformSettings } from "./schema";
import type { StackException } from "../exceptions";
import { globMatcher, isExpired } from "../exceptions";
import type { Naming } from "../naming";
import { databaseNames } from "../database/names";
import { cacheNames } from "../cache/names";
import { hasIngress } from "../service/ingress";
import { names as serviceNames, serviceComponentName } from "../service/names";
import { DATABASE_PRESETS } from "./database";

export interface ProdSafetyRule {
    /** The environments that promise the protection. */
    environments: readonly Environment[];
    /** What the environment promises, in a few words (the refusal says it). */
    promise: string;
    /** The policy the weakened setting would violate: the `rule` an exception must name. */
    policy: string;
    /** The weakened settings, each with the logical names of the resources it reaches (empty: not weakened). */
    weakened: (
        s: PlatformSettings,
        env: Environment,
        naming: Naming,
    ) => Array<{ path: Array<string | number>; value: unknown; targets: string[] }>;
}

const STAGED: readonly Environment[] = ["staging", "prod"];

/** The logical name of the workload a service runs as (what the workload policies judge). */
function workloadName(naming: Naming, service: string, s: PlatformSettings["services"][string]): string {
    const n = serviceNames(serviceComponentName(naming, service));
    if (s.kind === "job") return n.job;
    if (s.kind === "cronjob") return n.cronJob;
    return s.rollout ? n.rollout : n.deployment;
}

function whenDatabase(s: PlatformSettings, naming: Naming, path: string, weak: boolean, value: unknown) {
    return s.database.enabled && weak ? [{ path: ["database", path], value, targets: [naming.name(databaseNames.identifier)] }] : [];
}

export const PROD_SAFETY_RULES: readonly ProdSafetyRule[] = [
    {
        environments: STAGED,
        promise: "deletion protection on the database",
        policy: "aws-rds-instance-cluster-require-deletion-protection",
        weakened: (s, _e, n) => whenDatabase(s, n, "deletionProtection", !s.database.deletionProtection, s.database.deletionProtection),
    },
    {
        environments: STAGED,
        promise: "a final snapshot when the database is deleted",
        policy: "aws-rds-instance-cluster-require-final-snapshot",
        weakened: (s, _e, n) => whenDatabase(s, n, "finalSnapshot", !s.database.finalSnapshot, s.database.finalSnapshot),
    },
    {
        environments: STAGED,
        promise: "a Multi-AZ database",
        policy: "aws-rds-instance-require-multi-az",
        weakened: (s, _e, n) => whenDatabase(s, n, "multiAz", !s.database.multiAz, s.database.multiAz),
    },
    {
        environments: STAGED,
        promise: "the environment's backup retention",
        policy: "aws-rds-elasticache-require-backup-retention",
        weakened: (s, e, n) =>
            whenDatabase(
                s,
                n,
                "backupRetentionDays",
                s.database.backupRetentionDays < DATABASE_PRESETS[e].backupRetentionDays,
                s.database.backupRetentionDays,
            ),
    },
    {
        environments: STAGED,
        promise: "a Multi-AZ cache with automatic failover",
        policy: "aws-elasticache-replicationgroup-require-multi-az",
        weakened: (s, _e, n) =>
            s.cache.enabled && !s.cache.multiAz
                ? [{ path: ["cache", "multiAz"], value: s.cache.multiAz, targets: [n.name(cacheNames.replicationGroupId)] }]
                : [],
    },
    {
        environments: STAGED,
        promise: "an IMDS hop limit of 1 on the nodes",
        policy: "aws-ec2-launchtemplate-require-imds-hop-limit",
        weakened: (s, _e, n) =>
            s.cluster.imdsHopLimit > 1
                ? [
                      {
                          path: ["cluster", "imdsHopLimit"],
                          value: s.cluster.imdsHopLimit,
                          targets: s.cluster.nodeGroups.map((g) => n.name("ng", g.name)),
                      },
                  ]
                : [],
    },
    {
        environments: STAGED,
        promise: "a WAF in front of every public endpoint",
        policy: "kubernetes-ingress-require-waf",
        weakened: (s, _e, n) => {
            const ingresses = Object.entries(s.services)
                .filter(([, svc]) => hasIngress(svc))
                .map(([name]) => serviceNames(serviceComponentName(n, name)).ingress);
            return !s.waf.enabled && ingresses.length > 0 ? [{ path: ["waf", "enabled"], value: false, targets: ingresses }] : [];
        },
    },
    {
        environments: ["prod"],
        promise: "Pulumi protect on stateful resources",
        policy: "pulumi-stateful-resource-require-protect",
        weakened: (s, _e, n) => {
            if (s.protection.protect) return [];
            const targets = [
                ...(s.database.enabled ? [n.name(databaseNames.identifier)] : []),
                ...(s.cache.enabled ? [n.name(cacheNames.replicationGroupId)] : []),
            ];
            return targets.length > 0 ? [{ path: ["protection", "protect"], value: false, targets }] : [];
        },
    },
    {
        // Mandatory in every environment: a service that calls the Kubernetes API states why, whatever the stack.
        environments: ["dev", "staging", "prod"],
        promise: "no Kubernetes API token in pods",
        policy: "kubernetes-workload-disallow-service-account-token-automount",
        weakened: (s, _e, n) =>
            Object.entries(s.services)
                .filter(([, svc]) => svc.automountServiceAccountToken)
                .map(([name, svc]) => ({
                    path: ["services", name, "automountServiceAccountToken"],
                    value: true,
                    targets: [workloadName(n, name, svc)],
                })),
    },
];

/** The longest common prefix of names (a glob suggestion that covers them all). */
function commonPrefix(names: readonly string[]): string {
    let p = names[0] ?? "";
    for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1);
    return p;
}

/** The exceptions that cover every target of a weakened setting for a policy, unexpired on `day`. */
function covering(exceptions: readonly StackException[], policy: string, targets: readonly string[], day: string) {
    const forRule = exceptions.filter((e) => e.rule === policy);
    const active = forRule.filter((e) => !isExpired(e, day));
    const covered = targets.every((t) => active.some((e) => globMatcher(e.target)(t)));
    const expired = forRule.filter((e) => isExpired(e, day) && targets.some((t) => globMatcher(e.target)(t)));
    return { covered, expired };
}

/**
 * The refusals of a stack's settings: one line per weakened setting that no unexpired exception covers, naming the
 * key, the value, what the environment promises and the entry that would lift it.
 */
export function prodSafetyProblems(s: PlatformSettings, naming: Naming, day: string): string[] {
    const env = s.environment;
    const problems: string[] = [];
    for (const rule of PROD_SAFETY_RULES) {
        if (!rule.environments.includes(env)) continue;
        for (const w of rule.weakened(s, env, naming)) {
            const { covered, expired } = covering(s.exceptions, rule.policy, w.targets, day);
            if (covered) continue;
            const key = `strata:${w.path.join(".")}`;
            const target = w.targets.length === 1 ? w.targets[0] : `${commonPrefix(w.targets)}*`;
            const was = expired.length > 0 ? ` (the exception for it expired on ${expired.map((e) => e.expires).join(", ")})` : "";
            problems.push(
                `${key}: ${JSON.stringify(w.value)} weakens ${rule.promise}, which ${env} promises${was}; restore it, or add to strata:exceptions { rule: "${rule.policy}", target: "${target}", reason: "<why>", expires: "<YYYY-MM-DD>" }`,
            );
        }
    }
    return problems;
}
