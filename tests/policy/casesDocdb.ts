/** The DocumentDB policies' cases: one baseline cluster (what the DocumentDb component creates), one property changed. */
import type { PlanResource } from "../../plan/types";
import type { PolicyCase } from "./cases";
import { res, via } from "./fake";

const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const CLUSTER = "aws:docdb/cluster:Cluster";
const GROUP = "aws:docdb/clusterParameterGroup:ClusterParameterGroup";

/** The baseline cluster every case changes one property of. */
const BASE = {
    clusterIdentifier: "strata-dev-docdb",
    engine: "docdb",
    engineVersion: "5.0",
    storageEncrypted: true,
    kmsKeyId: KEY as string | undefined,
    enabledCloudwatchLogsExports: ["audit", "profiler"],
    backupRetentionPeriod: 30 as number | undefined,
    deletionProtection: true,
    availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
};
const cluster = (over: Partial<typeof BASE> = {}, extra = {}) => res(CLUSTER, "docdb", { ...BASE, ...over }, extra);
const urn = cluster().urn;

/** The baseline parameter group, with one parameter's value changed (or removed with undefined). */
const group = (over: Record<string, string | undefined> = {}): PlanResource => {
    const values: Record<string, string | undefined> = { tls: "enabled", audit_logs: "enabled", profiler: "enabled", ...over };
    return res(GROUP, "docdb-params", {
        name: "strata-dev-docdb-params-1a2b3c4",
        family: "docdb5.0",
        parameters: Object.entries(values)
            .filter(([, v]) => v !== undefined)
            .map(([name, value]) => ({ name, value, applyMethod: "pending-reboot" })),
    });
};
const joined = (g: PlanResource) => [g, cluster({}, via("dbClusterParameterGroupName", g))];

export const DOCDB_CASES: Record<string, PolicyCase> = {
    "aws-docdb-cluster-require-cmk-encryption": {
        compliant: [cluster()],
        violating: [cluster({ kmsKeyId: undefined })],
        urn,
        message: /customer managed KMS key/,
    },
    "aws-docdb-cluster-require-tls-and-audit-parameters": {
        compliant: joined(group()),
        violating: joined(group({ tls: "disabled" })),
        urn,
        message: /tls to disabled/,
    },
    "aws-docdb-cluster-require-log-exports": {
        compliant: [cluster()],
        violating: [cluster({ enabledCloudwatchLogsExports: ["profiler"] })],
        urn,
        message: /include audit/,
        environment: "prod",
    },
    "aws-docdb-cluster-require-backup-retention": {
        compliant: [cluster()],
        violating: [cluster({ backupRetentionPeriod: 7 })],
        urn,
        message: /at least 30 days/,
        environment: "prod",
    },
    "aws-docdb-cluster-require-deletion-protection": {
        compliant: [cluster()],
        violating: [cluster({ deletionProtection: false })],
        urn,
        message: /deletionProtection/,
        environment: "prod",
    },
};

/** More one-property variants of the parameter-group join, each a violation of the TLS-and-audit policy. */
export const DOCDB_PARAMETER_VARIANTS: Array<{ name: string; resources: PlanResource[]; message: RegExp }> = [
    { name: "audit_logs disabled", resources: joined(group({ audit_logs: "disabled" })), message: /audit_logs/ },
    { name: "audit_logs unset", resources: joined(group({ audit_logs: undefined })), message: /it is unset/ },
    { name: "no parameter group of the stack", resources: [cluster()], message: /must refer to a cluster parameter group/ },
];
