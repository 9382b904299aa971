/**
 * The lifecycle guard: a plan diff's replacements and deletions that would lose data or cause an outage, as policy
 * violations. Pure: a diff and the two plans in, violations out.
 *
 * - `strata-lifecycle-stateful-replace` (mandatory): a stateful resource is replaced or deleted. A run approves it by
 *   naming the resource, or a component above it, with `--allow-replace <name>` (a glob, matched against logical
 *   names). A protected resource (Pulumi `protect`, or the service's own deletion protection) stays blocked either way:
 *   the engine or the AWS API refuses the delete, and the message names the protection to lift first.
 * - `strata-lifecycle-fixed-name-replace` (mandatory): a stateful or serving resource is replaced delete-before-replace
 *   because its name is fixed (implicitly, or by the program's option): the old one is gone before the new one
 *   exists, which is data loss for a stateful resource and an outage for a serving one. Approved the same way.
 * - `strata-lifecycle-parameter-group-in-use` (mandatory): a cache parameter group is replaced (a new family) while
 *   the replication group using it applies changes in its maintenance window: the group keeps the old parameter group
 *   until then, and deleting the old one fails. The message names the config key that applies the change now.
 * - `strata-lifecycle-major-upgrade` (mandatory): a database parameter group changes family, or an instance's engine
 *   version changes major, without the primary allowing the major upgrade and applying it now: RDS refuses the upgrade
 *   (or defers it while the replicas are moved to the new family at once), and the old group stays in use.
 * - Advisories: a node group replaced (its nodes go at once, without honouring PodDisruptionBudgets), a Deployment
 *   replaced (all its pods go at once).
 */
import { globMatcher } from "../components/exceptions";
import type { PlanDocument, PlanResource, PlanViolation } from "./types";
import type { PlanDiff, ResourceChange } from "./diff";

export const STATEFUL_REPLACE_POLICY = "strata-lifecycle-stateful-replace";
export const FIXED_NAME_REPLACE_POLICY = "strata-lifecycle-fixed-name-replace";
export const NODE_GROUP_REPLACE_POLICY = "strata-lifecycle-node-group-replace";
export const DEPLOYMENT_REPLACE_POLICY = "strata-lifecycle-deployment-replace";
export const PARAMETER_GROUP_IN_USE_POLICY = "strata-lifecycle-parameter-group-in-use";
export const MAJOR_UPGRADE_POLICY = "strata-lifecycle-major-upgrade";

/** The config keys that let a data-tier change go through (named in the violations). */
export const CACHE_APPLY_IMMEDIATELY_KEY = "strata:cache.applyImmediately";
export const DATABASE_MAJOR_UPGRADE_KEY = "strata:database.allowMajorVersionUpgrade";

const CACHE_PARAMETER_GROUP = "aws:elasticache/parameterGroup:ParameterGroup";
const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const DB_PARAMETER_GROUP = "aws:rds/parameterGroup:ParameterGroup";
const DB_INSTANCE = "aws:rds/instance:Instance";

/** Resource types whose replacement or deletion loses data (or an identity others depend on), and why. */
export const STATEFUL_TYPES: Readonly<Record<string, string>> = {
    "aws:rds/instance:Instance": "a PostgreSQL instance and its data",
    "aws:rds/cluster:Cluster": "a database cluster and its data",
    "aws:elasticache/replicationGroup:ReplicationGroup": "a cache and its data",
    "aws:s3/bucket:Bucket": "a bucket and its objects",
    "aws:kms/key:Key": "a KMS key: everything encrypted with it becomes unreadable once it is deleted",
    "aws:eks/cluster:Cluster": "the EKS cluster and every workload on it",
    "awsx:ec2:Vpc": "the VPC, its subnets and everything placed in them",
    "aws:ec2/vpc:Vpc": "the VPC and everything placed in it",
    "aws:ec2/subnet:Subnet": "a subnet and everything placed in it",
    "aws:ec2/eip:Eip": "a NAT gateway's public address (partners' allow-lists name it)",
    "aws:secretsmanager/secret:Secret": "a secret and its versions",
    "aws:sqs/queue:Queue": "a queue and its messages",
    "aws:mq/broker:Broker": "a message broker and its messages",
    "aws:docdb/cluster:Cluster": "a document database and its data",
    "aws:cognito/userPool:UserPool": "a user pool and its users",
    "aws:ecr/repository:Repository": "an image repository and its images",
    "aws:backup/vault:Vault": "a backup vault and its recovery points",
    "aws:cloudtrail/trail:Trail": "the audit trail",
};

