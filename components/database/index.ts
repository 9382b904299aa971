import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { partitionOf } from "../catalogue/regions";
import * as random from "@pulumi/random";
import { BaseArgs, statefulOptions } from "../base";
import { databaseNames, DatabaseSettings } from "../config/database";
import { policyDocument, serviceAssumeRolePolicy } from "../iam";
import { allowTcpFrom, allowTcpTo, rulelessSecurityGroup } from "../securityGroups";
import { encryptedLogGroup } from "../logGroup";
import { dataStoreTags } from "../tags";
import { postgresUrl } from "../connectionStrings";

export { percentEncode, postgresUrl } from "../connectionStrings";

export const POSTGRES_PORT = 5432;

/** The log types RDS for PostgreSQL exports to CloudWatch Logs. */
export const POSTGRES_LOG_EXPORTS = ["postgresql", "upgrade"] as const;

/**
 * Special characters of the generated master password: printable ASCII that RDS accepts in a master password
 * (everything but '/', '@', '"' and space). The URL carries it percent-encoded.
 */
export const RDS_PASSWORD_SPECIALS = "!#$%&*()-_=+[]{}<>:?";

/** Parameters every Strata PostgreSQL parameter group sets: TLS only, plus useful logging. */
export const BASE_POSTGRES_PARAMETERS: Record<string, string> = {
    "rds.force_ssl": "1",
    log_min_duration_statement: "1000",
    log_connections: "1",
    log_disconnections: "1",
    log_lock_waits: "1",
};



export interface DatabaseArgs extends BaseArgs, DatabaseSettings {
    vpcId: pulumi.Input<string>;
    /** Isolated (data) subnets, one per AZ. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The one security group admitted on port 5432: the cluster nodes' group (from the network, not the cluster). */
    clientSecurityGroupId: pulumi.Input<string>;
    /** Data key: storage, Performance Insights, the master-password secret. */
    dataKmsKeyArn: pulumi.Input<string>;
    /** Logs key: the log groups of the exported PostgreSQL logs. */
    logsKmsKeyArn: pulumi.Input<string>;
    region: string;
}

