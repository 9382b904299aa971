import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { JOB_ANNOTATIONS, jobAwaitTimeout, jobName } from "../service/jobs";
import { DNS_PORTS, KUBE_DNS_PEER, tcp } from "../service/networkPolicy";
import { CONSOLE_PORT, managementCalls, USER_JOB_IMAGE, USER_JOB_UID, userJobScript } from "./spec";

/** The label of a user Job's pods (its NetworkPolicy selects them). */
export const USER_JOB_LABEL = "strata.dev/broker-users-for";

/** Deadline and retries of a user Job: the broker's management API answers within seconds once it runs. */
export const USER_JOB_SETTINGS = { backoffLimit: 4, activeDeadlineSeconds: 600 };

/** The Job name of a service's broker user Job: `<service>-mq-users-<hash of what it runs>` (at most 58 characters). */
export function userJobName(service: string, secretName: string): string {
    return jobName(`${service}-mq-users`, JSON.stringify({ image: USER_JOB_IMAGE, script: userJobScript(managementCalls({ username: service, vhost: service })), secretName }));
}

/**
 * The user Job's spec: one curl container, restricted (non-root, read-only root filesystem, no capabilities), its
 * environment from the Secret (admin credentials, the user's password, the console URL), the management API calls as
 * its script.
 */
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
                automountServiceAccountToken: false,
                securityContext: { runAsNonRoot: true, runAsUser: USER_JOB_UID, runAsGroup: USER_JOB_UID, seccompProfile: { type: "RuntimeDefault" } },
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

export interface BrokerUserJobArgs {
    service: string;
    namespace: string;
    /** The broker's subnets' CIDRs (the isolated subnets). */
    brokerCidrs: string[];
    consoleUrl: pulumi.Input<string>;
    adminUsername: string;
    /** Secret. */
    adminPassword: pulumi.Input<string>;
    /** The service user's password; secret. */
    password: pulumi.Input<string>;
    /** The namespace (the Job waits for it). */
    dependsOn?: pulumi.Resource[];
}

/**
 * A service's RabbitMQ vhost, user and permissions, made in the cluster by a Job calling the broker's management API
 * (the broker is private: nothing outside the VPC reaches it). The Secret is auto-named, so a new password is a new
 * Secret name and so a new Job (content-hash name), awaited before the service's workload starts.
 */
export class BrokerUserJob extends pulumi.ComponentResource {
    public readonly job: k8s.batch.v1.Job;

    constructor(name: string, args: BrokerUserJobArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:broker:UserJob", name, {}, opts);
        const labels = { [USER_JOB_LABEL]: args.service };
        const deps = args.dependsOn ?? [];
        const secret = new k8s.core.v1.Secret(
            `${name}-env`,
            {
                metadata: { namespace: args.namespace, labels },
                type: "Opaque",
                stringData: pulumi.secret(
                    pulumi.all([args.consoleUrl, args.adminPassword, args.password]).apply(([console, adminPassword, password]) => ({
                        BROKER_CONSOLE: console,
                        ADMIN_USERNAME: args.adminUsername,
                        ADMIN_PASSWORD: adminPassword,
                        USER_PASSWORD: password,
                    })),
                ),
            },
            { parent: this, dependsOn: deps },
        );
        const policy = new k8s.networking.v1.NetworkPolicy(
            `${name}-netpol`,
            { metadata: { name: `${args.service}-mq-users`, namespace: args.namespace, labels }, spec: userJobNetworkPolicySpec(args.service, args.brokerCidrs) },
            { parent: this, dependsOn: deps },
        );
        const timeout = jobAwaitTimeout(USER_JOB_SETTINGS);
        this.job = new k8s.batch.v1.Job(
            `${name}-job`,
            {
                metadata: {
                    name: secret.metadata.name.apply((s) => userJobName(args.service, s)),
                    namespace: args.namespace,
                    labels,
                    annotations: { ...JOB_ANNOTATIONS },
                },
                spec: secret.metadata.name.apply((s) => userJobSpec(args.service, s)),
            },
            { parent: this, dependsOn: [...deps, policy], customTimeouts: { create: timeout, update: timeout } },
        );
        this.registerOutputs({ jobName: this.job.metadata.name });
    }
}