/** Log groups that hold audit data: the EKS control plane's, VPC flow logs', WAF's. */
export function isAuditLogGroup(r: PlanResource): boolean {
    if (r.type !== "aws:cloudwatch/logGroup:LogGroup") return false;
    const name = typeof r.inputs.name === "string" ? r.inputs.name : "";
    return (
        /^\/aws\/eks\/.+\/cluster$/.test(name) || name.startsWith("aws-waf-logs-") || /flow-?logs?/.test(name) || /flow-?logs?/.test(r.name)
    );
}

/** Why a resource is stateful, or undefined. */
export function statefulReason(r: PlanResource): string | undefined {
    if (isAuditLogGroup(r)) return "a log group of audit data";
    return STATEFUL_TYPES[r.type];
}

/** Resource types that serve traffic: replacing them delete-before-replace is an outage. */
export const SERVING_TYPES: ReadonlySet<string> = new Set([
    "aws:rds/proxy:Proxy",
    "aws:wafv2/webAcl:WebAcl",
    "aws:eks/nodeGroup:NodeGroup",
    "kubernetes:apps/v1:Deployment",
    "kubernetes:argoproj.io/v1alpha1:Rollout",
    "kubernetes:core/v1:Service",
    "kubernetes:networking.k8s.io/v1:Ingress",
    "kubernetes:helm.sh/v3:Release",
]);

/** The input by which a service refuses deletion, per type, and the value that means on. */
export const DELETION_PROTECTION: Readonly<Record<string, { input: string; on: unknown }>> = {
    "aws:rds/instance:Instance": { input: "deletionProtection", on: true },
    "aws:rds/cluster:Cluster": { input: "deletionProtection", on: true },
    "aws:docdb/cluster:Cluster": { input: "deletionProtection", on: true },
    "aws:eks/cluster:Cluster": { input: "deletionProtection", on: true },
    "aws:cognito/userPool:UserPool": { input: "deletionProtection", on: "ACTIVE" },
};

export { globMatcher };

/** The protections that block deleting the old resource (from the deployed state, i.e. the earlier plan). */
export function protectionsOf(r: PlanResource): string[] {
    const found: string[] = [];
    if (r.options.protect) found.push("Pulumi `protect` (set strata:protection.protect to false and run `pulumi up` first)");
    const dp = DELETION_PROTECTION[r.type];
    if (dp && r.inputs[dp.input] === dp.on) found.push(`${dp.input} (turn it off in config and run \`pulumi up\` first)`);
    return found;
}

export interface GuardOptions {
    /** Names or globs a run approves (`--allow-replace`), matched against the resource's and its ancestors' logical names. */
    allowReplace?: readonly string[];
}

/**
 * The violations of a diff. `before` is the deployed stack's plan (its options and inputs say what is protected),
 * `after` the change's plan (for ancestors of created and replaced resources).
 */
