/**
 * Connection strings the platform hands to workloads: one place for their format and encoding, so every component
 * and its tests agree. Pure functions of plain values (the wiring applies them to Outputs).
 */

/**
 * Percent-encodes a value for the user-info part of a URL: everything except RFC 3986 unreserved characters
 * (A-Z a-z 0-9 - . _ ~) becomes %XX, including the `! ' ( ) *` that encodeURIComponent leaves alone.
 */
export function percentEncode(value: string): string {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `postgresql://user:password@host:port/db?sslmode=require`, with user and password percent-encoded. */
export function postgresUrl(p: { username: string; password: string; host: string; port: number; database: string }): string {
    return `postgresql://${percentEncode(p.username)}:${percentEncode(p.password)}@${p.host}:${p.port}/${percentEncode(p.database)}?sslmode=require`;
}

/** `rediss://:<token>@host:port` (TLS), with the token percent-encoded. */
export function redisUrl(p: { token: string; host: string; port: number }): string {
    return `rediss://:${percentEncode(p.token)}@${p.host}:${p.port}`;
}

/** The in-cluster address of a Kubernetes Service: `http://<name>.<namespace>.svc.cluster.local:<port>`. */
export function inClusterUrl(p: { name: string; namespace: string; port: number }): string {
    return `http://${p.name}.${p.namespace}.svc.cluster.local:${p.port}`;
}

/**
 * `mongodb://user:pass@<cluster endpoint>:27017/?tls=true&tlsCAFile=<path>&replicaSet=rs0&readPreference=secondaryPreferred&retryWrites=false`,
 * user and password percent-encoded: the form the Amazon DocumentDB Developer Guide gives in "Connecting
 * programmatically to Amazon DocumentDB" (TLS enabled; replica set rs0 through the cluster endpoint, reads to the
 * replicas, retryable writes off because DocumentDB does not support them).
 */
export function mongodbUrl(p: { username: string; password: string; host: string; port: number; caFile: string }): string {
    const query = [
        "tls=true",
        `tlsCAFile=${encodeURIComponent(p.caFile)}`,
        "replicaSet=rs0",
        "readPreference=secondaryPreferred",
        "retryWrites=false",
    ].join("&");
    return `mongodb://${percentEncode(p.username)}:${percentEncode(p.password)}@${p.host}:${p.port}/?${query}`;
}
