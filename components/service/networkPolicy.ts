import type * as pulumi from "@pulumi/pulumi";
import type { ServiceSettings } from "../config/services";
import type { ServicePeer } from "./args";
import { SERVICE_NAME_LABEL, selectorLabels } from "./names";
import { metricsPort, PROMETHEUS_PEER } from "./metrics";
import { NAMESPACE_NAME_LABEL, OTLP_PORTS, TRACING_NAMESPACE } from "../catalogue/monitoring";
import { collectorPodLabels } from "../tracing/collector";

/** kube-dns in kube-system: every pod may resolve names (the namespace's allow-dns policy and each service's). */
export const KUBE_DNS_PEER = {
    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
    podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
};
export const DNS_PORTS = [
    { protocol: "UDP", port: 53 },
    { protocol: "TCP", port: 53 },
];

/** Address ranges that are never "the public internet": egress to external hosts excludes them. */
export const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16"];
/** The EKS Pod Identity agent's link-local address (port 80). */
export const POD_IDENTITY_AGENT_CIDR = "169.254.170.23/32";
/** The annotation that records the declared external hosts (a NetworkPolicy cannot filter by host name). */
export const EXTERNAL_HOSTS_ANNOTATION = "strata.dev/external-hosts";

/** A TCP port of a rule. */
export function tcp<P extends pulumi.Input<number>>(port: P): { protocol: "TCP"; port: P } {
    return { protocol: "TCP", port };
}

/** Another service's pods as a peer: its namespace (by the automatic name label) and its pods (by name label). */
export function servicePeer(p: Pick<ServicePeer, "name" | "namespace">) {
    return {
        namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": p.namespace } },
        podSelector: { matchLabels: { [SERVICE_NAME_LABEL]: p.name } },
    };
}

/** Public addresses only: everything except the private, shared and link-local ranges. */
export const PUBLIC_INTERNET = { ipBlock: { cidr: "0.0.0.0/0", except: PRIVATE_RANGES } };

const cidrPeers = (cidrs: string[]) => cidrs.map((cidr) => ({ ipBlock: { cidr } }));

/** Whether a service uses AWS APIs (it declares buckets or queues). */
export function usesAwsApis(p: { buckets: Record<string, unknown>; queues: Record<string, unknown> }): boolean {
    return Object.keys(p.buckets).length > 0 || Object.keys(p.queues).length > 0;
}

export interface NetworkPolicyInput {
    settings: Pick<ServiceSettings, "kind" | "port" | "database" | "cache" | "documentDb" | "externalHosts" | "metrics"> &
        Partial<Pick<ServiceSettings, "broker">>;
    /** The service has an Ingress (`hasIngress`): the ALB reaches its pods. */
    ingress: boolean;
    /** Sources of ALB traffic (target type ip): the public subnets' CIDRs. */
    albSourceCidrs: string[];
    /** Services that declare they call this one. */
    callers: Array<Pick<ServicePeer, "name" | "namespace">>;
    /** Services this one calls (with their container ports). */
    callees: ServicePeer[];
    /** The isolated subnets' CIDRs (RDS, ElastiCache). */
    dataStoreCidrs: string[];
    /** The VPC CIDR (interface VPC endpoints). */
    vpcCidr: string;
    /** The database's port (passed through), when one was given. */
    database?: { port: pulumi.Input<number> };
    cache?: { port: pulumi.Input<number> };
    /** The DocumentDB port (passed through), when a cluster was given. */
    documentDb?: { port: pulumi.Input<number> };
    /** The broker's AMQPS port (the broker lives in the isolated subnets). */
    broker?: { port: pulumi.Input<number> };
    /** The service declares buckets or queues (`usesAwsApis`). */
    usesAws: boolean;
    /** The cluster uses EKS Pod Identity: egress to its agent. */
    podIdentityAgent?: boolean;
    /** The tracing collectors run: egress to the routers' OTLP ports. */
    tracing?: boolean;
}

