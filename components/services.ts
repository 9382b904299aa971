import * as pulumi from "@pulumi/pulumi";
import { inClusterUrl } from "./connectionStrings";
import { BaseArgs } from "./base";
import type { ServicesSettings, ServiceSettings } from "./config/services";
import { formatCpu, formatMemory, parseCpu, parseMemory } from "./config/quantity";
import { Namespace, NamespaceArgs } from "./namespace";
import { Service, ServiceArgs, ServicePeer, SpotScheduling, WorkloadRoleFactory } from "./service";

export interface ServicesArgs extends BaseArgs {
    /** `strata:services`. */
    services: ServicesSettings;
    /** Namespace of services that name none: the system name (`strata:name`). */
    defaultNamespace: string;
    region: string;
    /** VPC CIDR (interface endpoints of AWS APIs). */
    vpcCidr: string;
    /** Public subnets' CIDRs: the ALB's nodes (target type ip) send from these addresses. */
    publicSubnetCidrs: string[];
    /** Isolated subnets' CIDRs: where RDS and ElastiCache live. */
    isolatedSubnetCidrs: string[];
    /** Workload identity (the cluster's IRSA helper). */
    workloadRole?: WorkloadRoleFactory;
    podIdentityAgent?: boolean;
    /** The AWS Load Balancer Controller release; Services and Ingresses wait for it. */
    loadBalancerController?: pulumi.Resource;
    spotScheduling?: SpotScheduling;
    database?: { url: pulumi.Input<string>; port: pulumi.Input<number> };
    cache?: { url: pulumi.Input<string>; port: pulumi.Input<number> };
    buckets: Record<string, { bucket: pulumi.Input<string>; arn: pulumi.Input<string> }>;
    queues: Record<string, { url: pulumi.Input<string>; arn: pulumi.Input<string> }>;
    dataKeyArn?: pulumi.Input<string>;
    /** Secret config values by config key (`PlatformConfig.secretValues`). */
    secretConfig: Record<string, pulumi.Input<string>>;
    wafAclArn?: pulumi.Input<string>;
    /** Labels per namespace (e.g. the business context). */
    namespaceLabels?: Record<string, Record<string, string>>;
}

/** The namespace a service runs in. */
export function namespaceOf(s: ServiceSettings, defaultNamespace: string): string {
    return s.namespace ?? defaultNamespace;
}

/** Whether a service gets an Ingress: web, with both host and certificate. */
export function hasIngress(s: ServiceSettings): boolean {
    return s.kind === "web" && !!s.ingress?.host && !!s.ingress?.certificateArn;
}

/** Largest replica count a service can reach (HPA max, or its fixed count). */
export function maxReplicas(s: ServiceSettings): number {
    return s.autoscaling?.maxReplicas ?? s.replicas;
}

const LIMIT_RANGE_DEFAULTS = { defaultRequest: { cpu: "100m", memory: "128Mi" }, default: { cpu: "500m", memory: "512Mi" } };

/**
 * A namespace's quota and limit range, from the services in it: each service at its maximum replica count plus the
 * rolling update's surge (25%, at least one pod), with 20% headroom; the LimitRange's max is the largest limit any
 * of its services declares (at least the default).
 */
export function namespaceBudget(services: ServiceSettings[]): Pick<NamespaceArgs, "quota" | "limitRange"> {
    let reqCpu = 0;
    let reqMem = 0;
    let limCpu = 0;
    let limMem = 0;
    let pods = 0;
    let maxCpu = parseCpu(LIMIT_RANGE_DEFAULTS.default.cpu)!;
    let maxMem = parseMemory(LIMIT_RANGE_DEFAULTS.default.memory)!;
    for (const s of services) {
        const n = maxReplicas(s) + Math.max(1, Math.ceil(maxReplicas(s) * 0.25));
        pods += n;
        reqCpu += n * parseCpu(s.resources.requests.cpu)!;
        reqMem += n * parseMemory(s.resources.requests.memory)!;
        limCpu += n * parseCpu(s.resources.limits.cpu)!;
        limMem += n * parseMemory(s.resources.limits.memory)!;
        maxCpu = Math.max(maxCpu, parseCpu(s.resources.limits.cpu)!);
        maxMem = Math.max(maxMem, parseMemory(s.resources.limits.memory)!);
    }
    const headroom = 1.2;
    return {
        quota: {
            requests: { cpu: formatCpu(reqCpu * headroom), memory: formatMemory(reqMem * headroom) },
            limits: { cpu: formatCpu(limCpu * headroom), memory: formatMemory(limMem * headroom) },
            pods: Math.ceil(pods * headroom),
        },
        limitRange: { ...LIMIT_RANGE_DEFAULTS, max: { cpu: formatCpu(maxCpu), memory: formatMemory(maxMem) } },
    };
}

