import type { Naming } from "../naming";

/** The part of a Service component's logical name that follows the naming prefix: `svc-<service>`. */
export const SERVICE_COMPONENT_PART = "svc";

/** The logical name of the Service component of a `strata:services` entry: `<prefix>-svc-<service>`. */
export function serviceComponentName(naming: Naming, service: string): string {
    return naming.name(SERVICE_COMPONENT_PART, service);
}

/** Logical names of a Service component's resources, all derived from the component's name. */
export interface ServiceResourceNames {
    /** The IRSA role (auto-named by Pulumi: the name-length check adds Pulumi's suffix to this). */
    role: string;
    serviceAccount: string;
    configMap: string;
    secret: string;
    deployment: string;
    job: string;
    cronJob: string;
    rollout: string;
    analysisTemplate: string;
    service: string;
    /** A rollout's second Service: the canary's or blue-green's preview pods. */
    rolloutService: string;
    ingress: string;
    networkPolicy: string;
    hpa: string;
    pdb: string;
    metricsService: string;
    serviceMonitor: string;
}

/**
 * The logical names of a Service component's resources. `component` is the component's own name
 * (`serviceComponentName(naming, service)` for the services of `strata:services`). The IAM role name-length check
 * of config validation uses `names(serviceComponentName(naming, service)).role`.
 */
export function names(component: string): ServiceResourceNames {
    return {
        role: `${component}-role`,
        serviceAccount: `${component}-sa`,
        configMap: `${component}-env`,
        secret: `${component}-secret`,
        deployment: `${component}-deployment`,
        job: `${component}-job`,
        cronJob: `${component}-cronjob`,
        rollout: `${component}-rollout`,
        analysisTemplate: `${component}-analysis`,
        rolloutService: `${component}-rollout-service`,
        service: `${component}-service`,
        ingress: `${component}-ingress`,
        networkPolicy: `${component}-netpol`,
        hpa: `${component}-hpa`,
        pdb: `${component}-pdb`,
        metricsService: `${component}-metrics`,
        serviceMonitor: `${component}-servicemonitor`,
    };
}

/** The label that selects a service's pods (its Deployment, Service, NetworkPolicy, HPA and PDB). */
export const SERVICE_NAME_LABEL = "app.kubernetes.io/name";

/** The selector of a service's pods. */
export function selectorLabels(service: string): Record<string, string> {
    return { [SERVICE_NAME_LABEL]: service };
}

/** The labels of every object of a service. */
export function serviceLabels(service: string, namespace: string, kind: string): Record<string, string> {
    return {
        ...selectorLabels(service),
        "app.kubernetes.io/part-of": namespace,
        "app.kubernetes.io/component": kind,
        "app.kubernetes.io/managed-by": "strata",
    };
}
