import type { ServicesSettings, ServiceSettings } from "../config/services";
import type { ScrapedService } from "../alertRules/rules";
import { inClusterUrl } from "../connectionStrings";
import type { ServicePeer } from "./args";
import { hasIngress } from "./ingress";
import { runsToCompletion } from "../catalogue/jobs";

/** The namespace a service runs in. */
export function namespaceOf(s: Pick<ServiceSettings, "namespace">, defaultNamespace: string): string {
    return s.namespace ?? defaultNamespace;
}

/** The services of each namespace, in declaration order (namespaces in order of their first service). */
export function servicesByNamespace(services: ServicesSettings, defaultNamespace: string): Map<string, ServiceSettings[]> {
    const byNamespace = new Map<string, ServiceSettings[]>();
    for (const s of Object.values(services)) {
        const ns = namespaceOf(s, defaultNamespace);
        byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), s]);
    }
    return byNamespace;
}

/** Namespaces with an Ingress get the load balancer controller's pod readiness gate (target type ip). */
export function readinessGatedNamespaces(byNamespace: Map<string, ServiceSettings[]>): Set<string> {
    return new Set([...byNamespace].filter(([, list]) => list.some(hasIngress)).map(([ns]) => ns));
}

/** A service as a callee of others: its namespace, container port and in-cluster URL (the Service listens on the same port). */
export function calleePeer(services: ServicesSettings, defaultNamespace: string, name: string): ServicePeer {
    const s = services[name];
    const namespace = namespaceOf(s, defaultNamespace);
    return { name, namespace, port: s.port, url: inClusterUrl({ name, namespace, port: s.port }) };
}

/** The services that declare they call `name` (in declaration order), as NetworkPolicy peers. */
export function callersOf(services: ServicesSettings, defaultNamespace: string, name: string): ServicePeer[] {
    return Object.entries(services)
        .filter(([, other]) => other.calls.includes(name))
        .map(([caller, other]) => ({ name: caller, namespace: namespaceOf(other, defaultNamespace) }));
}

/**
 * The declared entries of a service (`buckets: { key: access }`) resolved against what exists, each with its access.
 * A missing key is a programming error: config validation refuses it first.
 */
export function declared<T extends object, A extends string>(
    service: string,
    what: string,
    source: Record<string, T>,
    declaredAccess: Record<string, A>,
): Record<string, T & { access: A }> {
    return Object.fromEntries(
        Object.entries(declaredAccess).map(([key, access]) => {
            const found = source[key];
            if (!found) throw new Error(`service ${service}: ${what} "${key}" does not exist (config validation should have caught this)`);
            return [key, { ...found, access }];
        }),
    );
}

/** The values of a service's `secretEnv`, by variable name, from the secret config values by config key. */
export function secretEnvValues<V>(secretEnv: Record<string, string>, secretConfig: Record<string, V>): Record<string, V> {
    return Object.fromEntries(Object.entries(secretEnv).map(([envName, key]) => [envName, secretConfig[key]]));
}

/** The services Prometheus scrapes (those declaring `metrics`), as the alert rules and dashboards need them. */
export function scrapedServices(services: ServicesSettings, defaultNamespace: string): ScrapedService[] {
    return (
        Object.entries(services)
            // Config refuses metrics on jobs and cron jobs: their pods are gone before a scrape.
            .filter((e): e is [string, ServiceSettings & { kind: "web" | "worker" }] => !!e[1].metrics && !runsToCompletion(e[1].kind))
            .map(([name, s]) => ({
                name,
                namespace: namespaceOf(s, defaultNamespace),
                kind: s.kind,
                requestDurationMetric: s.metrics!.requestDurationMetric,
                statusCodeLabel: s.metrics!.statusCodeLabel,
                latencyTargetMs: s.latencyTargetMs,
            }))
    );
}
