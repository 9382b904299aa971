import * as crypto from "crypto";
import type * as pulumi from "@pulumi/pulumi";
import type { CallMock, MockContext, MockModule, ResourceMock } from "./types";
import { core } from "./core";
import { awsx } from "./awsx";
import { s3 } from "./s3";
import { sqs } from "./sqs";
import { rds } from "./rds";
import { elasticache } from "./elasticache";
import { docdb } from "./docdb";
import { secretsmanager } from "./secretsmanager";
import { random } from "./random";
import { k8s } from "./k8s";
import { wafv2 } from "./wafv2";
import { eks } from "./eks";
import { backup } from "./backup";
import { audit } from "./audit";
import { ecr } from "./ecr";
import { mq } from "./mq";

/** Every service's mocks. Add a module here when a component starts using a new service. */
export const MOCK_MODULES: MockModule[] = [
    core,
    awsx,
    rds,
    elasticache,
    docdb,
    secretsmanager,
    random,
    s3,
    sqs,
    k8s,
    wafv2,
    eks,
    backup,
    audit,
    ecr,
    mq,
];

export const MOCK_ACCOUNT_ID = "123456789012";

export function mockContext(
    region: string,
    project: string,
    stack: string,
    registry: Map<string, Record<string, unknown>> = new Map(),
): MockContext {
    const hex = (seed: string, length: number) => {
        let out = "";
        let i = 0;
        while (out.length < length) out += crypto.createHash("sha256").update(`${project}/${stack}/${seed}/${i++}`).digest("hex");
        return out.slice(0, length);
    };
    return {
        region,
        accountId: MOCK_ACCOUNT_ID,
        partition: "aws",
        project,
        stack,
        hex,
        registry,
        arn: (service, resource, opts) =>
            `arn:aws:${service}:${opts?.global ? "" : region}:${service === "s3" ? "" : MOCK_ACCOUNT_ID}:${resource}`,
    };
}

/**
 * Explicit physical names AWS keeps unique, per type: the input holding the name and its scope (per account and
 * region, or per partition for S3 bucket names and per account for IAM roles). A second resource with a taken name
 * is refused as the API refuses it (e.g. RDS DBInstanceAlreadyExists, S3 BucketAlreadyExists/OwnedByYou,
 * IAM EntityAlreadyExists, ElastiCache ReplicationGroupAlreadyExists, EKS ResourceInUseException). RDS and ElastiCache
 * identifiers are stored lower-case and IAM role names are unique regardless of case (IAM User Guide, "IAM identifiers").
 */
export const UNIQUE_NAMES: Readonly<
    Record<string, { input: string; scope: "region" | "account" | "partition"; error: string; caseInsensitive?: boolean }>
> = {
    "aws:rds/instance:Instance": { input: "identifier", scope: "region", error: "DBInstanceAlreadyExists", caseInsensitive: true },
    "aws:rds/parameterGroup:ParameterGroup": {
        input: "name",
        scope: "region",
        error: "DBParameterGroupAlreadyExists",
        caseInsensitive: true,
    },
    "aws:rds/subnetGroup:SubnetGroup": { input: "name", scope: "region", error: "DBSubnetGroupAlreadyExists", caseInsensitive: true },
    "aws:rds/proxy:Proxy": { input: "name", scope: "region", error: "DBProxyAlreadyExistsFault", caseInsensitive: true },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        input: "replicationGroupId",
        scope: "region",
        error: "ReplicationGroupAlreadyExists",
        caseInsensitive: true,
    },
    "aws:elasticache/parameterGroup:ParameterGroup": {
        input: "name",
        scope: "region",
        error: "CacheParameterGroupAlreadyExists",
        caseInsensitive: true,
    },
    "aws:elasticache/subnetGroup:SubnetGroup": {
        input: "name",
        scope: "region",
        error: "CacheSubnetGroupAlreadyExists",
        caseInsensitive: true,
    },
    "aws:eks/cluster:Cluster": { input: "name", scope: "region", error: "ResourceInUseException" },
    "aws:s3/bucket:Bucket": { input: "bucket", scope: "partition", error: "BucketAlreadyOwnedByYou" },
    "aws:sqs/queue:Queue": { input: "name", scope: "region", error: "QueueAlreadyExists" },
    "aws:mq/broker:Broker": { input: "brokerName", scope: "region", error: "ConflictException" },
    "aws:iam/role:Role": { input: "name", scope: "account", error: "EntityAlreadyExists", caseInsensitive: true },
    "aws:cloudwatch/logGroup:LogGroup": { input: "name", scope: "region", error: "ResourceAlreadyExistsException" },
    "aws:secretsmanager/secret:Secret": { input: "name", scope: "region", error: "ResourceExistsException" },
    "aws:ecr/repository:Repository": { input: "name", scope: "region", error: "RepositoryAlreadyExistsException" },
    // One OIDC provider per URL in an account (IAM CreateOpenIDConnectProvider: EntityAlreadyExists).
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": { input: "url", scope: "account", error: "EntityAlreadyExists" },
    "aws:wafv2/webAcl:WebAcl": { input: "name", scope: "region", error: "WAFDuplicateItemException" },
    "aws:kms/alias:Alias": { input: "name", scope: "region", error: "AlreadyExistsException" },
    "aws:backup/vault:Vault": { input: "name", scope: "region", error: "AlreadyExistsException" },
    "aws:backup/plan:Plan": { input: "name", scope: "region", error: "AlreadyExistsException" },
    "aws:cloudtrail/trail:Trail": { input: "name", scope: "region", error: "TrailAlreadyExistsException" },
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": { input: "name", scope: "region", error: "ResourceInUseException" },
};

