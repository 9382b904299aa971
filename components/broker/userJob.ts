import { jobName } from "../service/jobs";
import { DNS_PORTS, KUBE_DNS_PEER, tcp } from "../service/networkPolicy";
import { CONSOLE_PORT, managementCalls, USER_JOB_IMAGE, USER_JOB_UID, userJobScript } from "./spec";

/** The label of a user Job's pods (its NetworkPolicy selects them). */
export const USER_JOB_LABEL = "strata.dev/broker-users-for";

/** Deadline and retries of a user Job: the broker's management API answers within seconds once it runs. */
export const USER_JOB_SETTINGS = { backoffLimit: 4, activeDeadlineSeconds: 600 };

/** The Job name of a service's broker user Job: `<service>-mq-users-<hash of what it runs>` (at most 58 characters). */
export function userJobName(service: string, secretName: string): string {
    return jobName(
        `${service}-mq-users`,
        JSON.stringify({
            image: USER_JOB_IMAGE,
            script: userJobScript(managementCalls({ username: service, vhost: service })),
            secretName,
        }),
    );
}

/**
 * The user Job's spec: one curl container, restricted (non-root, read-only root filesystem, no capabilities), its
 * environment from the Secret (admin credentials, the user's password, the console URL), the management API calls as
 * its script.
 */
/** The ServiceAccount the user Job runs as: its own, without a token (never the namespace's `default`). */
export function userJobServiceAccountName(service: string): string {
    return `${service}-mq-users`;
}

export function userJobSpec(service: string, secretName: string) {
    const script = userJobScript(managementCalls({ username: service, vhost: service }));
    return {
        completions: 1,
        parallelism: 1,
        ...USER_JOB_SETTINGS,
        template: {
            metadata: { labels: { [USER_JOB_LABEL]: service } },
            spec: {
                restartPolicy: "Never",
                serviceAccountName: userJobServiceAccountName(service),
                automountServiceAccountToken: false,
                securityContext: {
                    runAsNonRoot: true,
                    runAsUser: USER_JOB_UID,
                    runAsGroup: USER_JOB_UID,
                    seccompProfile: { type: "RuntimeDefault" },
                },
                containers: [
                    {
                        name: "users",
                        image: USER_JOB_IMAGE,
                        command: ["/bin/sh", "-c", script],
                        envFrom: [{ secretRef: { name: secretName } }],
                        resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "100m", memory: "64Mi" } },
                        securityContext: {
                            runAsNonRoot: true,
                            runAsUser: USER_JOB_UID,
                            runAsGroup: USER_JOB_UID,
                            allowPrivilegeEscalation: false,
                            privileged: false,
                            readOnlyRootFilesystem: true,
                            capabilities: { drop: ["ALL"] },
                            seccompProfile: { type: "RuntimeDefault" },
                        },
                    },
                ],
            },
        },
    };
}

/** The user Job's NetworkPolicy: no ingress; egress to kube-dns and HTTPS to the broker's subnets only. */
export function userJobNetworkPolicySpec(service: string, brokerCidrs: string[]) {
    return {
        podSelector: { matchLabels: { [USER_JOB_LABEL]: service } },
        policyTypes: ["Ingress", "Egress"],
        ingress: [],
        egress: [
            { to: [KUBE_DNS_PEER], ports: DNS_PORTS },
            { to: brokerCidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: [tcp(CONSOLE_PORT)] },
        ],
    };
}