export function guardDiff(diff: PlanDiff, before: PlanDocument, after: PlanDocument, options: GuardOptions = {}): PlanViolation[] {
    const oldByUrn = new Map(before.resources.map((r) => [r.urn, r]));
    const newByUrn = new Map(after.resources.map((r) => [r.urn, r]));
    const matchers = (options.allowReplace ?? []).map(globMatcher);
    const approved = (urn: string): boolean => {
        for (let u: string | null | undefined = urn; u;) {
            const r: PlanResource | undefined = newByUrn.get(u) ?? oldByUrn.get(u);
            if (!r) return false;
            if (matchers.some((m) => m(r.name))) return true;
            u = r.parent;
        }
        return false;
    };
    const violations: PlanViolation[] = [];
    for (const c of diff.changes) {
        if (c.action === "update" && c.type === DB_INSTANCE) violations.push(...majorVersionViolations(c, before, after, diff));
        if (c.action !== "replace" && c.action !== "delete") continue;
        const prev = oldByUrn.get(c.urn);
        if (!prev) continue;
        const what = statefulReason(prev);
        const verb = c.action === "delete" ? "deleted" : `replaced (${c.replaceReasons.join(", ")})`;
        const blocked = protectionsOf(prev);
        if (what) {
            if (blocked.length > 0) {
                violations.push({
                    policy: STATEFUL_REPLACE_POLICY,
                    enforcementLevel: "mandatory",
                    urn: c.urn,
                    message: `${c.name} would be ${verb}: ${what}. It is protected by ${blocked.join(" and ")}; --allow-replace cannot approve it while protected`,
                });
            } else if (!approved(c.urn)) {
                violations.push({
                    policy: STATEFUL_REPLACE_POLICY,
                    enforcementLevel: "mandatory",
                    urn: c.urn,
                    message: `${c.name} would be ${verb}: ${what} would be lost. If that is intended, approve it for this run with --allow-replace ${c.name}`,
                });
            }
        }
        if (
            c.action === "replace" &&
            c.deleteBeforeReplace &&
            (what || SERVING_TYPES.has(c.type)) &&
            !approved(c.urn) &&
            blocked.length === 0
        ) {
            const how = c.deleteBeforeReplaceExplicit
                ? "deleteBeforeReplace is set"
                : "its physical name is fixed, so the provider deletes it before creating the new one";
            violations.push({
                policy: FIXED_NAME_REPLACE_POLICY,
                enforcementLevel: "mandatory",
                urn: c.urn,
                message: `${c.name} would be replaced delete-before-replace (${how}): ${what ? "data loss" : "an outage until the new one is ready"}. Approve it for this run with --allow-replace ${c.name}`,
            });
        }
        if (c.action === "replace" && c.type === CACHE_PARAMETER_GROUP) violations.push(...cacheParameterGroupViolations(c, after, diff));
        if (isFamilyChange(c)) violations.push(...familyChangeViolations(c, before, after, diff));
        if (c.action === "replace" && c.type === "aws:eks/nodeGroup:NodeGroup") {
            violations.push({
                policy: NODE_GROUP_REPLACE_POLICY,
                enforcementLevel: "advisory",
                urn: c.urn,
                message: `${c.name} is replaced (${c.replaceReasons.join(", ")}): EKS deletes the old group's nodes without honouring PodDisruptionBudgets, a capacity drop while the new group starts`,
            });
        }
        if (c.action === "replace" && c.type === "kubernetes:apps/v1:Deployment") {
            violations.push({
                policy: DEPLOYMENT_REPLACE_POLICY,
                enforcementLevel: "advisory",
                urn: c.urn,
                message: `${c.name} is replaced (${c.replaceReasons.join(", ")}): all of its pods restart at once instead of a rolling update`,
            });
        }
    }
    return violations;
}

/** The resources of a type in a plan whose `input` is fed by the resource `urn` (a property dependency). */
function usersOf(plan: PlanDocument, urn: string, type: string, input: string): PlanResource[] {
    return plan.resources.filter((r) => r.type === type && (r.propertyDependencies?.[input] ?? []).includes(urn));
}

/**
 * A cache parameter group replaced while a replication group using it (updated in place) does not apply changes
 * immediately: ModifyReplicationGroup with ApplyImmediately false defers the new parameter group to the next
 * maintenance reboot (ElastiCache API Reference, ModifyReplicationGroup), so the old group is still in use when
 * `pulumi up` deletes it (InvalidCacheParameterGroupState).
 */
function cacheParameterGroupViolations(c: ResourceChange, after: PlanDocument, diff: PlanDiff): PlanViolation[] {
    const actionOf = new Map(diff.changes.map((x) => [x.urn, x.action]));
    return usersOf(after, c.urn, REPLICATION_GROUP, "parameterGroupName")
        .filter((rg) => actionOf.get(rg.urn) === "update" && rg.inputs.applyImmediately !== true)
        .map((rg) => ({
            policy: PARAMETER_GROUP_IN_USE_POLICY,
            enforcementLevel: "mandatory" as const,
            urn: c.urn,
            message:
                `${c.name} would be replaced (${c.replaceReasons.join(", ")}) but ${rg.name} applies changes in its maintenance window ` +
                `(applyImmediately false): it keeps using the old parameter group, and deleting that group fails (InvalidCacheParameterGroupState). ` +
                `Set ${CACHE_APPLY_IMMEDIATELY_KEY}: true for this deploy (the nodes restart with the new group now)`,
        }));
}