/** The tracing routers as a peer: their namespace and pods (the chart's selector labels). */
export const TRACING_ROUTER_PEER = {
    namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: TRACING_NAMESPACE } },
    podSelector: { matchLabels: collectorPodLabels("router") },
};

/**
 * Ingress rules: the ALB from the public subnets (only with an Ingress) and the declared callers, on the container port;
 * Prometheus on the metrics port when the service declares `metrics`.
 */
export function networkPolicyIngress(p: NetworkPolicyInput) {
    const isWeb = p.settings.kind === "web";
    const rules: Array<{ from: Array<Record<string, unknown>>; ports: Array<{ protocol: string; port: pulumi.Input<number> }> }> = [];
    if (isWeb && p.ingress) rules.push({ from: cidrPeers(p.albSourceCidrs), ports: [tcp(p.settings.port)] });
    if (isWeb && p.callers.length > 0) rules.push({ from: p.callers.map(servicePeer), ports: [tcp(p.settings.port)] });
    const scrape = metricsPort(p.settings);
    if (scrape !== undefined) rules.push({ from: [PROMETHEUS_PEER], ports: [tcp(scrape)] });
    return rules;
}

/**
 * Egress rules: kube-dns, each callee on its container port, the data stores on the isolated subnets, AWS APIs over
 * HTTPS (interface endpoints in the VPC, or the regional public endpoints: the S3 gateway endpoint still uses S3's
 * public addresses; a NetworkPolicy names addresses, not services), the Pod Identity agent, the tracing routers when
 * tracing is on, and for external hosts HTTPS to public addresses only.
 */
export function networkPolicyEgress(p: NetworkPolicyInput) {
    const s = p.settings;
    const rules: Array<{ to: Array<Record<string, unknown>>; ports: Array<{ protocol: string; port: pulumi.Input<number> }> }> = [
        { to: [KUBE_DNS_PEER], ports: DNS_PORTS },
    ];
    for (const callee of p.callees) rules.push({ to: [servicePeer(callee)], ports: [tcp(callee.port!)] });
    if (s.database && p.database) rules.push({ to: cidrPeers(p.dataStoreCidrs), ports: [tcp(p.database.port)] });
    if (s.cache && p.cache) rules.push({ to: cidrPeers(p.dataStoreCidrs), ports: [tcp(p.cache.port)] });
    if (s.documentDb && p.documentDb) rules.push({ to: cidrPeers(p.dataStoreCidrs), ports: [tcp(p.documentDb.port)] });
    if (s.broker && p.broker) rules.push({ to: cidrPeers(p.dataStoreCidrs), ports: [tcp(p.broker.port)] });
    if (p.usesAws) {
        rules.push({ to: [{ ipBlock: { cidr: p.vpcCidr } }, PUBLIC_INTERNET], ports: [tcp(443)] });
        if (p.podIdentityAgent) rules.push({ to: [{ ipBlock: { cidr: POD_IDENTITY_AGENT_CIDR } }], ports: [tcp(80)] });
    }
    if (p.tracing) rules.push({ to: [TRACING_ROUTER_PEER], ports: [tcp(OTLP_PORTS.grpc), tcp(OTLP_PORTS.http)] });
    // The AWS rule above already opens HTTPS to public addresses.
    if (s.externalHosts.length > 0 && !p.usesAws) rules.push({ to: [PUBLIC_INTERNET], ports: [tcp(443)] });
    return rules;
}

/** Annotations of a service's NetworkPolicy: the declared external hosts, which the policy itself cannot name. */
export function networkPolicyAnnotations(externalHosts: string[]): Record<string, string> {
    return externalHosts.length > 0 ? { [EXTERNAL_HOSTS_ANNOTATION]: externalHosts.join(",") } : {};
}

/** The NetworkPolicy spec of a service: its pods, ingress and egress both restricted to the rules. */
export function networkPolicySpec(service: string, p: NetworkPolicyInput) {
    return {
        podSelector: { matchLabels: selectorLabels(service) },
        policyTypes: ["Ingress", "Egress"],
        ingress: networkPolicyIngress(p),
        egress: networkPolicyEgress(p),
    };
}
