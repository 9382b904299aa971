import * as k8s from "@pulumi/kubernetes";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

/** Service types that open a port on every node or provision a load balancer outside the shared ALB's Ingress. */
export const EXPOSING_SERVICE_TYPES: readonly string[] = ["LoadBalancer", "NodePort"];

export const kubernetesServiceDisallowNodeExposure = resourcePolicy({
    name: "kubernetes-service-disallow-node-exposure",
    description: "Services must not be of type LoadBalancer or NodePort; public traffic enters through the Ingress.",
    checks: "`spec.type` of each `Service` is not `LoadBalancer` nor `NodePort` (unset means ClusterIP).",
    category: "network-exposure",
    severity: "high",
    controls: { other: ["kube-linter exposed-services"] },
    validateResource: validateResourceOfType(k8s.core.v1.Service, (svc, _args, reportViolation) => {
        const type = svc.spec?.type;
        if (type && EXPOSING_SERVICE_TYPES.includes(type))
            reportViolation(`Service '${svc.metadata?.name ?? "?"}' is of type ${type}; expose it through an Ingress instead.`);
    }),
});
