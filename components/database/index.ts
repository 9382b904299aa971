import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { partitionOf } from "../catalogue/regions";
import type { BaseArgs } from "../base";
import type { KmsKeyArns } from "../kms";
import type { DatabaseSettings } from "../config/database";
import { dataStoreTags } from "../tags";
import { postgresUrl } from "../connectionStrings";
import {
    masterPasswordSpec,
    masterSecretValue,
    monitoringPolicyArn,
    needsMonitoringRole,
    POSTGRES_PORT,
    sharedInstanceSettings,
} from "./instance";
import { databaseNames } from "./names";
import { parameterGroupDescription, postgresParameterGroupFamily, postgresParameters } from "./parameters";
import { createInstances, createMasterSecret, createMonitoringRole, createNetwork, createProxy } from "./resources";

export { percentEncode, postgresUrl } from "../connectionStrings";
export * from "./instance";
export * from "./names";
export * from "./parameters";
export * from "./proxy";

export interface DatabaseArgs extends BaseArgs, DatabaseSettings {
    vpcId: pulumi.Input<string>;
    /** Isolated (data) subnets, one per AZ. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The one security group admitted on port 5432: the cluster nodes' group (from the network, not the cluster). */
    clientSecurityGroupId: pulumi.Input<string>;
    /** The data key (storage, Performance Insights, the master-password secret) and the logs key (the exported logs' groups). */
    kmsKeyArns: Pick<KmsKeyArns, "data" | "logs">;
    region: string;
}

/**
 * PostgreSQL on RDS: a primary (Multi-AZ per config) plus read replicas, encrypted with the data key, TLS only,
 * in the isolated subnets behind a security group that admits port 5432 from the nodes only; a parameter group
 * whose family follows the major version (auto-named, so a major upgrade creates the new group before the old one
 * goes); logs exported to KMS-encrypted log groups created first; the master password generated, kept secret and
 * stored in Secrets Manager; optionally an RDS Proxy for pooling. The decisions are data (./instance.ts,
 * ./parameters.ts, ./proxy.ts); this class creates the resources.
 */
export class Database extends pulumi.ComponentResource {
    public readonly instance: aws.rds.Instance;
    public readonly replicas: aws.rds.Instance[];
    public readonly parameterGroup: aws.rds.ParameterGroup;
    public readonly secret: aws.secretsmanager.Secret;
    public readonly proxy?: aws.rds.Proxy;
    /** `host:port` of the primary. */
    public readonly endpoint: pulumi.Output<string>;
    /** Host name of the primary. */
    public readonly address: pulumi.Output<string>;
    /** Host names of the read replicas. */
    public readonly readerEndpoints: pulumi.Output<string[]>;
    /** Host name of the RDS Proxy, when enabled. */
    public readonly proxyEndpoint?: pulumi.Output<string>;
    public readonly port: number;
    public readonly databaseName: string;
    public readonly username: string;
    public readonly identifier: string;
    /** Secrets Manager secret with username, password, host, port and dbname (JSON). */
    public readonly secretArn: pulumi.Output<string>;
    public readonly securityGroupId: pulumi.Output<string>;
    /** `postgresql://...?sslmode=require` (through the proxy when there is one); secret. */
    public readonly databaseUrl: pulumi.Output<string>;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:database:Database", name, {}, opts);
        const n = args.naming;
        const tags = dataStoreTags(args.dataClassification);
        const major = args.engineVersion;

        this.identifier = n.physical("rdsIdentifier", databaseNames.identifier);
        this.port = POSTGRES_PORT;
        this.databaseName = args.databaseName;
        this.username = args.username;

        // -- network: subnet group over the isolated subnets; port 5432 from the nodes only --
        const { subnetIds, vpcId, clientSecurityGroupId } = args;
        const { subnetGroup, securityGroup: sg } = createNetwork(this, { naming: n, subnetIds, vpcId, clientSecurityGroupId, tags });
        this.securityGroupId = sg.id;

        // -- parameter group: family from the major version, TLS forced; auto-named => create-before-delete --
        this.parameterGroup = new aws.rds.ParameterGroup(
            n.autoNamed("dbSubnetGroup", "postgres"),
            {
                family: postgresParameterGroupFamily(major),
                description: parameterGroupDescription(n.prefix, major),
                parameters: postgresParameters(args.parameters),
                tags,
            },
            { parent: this },
        );

        const password = new random.RandomPassword(n.name("postgres-password"), masterPasswordSpec(args.passwordLength), { parent: this });
        const passwordValue = pulumi.secret(password.result);
        const monitoring = needsMonitoringRole(args)
            ? createMonitoringRole(this, n, monitoringPolicyArn(partitionOf(args.region)))
            : undefined;
        const monitoringDeps = monitoring ? [monitoring.attachment] : [];

        // Settings primary and replicas share.
        const common = {
            ...sharedInstanceSettings(args),
            kmsKeyId: args.kmsKeyArns.data,
            parameterGroupName: this.parameterGroup.name,
            vpcSecurityGroupIds: [sg.id],
            ...(args.performanceInsights ? { performanceInsightsKmsKeyId: args.kmsKeyArns.data } : {}),
            ...(monitoring ? { monitoringRoleArn: monitoring.arn } : {}),
            tags,
        };

        const instances = createInstances(this, {
            args,
            identifier: this.identifier,
            common,
            password: passwordValue,
            subnetGroupName: subnetGroup.name,
            dependsOn: monitoringDeps,
        });
        this.instance = instances.primary;
        this.replicas = instances.replicas;
        this.endpoint = this.instance.endpoint;
        this.address = this.instance.address;
        this.readerEndpoints = pulumi.all(this.replicas.map((r) => r.address));

        // -- the master credentials in Secrets Manager, encrypted with the data key --
        const secretString = pulumi.all([passwordValue, this.instance.address]).apply(([pw, host]) =>
            masterSecretValue({
                username: args.username,
                password: pw,
                host,
                database: args.databaseName,
                identifier: this.identifier,
            }),
        );
        const master = createMasterSecret(this, {
            ...args,
            dataKmsKeyArn: args.kmsKeyArns.data,
            identifier: this.identifier,
            secretString,
            tags,
        });
        this.secret = master.secret;
        const secretVersion = master.version;
        this.secretArn = this.secret.arn;

        // -- optional RDS Proxy: pooling, TLS required, reads the secret through its own role --
        let urlHost: pulumi.Output<string> = this.instance.address;
        if (args.proxy) {
            const wiring = {
                vpcId,
                subnetIds,
                clientSecurityGroupId,
                dataKmsKeyArn: args.kmsKeyArns.data,
                region: args.region,
                naming: n,
                tags,
            };
            this.proxy = createProxy(this, {
                ...wiring,
                databaseSecurityGroupId: sg.id,
                secret: this.secret,
                secretVersion,
                instance: this.instance,
            });
            this.proxyEndpoint = this.proxy.endpoint;
            urlHost = this.proxy.endpoint;
        }

        this.databaseUrl = pulumi.secret(
            pulumi
                .all([passwordValue, urlHost])
                .apply(([pw, host]) =>
                    postgresUrl({ username: args.username, password: pw, host, port: POSTGRES_PORT, database: args.databaseName }),
                ),
        );

        this.registerOutputs({
            endpoint: this.endpoint,
            address: this.address,
            readerEndpoints: this.readerEndpoints,
            proxyEndpoint: this.proxyEndpoint,
            port: this.port,
            databaseName: this.databaseName,
            secretArn: this.secretArn,
            securityGroupId: this.securityGroupId,
            databaseUrl: this.databaseUrl,
        });
    }
}
