import type { MockContext, MockModule } from "./types";

/**
 * Amazon DocumentDB: clusters, instances, subnet and cluster parameter groups. Endpoints have the form the Developer
 * Guide shows ("Understanding Amazon DocumentDB endpoints"): `<cluster>.cluster-<hash>.<region>.docdb.amazonaws.com`,
 * the reader `<cluster>.cluster-ro-<hash>...`, an instance `<instance>.<hash>...`; ARNs are in the rds namespace
 * (`arn:aws:rds:<region>:<account>:cluster:<id>`). Refused as the API refuses them (DocumentDB API Reference,
 * CreateDBCluster / CreateDBInstance): a master password with / " or @ or outside 8-100 characters, a KMS key without
 * storage encryption, a cluster parameter group of another family than the engine version's, an instance in an AZ the
 * cluster does not span.
 */

const hash = (ctx: MockContext) => ctx.hex("docdb/account-region", 12);

function refuseCluster(inputs: Record<string, unknown>, ctx: MockContext): void {
    const pw = inputs.masterPassword;
    if (typeof pw === "string" && (pw.length < 8 || pw.length > 100 || /[/"@]/.test(pw)))
        throw new Error(
            'InvalidParameterValue: The parameter MasterUserPassword is not a valid password: it must contain 8 to 100 printable ASCII characters other than /, " and @',
        );
    if (inputs.kmsKeyId && inputs.storageEncrypted !== true)
        throw new Error("InvalidParameterCombination: KmsKeyId is only valid with StorageEncrypted set to true");
    const group = inputs.dbClusterParameterGroupName;
    const version = inputs.engineVersion;
    if (typeof group === "string" && typeof version === "string") {
        const family = ctx.registry.get(`docdbParameterGroup:${ctx.region}:${group.toLowerCase()}`)?.family;
        const expected = `docdb${version.split(".").slice(0, 2).join(".")}`;
        if (typeof family === "string" && family !== expected)
            throw new Error(
                `InvalidParameterCombination: the cluster parameter group ${group} of family ${family} cannot be used with DocumentDB ${version}; use a group of family ${expected}`,
            );
    }
}

export const docdb: MockModule = {
    resources: {
        "aws:docdb/cluster:Cluster": (args, ctx) => {
            refuseCluster(args.inputs, ctx);
            const id = String(args.inputs.clusterIdentifier ?? `tf-${ctx.hex(args.name, 20)}`).toLowerCase();
            const azs = Array.isArray(args.inputs.availabilityZones)
                ? (args.inputs.availabilityZones as string[])
                : ["a", "b", "c"].map((s) => `${ctx.region}${s}`);
            // DocumentDB reports three AZs whatever was asked (what makes fewer than three replace on the next up).
            const reported = [...azs, ...["a", "b", "c", "d"].map((s) => `${ctx.region}${s}`).filter((z) => !azs.includes(z))].slice(0, 3);
            ctx.registry.set(`docdbCluster:${ctx.region}:${id}`, { availabilityZones: reported });
            return {
                id,
                state: {
                    clusterIdentifier: id,
                    arn: ctx.arn("rds", `cluster:${id}`),
                    endpoint: `${id}.cluster-${hash(ctx)}.${ctx.region}.docdb.amazonaws.com`,
                    readerEndpoint: `${id}.cluster-ro-${hash(ctx)}.${ctx.region}.docdb.amazonaws.com`,
                    port: Number(args.inputs.port ?? 27017),
                    availabilityZones: reported,
                    clusterResourceId: `cluster-${ctx.hex(`docdb/${id}`, 26).toUpperCase()}`,
                    hostedZoneId: "ZNKXH85TT8WVW",
                    engineVersion: String(args.inputs.engineVersion ?? "5.0.0"),
                },
            };
        },
        "aws:docdb/clusterInstance:ClusterInstance": (args, ctx) => {
            const id = String(args.inputs.identifier ?? `tf-${ctx.hex(args.name, 20)}`).toLowerCase();
            const cluster = String(args.inputs.clusterIdentifier ?? "");
            const spans = ctx.registry.get(`docdbCluster:${ctx.region}:${cluster.toLowerCase()}`)?.availabilityZones as
                string[] | undefined;
            const az = args.inputs.availabilityZone;
            if (typeof az === "string" && spans && !spans.includes(az))
                throw new Error(
                    `InvalidParameterCombination: the availability zone ${az} is not one of the cluster ${cluster}'s (${spans.join(", ")})`,
                );
            return {
                id,
                state: {
                    identifier: id,
                    arn: ctx.arn("rds", `db:${id}`),
                    endpoint: `${id}.${hash(ctx)}.${ctx.region}.docdb.amazonaws.com`,
                    port: 27017,
                    availabilityZone: typeof az === "string" ? az : spans?.[0],
                    dbiResourceId: `db-${ctx.hex(`docdb/${id}`, 26).toUpperCase()}`,
                    storageEncrypted: true,
                    writer: args.inputs.promotionTier === 0,
                },
            };
        },
        "aws:docdb/subnetGroup:SubnetGroup": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`).toLowerCase();
            return { id: name, state: { name, arn: ctx.arn("rds", `subgrp:${name}`) } };
        },
        "aws:docdb/clusterParameterGroup:ClusterParameterGroup": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`).toLowerCase();
            ctx.registry.set(`docdbParameterGroup:${ctx.region}:${name}`, { family: args.inputs.family });
            return { id: name, state: { name, arn: ctx.arn("rds", `cluster-pg:${name}`) } };
        },
    },
};
