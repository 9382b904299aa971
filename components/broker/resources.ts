import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { JOB_ANNOTATIONS, jobAwaitTimeout } from "../service/jobs";
import {
    USER_JOB_LABEL,
    USER_JOB_SETTINGS,
    userJobName,
    userJobNetworkPolicySpec,
    userJobServiceAccountName,
    userJobSpec,
} from "./userJob";

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
        const account = new k8s.core.v1.ServiceAccount(
            `${name}-sa`,
            {
                metadata: { name: userJobServiceAccountName(args.service), namespace: args.namespace, labels },
                automountServiceAccountToken: false,
            },
            { parent: this, dependsOn: deps },
        );
        const policy = new k8s.networking.v1.NetworkPolicy(
            `${name}-netpol`,
            {
                metadata: { name: `${args.service}-mq-users`, namespace: args.namespace, labels },
                spec: userJobNetworkPolicySpec(args.service, args.brokerCidrs),
            },
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
            { parent: this, dependsOn: [...deps, policy, account], customTimeouts: { create: timeout, update: timeout } },
        );
        this.registerOutputs({ jobName: this.job.metadata.name });
    }
}
