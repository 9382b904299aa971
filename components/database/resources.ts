import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceAssumeRolePolicy } from "../iam";
import type { Naming } from "../naming";
import { allowTcpFrom, allowTcpTo, rulelessSecurityGroup } from "../securityGroups";
import type { Tags } from "../tags";
import * as random from "@pulumi/random";
import type { DatabaseArgs } from "./index";
import { encryptedLogGroup } from "../logGroup";
import { statefulOptions } from "../base";
import { POSTGRES_LOG_EXPORTS, primaryInstanceSettings, replicaInstanceSettings } from "./instance";
import { databaseNames, rdsLogGroupName } from "./names";

import { POSTGRES_PORT } from "./instance";
import { PROXY_CONNECTION_POOL, PROXY_PORT, PROXY_RULES, proxyRolePolicyStatements, proxySettings } from "./proxy";

export interface ProxyArgs {
    naming: Naming;
    vpcId: pulumi.Input<string>;
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    clientSecurityGroupId: pulumi.Input<string>;
    databaseSecurityGroupId: pulumi.Input<string>;
    secret: aws.secretsmanager.Secret;
    secretVersion: aws.secretsmanager.SecretVersion;
    dataKmsKeyArn: pulumi.Input<string>;
    region: string;
    instance: aws.rds.Instance;
    tags: Tags;
}

/** The RDS Proxy: its security group and rules, its role, the proxy, its pool and its target (the primary). */
export function createProxy(parent: pulumi.Resource, a: ProxyArgs): aws.rds.Proxy {
    const n = a.naming;
    const proxySg = rulelessSecurityGroup(
        n.autoNamed("securityGroup", "postgres-proxy"),
        {
            vpcId: a.vpcId,
            description: `${n.prefix} RDS Proxy: port ${PROXY_PORT} from the cluster nodes, to PostgreSQL only`,
            nameTag: n.name("postgres-proxy"),
            tags: a.tags,
        },
        { parent },
    );
    const groups = { proxy: proxySg.id, postgres: a.databaseSecurityGroupId, nodes: a.clientSecurityGroupId };
    for (const rule of PROXY_RULES) {
        const args = {
            port: PROXY_PORT,
            securityGroupId: groups[rule.on],
            peerSecurityGroupId: groups[rule.peer],
            description: rule.description,
        };
        if (rule.direction === "ingress") allowTcpFrom(n.name(rule.name), args, { parent });
        else allowTcpTo(n.name(rule.name), args, { parent });
    }

    const role = new aws.iam.Role(
        n.autoNamed("iamRole", databaseNames.proxyRole),
        { assumeRolePolicy: serviceAssumeRolePolicy("rds.amazonaws.com"), description: "RDS Proxy: read the PostgreSQL master secret" },
        { parent },
    );
    const rolePolicy = new aws.iam.RolePolicy(
        n.name(databaseNames.proxyRole),
        {
            role: role.id,
            policy: pulumi
                .all([a.secret.arn, a.dataKmsKeyArn])
                .apply(([secretArn, kmsKeyArn]) => policyDocument(proxyRolePolicyStatements({ secretArn, kmsKeyArn, region: a.region }))),
        },
        { parent },
    );
    const proxy = new aws.rds.Proxy(
        n.name(databaseNames.proxy),
        {
            name: n.physical("rdsIdentifier", databaseNames.proxy),
            ...proxySettings(a.secret.arn),
            roleArn: role.arn,
            vpcSubnetIds: a.subnetIds,
            vpcSecurityGroupIds: [proxySg.id],
            tags: a.tags,
        },
        // Only the secret's ARN is needed to create the proxy: it is built while the instance is, and just the
        // target registration (below) waits for the instance and the secret's value. The name is explicit, so a
        // replacement (new subnets) deletes the old proxy first: said here, and flagged by the plan guard.
        { parent, dependsOn: [rolePolicy], deleteBeforeReplace: true },
    );
    const targetGroup = new aws.rds.ProxyDefaultTargetGroup(
        n.name(databaseNames.proxy),
        { dbProxyName: proxy.name, connectionPoolConfig: { ...PROXY_CONNECTION_POOL } },
        { parent },
    );
    new aws.rds.ProxyTarget(
        n.name(databaseNames.proxy, "primary"),
        { dbProxyName: proxy.name, targetGroupName: targetGroup.name, dbInstanceIdentifier: a.instance.identifier },
        { parent, dependsOn: [a.secretVersion] },
    );
    return proxy;
}

/** The subnet group over the isolated subnets and the database's security group: port 5432 from the nodes only. */
export function createNetwork(
    parent: pulumi.Resource,
    a: {
        naming: Naming;
        subnetIds: pulumi.Input<pulumi.Input<string>[]>;
        vpcId: pulumi.Input<string>;
        clientSecurityGroupId: pulumi.Input<string>;
        tags: Tags;
    },
): { subnetGroup: aws.rds.SubnetGroup; securityGroup: aws.ec2.SecurityGroup } {
    const n = a.naming;
    const subnetGroup = new aws.rds.SubnetGroup(
        n.autoNamed("dbSubnetGroup", "postgres"),
        { subnetIds: a.subnetIds, description: `${n.prefix} PostgreSQL: isolated subnets`, tags: a.tags },
        { parent },
    );
    const securityGroup = rulelessSecurityGroup(
        n.autoNamed("securityGroup", "postgres"),
        {
            vpcId: a.vpcId,
            description: `${n.prefix} PostgreSQL: port ${POSTGRES_PORT} from the cluster nodes only`,
            nameTag: n.name("postgres"),
            tags: a.tags,
        },
        { parent },
    );
    allowTcpFrom(
        n.name("postgres-from-nodes"),
        {
            securityGroupId: securityGroup.id,
            peerSecurityGroupId: a.clientSecurityGroupId,
            port: POSTGRES_PORT,
            description: "PostgreSQL from the cluster nodes",
        },
        { parent },
    );
    return { subnetGroup, securityGroup };
}

