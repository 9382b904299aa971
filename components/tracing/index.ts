import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import { CHART_DEFAULTS } from "../catalogue/charts";
import { NAMESPACE_NAME_LABEL, OTLP_PORTS, TRACING_NAMESPACE } from "../catalogue/monitoring";
import type { TracingSettings } from "../config/tracing";
import type { MonitoringIdentityFactory } from "../monitoring";
import { DNS_PORTS, KUBE_DNS_PEER, PUBLIC_INTERNET, tcp } from "../service/networkPolicy";
import type { CollectorTier } from "./collector";
import { COLLECTOR_TIERS, collectorPodLabels, collectorValues, gatewayConfig, routerConfig, xrayWriteStatements } from "./collector";
import { TRACING_ROLE_PARTS } from "./names";

export * from "./collector";
export * from "./names";

export interface TracingArgs extends BaseArgs, Omit<TracingSettings, "enabled"> {
    region: string;
    /** IRSA for the gateway's service account (`cluster.identity`). */
    identity: MonitoringIdentityFactory;
    /** What the releases wait for: the node groups, the load balancer controller's webhook. */
    clusterReady: pulumi.Resource[];
    /** Namespaces whose pods may send spans to the routers (the services' namespaces). */
    sourceNamespaces: string[];
    /** The VPC CIDR: interface endpoints of X-Ray and STS, when the VPC has them. */
    vpcCidr: string;
}

/** The tracing namespace's labels: restricted Pod Security, enforced (the collectors need nothing more). */
export function tracingNamespaceLabels(prefix: string): Record<string, string> {
    const labels: Record<string, string> = { "app.kubernetes.io/managed-by": "strata", "strata.dev/stack": prefix };
    for (const mode of ["enforce", "audit", "warn"]) {
        labels[`pod-security.kubernetes.io/${mode}`] = "restricted";
        labels[`pod-security.kubernetes.io/${mode}-version`] = "latest";
    }
    return labels;
}

/**
 * The NetworkPolicies of the tracing namespace: nothing in or out by default; the routers take OTLP from the services'
 * namespaces and send to the gateways; the gateways take OTLP from the routers and send HTTPS to X-Ray and STS (the
 * VPC's interface endpoints or the regional public endpoints); everyone resolves names.
 */
export function tracingNetworkPolicies(p: { sourceNamespaces: string[]; vpcCidr: string }) {
    const pods = (tier: CollectorTier) => ({ podSelector: { matchLabels: collectorPodLabels(tier) } });
    const dns = { to: [KUBE_DNS_PEER], ports: DNS_PORTS };
    return {
        "default-deny": { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
        [COLLECTOR_TIERS.router]: {
            ...pods("router"),
            policyTypes: ["Ingress", "Egress"],
            ingress: [
                {
                    from: [
                        {
                            namespaceSelector: {
                                matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: "In", values: [...p.sourceNamespaces].sort() }],
                            },
                        },
                    ],
                    ports: [tcp(OTLP_PORTS.grpc), tcp(OTLP_PORTS.http)],
                },
            ],
            egress: [dns, { to: [pods("gateway")], ports: [tcp(OTLP_PORTS.grpc)] }],
        },
        [COLLECTOR_TIERS.gateway]: {
            ...pods("gateway"),
            policyTypes: ["Ingress", "Egress"],
            ingress: [{ from: [pods("router")], ports: [tcp(OTLP_PORTS.grpc)] }],
            egress: [dns, { to: [{ ipBlock: { cidr: p.vpcCidr } }, PUBLIC_INTERNET], ports: [tcp(443)] }],
        },
    };
}

/**
 * Distributed tracing for the services: a restricted `tracing` namespace with default-deny NetworkPolicies, and the
 * opentelemetry-collector chart twice: the router tier (OTLP from the services, routed by trace id) and the gateway
 * tier (tail sampling, AWS X-Ray through an IRSA role that may only write traces). The collector configurations and
 * values are pure specs (./collector.ts).
 */
export class Tracing extends pulumi.ComponentResource {
    public readonly namespace: k8s.core.v1.Namespace;
    public readonly releases: Record<CollectorTier, k8s.helm.v3.Release>;

    constructor(name: string, args: TracingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:tracing:Tracing", name, {}, opts);
        const n = args.naming;
        this.namespace = new k8s.core.v1.Namespace(
            n.name("tracing"),
            { metadata: { name: TRACING_NAMESPACE, labels: tracingNamespaceLabels(n.prefix) } },
            { parent: this },
        );
        const inNamespace = { parent: this, dependsOn: [this.namespace] };
        const policies = Object.entries(tracingNetworkPolicies(args)).map(
            ([policy, spec]) =>
                new k8s.networking.v1.NetworkPolicy(
                    n.name("tracing", policy),
                    { metadata: { name: policy, namespace: TRACING_NAMESPACE }, spec },
                    inNamespace,
                ),
        );

        const gatewayRole = args.identity(
            n.name(...TRACING_ROLE_PARTS.gateway),
            {
                namespace: TRACING_NAMESPACE,
                serviceAccount: COLLECTOR_TIERS.gateway,
                statements: xrayWriteStatements(args.region),
                description: "The tracing gateway: write traces to AWS X-Ray",
            },
            { parent: this },
        );

        const chart = CHART_DEFAULTS.openTelemetryCollector;
        const release = (tier: CollectorTier, values: pulumi.Input<Record<string, unknown>>, dependsOn: pulumi.Resource[]) =>
            new k8s.helm.v3.Release(
                n.name("tracing", tier),
                {
                    name: COLLECTOR_TIERS[tier],
                    chart: chart.chart,
                    version: args.chartVersion,
                    repositoryOpts: { repo: chart.repository },
                    namespace: TRACING_NAMESPACE,
                    createNamespace: false,
                    atomic: true,
                    timeout: 600,
                    values,
                },
                { parent: this, dependsOn: [this.namespace, ...policies, ...args.clusterReady, ...dependsOn] },
            );
        const gateway = release(
            "gateway",
            gatewayRole.role.arn.apply((roleArn) =>
                collectorValues({
                    tier: "gateway",
                    replicas: args.gatewayReplicas,
                    roleArn,
                    config: gatewayConfig({
                        region: args.region,
                        samplingPercent: args.samplingPercent,
                        decisionWaitSeconds: args.decisionWaitSeconds,
                    }),
                }),
            ),
            gatewayRole.ready,
        );
        // The routers find the gateways in DNS as they come and go; they start after the first gateways.
        const router = release("router", collectorValues({ tier: "router", replicas: args.routerReplicas, config: routerConfig() }), [
            gateway,
        ]);
        this.releases = { router, gateway };
        this.registerOutputs({ namespace: TRACING_NAMESPACE });
    }
}
