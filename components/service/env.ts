import type * as pulumi from "@pulumi/pulumi";
import type { ServiceSettings } from "../config/services";
import type { ServicePeer } from "./args";
import { otelEnvironment } from "../tracing/collector";

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
    /** The service's name and namespace (the OpenTelemetry SDK environment names them). */
    serviceName: string;
    namespace: string;
    /** The tracing collectors run: the OpenTelemetry SDK environment. */
    tracing?: boolean;
}

/**
 * The plain environment of a service (its ConfigMap): derived values first (`<CALLEE>_URL`, `BUCKET_<NAME>`,
 * `QUEUE_<NAME>_URL`, and with tracing the OpenTelemetry SDK's `OTEL_*`), which the service's own `env` may override,
 * then `AWS_REGION` and `STRATA_ENVIRONMENT`.
 */
export function configMapData(p: ConfigMapDataInput): Record<string, pulumi.Input<string>> {
    const data: Record<string, pulumi.Input<string>> = {};
    if (p.tracing) Object.assign(data, otelEnvironment({ service: p.serviceName, namespace: p.namespace, environment: p.environment }));
    for (const callee of p.callees) if (callee.url) data[`${upperSnake(callee.name)}_URL`] = callee.url;
    for (const [bucketName, b] of Object.entries(p.buckets)) data[`BUCKET_${upperSnake(bucketName)}`] = b.bucket;
    for (const [queueName, q] of Object.entries(p.queues)) data[`QUEUE_${upperSnake(queueName)}_URL`] = q.url;
    Object.assign(data, p.settings.env, { AWS_REGION: p.region, STRATA_ENVIRONMENT: p.environment });
    return data;
}

export interface SecretDataInput {
    service: string;
    settings: Pick<ServiceSettings, "database" | "cache" | "documentDb"> & Partial<Pick<ServiceSettings, "broker">>;
    /** Values of `secretEnv` (passed through). */
    secretValues: Record<string, pulumi.Input<string>>;
    database?: { url: pulumi.Input<string> };
    cache?: { url: pulumi.Input<string> };
    documentDb?: { url: pulumi.Input<string> };
    /** The service's own AMQPS URL (its user and vhost). */
    broker?: { url: pulumi.Input<string> };
}

/**
 * The credentials of a service (its Secret): `secretEnv`, `DATABASE_URL`, `REDIS_URL`, `MONGODB_URL` and `BROKER_URL` when declared. A declared
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
    if (p.settings.documentDb) {
        if (!p.documentDb) throw new Error(`service ${p.service} declares documentDb: true but no DocumentDB cluster was given`);
        data.MONGODB_URL = p.documentDb.url;
    }
    if (p.settings.broker) {
        if (!p.broker) throw new Error(`service ${p.service} declares broker: true but no broker user was given`);
        data.BROKER_URL = p.broker.url;
    }
    return data;
}

/**
 * The metadata of a service's ConfigMap and Secret: namespace and labels, never a name. How a changed value reaches
 * the pods rests on it: the Kubernetes provider replaces a ConfigMap whose `data` changes and a Secret whose
 * `data`/`stringData` changes (its `enableConfigMapMutable` / `enableSecretMutable` options stay off), and for a
 * replacement the engine checks the inputs afresh, so an auto-named object gets a new random name and the new one is
 * created before the old one is deleted (pulumi-kubernetes `Diff`: delete-before-replace only for objects not
 * auto-named; pulumi `step_generator.go`: a replacement re-runs `Check` without the old inputs). The Deployment's
 * `envFrom` names the new object, so its pod template changes and the pods roll (maxUnavailable 0); pods that start
 * during the rollout still find the old object, which goes at the end of the update. The new name is random, not
 * derived from the values, so nothing about a secret value leaks into names or annotations. A fixed name would make
 * every change delete-before-replace (pods starting in between fail with CreateContainerConfigError) and, with the
 * pod template unchanged, leave the running pods on the old values.
 */
export function environmentMetadata(
    namespace: string,
    labels: Record<string, string>,
): { namespace: string; labels: Record<string, string> } {
    return { namespace, labels };
}
