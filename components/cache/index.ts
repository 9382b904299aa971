import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { BaseArgs } from "../base";
import type { KmsKeyArns } from "../kms";
import { statefulOptions } from "../base";
import type { CacheSettings } from "../config/cache";
import { redisUrl } from "../connectionStrings";
import { encryptedLogGroup } from "../logGroup";
import { allowTcpFrom, rulelessSecurityGroup } from "../securityGroups";
import { dataStoreTags } from "../tags";

import { cacheLogGroupName, cacheNames } from "./names";
import {
    authTokenSpec,
    CACHE_LOG_TYPES,
    CACHE_PARAMETER_GROUP_IGNORE_CHANGES,
    cacheParameterGroupDescription,
    cacheParameters,
    logDeliveryConfigurations,
    REDIS_PORT,
    replicationGroupSettings,
} from "./replicationGroup";

export { redisUrl } from "../connectionStrings";
export * from "./names";
export * from "./replicationGroup";

export interface CacheArgs extends BaseArgs, CacheSettings {
    vpcId: pulumi.Input<string>;
    /** Isolated (data) subnets, one per AZ. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The one security group admitted on port 6379: the cluster nodes' group (from the network, not the cluster). */
    clientSecurityGroupId: pulumi.Input<string>;
    /** The data key (at-rest encryption) and the logs key (slow-log and engine-log groups). */
    kmsKeyArns: Pick<KmsKeyArns, "data" | "logs">;
}

/**
 * A Valkey (default) or Redis replication group: at-rest encryption with the data key, TLS required, an AUTH token
 * generated and kept secret, Multi-AZ with automatic failover whenever there are two or more nodes, snapshots,
 * slow-log and engine-log delivery to KMS-encrypted log groups, `maxmemory-policy` from config, in the isolated
 * subnets behind a security group admitting port 6379 from the nodes only.
 */
export class Cache extends pulumi.ComponentResource {
    public readonly replicationGroup: aws.elasticache.ReplicationGroup;
    public readonly replicationGroupId: string;
    /** Host name of the primary endpoint (writes). */
    public readonly primaryEndpoint: pulumi.Output<string>;
    /** Host name of the reader endpoint (reads spread over the replicas). */
    public readonly readerEndpoint: pulumi.Output<string>;
    public readonly port: number;
    public readonly securityGroupId: pulumi.Output<string>;
    /** `rediss://:<token>@<primary>:6379`; secret. */
    public readonly redisUrl: pulumi.Output<string>;
    /** The AUTH token; secret. */
    public readonly authToken: pulumi.Output<string>;

    constructor(name: string, args: CacheArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:cache:Cache", name, {}, opts);
        const n = args.naming;
        const tags = dataStoreTags(args.dataClassification);
        this.replicationGroupId = n.physical("elasticacheReplicationGroupId", cacheNames.replicationGroupId);
        this.port = REDIS_PORT;

        const subnetGroup = new aws.elasticache.SubnetGroup(
            n.autoNamed("dbSubnetGroup", "cache"),
            { subnetIds: args.subnetIds, description: `${n.prefix} cache: isolated subnets`, tags },
            { parent: this },
        );
        const sg = rulelessSecurityGroup(
            n.autoNamed("securityGroup", "cache"),
            {
                vpcId: args.vpcId,
                description: `${n.prefix} ${args.engine}: port ${REDIS_PORT} from the cluster nodes only`,
                nameTag: n.name("cache"),
                tags,
            },
            { parent: this },
        );
        this.securityGroupId = sg.id;
        allowTcpFrom(
            n.name("cache-from-nodes"),
            {
                securityGroupId: sg.id,
                peerSecurityGroupId: args.clientSecurityGroupId,
                port: REDIS_PORT,
                description: `${args.engine} from the cluster nodes`,
            },
            { parent: this },
        );

        // Auto-named, and nothing version-specific in its forcing inputs: only a family change (valkey7 -> valkey8,
        // redis7 -> valkey8) replaces it, creating the new group before the old one is deleted.
        const parameterGroup = new aws.elasticache.ParameterGroup(
            n.autoNamed("dbSubnetGroup", "cache"),
            {
                family: args.parameterGroupFamily,
                description: cacheParameterGroupDescription(n.prefix),
                parameters: cacheParameters(args),
                tags,
            },
            { parent: this, ignoreChanges: CACHE_PARAMETER_GROUP_IGNORE_CHANGES },
        );

        const token = new random.RandomPassword(n.name("cache-auth-token"), authTokenSpec(args.authTokenLength), { parent: this });
        this.authToken = pulumi.secret(token.result);

        const logGroups = CACHE_LOG_TYPES.map((logType) => ({
            logType,
            group: encryptedLogGroup(
                n.name("cache-log", logType),
                {
                    logGroupName: cacheLogGroupName(this.replicationGroupId, logType),
                    retentionInDays: args.logRetentionDays,
                    kmsKeyArn: args.kmsKeyArns.logs,
                },
                { parent: this },
            ),
        }));

        const finalSnapshotSuffix = args.finalSnapshot
            ? new random.RandomId(
                  n.name("cache-final-snapshot"),
                  { byteLength: 4, keepers: { replicationGroupId: this.replicationGroupId } },
                  { parent: this },
              )
            : undefined;
        this.replicationGroup = new aws.elasticache.ReplicationGroup(
            n.name(cacheNames.replicationGroupId),
            {
                replicationGroupId: this.replicationGroupId,
                description: `${n.prefix} ${args.engine} (TLS + AUTH)`,
                ...replicationGroupSettings(args),
                parameterGroupName: parameterGroup.name,
                subnetGroupName: subnetGroup.name,
                securityGroupIds: [sg.id],
                kmsKeyId: args.kmsKeyArns.data,
                authToken: this.authToken,
                // A random suffix: ElastiCache refuses to delete the group if a snapshot of that name already exists
                // (SnapshotAlreadyExistsFault), e.g. from an earlier delete of a group with the same id.
                ...(finalSnapshotSuffix
                    ? { finalSnapshotIdentifier: pulumi.interpolate`${this.replicationGroupId}-final-${finalSnapshotSuffix.hex}` }
                    : {}),
                logDeliveryConfigurations: logDeliveryConfigurations(
                    logGroups.map(({ logType, group }) => ({ logType, group: group.name })),
                ),
                tags,
            },
            // The id is explicit: a replacement deletes the old group before creating the new one under the same id.
            // Said here, not left to the provider; the plan guard refuses it unless approved (never while protected).
            { parent: this, ...statefulOptions(args.protection), deleteBeforeReplace: true, dependsOn: logGroups.map((l) => l.group) },
        );

        this.primaryEndpoint = this.replicationGroup.primaryEndpointAddress;
        this.readerEndpoint = this.replicationGroup.readerEndpointAddress;
        this.redisUrl = pulumi.secret(
            pulumi.all([this.authToken, this.primaryEndpoint]).apply(([t, host]) => redisUrl({ token: t, host, port: REDIS_PORT })),
        );

        this.registerOutputs({
            primaryEndpoint: this.primaryEndpoint,
            readerEndpoint: this.readerEndpoint,
            port: this.port,
            securityGroupId: this.securityGroupId,
            redisUrl: this.redisUrl,
        });
    }
}
