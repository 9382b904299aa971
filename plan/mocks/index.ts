import * as crypto from "crypto";
import type * as pulumi from "@pulumi/pulumi";
import type { CallMock, MockContext, MockModule, ResourceMock } from "./types";
import { core } from "./core";
import { awsx } from "./awsx";
import { s3 } from "./s3";
import { sqs } from "./sqs";
import { rds } from "./rds";
import { elasticache } from "./elasticache";
import { secretsmanager } from "./secretsmanager";
import { random } from "./random";
import { k8s } from "./k8s";
import { wafv2 } from "./wafv2";
import { eks } from "./eks";

/** Every service's mocks. Add a module here when a component starts using a new service. */
export const MOCK_MODULES: MockModule[] = [core, awsx, rds, elasticache, secretsmanager, random, s3, sqs, k8s, wafv2, eks];

export const MOCK_ACCOUNT_ID = "123456789012";

export function mockContext(region: string, project: string, stack: string): MockContext {
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
        arn: (service, resource, opts) => `arn:aws:${service}:${opts?.global ? "" : region}:${service === "s3" ? "" : MOCK_ACCOUNT_ID}:${resource}`,
    };
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
    const contexts = new Map<string, MockContext>([[region, mockContext(region, project, stack)]]);
    const contextFor = (providerRef: string | undefined): MockContext => {
        const r = (providerRef && providerRegion(providerRef)) || region;
        if (!contexts.has(r)) contexts.set(r, mockContext(r, project, stack));
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
            const mock = resources.get(args.type);
            const result = mock ? mock(args, ctx) : {};
            const id = result.id ?? (args.type.startsWith("pulumi:providers:") ? `${args.name}-provider-id` : `${args.name}-${ctx.hex(args.name, 8)}`);
            const state: Record<string, unknown> = { ...args.inputs };
            if (args.type.startsWith("aws:")) {
                if (state.arn === undefined) state.arn = ctx.arn(serviceOf(args.type), `${args.type.split(":")[2]?.toLowerCase() ?? "resource"}/${id}`);
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
