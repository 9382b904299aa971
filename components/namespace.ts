import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { BaseArgs } from "./base";

/** Labels and selectors the namespace and service policies share. */
export const KUBE_DNS_PEER = {
    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
    podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
};
export const DNS_PORTS = [
    { protocol: "UDP", port: 53 },
    { protocol: "TCP", port: 53 },
];

export interface ResourceAmounts {
    cpu: string;
    memory: string;
}

export interface NamespaceArgs extends BaseArgs {
    /** The Kubernetes namespace name. */
    namespace: string;
    /** Extra labels (e.g. the business context of a multi-tenant system). */
    labels?: Record<string, string>;
    /** ResourceQuota: totals of the namespace's requests and limits, and its pod count. */
    quota: { requests: ResourceAmounts; limits: ResourceAmounts; pods: number };
    /** LimitRange per container: defaults for containers that set nothing, and the largest allowed. */
    limitRange: { defaultRequest: ResourceAmounts; default: ResourceAmounts; max: ResourceAmounts };
    /**
     * Turn on the AWS Load Balancer Controller's pod readiness gate for the namespace's pods (namespaces with an
     * Ingress): a new pod counts as ready only once its ALB target is healthy, so a rolling update never leaves the
     * target group with only initial or draining targets.
     */
    readinessGateInjection?: boolean;
}

/** The namespace label that makes the AWS Load Balancer Controller inject its target-health readiness gate. */
export const READINESS_GATE_LABEL = "elbv2.k8s.aws/pod-readiness-gate-inject";

/**
 * A namespace for one system (or one business context of a multi-tenant system) with the Pod Security Standards
 * `restricted` profile enforced (plus audit and warn), a default-deny NetworkPolicy for ingress and egress, a policy
 * allowing DNS to kube-dns (every pod needs it; everything else is opened per service), a ResourceQuota and a
 * LimitRange; with an Ingress in it, the load balancer controller's pod readiness gate. The cluster's VPC CNI must run
 * with network policy enforcement on for the policies to take effect.
 */
export class Namespace extends pulumi.ComponentResource {
    public readonly name: string;
    public readonly namespace: k8s.core.v1.Namespace;

    constructor(name: string, args: NamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:namespace:Namespace", name, {}, opts);
        const ns = args.namespace;
        this.name = ns;
        const commonLabels = { "app.kubernetes.io/managed-by": "strata", "strata.dev/stack": args.naming.prefix };

        this.namespace = new k8s.core.v1.Namespace(
            name,
            {
                metadata: {
                    name: ns,
                    labels: {
                        ...commonLabels,
                        ...(args.labels ?? {}),
                        ...(args.readinessGateInjection ? { [READINESS_GATE_LABEL]: "enabled" } : {}),
                        "pod-security.kubernetes.io/enforce": "restricted",
                        "pod-security.kubernetes.io/enforce-version": "latest",
                        "pod-security.kubernetes.io/audit": "restricted",
                        "pod-security.kubernetes.io/audit-version": "latest",
                        "pod-security.kubernetes.io/warn": "restricted",
                        "pod-security.kubernetes.io/warn-version": "latest",
                    },
                },
            },
            { parent: this },
        );
        const inNs = { parent: this, dependsOn: [this.namespace] };
        const metadata = (objName: string) => ({ name: objName, namespace: ns, labels: commonLabels });

        new k8s.networking.v1.NetworkPolicy(
            `${name}-default-deny`,
            { metadata: metadata("default-deny"), spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } },
            inNs,
        );
        new k8s.networking.v1.NetworkPolicy(
            `${name}-allow-dns`,
            {
                metadata: metadata("allow-dns"),
                spec: { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [KUBE_DNS_PEER], ports: DNS_PORTS }] },
            },
            inNs,
        );
        new k8s.core.v1.ResourceQuota(
            `${name}-quota`,
            {
                metadata: metadata("compute"),
                spec: {
                    hard: {
                        "requests.cpu": args.quota.requests.cpu,
                        "requests.memory": args.quota.requests.memory,
                        "limits.cpu": args.quota.limits.cpu,
                        "limits.memory": args.quota.limits.memory,
                        pods: String(args.quota.pods),
                        "services.loadbalancers": "0",
                        "services.nodeports": "0",
                    },
                },
            },
            inNs,
        );
        new k8s.core.v1.LimitRange(
            `${name}-limits`,
            {
                metadata: metadata("container-limits"),
                spec: {
                    limits: [
                        {
                            type: "Container",
                            defaultRequest: { ...args.limitRange.defaultRequest },
                            default: { ...args.limitRange.default },
                            max: { ...args.limitRange.max },
                        },
                    ],
                },
            },
            inNs,
        );

        this.registerOutputs({ name: ns });
    }
}