/** The master credentials' secret (encrypted with the data key) and its value. */
export function createMasterSecret(
    parent: pulumi.Resource,
    a: {
        naming: Naming;
        identifier: string;
        dataKmsKeyArn: pulumi.Input<string>;
        secretRecoveryDays: number;
        secretString: pulumi.Output<string>;
        tags: Tags;
    },
): { secret: aws.secretsmanager.Secret; version: aws.secretsmanager.SecretVersion } {
    const n = a.naming;
    const secret = new aws.secretsmanager.Secret(
        n.name("postgres-master"),
        {
            description: `${n.prefix} PostgreSQL master credentials (${a.identifier})`,
            kmsKeyId: a.dataKmsKeyArn,
            recoveryWindowInDays: a.secretRecoveryDays,
            tags: a.tags,
        },
        { parent },
    );
    const version = new aws.secretsmanager.SecretVersion(
        n.name("postgres-master"),
        { secretId: secret.id, secretString: pulumi.secret(a.secretString) },
        { parent },
    );
    return { secret, version };
}

/** The Enhanced Monitoring role and its managed-policy attachment (what the instances wait for). */
export function createMonitoringRole(
    parent: pulumi.Resource,
    n: Naming,
    policyArn: string,
): { arn: pulumi.Output<string>; attachment: aws.iam.RolePolicyAttachment } {
    const role = new aws.iam.Role(
        n.autoNamed("iamRole", databaseNames.monitoringRole),
        { assumeRolePolicy: serviceAssumeRolePolicy("monitoring.rds.amazonaws.com"), description: "RDS enhanced monitoring" },
        { parent },
    );
    const attachment = new aws.iam.RolePolicyAttachment(n.name(databaseNames.monitoringRole), { role: role.name, policyArn }, { parent });
    return { arn: role.arn, attachment };
}

export interface InstancesArgs {
    args: DatabaseArgs;
    identifier: string;
    /** Settings primary and replicas share (key, parameter group, security group, monitoring, tags). */
    common: Omit<aws.rds.InstanceArgs, "instanceClass"> & Record<string, unknown>;
    password: pulumi.Input<string>;
    subnetGroupName: pulumi.Input<string>;
    dependsOn: pulumi.Resource[];
}

/** The primary and its read replicas, each after its log groups (RDS exports to fixed names). */
export function createInstances(parent: pulumi.Resource, a: InstancesArgs): { primary: aws.rds.Instance; replicas: aws.rds.Instance[] } {
    const n = a.args.naming;
    const stateful = statefulOptions(a.args.protection);
    // RDS writes its exports to /aws/rds/instance/<identifier>/<log>: create those groups first (retention, KMS).
    const logGroupsFor = (identifier: string, logicalBase: string) =>
        POSTGRES_LOG_EXPORTS.map((log) =>
            encryptedLogGroup(
                n.name(logicalBase, "log", log),
                {
                    logGroupName: rdsLogGroupName(identifier, log),
                    retentionInDays: a.args.logRetentionDays,
                    kmsKeyArn: a.args.kmsKeyArns.logs,
                },
                { parent },
            ),
        );

    // Explicit identifiers: a replacement (e.g. a new databaseName) deletes the old instance first. Said here, not left
    // to the provider; the plan guard refuses such a replacement unless approved (never while protected).
    const named = { deleteBeforeReplace: true };
    const finalSnapshotSuffix = new random.RandomId(
        n.name("postgres-final-snapshot"),
        { byteLength: 4, keepers: { identifier: a.identifier } },
        { parent },
    );
    const primary = new aws.rds.Instance(
        n.name(databaseNames.identifier),
        {
            ...a.common,
            ...primaryInstanceSettings(a.args),
            identifier: a.identifier,
            password: a.password,
            dbSubnetGroupName: a.subnetGroupName,
            // Set even when skipped: harmless, and a stack that turns finalSnapshot on later has it ready.
            finalSnapshotIdentifier: pulumi.interpolate`${a.identifier}-final-${finalSnapshotSuffix.hex}`,
        },
        {
            parent,
            ...stateful,
            ...named,
            dependsOn: [...logGroupsFor(a.identifier, databaseNames.identifier), ...a.dependsOn],
        },
    );

    // -- read replicas: same key, parameter group and security group; no engine version of their own (RDS upgrades
    // them with the primary, and they move to a new parameter group after it, as they depend on it) --
    const replicas = Array.from({ length: a.args.readReplicas }, (_, i) => {
        const logical = databaseNames.replica(i);
        const identifier = n.physical("rdsIdentifier", logical);
        return new aws.rds.Instance(
            n.name(logical),
            { ...a.common, ...replicaInstanceSettings(a.args), identifier, replicateSourceDb: primary.identifier },
            { parent, ...stateful, ...named, dependsOn: [...logGroupsFor(identifier, logical), ...a.dependsOn] },
        );
    });
    return { primary, replicas };
}
