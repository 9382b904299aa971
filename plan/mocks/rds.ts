import { postgresApplyMethod } from "../../components/catalogue/rds";
import type { MockContext, MockModule } from "./types";

/** A stable per-account/region part of RDS host names: `<id>.c<11 chars>.<region>.rds.amazonaws.com`. */
function rdsHostSuffix(ctx: MockContext): string {
    return `c${ctx.hex("rds-account-host", 11)}.${ctx.region}.rds.amazonaws.com`;
}

/** Real engine minor versions RDS picks for a major-only engine version. */
const POSTGRES_MINOR: Record<string, string> = { "13": "13.20", "14": "14.17", "15": "15.12", "16": "16.8", "17": "17.4" };

/**
 * RDS refuses an instance whose DB parameter group is of another family than its engine version: a PostgreSQL 16
 * instance needs a `postgres16` group ("Working with DB parameter groups", Amazon RDS User Guide; the API answers
 * InvalidParameterCombination). A replica takes its engine version from its source, so only a set version is judged.
 */
function checkParameterGroupFamily(inputs: Record<string, unknown>, ctx: MockContext): void {
    const group = inputs.parameterGroupName;
    const version = inputs.engineVersion;
    if (typeof group !== "string" || typeof version !== "string" || (inputs.engine ?? "postgres") !== "postgres") return;
    const family = ctx.registry.get(`rdsParameterGroup:${ctx.region}:${group.toLowerCase()}`)?.family;
    const expected = `postgres${version.split(".")[0]}`;
    if (typeof family === "string" && family !== expected) {
        throw new Error(
            `InvalidParameterCombination: the DB parameter group ${group} of family ${family} cannot be used with engine version ${version}; use a group of family ${expected}`,
        );
    }
}

/**
 * RDS refuses the `immediate` apply method for a static parameter: "You can use the immediate value with dynamic
 * parameters only" (ModifyDBParameterGroup / CreateDBParameterGroup parameters, Amazon RDS API Reference).
 */
function checkApplyMethods(inputs: Record<string, unknown>): void {
    const params = Array.isArray(inputs.parameters) ? (inputs.parameters as Array<Record<string, unknown>>) : [];
    for (const p of params) {
        const name = String(p.name);
        if (p.applyMethod === "immediate" && postgresApplyMethod(name) === "pending-reboot") {
            throw new Error(
                `InvalidParameterCombination: cannot use immediate apply method for static parameter ${name}; use pending-reboot`,
            );
        }
    }
}

/** RDS: instances (primary and replicas), parameter and subnet groups, RDS Proxy. */
export const rds: MockModule = {
    resources: {
        "aws:rds/instance:Instance": (args, ctx) => {
            checkParameterGroupFamily(args.inputs, ctx);
            const identifier = String(args.inputs.identifier ?? `${args.name}-${ctx.hex(args.name, 7)}`);
            const address = `${identifier}.${rdsHostSuffix(ctx)}`;
            const port = Number(args.inputs.port ?? 5432);
            const resourceId = `db-${ctx.hex(`${identifier}/resource`, 26).toUpperCase()}`;
            const major = String(args.inputs.engineVersion ?? "16").split(".")[0];
            return {
                id: resourceId,
                state: {
                    identifier,
                    address,
                    endpoint: `${address}:${port}`,
                    port,
                    arn: ctx.arn("rds", `db:${identifier}`),
                    resourceId,
                    hostedZoneId: "Z2R2ITUGPM61AM",
                    engine: args.inputs.engine ?? "postgres",
                    engineVersionActual: POSTGRES_MINOR[major] ?? `${major}.1`,
                    status: "available",
                    availabilityZone: `${ctx.region}a`,
                    caCertIdentifier: args.inputs.caCertIdentifier ?? "rds-ca-rsa2048-g1",
                    ...(args.inputs.replicateSourceDb ? {} : { masterUserSecrets: [] }),
                },
            };
        },
        "aws:rds/parameterGroup:ParameterGroup": (args, ctx) => {
            checkApplyMethods(args.inputs);
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`);
            ctx.registry.set(`rdsParameterGroup:${ctx.region}:${name.toLowerCase()}`, { family: args.inputs.family });
            return { id: name, state: { name, arn: ctx.arn("rds", `pg:${name}`) } };
        },
        "aws:rds/subnetGroup:SubnetGroup": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`);
            return { id: name, state: { name, arn: ctx.arn("rds", `subgrp:${name}`), vpcId: `vpc-${ctx.hex("vpc", 17)}` } };
        },
        "aws:rds/proxy:Proxy": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`);
            const prx = `prx-${ctx.hex(`${name}/proxy`, 17)}`;
            return {
                id: name,
                state: { name, arn: ctx.arn("rds", `db-proxy:${prx}`), endpoint: `${name}.proxy-${rdsHostSuffix(ctx)}` },
            };
        },
        "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup": (args, ctx) => {
            const proxy = String(args.inputs.dbProxyName);
            return { id: proxy, state: { name: "default", arn: ctx.arn("rds", `target-group:prx-tg-${ctx.hex(`${proxy}/tg`, 17)}`) } };
        },
        "aws:rds/proxyTarget:ProxyTarget": (args, ctx) => {
            const proxy = String(args.inputs.dbProxyName);
            const instance = String(args.inputs.dbInstanceIdentifier ?? "");
            return {
                // The provider's id: db proxy name, target group name, target type and resource id, joined by "/".
                id: `${proxy}/${args.inputs.targetGroupName}/RDS_INSTANCE/${instance}`,
                state: {
                    endpoint: `${instance}.${rdsHostSuffix(ctx)}`,
                    port: 5432,
                    rdsResourceId: instance,
                    targetArn: ctx.arn("rds", `db:${instance}`),
                    type: "RDS_INSTANCE",
                    trackedClusterId: "",
                },
            };
        },
    },
};
