import type { ServiceSettings } from "../config/services";
import { selectorLabels } from "./names";

/** The name of the container port a web service listens on; the Service targets it by name. */
export const HTTP_PORT_NAME = "http";

/**
 * The ClusterIP Service of a web service: its port is the container port, always. With network policy enforcement
 * on, the EKS network policy agent matches a call to a ClusterIP against the ports the NetworkPolicy opens (container
 * ports) before kube-proxy translates the address, so a Service on another port would drop every call (the Amazon EKS
 * User Guide, "Limit Pod traffic with Kubernetes network policies", considerations: the service port must be the same
 * as the container port, and a named port must have the same name in the Service).
 */
export function clusterIpServiceSpec(service: string, s: Pick<ServiceSettings, "port">) {
    return {
        type: "ClusterIP",
        selector: selectorLabels(service),
        ports: [{ name: HTTP_PORT_NAME, port: s.port, targetPort: HTTP_PORT_NAME, protocol: "TCP" }],
    };
}