/** The primary among instances: the one that is not a replica. */
const isPrimary = (r: PlanResource) => r.inputs.replicateSourceDb === undefined;
const majorOf = (v: unknown) => (typeof v === "string" ? v.split(".")[0] : undefined);
const allowsMajorUpgrade = (r: PlanResource) => r.inputs.allowMajorVersionUpgrade === true && r.inputs.applyImmediately === true;

function majorUpgradeViolation(urn: string, what: string): PlanViolation {
    return {
        policy: MAJOR_UPGRADE_POLICY,
        enforcementLevel: "mandatory",
        urn,
        message:
            `${what}: a PostgreSQL major version upgrade. Without allowMajorVersionUpgrade RDS refuses it; without applying it now it waits for the ` +
            `maintenance window while the replicas move to the new family's parameter group at once, and the old group stays in use ` +
            `(InvalidDBParameterGroupState). Set ${DATABASE_MAJOR_UPGRADE_KEY}: true for this deploy (downtime while the primary and its replicas upgrade)`,
    };
}

/**
 * A DB parameter group replaced for a new family: the instances on it change major version. The primary must allow
 * the major upgrade and apply it now (RDS upgrades its in-region replicas with it: "Choosing a major version for an
 * RDS for PostgreSQL upgrade", Amazon RDS User Guide).
 */
function familyChangeViolations(c: ResourceChange, before: PlanDocument, after: PlanDocument, diff: PlanDiff): PlanViolation[] {
    const family = (plan: PlanDocument) => plan.resources.find((r) => r.urn === c.urn)?.inputs.family;
    const updated = new Set(diff.changes.filter((x) => x.action === "update").map((x) => x.urn));
    const primaries = usersOf(after, c.urn, DB_INSTANCE, "parameterGroupName").filter((r) => isPrimary(r) && updated.has(r.urn));
    return primaries
        .filter((p) => !allowsMajorUpgrade(p))
        .map((p) =>
            majorUpgradeViolation(
                c.urn,
                `${c.name} changes family (${String(family(before))} -> ${String(family(after))}) under ${p.name}`,
            ),
        );
}

const isFamilyChange = (c: ResourceChange) =>
    c.action === "replace" && c.type === DB_PARAMETER_GROUP && c.replaceReasons.includes("family");

/**
 * An instance whose engine version changes major without allowing it, where no family change of its parameter group
 * says so already (e.g. on a default parameter group).
 */
function majorVersionViolations(c: ResourceChange, before: PlanDocument, after: PlanDocument, diff: PlanDiff): PlanViolation[] {
    const prev = before.resources.find((r) => r.urn === c.urn);
    const next = after.resources.find((r) => r.urn === c.urn);
    if (!prev || !next || !c.changedInputs.includes("engineVersion")) return [];
    const groups = new Set(next.propertyDependencies?.parameterGroupName ?? []);
    if (diff.changes.some((x) => groups.has(x.urn) && isFamilyChange(x))) return [];
    const [from, to] = [majorOf(prev.inputs.engineVersion), majorOf(next.inputs.engineVersion)];
    if (from === undefined || to === undefined || from === to || allowsMajorUpgrade(next)) return [];
    return [majorUpgradeViolation(c.urn, `${c.name} changes its engine version from ${from} to ${to}`)];
}

/** Changes grouped by their top-level component (the Platform's direct child, or the resource itself). */
export function componentOf(urn: string, plan: { resources: PlanResource[] }): string {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    let r = byUrn.get(urn);
    let label = urn.split("::").pop() ?? urn;
    while (r) {
        const parent = r.parent ? byUrn.get(r.parent) : undefined;
        if (!parent || parent.type === "pulumi:pulumi:Stack" || parent.type === "strata:platform:Platform")
            return r.custom ? label : r.name;
        label = parent.name;
        r = parent;
    }
    return label;
}

export type { ResourceChange };
