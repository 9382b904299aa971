import { resolveSettings } from "../../components/config";
import type { Environment } from "../../components/config/environment";
import type { ServiceSettings } from "../../components/config/services";
import { TEST_ACCESS_ROUTE } from "../helpers";

export const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";
export const WEB = { image: "hashicorp/http-echo:1.0.0", args: ["-listen=:8080"] };
export const WORKER = { kind: "worker", image: "busybox:1.36.1", probes: { liveness: { exec: ["true"] }, readiness: { exec: ["true"] } } };

/** The validated settings of one service (defaults of the environment applied), as components receive them. */
export function settingsOf(raw: Record<string, unknown>, env: Environment = "dev"): ServiceSettings {
    return servicesOf({ svc: raw }, env).svc;
}

/** The validated settings of several services (calls between them resolve). */
export function servicesOf(raw: Record<string, Record<string, unknown>>, env: Environment = "dev"): Record<string, ServiceSettings> {
    return (
        resolveSettings(env, { services: raw, cluster: { access: TEST_ACCESS_ROUTE } }) as { services: Record<string, ServiceSettings> }
    ).services;
}

/** A kubernetes-models class by group/version/kind path (e.g. "apps/v1/Deployment"). */
export function model(path: string): new (obj: unknown) => { validate(): void } {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(`kubernetes-models/${path}`);
    return mod[path.split("/").pop()!];
}

/** JSON round trip: what the provider sends (no undefined keys). */
export function plain<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}
