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
 * - Advisories: a node group replaced (its nodes go at once, without honouring PodDisruptionBudgets), a Deployment
 *   replaced (all its pods go at once).
 */
import type { PlanDocument, PlanResource, PlanViolation } from "./types";
import type { PlanDiff, ResourceChange } from "./diff";

export const STATEFUL_REPLACE_POLICY = "strata-lifecycle-stateful-replace";
export const FIXED_NAME_REPLACE_POLICY = "strata-lifecycle-fixed-name-replace";
export const NODE_GROUP_REPLACE_POLICY = "strata-lifecycle-node-group-replace";
export const DEPLOYMENT_REPLACE_POLICY = "strata-lifecycle-deployment-replace";

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
    return /^\/aws\/eks\/.+\/cluster$/.test(name) || name.startsWith("aws-waf-logs-") || /flow-?logs?/.test(name) || /flow-?logs?/.test(r.name);
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

/** A glob (`*` any run of characters, `?` one) as a whole-string matcher. */
export function globMatcher(glob: string): (s: string) => boolean {
    const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
    return (s) => re.test(s);
}

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
        for (let u: string | null | undefined = urn; u; ) {
            const r: PlanResource | undefined = newByUrn.get(u) ?? oldByUrn.get(u);
            if (!r) return false;
            if (matchers.some((m) => m(r.name))) return true;
            u = r.parent;
        }
        return false;
    };
    const violations: PlanViolation[] = [];
    for (const c of diff.changes) {
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
        if (c.action === "replace" && c.deleteBeforeReplace && (what || SERVING_TYPES.has(c.type)) && !approved(c.urn) && blocked.length === 0) {
            const how = c.deleteBeforeReplaceExplicit ? "deleteBeforeReplace is set" : "its physical name is fixed, so the provider deletes it before creating the new one";
            violations.push({
                policy: FIXED_NAME_REPLACE_POLICY,
                enforcementLevel: "mandatory",
                urn: c.urn,
                message: `${c.name} would be replaced delete-before-replace (${how}): ${what ? "data loss" : "an outage until the new one is ready"}. Approve it for this run with --allow-replace ${c.name}`,
            });
        }
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

/** Changes grouped by their top-level component (the Platform's direct child, or the resource itself). */
export function componentOf(urn: string, plan: { resources: PlanResource[] }): string {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    let r = byUrn.get(urn);
    let label = urn.split("::").pop() ?? urn;
    while (r) {
        const parent = r.parent ? byUrn.get(r.parent) : undefined;
        if (!parent || parent.type === "pulumi:pulumi:Stack" || parent.type === "strata:platform:Platform") return r.custom ? label : r.name;
        label = parent.name;
        r = parent;
    }
    return label;
}

export type { ResourceChange };
