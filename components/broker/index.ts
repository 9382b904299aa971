import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { BaseArgs } from "../base";
import { statefulOptions } from "../base";
import type { BrokerSettings } from "../config/broker";
import { allowTcpFrom, rulelessSecurityGroup } from "../securityGroups";
import { dataStoreTags } from "../tags";
import { brokerNames } from "./names";
import {
    AMQPS_PORT,
    BROKER_ADMIN_USERNAME,
    ADMIN_PASSWORD_IGNORE_CHANGES,
    BROKER_IGNORE_CHANGES,
    brokerPasswordSpec,
    brokerSettings,
    brokerSubnetIds,
    brokerUrl,
    CONSOLE_PORT,
    endpointHost,
    SERVICE_PASSWORD_LENGTH,
    serviceBrokerUser,
} from "./spec";

export * from "./names";
export * from "./spec";

export interface BrokerArgs extends BaseArgs, BrokerSettings {
    vpcId: pulumi.Input<string>;
    /** Isolated (data) subnets, one per AZ: private, no route to the internet. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The one security group admitted on 5671 and 443: the cluster nodes' group (pods use the node's group). */
    clientSecurityGroupId: pulumi.Input<string>;
    /** The services that declare `broker: true`: each gets its own user and vhost. @default [] */
    services?: string[];
}

/** The RabbitMQ user and vhost of one service, with its password and AMQPS URL (both secret). */
export interface BrokerServiceUser {
    username: string;
    vhost: string;
    password: pulumi.Output<string>;
    url: pulumi.Output<string>;
}

/**
 * An Amazon MQ for RabbitMQ broker: private (isolated subnets, not publicly accessible), AMQPS and the management API
 * open to the cluster nodes only, an AWS-owned key (the only choice RabbitMQ brokers have), general logs, automatic
 * minor upgrades in the weekly window; a generated admin password and one generated password per `broker: true`
 * service (the users themselves are created in the cluster by the services' user Jobs).
 */
export class Broker extends pulumi.ComponentResource {
    public readonly broker: aws.mq.Broker;
    public readonly brokerName: string;
    public readonly securityGroupId: pulumi.Output<string>;
    /** Host name of the AMQPS endpoint. */
    public readonly host: pulumi.Output<string>;
    /** `https://<host>`: the web console and management API. */
    public readonly consoleUrl: pulumi.Output<string>;
    public readonly port: number;
    public readonly adminUsername: string;
    /** The admin password; secret. */
    public readonly adminPassword: pulumi.Output<string>;
    public readonly serviceUsers: Record<string, BrokerServiceUser>;

    constructor(name: string, args: BrokerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:broker:Broker", name, {}, opts);
        const n = args.naming;
        const tags = dataStoreTags(args.dataClassification);
        this.brokerName = n.physical("mqBrokerName", brokerNames.brokerName);
        this.port = AMQPS_PORT;
        this.adminUsername = BROKER_ADMIN_USERNAME;

        const sg = rulelessSecurityGroup(
            n.autoNamed("securityGroup", "broker"),
            {
                vpcId: args.vpcId,
                description: `${n.prefix} RabbitMQ: AMQPS and HTTPS from the cluster nodes only`,
                nameTag: n.name("broker"),
                tags,
            },
            { parent: this },
        );
        this.securityGroupId = sg.id;
        for (const [role, port, what] of [
            ["amqps", AMQPS_PORT, "AMQPS"],
            ["https", CONSOLE_PORT, "management API"],
        ] as const) {
            allowTcpFrom(
                n.name("broker-from-nodes", role),
                {
                    securityGroupId: sg.id,
                    peerSecurityGroupId: args.clientSecurityGroupId,
                    port,
                    description: `RabbitMQ ${what} from the cluster nodes`,
                },
                { parent: this },
            );
        }

        // Amazon MQ writes a RabbitMQ broker's general logs to /aws/amazonmq/broker/<id>/general; CloudWatch Logs must
        // let mq.amazonaws.com write there ("Configuring Amazon MQ for RabbitMQ logs", Amazon MQ Developer Guide).
        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const partition = aws.getPartitionOutput({}, { parent: this });
        const region = aws.getRegionOutput({}, { parent: this });
        const logPolicy = new aws.cloudwatch.LogResourcePolicy(
            n.name("broker-logs"),
            {
                policyName: n.name("amazonmq-logs"),
                policyDocument: pulumi
                    .all([partition.partition, region.region, identity.accountId])
                    .apply(([p, r, a]) => JSON.stringify(brokerLogResourcePolicy(p, r, a))),
            },
            { parent: this },
        );

        // Every RandomPassword input forces a new password, but the broker keeps the one it was created with (its users
        // are not updated after creation, see BROKER_IGNORE_CHANGES): a new value here would only break the user Jobs'
        // admin login. So its inputs are not compared after creation; rotate the admin password in the console.
        const admin = new random.RandomPassword(n.name("broker-admin-password"), brokerPasswordSpec(args.adminPasswordLength), {
            parent: this,
            ignoreChanges: ADMIN_PASSWORD_IGNORE_CHANGES,
        });
        this.adminPassword = pulumi.secret(admin.result);

        this.broker = new aws.mq.Broker(
            n.name(brokerNames.brokerName),
            {
                brokerName: this.brokerName,
                ...brokerSettings(args),
                subnetIds: pulumi.output(args.subnetIds).apply((ids) => brokerSubnetIds(args.deploymentMode, ids)),
                securityGroups: [sg.id],
                users: [{ username: BROKER_ADMIN_USERNAME, password: this.adminPassword, consoleAccess: true }],
                tags,
            },
            // The name is explicit: a replacement (deployment mode, subnets, engine) deletes the old broker first.
            {
                parent: this,
                ...statefulOptions(args.protection),
                deleteBeforeReplace: true,
                ignoreChanges: BROKER_IGNORE_CHANGES,
                dependsOn: [logPolicy],
            },
        );

        const endpoint = this.broker.instances.apply((i) => i[0]?.endpoints?.find((e) => e.startsWith("amqps://")) ?? "");
        this.host = endpoint.apply(endpointHost);
        this.consoleUrl = pulumi.interpolate`https://${this.host}`;

        this.serviceUsers = {};
        for (const svc of args.services ?? []) {
            const u = serviceBrokerUser(svc);
            const pw = new random.RandomPassword(n.name("broker-user", svc), brokerPasswordSpec(SERVICE_PASSWORD_LENGTH), { parent: this });
            const password = pulumi.secret(pw.result);
            this.serviceUsers[svc] = {
                ...u,
                password,
                url: pulumi.secret(pulumi.all([password, this.host]).apply(([p, host]) => brokerUrl({ ...u, password: p, host }))),
            };
        }

        this.registerOutputs({ host: this.host, consoleUrl: this.consoleUrl, port: this.port, securityGroupId: this.securityGroupId });
    }
}

/** The CloudWatch Logs resource policy that lets Amazon MQ create log streams and write in /aws/amazonmq/*, of this account. */
export function brokerLogResourcePolicy(partition: string, region: string, accountId: string) {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "mq.amazonaws.com" },
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `arn:${partition}:logs:${region}:${accountId}:log-group:/aws/amazonmq/*`,
                Condition: { StringEquals: { "aws:SourceAccount": accountId } },
            },
        ],
    };
}
