import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import type { KmsKeyArns } from "../kms";
import { policyDocument } from "../iam";
import type { AlarmSpec, AlarmThresholds } from "./catalogue";
import {
    cacheAlarms,
    certificateAlarms,
    databaseAlarms,
    loadBalancerAlarms,
    memberClusterIds,
    natGatewayAlarms,
    queueAlarms,
} from "./catalogue";
import { topicPolicyStatements } from "./topic";

export * from "./catalogue";
export * from "./topic";

export interface AlarmsArgs extends BaseArgs {
    /** Thresholds of the alarms (`strata:alarms.database`, `.cache`). */
    thresholds: AlarmThresholds;
    subscriptions: Array<{ protocol: string; endpoint: string }>;
    /** The primary database and its read replicas, by identifier, with the allocated storage and max_connections. */
    database?: { identifier: string; replicaIdentifiers: pulumi.Input<string>[]; allocatedStorageGiB: number; maxConnections?: number };
    /** The cache's replication group id and its number of nodes. */
    cache?: { replicationGroupId: string; nodes: number };
    /** The queues and their dead-letter queues, by key and physical name (`queueNames`). */
    queues?: Array<{ key: string; name: string; deadLetterQueue: string }>;
    /** The NAT gateways: how many (known up front) and their ids. */
    natGateways?: { count: number; ids: pulumi.Input<string[]> };
    /** Whether the stack has load balancers (a service with an ingress): the Metrics Insights alarms. */
    loadBalancers?: boolean;
    /** The ACM certificates of the Ingresses. */
    certificateArns?: string[];
    /** The notifications key (its policy lets CloudWatch encrypt for the topic). */
    kmsKeyArns: Pick<KmsKeyArns, "notifications">;
}

/**
 * One SNS topic per stack, encrypted with the notifications key and TLS-only, with the configured subscriptions; and
 * CloudWatch alarms on the database (each instance) and the cache (each node) whose alarm and OK actions notify it.
 */
export class Alarms extends pulumi.ComponentResource {
    public readonly topic: aws.sns.Topic;
    public readonly topicArn: pulumi.Output<string>;

    constructor(name: string, args: AlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:alarms:Alarms", name, {}, opts);
        const n = args.naming;
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        this.topic = new aws.sns.Topic(n.name("alerts"), { kmsMasterKeyId: args.kmsKeyArns.notifications }, { parent: this });
        this.topicArn = this.topic.arn;
        new aws.sns.TopicPolicy(
            n.name("alerts-policy"),
            {
                arn: this.topic.arn,
                policy: pulumi.all([this.topic.arn, accountId]).apply(([arn, id]) => policyDocument(topicPolicyStatements(arn, id))),
            },
            { parent: this },
        );
        args.subscriptions.forEach(
            (s, i) =>
                new aws.sns.TopicSubscription(
                    n.name("alerts-sub", String(i)),
                    { topic: this.topic.arn, protocol: s.protocol, endpoint: s.endpoint },
                    { parent: this },
                ),
        );

        const alarm = (target: string, spec: AlarmSpec, dimensions: pulumi.Input<Record<string, pulumi.Input<string>>> = spec.dimensions) =>
            new aws.cloudwatch.MetricAlarm(
                n.name(target, spec.suffix),
                {
                    name: `${n.prefix}-${target}-${spec.suffix}`,
                    alarmDescription: spec.description,
                    ...(spec.query
                        ? {
                              // A Metrics Insights query alarm: one query, its result is what the threshold compares.
                              metricQueries: [{ id: "q", expression: spec.query, period: spec.period, returnData: true }],
                          }
                        : {
                              namespace: spec.namespace,
                              metricName: spec.metricName,
                              dimensions,
                              statistic: spec.statistic,
                              period: spec.period,
                          }),
                    evaluationPeriods: spec.evaluationPeriods,
                    datapointsToAlarm: spec.datapointsToAlarm,
                    comparisonOperator: spec.comparisonOperator,
                    threshold: spec.threshold,
                    treatMissingData: spec.treatMissingData,
                    actionsEnabled: true,
                    alarmActions: [this.topic.arn],
                    okActions: [this.topic.arn],
                },
                { parent: this },
            );
        if (args.database) {
            const db = args.database;
            for (const spec of databaseAlarms(db.identifier, db.allocatedStorageGiB, args.thresholds.database, false, db.maxConnections))
                alarm("db", spec);
            db.replicaIdentifiers.forEach((id, i) => {
                for (const spec of databaseAlarms("replica", db.allocatedStorageGiB, args.thresholds.database, true, db.maxConnections))
                    alarm(`db-replica-${i + 1}`, spec, { DBInstanceIdentifier: id });
            });
        }
        if (args.cache)
            for (const id of memberClusterIds(args.cache.replicationGroupId, args.cache.nodes))
                for (const spec of cacheAlarms(id, args.thresholds.cache, args.cache.nodes > 1)) alarm(`cache-${id.slice(-3)}`, spec);
        for (const q of args.queues ?? [])
            for (const spec of queueAlarms(q.name, q.deadLetterQueue, args.thresholds.queues)) alarm(`queue-${q.key}`, spec);
        if (args.natGateways) {
            const ids = pulumi.output(args.natGateways.ids);
            for (let i = 0; i < args.natGateways.count; i++)
                for (const spec of natGatewayAlarms(
                    `${n.prefix} NAT gateway ${i + 1}`,
                    ids.apply((all) => all[i]),
                ))
                    alarm(`nat-${i + 1}`, spec);
        }
        if (args.loadBalancers) for (const spec of loadBalancerAlarms(args.thresholds.loadBalancers)) alarm("alb", spec);
        [...new Set(args.certificateArns ?? [])].forEach((arn, i) => {
            for (const spec of certificateAlarms(arn, args.thresholds.certificates)) alarm(`cert-${i + 1}`, spec);
        });
        this.registerOutputs({ topicArn: this.topicArn });
    }
}
