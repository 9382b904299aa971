import { stackPolicy } from "../lib/metadata";
import { linked, ofTypes } from "../lib/stack";
import { asArray, field } from "../lib/values";

const CLUSTER = "aws:docdb/cluster:Cluster";
const PARAMETER_GROUP = "aws:docdb/clusterParameterGroup:ClusterParameterGroup";
/** `audit_logs` values that record DDL and authentication events: enabled (legacy), ddl, all. */
const AUDIT_ON = ["enabled", "ddl", "all"];

export const awsDocdbClusterRequireTlsAndAuditParameters = stackPolicy({
    name: "aws-docdb-cluster-require-tls-and-audit-parameters",
    description: "DocumentDB clusters must use a cluster parameter group from the stack that keeps TLS on and turns auditing on.",
    checks:
        "Each `aws.docdb.Cluster`'s `dbClusterParameterGroupName` must refer to an `aws.docdb.ClusterParameterGroup` of the stack " +
        'whose `tls` parameter is not "disabled" and whose `audit_logs` is enabled, ddl or all (without it the audit export stays empty).',
    category: "encryption",
    severity: "high",
    controls: { checkov: ["CKV_AWS_90", "CKV_AWS_104"] },
    validateStack: (args, reportViolation) => {
        const clusters = ofTypes(args.resources, [CLUSTER]);
        if (clusters.length === 0) args.notApplicable("no DocumentDB clusters");
        const groups = ofTypes(args.resources, [PARAMETER_GROUP]);
        for (const c of clusters) {
            const group = linked(c, "dbClusterParameterGroupName", groups, "name")[0];
            if (!group) {
                reportViolation(
                    "dbClusterParameterGroupName must refer to a cluster parameter group of this stack (with tls and audit_logs set).",
                    c.urn,
                );
                continue;
            }
            const value = (name: string) => {
                const p = asArray(field(group.props, "parameters")).find((x) => field(x, "name") === name);
                return p === undefined ? undefined : String(field(p, "value"));
            };
            const tls = value("tls");
            if (tls === "disabled") reportViolation(`the parameter group ${group.name} sets tls to disabled.`, c.urn);
            const audit = value("audit_logs");
            if (audit === undefined || !AUDIT_ON.includes(audit))
                reportViolation(
                    `the parameter group ${group.name} must set audit_logs to ${AUDIT_ON.join(", ")} (it is ${audit ?? "unset"}).`,
                    c.urn,
                );
        }
    },
});
