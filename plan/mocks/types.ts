import type * as pulumi from "@pulumi/pulumi";

/** What every mock sees about the fake account it pretends to be. */
export interface MockContext {
    region: string;
    accountId: string;
    partition: string;
    project: string;
    stack: string;
    /** A stable pseudo-random hex string for a seed (same seed, same value), e.g. for ids and hashes. */
    hex(seed: string, length: number): string;
    /** A realistic ARN: arn:<partition>:<service>:<region>:<account>:<resource>. */
    arn(service: string, resource: string, opts?: { global?: boolean }): string;
    /**
     * What this run has created so far, shared by every region's context of one set of mocks (fresh per plan or
     * render): mocks record names and attributes here to refuse what the service refuses (a name already taken).
     */
    registry: Map<string, Record<string, unknown>>;
}

export type ResourceMockResult = { id?: string; state?: Record<string, unknown> };
/** Returns the id and the outputs (beyond the inputs, which are always echoed) of one resource type. */
export type ResourceMock = (args: pulumi.runtime.MockResourceArgs, ctx: MockContext) => ResourceMockResult;
/** Returns the result of one provider function (invoke). */
export type CallMock = (args: pulumi.runtime.MockCallArgs, ctx: MockContext) => Record<string, unknown>;

/** One service's mocks, keyed by type token (`aws:rds/instance:Instance`) or function token. */
export interface MockModule {
    resources?: Record<string, ResourceMock>;
    calls?: Record<string, CallMock>;
}
