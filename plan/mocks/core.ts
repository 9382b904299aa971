import type { MockModule } from "./types";

/**
 * The identity the plan runs as: STRATA_PLAN_CALLER_ARN (a plan option: plan as another engineer or the CI role, e.g.
 * `arn:aws:sts::123456789012:assumed-role/ci-deployer/run-42`), else an assumed-role session of `strata-deployer`.
 */
export function callerArn(
    ctx: { partition: string; accountId: string },
    env: Readonly<Record<string, string | undefined>> = process.env,
): string {
    return env.STRATA_PLAN_CALLER_ARN || `arn:${ctx.partition}:sts::${ctx.accountId}:assumed-role/strata-deployer/plan-session`;
}

/** Account-level invokes every AWS program makes. */
export const core: MockModule = {
    calls: {
        "aws:index/getCallerIdentity:getCallerIdentity": (_a, ctx) => {
            const arn = callerArn(ctx);
            return { accountId: ctx.accountId, arn, userId: `AROAEXAMPLEPLANROLE01:${arn.split("/").pop()}`, id: ctx.accountId };
        },
        "aws:index/getPartition:getPartition": (_a, ctx) => ({
            partition: ctx.partition,
            dnsSuffix: "amazonaws.com",
            reverseDnsPrefix: "com.amazonaws",
            id: ctx.partition,
        }),
        "aws:index/getRegion:getRegion": (_a, ctx) => ({
            name: ctx.region,
            region: ctx.region,
            id: ctx.region,
            endpoint: `ec2.${ctx.region}.amazonaws.com`,
            description: ctx.region,
        }),
        "aws:index/getAvailabilityZones:getAvailabilityZones": (_a, ctx) => {
            const names = ["a", "b", "c", "d", "e", "f"].map((s) => `${ctx.region}${s}`);
            return { names, zoneIds: names.map((_, i) => `use1-az${i + 1}`), id: ctx.region, state: "available" };
        },
        "aws:iam/getSessionContext:getSessionContext": (args) => {
            const arn = String(args.inputs.arn ?? "");
            const m = /^arn:([^:]+):sts::(\d+):assumed-role\/([^/]+)\//.exec(arn);
            return m
                ? {
                      arn,
                      issuerArn: `arn:${m[1]}:iam::${m[2]}:role/${m[3]}`,
                      issuerId: "AROAEXAMPLEPLANROLE01",
                      issuerName: m[3],
                      sessionName: arn.split("/").pop(),
                      id: arn,
                  }
                : { arn, issuerArn: arn, issuerId: "", issuerName: "", sessionName: "", id: arn };
        },
    },
    resources: {
        "aws:kms/key:Key": (args, ctx) => {
            const keyId = `${ctx.hex(args.name + "a", 8)}-${ctx.hex(args.name + "b", 4)}-4${ctx.hex(args.name + "c", 3)}-8${ctx.hex(args.name + "d", 3)}-${ctx.hex(args.name + "e", 12)}`;
            return { id: keyId, state: { keyId, arn: ctx.arn("kms", `key/${keyId}`) } };
        },
        "aws:kms/alias:Alias": (args, ctx) => ({
            id: String(args.inputs.name),
            state: { arn: ctx.arn("kms", String(args.inputs.name)), targetKeyArn: ctx.arn("kms", `key/${args.inputs.targetKeyId}`) },
        }),
        "aws:iam/role:Role": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`);
            return {
                id: name,
                state: {
                    name,
                    arn: ctx.arn(
                        "iam",
                        `role/${args.inputs.path && args.inputs.path !== "/" ? String(args.inputs.path).replace(/^\/|\/$/g, "") + "/" : ""}${name}`,
                        { global: true },
                    ),
                    uniqueId: `AROA${ctx.hex(name, 17).toUpperCase()}`,
                },
            };
        },
        "aws:iam/policy:Policy": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`);
            return {
                id: ctx.arn("iam", `policy/${name}`, { global: true }),
                state: {
                    name,
                    arn: ctx.arn("iam", `policy/${name}`, { global: true }),
                    policyId: `ANPA${ctx.hex(name, 17).toUpperCase()}`,
                },
            };
        },
        "aws:cloudwatch/logGroup:LogGroup": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`);
            return { id: name, state: { name, arn: ctx.arn("logs", `log-group:${name}`) } };
        },
        "aws:ec2/securityGroup:SecurityGroup": (args, ctx) => ({
            id: `sg-${ctx.hex(args.name, 17)}`,
            state: {
                name: args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`,
                arn: ctx.arn("ec2", `security-group/sg-${ctx.hex(args.name, 17)}`),
                ownerId: ctx.accountId,
            },
        }),
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": (args, ctx) => ({
            id: `sg-${ctx.hex(args.name, 17)}`,
            state: { name: "default", ownerId: ctx.accountId },
        }),
        "aws:ec2/vpcEndpoint:VpcEndpoint": (args, ctx) => ({
            id: `vpce-${ctx.hex(args.name, 17)}`,
            state: { arn: ctx.arn("ec2", `vpc-endpoint/vpce-${ctx.hex(args.name, 17)}`), state: "available" },
        }),
        "aws:ec2/flowLog:FlowLog": (args, ctx) => ({
            id: `fl-${ctx.hex(args.name, 17)}`,
            state: { arn: ctx.arn("ec2", `vpc-flow-log/fl-${ctx.hex(args.name, 17)}`) },
        }),
    },
};