function claimName(args: pulumi.runtime.MockResourceArgs, ctx: MockContext): void {
    const rule = UNIQUE_NAMES[args.type];
    const name = rule ? args.inputs[rule.input] : undefined;
    if (!rule || typeof name !== "string" || name === "") return;
    const scope = rule.scope === "region" ? ctx.region : rule.scope === "account" ? ctx.accountId : ctx.partition;
    const key = `name:${args.type}:${scope}:${rule.caseInsensitive ? name.toLowerCase() : name}`;
    const taken = ctx.registry.get(key);
    if (taken) {
        throw new Error(
            `${rule.error}: ${args.type.split(":").pop()} ${rule.input} "${name}" is already taken by ${String(taken.by)} (explicit names are unique per ${rule.scope})`,
        );
    }
    ctx.registry.set(key, { by: args.name });
}

/** Service part of a type token: aws:rds/instance:Instance -> rds. */
function serviceOf(type: string): string {
    const m = /^aws:([a-z0-9]+)\//i.exec(type);
    return m ? m[1].toLowerCase() : "resource";
}

/**
 * Pulumi mocks that behave like the engine: known types get realistic ids, ARNs and endpoints from their module;
 * every other AWS type gets an id, an ARN and (when it has a `name` input left to auto-naming) a Pulumi-style
 * auto-name; unknown invokes fail loudly so a missing mock is noticed.
 */
export function createMocks(
    region: string,
    project: string,
    stack: string,
    modules: MockModule[] = MOCK_MODULES,
    /** The region of a provider reference (`<urn>::<id>`): resources of a second-region provider get that region's ARNs. */
    providerRegion: (providerRef: string) => string | undefined = () => undefined,
): pulumi.runtime.Mocks {
    const registry = new Map<string, Record<string, unknown>>();
    const contexts = new Map<string, MockContext>([[region, mockContext(region, project, stack, registry)]]);
    const contextFor = (providerRef: string | undefined): MockContext => {
        const r = (providerRef && providerRegion(providerRef)) || region;
        if (!contexts.has(r)) contexts.set(r, mockContext(r, project, stack, registry));
        return contexts.get(r)!;
    };
    const resources = new Map<string, ResourceMock>();
    const calls = new Map<string, CallMock>();
    for (const m of modules) {
        for (const [k, v] of Object.entries(m.resources ?? {})) resources.set(k, v);
        for (const [k, v] of Object.entries(m.calls ?? {})) calls.set(k, v);
    }
    return {
        newResource(args) {
            const ctx = contextFor(args.provider);
            claimName(args, ctx);
            const mock = resources.get(args.type);
            const result = mock ? mock(args, ctx) : {};
            const id =
                result.id ??
                (args.type.startsWith("pulumi:providers:") ? `${args.name}-provider-id` : `${args.name}-${ctx.hex(args.name, 8)}`);
            const state: Record<string, unknown> = { ...args.inputs };
            if (args.type.startsWith("aws:")) {
                if (state.arn === undefined)
                    state.arn = ctx.arn(serviceOf(args.type), `${args.type.split(":")[2]?.toLowerCase() ?? "resource"}/${id}`);
                if (state.tagsAll === undefined && state.tags !== undefined) state.tagsAll = state.tags;
            }
            Object.assign(state, result.state ?? {});
            return { id, state };
        },
        call(args) {
            const mock = calls.get(args.token);
            if (!mock) {
                throw new Error(`offline plan: no mock for provider function ${args.token}; add one to plan/mocks/`);
            }
            return mock(args, contextFor(args.provider));
        },
    };
}