/**
 * PostgreSQL on RDS: a primary (Multi-AZ per config) plus read replicas, encrypted with the data key, TLS only,
 * in the isolated subnets behind a security group that admits port 5432 from the nodes only; a parameter group
 * whose family follows the major version (auto-named, so a major upgrade creates the new group before the old one
 * goes); logs exported to KMS-encrypted log groups created first; the master password generated, kept secret and
 * stored in Secrets Manager; optionally an RDS Proxy for pooling.
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
        const stateful = statefulOptions(args.protection);
        const tags = dataStoreTags(args.dataClassification);
        const partition = partitionOf(args.region);
        const major = args.engineVersion;

        this.identifier = n.physical("rdsIdentifier", databaseNames.identifier);
        this.port = POSTGRES_PORT;
        this.databaseName = args.databaseName;
        this.username = args.username;

        // -- network: subnet group over the isolated subnets; port 5432 from the nodes only --
        const subnetGroup = new aws.rds.SubnetGroup(
            n.autoNamed("dbSubnetGroup", "postgres"),
            { subnetIds: args.subnetIds, description: `${n.prefix} PostgreSQL: isolated subnets`, tags },
            { parent: this },
        );
        const sg = rulelessSecurityGroup(
            n.autoNamed("securityGroup", "postgres"),
            { vpcId: args.vpcId, description: `${n.prefix} PostgreSQL: port ${POSTGRES_PORT} from the cluster nodes only`, nameTag: n.name("postgres"), tags },
            { parent: this },
        );
        this.securityGroupId = sg.id;
        allowTcpFrom(
            n.name("postgres-from-nodes"),
            { securityGroupId: sg.id, peerSecurityGroupId: args.clientSecurityGroupId, port: POSTGRES_PORT, description: "PostgreSQL from the cluster nodes" },
            { parent: this },
        );

        // -- parameter group: family from the major version, TLS forced; auto-named => create-before-delete --
        this.parameterGroup = new aws.rds.ParameterGroup(
            n.autoNamed("dbSubnetGroup", "postgres"),
            {
                family: `postgres${major}`,
                description: `${n.prefix} PostgreSQL ${major}: TLS required`,
                // The stack's parameters override the logging defaults; rds.force_ssl stays 1 whatever they say.
                parameters: Object.entries({ ...BASE_POSTGRES_PARAMETERS, ...args.parameters, "rds.force_ssl": "1" }).map(([pname, value]) => ({
                    name: pname,
                    value,
                    applyMethod: "pending-reboot",
                })),
                tags,
            },
            { parent: this },
        );

        // -- master password: random, secret, from characters RDS accepts --
        const password = new random.RandomPassword(
            n.name("postgres-password"),
            {
                length: args.passwordLength,
                special: true,
                overrideSpecial: RDS_PASSWORD_SPECIALS,
                minLower: 2,
                minUpper: 2,
                minNumeric: 2,
                minSpecial: 2,
            },
            { parent: this },
        );
        const passwordValue = pulumi.secret(password.result);

        // -- enhanced monitoring role --
        let monitoringRoleArn: pulumi.Output<string> | undefined;
        const monitoringDeps: pulumi.Resource[] = [];
        if (args.monitoringInterval > 0) {
            const role = new aws.iam.Role(
                n.autoNamed("iamRole", databaseNames.monitoringRole),
                { assumeRolePolicy: serviceAssumeRolePolicy("monitoring.rds.amazonaws.com"), description: "RDS enhanced monitoring" },
                { parent: this },
            );
            monitoringDeps.push(
                new aws.iam.RolePolicyAttachment(
                    n.name("rds-monitoring"),
                    { role: role.name, policyArn: `arn:${partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole` },
                    { parent: this },
                ),
            );
            monitoringRoleArn = role.arn;
        }

        // Settings primary and replicas share.
        const common = {
            storageType: "gp3",
            maxAllocatedStorage: args.maxAllocatedStorage,
            storageEncrypted: true,
            kmsKeyId: args.dataKmsKeyArn,
            parameterGroupName: this.parameterGroup.name,
            vpcSecurityGroupIds: [sg.id],
            publiclyAccessible: false,
            autoMinorVersionUpgrade: true,
            iamDatabaseAuthenticationEnabled: true,
            copyTagsToSnapshot: true,
            deletionProtection: args.deletionProtection,
            maintenanceWindow: args.maintenanceWindow,
            performanceInsightsEnabled: args.performanceInsights,
            ...(args.performanceInsights
                ? { performanceInsightsKmsKeyId: args.dataKmsKeyArn, performanceInsightsRetentionPeriod: args.performanceInsightsRetentionDays }
                : {}),
            monitoringInterval: args.monitoringInterval,
            ...(monitoringRoleArn ? { monitoringRoleArn } : {}),
            enabledCloudwatchLogsExports: [...POSTGRES_LOG_EXPORTS],
            caCertIdentifier: "rds-ca-rsa2048-g1",
            applyImmediately: false,
            tags,
        };

        // RDS writes its exports to /aws/rds/instance/<identifier>/<log>: create those groups first (retention, KMS).
        const logGroupsFor = (identifier: string, logicalBase: string) =>
            POSTGRES_LOG_EXPORTS.map((log) =>
                encryptedLogGroup(
                    n.name(logicalBase, "log", log),
                    { logGroupName: `/aws/rds/instance/${identifier}/${log}`, retentionInDays: args.logRetentionDays, kmsKeyArn: args.logsKmsKeyArn },
                    { parent: this },
                ),
            );

        // -- primary --
        const finalSnapshotSuffix = new random.RandomId(
            n.name("postgres-final-snapshot"),
            { byteLength: 4, keepers: { identifier: this.identifier } },
            { parent: this },
        );
        this.instance = new aws.rds.Instance(
            n.name(databaseNames.identifier),
            {
                ...common,
                identifier: this.identifier,
                engine: "postgres",
                engineVersion: major,
                allowMajorVersionUpgrade: true,
                instanceClass: args.instanceClass,
                allocatedStorage: args.allocatedStorage,
                dbName: args.databaseName,
                username: args.username,
                password: passwordValue,
                port: POSTGRES_PORT,
                dbSubnetGroupName: subnetGroup.name,
                multiAz: args.multiAz,
                backupRetentionPeriod: args.backupRetentionDays,
                backupWindow: args.backupWindow,
                deleteAutomatedBackups: !args.retainAutomatedBackups,
                skipFinalSnapshot: !args.finalSnapshot,
                // Set even when skipped: harmless, and a stack that turns finalSnapshot on later has it ready.
                finalSnapshotIdentifier: pulumi.interpolate`${this.identifier}-final-${finalSnapshotSuffix.hex}`,
            },
            { parent: this, ...stateful, dependsOn: [...logGroupsFor(this.identifier, databaseNames.identifier), ...monitoringDeps] },
        );
        this.endpoint = this.instance.endpoint;
        this.address = this.instance.address;

        // -- read replicas: same key, parameter group and security group; RDS cannot snapshot a replica --
        this.replicas = [];
        for (let i = 0; i < args.readReplicas; i++) {
            const logical = databaseNames.replica(i);
            const identifier = n.physical("rdsIdentifier", logical);
            this.replicas.push(
                new aws.rds.Instance(
                    n.name(logical),
                    {
                        ...common,
                        identifier,
                        replicateSourceDb: this.instance.identifier,
                        instanceClass: args.replicaInstanceClass ?? args.instanceClass,
                        multiAz: false,
                        skipFinalSnapshot: true,
                    },
                    { parent: this, ...stateful, dependsOn: [...logGroupsFor(identifier, logical), ...monitoringDeps] },
                ),
            );
        }
        this.readerEndpoints = pulumi.all(this.replicas.map((r) => r.address));

        // -- the master credentials in Secrets Manager, encrypted with the data key --
        this.secret = new aws.secretsmanager.Secret(
            n.name("postgres-master"),
            {
                description: `${n.prefix} PostgreSQL master credentials (${this.identifier})`,
                kmsKeyId: args.dataKmsKeyArn,
                recoveryWindowInDays: args.secretRecoveryDays,
                tags,
            },
            { parent: this },
        );
        const secretVersion = new aws.secretsmanager.SecretVersion(
            n.name("postgres-master"),
            {
                secretId: this.secret.id,
                secretString: pulumi.secret(
                    pulumi.all([passwordValue, this.instance.address]).apply(([pw, host]) =>
                        JSON.stringify({
                            engine: "postgres",
                            username: args.username,
                            password: pw,
                            host,
                            port: POSTGRES_PORT,
                            dbname: args.databaseName,
                            dbInstanceIdentifier: this.identifier,
                        }),
                    ),
                ),
            },
            { parent: this },
        );
        this.secretArn = this.secret.arn;

        // -- optional RDS Proxy: pooling, TLS required, reads the secret through its own role --
        let urlHost: pulumi.Output<string> = this.instance.address;
        if (args.proxy) {
            const proxySg = rulelessSecurityGroup(
                n.autoNamed("securityGroup", "postgres-proxy"),
                {
                    vpcId: args.vpcId,
                    description: `${n.prefix} RDS Proxy: port ${POSTGRES_PORT} from the cluster nodes, to PostgreSQL only`,
                    nameTag: n.name("postgres-proxy"),
                    tags,
                },
                { parent: this },
            );
            const pg = { port: POSTGRES_PORT };
            allowTcpFrom(n.name("proxy-from-nodes"), { ...pg, securityGroupId: proxySg.id, peerSecurityGroupId: args.clientSecurityGroupId, description: "PostgreSQL (through the proxy) from the cluster nodes" }, { parent: this });
            allowTcpTo(n.name("proxy-to-postgres"), { ...pg, securityGroupId: proxySg.id, peerSecurityGroupId: sg.id, description: "Proxy to PostgreSQL" }, { parent: this });
            allowTcpFrom(n.name("postgres-from-proxy"), { ...pg, securityGroupId: sg.id, peerSecurityGroupId: proxySg.id, description: "PostgreSQL from the RDS Proxy" }, { parent: this });

            const proxyRole = new aws.iam.Role(
                n.autoNamed("iamRole", databaseNames.proxyRole),
                { assumeRolePolicy: serviceAssumeRolePolicy("rds.amazonaws.com"), description: "RDS Proxy: read the PostgreSQL master secret" },
                { parent: this },
            );
            const proxyPolicy = new aws.iam.RolePolicy(
                n.name("rds-proxy"),
                {
                    role: proxyRole.id,
                    policy: policyDocument([
                        { Sid: "ReadMasterSecret", Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: this.secret.arn },
                        {
                            Sid: "DecryptMasterSecret",
                            Effect: "Allow",
                            Action: "kms:Decrypt",
                            Resource: args.dataKmsKeyArn,
                            Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${args.region}.amazonaws.com` } },
                        },
                    ]),
                },
                { parent: this },
            );
            this.proxy = new aws.rds.Proxy(
                n.name(databaseNames.proxy),
                {
                    name: n.physical("rdsIdentifier", databaseNames.proxy),
                    engineFamily: "POSTGRESQL",
                    roleArn: proxyRole.arn,
                    vpcSubnetIds: args.subnetIds,
                    vpcSecurityGroupIds: [proxySg.id],
                    requireTls: true,
                    idleClientTimeout: 1800,
                    debugLogging: false,
                    auths: [
                        {
                            authScheme: "SECRETS",
                            secretArn: this.secret.arn,
                            iamAuth: "DISABLED",
                            clientPasswordAuthType: "POSTGRES_SCRAM_SHA_256",
                            description: "master credentials",
                        },
                    ],
                    tags,
                },
                // Only the secret's ARN is needed to create the proxy: it is built while the instance is, and just
                // the target registration (below) waits for the instance and the secret's value.
                { parent: this, dependsOn: [proxyPolicy] },
            );
            const targetGroup = new aws.rds.ProxyDefaultTargetGroup(
                n.name(databaseNames.proxy),
                {
                    dbProxyName: this.proxy.name,
                    connectionPoolConfig: { maxConnectionsPercent: 90, maxIdleConnectionsPercent: 50, connectionBorrowTimeout: 120 },
                },
                { parent: this },
            );
            new aws.rds.ProxyTarget(
                n.name(databaseNames.proxy, "primary"),
                { dbProxyName: this.proxy.name, targetGroupName: targetGroup.name, dbInstanceIdentifier: this.instance.identifier },
                { parent: this, dependsOn: [secretVersion] },
            );
            this.proxyEndpoint = this.proxy.endpoint;
            urlHost = this.proxy.endpoint;
        }

        this.databaseUrl = pulumi.secret(
            pulumi.all([passwordValue, urlHost]).apply(([pw, host]) =>
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
