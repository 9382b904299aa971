import type * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyStatement } from "../iam";
import type { NamespaceArgs, ServiceArgs } from "./args";
import { configMapData, environmentMetadata, secretData } from "./env";
import type { ServiceResourceNames } from "./names";
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

/** A service's ServiceAccount and, when it uses buckets or queues, its IRSA role (through the cluster's helper). */
export function serviceIdentity(
    parent: pulumi.Resource,
    rn: ServiceResourceNames,
    args: ServiceArgs,
    metadata: { name: string; namespace: string; labels: Record<string, string> },
    opts: pulumi.CustomResourceOptions,
): { role?: aws.iam.Role; ready: pulumi.Resource[]; serviceAccount: k8s.core.v1.ServiceAccount } {
    const statements = workloadStatements(args.region, args.buckets, args.queues, args.kmsKeyArns?.data);
    let identity: { role: aws.iam.Role; ready: pulumi.Resource[] } | undefined;
    if (statements.length > 0) {
        if (!args.workloadRole)
            throw new Error(`service ${args.serviceName} uses buckets or queues but no workload-identity helper was given`);
        identity = args.workloadRole(rn.role, { namespace: args.namespace, serviceAccount: args.serviceName, statements }, { parent });
    }
    const serviceAccount = new k8s.core.v1.ServiceAccount(
        rn.serviceAccount,
        {
            metadata: { ...metadata, annotations: identity ? { "eks.amazonaws.com/role-arn": identity.role.arn } : {} },
            automountServiceAccountToken: args.settings.automountServiceAccountToken,
        },
        opts,
    );
    return { role: identity?.role, ready: identity?.ready ?? [], serviceAccount };
}

/**
 * A service's environment: plain values in a ConfigMap, credentials in a Secret when it has any. Both are auto-named
 * (`environmentMetadata`), so a changed value replaces the object under a new name and the Deployment's pod template,
 * which names it, rolls the pods (see `environmentMetadata`).
 */
export function serviceEnvironment(
    rn: ServiceResourceNames,
    args: ServiceArgs,
    labels: Record<string, string>,
    opts: pulumi.CustomResourceOptions,
): { configMap: k8s.core.v1.ConfigMap; secret?: k8s.core.v1.Secret } {
    const metadata = environmentMetadata(args.namespace, labels);
    const configMap = new k8s.core.v1.ConfigMap(rn.configMap, { metadata, data: configMapData(args) }, opts);
    const credentials = secretData({ service: args.serviceName, ...args });
    if (Object.keys(credentials).length === 0) return { configMap };
    const secret = new k8s.core.v1.Secret(
        rn.secret,
        { metadata, type: "Opaque", stringData: pulumi.secret(pulumi.output(credentials)) },
        { ...opts, additionalSecretOutputs: ["data", "stringData"] },
    );
    return { configMap, secret };
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
        new k8s.core.v1.LimitRange(
            `${name}-limits`,
            { metadata: metadata("container-limits"), spec: limitRangeSpec(args.limitRange) },
            inNs,
        );

        this.registerOutputs({ name: ns });
    }
}
