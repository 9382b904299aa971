import type { MockContext, MockModule } from "./types";

/** us-east-1 -> use1, eu-west-2 -> euw2, ap-southeast-1 -> apse1 (the region part of ElastiCache host names). */
export function shortRegion(region: string): string {
    const dirs: Record<string, string> = {
        north: "n",
        south: "s",
        east: "e",
        west: "w",
        central: "c",
        northeast: "ne",
        southeast: "se",
        northwest: "nw",
        southwest: "sw",
    };
    const parts = region.split("-");
    const num = parts[parts.length - 1];
    const dir = parts[parts.length - 2];
    const geo = parts
        .slice(0, parts.length - 2)
        .map((p) => (p === "gov" ? "g" : p))
        .join("");
    return `${geo}${dirs[dir] ?? dir[0]}${num}`;
}

function host(kind: "master" | "replica", id: string, ctx: MockContext): string {
    return `${kind}.${id}.${ctx.hex(`elasticache/${id}`, 6)}.${shortRegion(ctx.region)}.cache.amazonaws.com`;
}

const ENGINE_ACTUAL: Record<string, string> = {
    "7.2": "7.2.4",
    "8.0": "8.0.1",
    "8.1": "8.1.1",
    "6.2": "6.2.6",
    "7.0": "7.0.7",
    "7.1": "7.1.0",
};

/**
 * The parameter group family of an engine version: valkey8 for Valkey 8.x, redis7 for Redis OSS 7.x, redis6.x for 6.x
 * ("Parameter group families", Amazon ElastiCache User Guide). A replication group given a group of another family is
 * refused (InvalidParameterCombination).
 */
export function cacheParameterGroupFamily(engine: string, version: string): string {
    const major = version.split(".")[0];
    if (engine === "valkey") return `valkey${major}`;
    return major === "6" ? "redis6.x" : `redis${major}`;
}

function checkCacheParameterGroupFamily(inputs: Record<string, unknown>, ctx: MockContext): void {
    const group = inputs.parameterGroupName;
    const version = inputs.engineVersion;
    if (typeof group !== "string" || typeof version !== "string") return;
    const family = ctx.registry.get(`cacheParameterGroup:${ctx.region}:${group.toLowerCase()}`)?.family;
    const expected = cacheParameterGroupFamily(String(inputs.engine ?? "redis"), version);
    if (typeof family === "string" && family !== expected) {
        throw new Error(
            `InvalidParameterCombination: the cache parameter group ${group} of family ${family} cannot be used with ${String(inputs.engine ?? "redis")} ${version}; use a group of family ${expected}`,
        );
    }
}

/** ElastiCache: replication groups (non-cluster mode, TLS endpoints), subnet and parameter groups. */
export const elasticache: MockModule = {
    resources: {
        "aws:elasticache/replicationGroup:ReplicationGroup": (args, ctx) => {
            checkCacheParameterGroupFamily(args.inputs, ctx);
            const id = String(args.inputs.replicationGroupId ?? `${args.name}-${ctx.hex(args.name, 7)}`).toLowerCase();
            const n = Number(args.inputs.numCacheClusters ?? 1);
            const version = String(args.inputs.engineVersion ?? "");
            return {
                id,
                state: {
                    replicationGroupId: id,
                    arn: ctx.arn("elasticache", `replicationgroup:${id}`),
                    primaryEndpointAddress: host("master", id, ctx),
                    readerEndpointAddress: host("replica", id, ctx),
                    port: Number(args.inputs.port ?? 6379),
                    memberClusters: Array.from({ length: n }, (_, i) => `${id}-${String(i + 1).padStart(3, "0")}`),
                    engineVersionActual: ENGINE_ACTUAL[version] ?? version,
                    clusterEnabled: false,
                },
            };
        },
        "aws:elasticache/subnetGroup:SubnetGroup": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`).toLowerCase();
            return { id: name, state: { name, arn: ctx.arn("elasticache", `subnetgroup:${name}`), vpcId: `vpc-${ctx.hex("vpc", 17)}` } };
        },
        "aws:elasticache/parameterGroup:ParameterGroup": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`).toLowerCase();
            ctx.registry.set(`cacheParameterGroup:${ctx.region}:${name}`, { family: args.inputs.family });
            return { id: name, state: { name, arn: ctx.arn("elasticache", `parametergroup:${name}`) } };
        },
    },
};
