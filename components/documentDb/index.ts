import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { BaseArgs } from "../base";
import type { KmsKeyArns } from "../kms";
import { statefulOptions } from "../base";
import type { DocumentDbSettings } from "../config/documentDb";
import { mongodbUrl } from "../connectionStrings";
import { allowTcpFrom, rulelessSecurityGroup } from "../securityGroups";
import { dataStoreTags } from "../tags";

import { documentDbNames } from "./names";
import {
    clusterAvailabilityZones,
    DOCDB_CA_FILE,
    DOCDB_PORT,
    documentDbClusterSettings,
    documentDbParameterGroupDescription,
    documentDbParameters,
    finalSnapshotIdentifier,
    instanceAvailabilityZones,
    documentDbPasswordSpec,
} from "./cluster";

export { mongodbUrl } from "../connectionStrings";
export * from "./names";
export * from "./cluster";

export interface DocumentDbArgs extends BaseArgs, DocumentDbSettings {
    vpcId: pulumi.Input<string>;
    /** Isolated (data) subnets, one per AZ. */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** The one security group admitted on port 27017: the cluster nodes' group (pods use the nodes' group). */
    clientSecurityGroupId: pulumi.Input<string>;
    /** The data key (storage encryption). */
    kmsKeyArns: Pick<KmsKeyArns, "data">;
    /**
     * The three AZs of the cluster, the network's first three. @default the region's first three available AZs (the
     * ones the VPC's subnets use when no names are configured).
     */
    availabilityZones?: pulumi.Input<string[]>;
}

/**
 * An Amazon DocumentDB instance-based cluster: storage encrypted with the data key, TLS required, audit and profiler
 * logs exported, backups kept per environment, deletion protection and a final snapshot where configured, instances
 * spread over three explicitly named AZs, in the isolated subnets behind a security group admitting 27017 from the
 * nodes only. The master password is generated and kept secret; `mongodbUrl` is the secret connection string.
 */
export class DocumentDb extends pulumi.ComponentResource {
    public readonly cluster: aws.docdb.Cluster;
    public readonly instances: aws.docdb.ClusterInstance[];
    public readonly clusterIdentifier: string;
    /** Cluster (writer) endpoint host. */
    public readonly endpoint: pulumi.Output<string>;
    /** Reader endpoint host. */
    public readonly readerEndpoint: pulumi.Output<string>;
    public readonly port: number;
    public readonly securityGroupId: pulumi.Output<string>;
    /** The master password; secret. */
    public readonly masterPassword: pulumi.Output<string>;
    /** `mongodb://...` with TLS and the CA file at DOCDB_CA_FILE; secret. */
    public readonly mongodbUrl: pulumi.Output<string>;

    constructor(name: string, args: DocumentDbArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:documentDb:DocumentDb", name, {}, opts);
        const n = args.naming;
        const tags = dataStoreTags(args.dataClassification);
        this.clusterIdentifier = n.physical("rdsIdentifier", documentDbNames.cluster);
        this.port = DOCDB_PORT;

        const azs = pulumi
            .output(args.availabilityZones ?? aws.getAvailabilityZonesOutput({ state: "available" }, { parent: this }).names)
            .apply(clusterAvailabilityZones);

        const subnetGroup = new aws.docdb.SubnetGroup(
            n.autoNamed("dbSubnetGroup", "docdb"),
            { subnetIds: args.subnetIds, description: `${n.prefix} DocumentDB: isolated subnets`, tags },
            { parent: this },
        );
        const sg = rulelessSecurityGroup(
            n.autoNamed("securityGroup", "docdb"),
            {
                vpcId: args.vpcId,
                description: `${n.prefix} DocumentDB: port ${DOCDB_PORT} from the cluster nodes only`,
                nameTag: n.name("docdb"),
                tags,
            },
            { parent: this },
        );
        this.securityGroupId = sg.id;
        allowTcpFrom(
            n.name("docdb-from-nodes"),
            {
                securityGroupId: sg.id,
                peerSecurityGroupId: args.clientSecurityGroupId,
                port: DOCDB_PORT,
                description: "DocumentDB from the cluster nodes",
            },
            { parent: this },
        );

        // Auto-named: a new family (a major version) creates the new group before the old one is deleted.
        const parameterGroup = new aws.docdb.ClusterParameterGroup(
            n.autoNamed("dbSubnetGroup", "docdb-params"),
            {
                family: args.parameterGroupFamily,
                description: documentDbParameterGroupDescription(n.prefix),
                parameters: documentDbParameters(args),
                tags,
            },
            { parent: this },
        );

        const password = new random.RandomPassword(n.name("docdb-master-password"), documentDbPasswordSpec(args.passwordLength), {
            parent: this,
            additionalSecretOutputs: ["result"],
        });
        this.masterPassword = pulumi.secret(password.result);

        const snapshotSuffix = args.finalSnapshot
            ? new random.RandomId(
                  n.name("docdb-final-snapshot"),
                  { byteLength: 4, keepers: { clusterIdentifier: this.clusterIdentifier } },
                  { parent: this },
              )
            : undefined;

        this.cluster = new aws.docdb.Cluster(
            n.name(documentDbNames.cluster),
            {
                clusterIdentifier: this.clusterIdentifier,
                ...documentDbClusterSettings(args),
                availabilityZones: azs,
                masterPassword: this.masterPassword,
                kmsKeyId: args.kmsKeyArns.data,
                dbSubnetGroupName: subnetGroup.name,
                dbClusterParameterGroupName: parameterGroup.name,
                vpcSecurityGroupIds: [sg.id],
                ...(snapshotSuffix
                    ? { finalSnapshotIdentifier: snapshotSuffix.hex.apply((h) => finalSnapshotIdentifier(this.clusterIdentifier, h)) }
                    : {}),
                tags,
            },
            // The identifier is explicit: a replacement deletes the old cluster before creating the new one under the
            // same identifier. The plan guard refuses it unless approved (never while protected).
            { parent: this, ...statefulOptions(args.protection), deleteBeforeReplace: true },
        );

        this.instances = Array.from({ length: args.instances }, (_, i) => {
            const parts = documentDbNames.instance(i);
            return new aws.docdb.ClusterInstance(
                n.name(...parts),
                {
                    identifier: n.physical("rdsIdentifier", ...parts),
                    clusterIdentifier: this.cluster.id,
                    engine: "docdb",
                    instanceClass: args.instanceClass,
                    availabilityZone: azs.apply((names) => instanceAvailabilityZones(args.instances, names)[i]),
                    // The first instance is the preferred writer; the others fail over in order.
                    promotionTier: i === 0 ? 0 : 1,
                    autoMinorVersionUpgrade: true,
                    applyImmediately: args.applyImmediately,
                    preferredMaintenanceWindow: args.maintenanceWindow,
                    tags,
                },
                { parent: this, ...statefulOptions(args.protection), deleteBeforeReplace: true },
            );
        });

        this.endpoint = this.cluster.endpoint;
        this.readerEndpoint = this.cluster.readerEndpoint;
        this.mongodbUrl = pulumi.secret(
            pulumi
                .all([this.masterPassword, this.endpoint])
                .apply(([pass, host]) =>
                    mongodbUrl({ username: args.masterUsername, password: pass, host, port: DOCDB_PORT, caFile: DOCDB_CA_FILE }),
                ),
        );

        this.registerOutputs({
            endpoint: this.endpoint,
            readerEndpoint: this.readerEndpoint,
            port: this.port,
            securityGroupId: this.securityGroupId,
            mongodbUrl: this.mongodbUrl,
        });
    }
}
