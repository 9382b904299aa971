import type * as pulumi from "@pulumi/pulumi";
import { ALB_ACCESS_LOG_PREFIX } from "../catalogue/elb";
import type { ServiceSettings } from "../config/services";
import { effectiveProbes } from "./probes";

/** The TLS 1.3 ALB security policy (TLS 1.2 kept for older clients, no weaker ciphers). */
export const ALB_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
/** The AWS Load Balancer Controller's annotation prefix. */
export const ALB_ANNOTATION = "alb.ingress.kubernetes.io";

/** Whether a service gets an Ingress: web, with both host and certificate. */
export function hasIngress(s: Pick<ServiceSettings, "kind" | "ingress">): boolean {
    return s.kind === "web" && !!s.ingress?.host && !!s.ingress?.certificateArn;
}

/** The ALB group of a namespace: one internet-facing ALB per namespace (ALB group names: at most 63 characters). */
export function ingressGroupName(prefix: string, namespace: string): string {
    return `${prefix}-${namespace}`.slice(0, 63).replace(/-+$/, "");
}

/**
 * The ALB group order of an Ingress: the controller sorts paths longest-first only inside one Ingress; across the
 * Ingresses of a group it goes by `group.order`, then by namespace/name. An Ingress whose most general path is
 * longer goes first, so a catch-all `/` on one service never shadows `/api` on another, whatever their names.
 */
export function ingressGroupOrder(paths: string[]): number {
    const shortest = Math.min(...paths.map((p) => p.replace(/\/+$/, "").length));
    return -Math.min(999, shortest);
}

/** The `tags` annotation: the default tags the controller can carry (its syntax has no escape for `,` or `=`). */
export function albTags(defaultTags: Record<string, string>): string {
    return Object.entries(defaultTags)
        .filter(([k, v]) => !/[,=]/.test(k) && !/[,=]/.test(v))
        .map(([k, v]) => `${k}=${v}`)
        .join(",");
}

/** The ALB health check path: the readiness probe's path, else `/`. */
export function healthcheckPath(s: ServiceSettings): string {
    return effectiveProbes(s).readiness?.path ?? "/";
}

export interface IngressAnnotationsInput {
    settings: ServiceSettings;
    /** ALB group name (`ingressGroupName`). */
    group: string;
    /** `deletion_protection.enabled` of the ALB (`args.protection.loadBalancerDeletionProtection`). */
    deletionProtection: boolean;
    defaultTags: Record<string, string>;
    /** The environment's WAF web ACL (passed through). */
    wafAclArn?: pulumi.Input<string>;
    /** The bucket the ALB writes access logs to, under `alb/<group>/` (none: no access logs). */
    accessLogBucket?: string;
}

/**
 * The ALB's attributes: invalid header fields dropped, deletion protection as configured, and with a bucket the access
 * logs under `alb/<group>/` (ELB appends `AWSLogs/<account>/...`).
 */
export function loadBalancerAttributes(deletionProtection: boolean, group: string, accessLogBucket?: string): string {
    return [
        "routing.http.drop_invalid_header_fields.enabled=true",
        `deletion_protection.enabled=${deletionProtection}`,
        ...(accessLogBucket
            ? [
                  "access_logs.s3.enabled=true",
                  `access_logs.s3.bucket=${accessLogBucket}`,
                  `access_logs.s3.prefix=${ALB_ACCESS_LOG_PREFIX}/${group}`,
              ]
            : []),
    ].join(",");
}

/**
 * The annotations of a service's Ingress on its namespace's shared ALB: internet-facing, ip targets, HTTP 80 only to
 * redirect to HTTPS 443, the certificate and the TLS 1.3 policy, health check on the readiness path, invalid header
 * fields dropped, deletion protection as configured, access logs to the access-log bucket when there is one, the
 * default tags and the WAF web ACL.
 */
export function ingressAnnotations(p: IngressAnnotationsInput): Record<string, pulumi.Input<string>> {
    const ing = p.settings.ingress!;
    const a = (key: string) => `${ALB_ANNOTATION}/${key}`;
    const annotations: Record<string, pulumi.Input<string>> = {
        [a("scheme")]: "internet-facing",
        [a("target-type")]: "ip",
        [a("group.name")]: p.group,
        [a("group.order")]: String(ingressGroupOrder(ing.paths)),
        [a("listen-ports")]: '[{"HTTP": 80}, {"HTTPS": 443}]',
        [a("ssl-redirect")]: "443",
        [a("certificate-arn")]: ing.certificateArn!,
        [a("ssl-policy")]: ALB_SSL_POLICY,
        [a("backend-protocol")]: "HTTP",
        [a("healthcheck-path")]: healthcheckPath(p.settings),
        [a("healthcheck-port")]: "traffic-port",
        // Load balancer attributes apply to the group's ALB: every Ingress of the group sets the same ones.
        [a("load-balancer-attributes")]: loadBalancerAttributes(p.deletionProtection, p.group, p.accessLogBucket),
    };
    const tags = albTags(p.defaultTags);
    if (tags) annotations[a("tags")] = tags;
    if (p.wafAclArn) annotations[a("wafv2-acl-arn")] = p.wafAclArn;
    return annotations;
}

/**
 * The Ingress spec: class `alb`, the host, each path as a Prefix to the service's port (for a canary, to the
 * `use-annotation` port: the load balancer controller forwards by the action annotation the weights live in).
 */
export function ingressSpec(service: string, s: ServiceSettings) {
    const ing = s.ingress!;
    return {
        ingressClassName: "alb",
        rules: [
            {
                host: ing.host,
                http: {
                    paths: ing.paths.map((path) => ({
                        path,
                        pathType: "Prefix",
                        // A canary's traffic goes through the forward action Argo Rollouts keeps on the Ingress.
                        backend: {
                            service: {
                                name: service,
                                port: s.rollout?.strategy === "canary" ? { name: "use-annotation" } : { number: s.port },
                            },
                        },
                    })),
                },
            },
        ],
    };
}

/** The public URL of a service with an Ingress: `https://<host>` plus its first path unless that is `/`. */
export function publicUrl(ingress: { host?: string; paths: string[] }): string {
    return `https://${ingress.host}${ingress.paths[0] === "/" ? "" : ingress.paths[0]}`;
}
