/**
 * The pack's one rule for unset inputs: an input a resource leaves unset is read as the value the AWS API (or, where
 * it sends one, the provider) uses when the request omits it. Every policy that reads one of these inputs reads it
 * through `inputOrDefault`, so "unset" never means "compliant" by accident and never means something else per policy.
 *
 * One entry per (resource type, input), each citing its API reference page.
 */
import { isObject } from "./values";

export interface ApiDefault {
    /** The Pulumi type token of the resource. */
    type: string;
    /** The input as @pulumi/aws names it. */
    input: string;
    /** What the API does when the input is omitted. */
    value: boolean | number | string;
    /** The API reference page (title) that states the default. */
    source: string;
}

const RDS_INSTANCE = "aws:rds/instance:Instance";
const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const CREATE_DB_INSTANCE = "Amazon RDS API Reference, CreateDBInstance";
const CREATE_DB_CLUSTER = "Amazon RDS API Reference, CreateDBCluster";
const CREATE_REPLICATION_GROUP = "Amazon ElastiCache API Reference, CreateReplicationGroup";

export const API_DEFAULTS: readonly ApiDefault[] = [
    { type: RDS_INSTANCE, input: "backupRetentionPeriod", value: 1, source: `${CREATE_DB_INSTANCE} (BackupRetentionPeriod, default 1)` },
    { type: RDS_INSTANCE, input: "storageEncrypted", value: false, source: `${CREATE_DB_INSTANCE} (StorageEncrypted, default false)` },
    {
        type: RDS_INSTANCE,
        input: "deletionProtection",
        value: false,
        source: `${CREATE_DB_INSTANCE} (DeletionProtection, disabled by default)`,
    },
    { type: RDS_INSTANCE, input: "multiAz", value: false, source: `${CREATE_DB_INSTANCE} (MultiAZ; a Single-AZ deployment when omitted)` },
    { type: RDS_CLUSTER, input: "backupRetentionPeriod", value: 1, source: `${CREATE_DB_CLUSTER} (BackupRetentionPeriod, default 1)` },
    {
        type: RDS_CLUSTER,
        input: "storageEncrypted",
        value: false,
        source: `${CREATE_DB_CLUSTER} (StorageEncrypted; provisioned clusters are unencrypted unless set)`,
    },
    {
        type: RDS_CLUSTER,
        input: "deletionProtection",
        value: false,
        source: `${CREATE_DB_CLUSTER} (DeletionProtection, disabled by default)`,
    },
    {
        type: REPLICATION_GROUP,
        input: "snapshotRetentionLimit",
        value: 0,
        source: `${CREATE_REPLICATION_GROUP} (SnapshotRetentionLimit, default 0: automatic backups off)`,
    },
    {
        type: REPLICATION_GROUP,
        input: "atRestEncryptionEnabled",
        value: false,
        source: `${CREATE_REPLICATION_GROUP} (AtRestEncryptionEnabled, default false)`,
    },
    {
        type: REPLICATION_GROUP,
        input: "transitEncryptionEnabled",
        value: false,
        source: `${CREATE_REPLICATION_GROUP} (TransitEncryptionEnabled, default false)`,
    },
    {
        type: "aws:ebs/volume:Volume",
        input: "encrypted",
        value: false,
        source: "Amazon EC2 API Reference, CreateVolume (Encrypted; unencrypted unless set or the account's encryption by default is on)",
    },
    {
        type: "aws:lb/listener:Listener",
        input: "sslPolicy",
        value: "ELBSecurityPolicy-2016-08",
        source: "Elastic Load Balancing User Guide, Security policies for your Application Load Balancer (the default for listeners created through the API)",
    },
    {
        type: "aws:kms/key:Key",
        input: "enableKeyRotation",
        value: false,
        source: "AWS KMS API Reference, EnableKeyRotation (rotation is off for a new key)",
    },
];

/** The default of `input` on `type`, or undefined when the table has none. */
export function apiDefault(type: string, input: string): ApiDefault | undefined {
    return API_DEFAULTS.find((d) => d.type === type && d.input === input);
}

/** The input as set, or the API default when it is unset (undefined or null). */
export function inputOrDefault(type: string, props: unknown, input: string): unknown {
    const v = isObject(props) ? props[input] : undefined;
    if (v !== undefined && v !== null) return v;
    const d = apiDefault(type, input);
    if (!d) throw new Error(`no API default for ${type} ${input} in policy/lib/apiDefaults.ts`);
    return d.value;
}

/** How a message names an unset input: `unset (API default 1)`. */
export function describeInput(type: string, props: unknown, input: string): string {
    const v = isObject(props) ? props[input] : undefined;
    return v === undefined || v === null ? `unset (API default ${String(apiDefault(type, input)?.value)})` : String(v);
}