/** The ALB group of a namespace: one internet-facing ALB per namespace (ALB group names: at most 63 characters). */
export function ingressGroupName(prefix: string, namespace: string): string {
    return `${prefix}-${namespace}`.slice(0, 63).replace(/-+$/, "");
}

/**
 * The application layer: a Namespace per system or context (restricted PSS, default deny, quota, limits) and a
 * Service per entry of `strata:services`, wired to the data tier and identity they declare and nothing else.
 * Resource providers: give it `providers: { aws, kubernetes }`.
 */
export class Services extends pulumi.ComponentResource {
    public readonly namespaces: Record<string, Namespace> = {};
    public readonly services: Record<string, Service> = {};

    constructor(name: string, args: ServicesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:services:Services", name, {}, opts);
        const n = args.naming;
        const base: BaseArgs = { naming: n, environment: args.environment, protection: args.protection, defaultTags: args.defaultTags };
        const entries = Object.entries(args.services);
        const nsOf = (s: ServiceSettings) => namespaceOf(s, args.defaultNamespace);

        const byNamespace = new Map<string, ServiceSettings[]>();
        for (const [, s] of entries) byNamespace.set(nsOf(s), [...(byNamespace.get(nsOf(s)) ?? []), s]);
        // Namespaces with an Ingress get the load balancer controller's pod readiness gate (target type ip).
        const gated = new Set([...byNamespace].filter(([, list]) => list.some(hasIngress)).map(([ns]) => ns));
        for (const [ns, list] of byNamespace) {
            this.namespaces[ns] = new Namespace(
                n.name("ns", ns),
                { ...base, namespace: ns, labels: args.namespaceLabels?.[ns], ...namespaceBudget(list), readinessGateInjection: gated.has(ns) },
                { parent: this },
            );
        }

        const peerOf = (svcName: string): ServicePeer => {
            const s = args.services[svcName];
            return { name: svcName, namespace: nsOf(s), port: s.port, url: inClusterUrl({ name: svcName, namespace: nsOf(s), port: s.servicePort }) };
        };

        for (const [svcName, s] of entries) {
            const ns = nsOf(s);
            const pick = <T>(source: Record<string, T>, declared: Record<string, string>, what: string) =>
                Object.fromEntries(
                    Object.entries(declared).map(([key, access]) => {
                        const found = source[key];
                        if (!found) throw new Error(`service ${svcName}: ${what} "${key}" does not exist (config validation should have caught this)`);
                        return [key, { ...found, access }];
                    }),
                );
            this.services[svcName] = new Service(
                n.name("svc", svcName),
                {
                    ...base,
                    serviceName: svcName,
                    namespace: ns,
                    settings: s,
                    region: args.region,
                    namespaceResource: this.namespaces[ns].namespace,
                    albSourceCidrs: args.publicSubnetCidrs,
                    vpcCidr: args.vpcCidr,
                    dataStoreCidrs: args.isolatedSubnetCidrs,
                    callers: entries.filter(([, other]) => other.calls.includes(svcName)).map(([caller]) => ({ name: caller, namespace: nsOf(args.services[caller]) })),
                    callees: s.calls.map(peerOf),
                    database: s.database ? args.database : undefined,
                    cache: s.cache ? args.cache : undefined,
                    buckets: pick(args.buckets, s.buckets, "bucket") as ServiceArgs["buckets"],
                    queues: pick(args.queues, s.queues, "queue") as ServiceArgs["queues"],
                    dataKeyArn: args.dataKeyArn,
                    secretValues: Object.fromEntries(Object.entries(s.secretEnv).map(([envName, key]) => [envName, args.secretConfig[key]])),
                    workloadRole: args.workloadRole,
                    podIdentityAgent: args.podIdentityAgent,
                    wafAclArn: args.wafAclArn,
                    ingressGroup: ingressGroupName(n.prefix, ns),
                    loadBalancerController: args.loadBalancerController,
                    spotScheduling: args.spotScheduling,
                    readinessGateInjection: gated.has(ns),
                },
                { parent: this },
            );
        }

        this.registerOutputs({
            namespaces: Object.keys(this.namespaces),
            urls: Object.fromEntries(Object.entries(this.services).map(([k, v]) => [k, v.publicUrl ?? v.url ?? null])),
        });
    }
}
