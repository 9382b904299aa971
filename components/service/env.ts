import type * as pulumi from "@pulumi/pulumi";
import type { ServiceSettings } from "../config/services";
import type { ServicePeer } from "./args";

/** An environment variable name from a key: runs of other characters become `_`, upper case (`user-data` -> `USER_DATA`). */
export function upperSnake(s: string): string {
    return s.replace(/[^A-Za-z0-9]+/g, "_").toUpperCase();
}

export interface ConfigMapDataInput {
    settings: Pick<ServiceSettings, "env">;
    region: string;
    environment: string;
    callees: ServicePeer[];
    /** Bucket names by key (passed through). */
    buckets: Record<string, { bucket: pulumi.Input<string> }>;
    /** Queue URLs by key (passed through). */
    queues: Record<string, { url: pulumi.Input<string> }>;
}

/**
 * The plain environment of a service (its ConfigMap): derived values first (`<CALLEE>_URL`, `BUCKET_<NAME>`,
 * `QUEUE_<NAME>_URL`), which the service's own `env` may override, then `AWS_REGION` and `STRATA_ENVIRONMENT`.
 */
export function configMapData(p: ConfigMapDataInput): Record<string, pulumi.Input<string>> {
    const data: Record<string, pulumi.Input<string>> = {};
    for (const callee of p.callees) if (callee.url) data[`${upperSnake(callee.name)}_URL`] = callee.url;
    for (const [bucketName, b] of Object.entries(p.buckets)) data[`BUCKET_${upperSnake(bucketName)}`] = b.bucket;
    for (const [queueName, q] of Object.entries(p.queues)) data[`QUEUE_${upperSnake(queueName)}_URL`] = q.url;
    Object.assign(data, p.settings.env, { AWS_REGION: p.region, STRATA_ENVIRONMENT: p.environment });
    return data;
}

export interface SecretDataInput {
    service: string;
    settings: Pick<ServiceSettings, "database" | "cache">;
    /** Values of `secretEnv` (passed through). */
    secretValues: Record<string, pulumi.Input<string>>;
    database?: { url: pulumi.Input<string> };
    cache?: { url: pulumi.Input<string> };
}

/**
 * The credentials of a service (its Secret): `secretEnv`, `DATABASE_URL` and `REDIS_URL` when declared. A declared
 * database or cache that was not given is a programming error. Empty: the service gets no Secret.
 */
export function secretData(p: SecretDataInput): Record<string, pulumi.Input<string>> {
    const data: Record<string, pulumi.Input<string>> = { ...p.secretValues };
    if (p.settings.database) {
        if (!p.database) throw new Error(`service ${p.service} declares database: true but no database was given`);
        data.DATABASE_URL = p.database.url;
    }
    if (p.settings.cache) {
        if (!p.cache) throw new Error(`service ${p.service} declares cache: true but no cache was given`);
        data.REDIS_URL = p.cache.url;
    }
    return data;
}
