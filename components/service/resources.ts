import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyStatement } from "../iam";
import type { NamespaceArgs, ServiceArgs } from "./args";
import { workloadPolicyStatements } from "./iam";
import { allowDnsSpec, defaultDenySpec, limitRangeSpec, namespaceCommonLabels, namespaceLabels, quotaSpec } from "./namespace";

/**
 * The IAM statements a service's declared buckets and queues grant (`workloadPolicyStatements`), from the resolved
 * buckets and queues: the objects ARN of a bucket is `<arn>/*`.
 */
export function workloadStatements(
    region: string,
    buckets: ServiceArgs["buckets"],
    queues: ServiceArgs["queues"],
    dataKeyArn?: pulumi.Input<string>,
): PolicyStatement[] {
    return workloadPolicyStatements(
        region,
        Object.values(buckets).map((b) => ({ arn: b.arn, objectsArn: pulumi.interpolate`${b.arn}/*`, access: b.access })),
        Object.values(queues).map((q) => ({ arn: q.arn, access: q.access })),
        dataKeyArn,
    );
}

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
        const labels = namespaceCommonLabels(args.naming.prefix);
        this.namespace = new k8s.core.v1.Namespace(
            name,
            { metadata: { name: ns, labels: namespaceLabels(args.naming.prefix, args.labels, args.readinessGateInjection) } },
            { parent: this },
        );
        const inNs = { parent: this, dependsOn: [this.namespace] };
        const metadata = (objName: string) => ({ name: objName, namespace: ns, labels });

        new k8s.networking.v1.NetworkPolicy(`${name}-default-deny`, { metadata: metadata("default-deny"), spec: defaultDenySpec() }, inNs);
        new k8s.networking.v1.NetworkPolicy(`${name}-allow-dns`, { metadata: metadata("allow-dns"), spec: allowDnsSpec() }, inNs);
        new k8s.core.v1.ResourceQuota(`${name}-quota`, { metadata: metadata("compute"), spec: quotaSpec(args.quota) }, inNs);
        new k8s.core.v1.LimitRange(`${name}-limits`, { metadata: metadata("container-limits"), spec: limitRangeSpec(args.limitRange) }, inNs);

        this.registerOutputs({ name: ns });
    }
}
