import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import { CHART_DEFAULTS } from "../catalogue/charts";
import { ROLLOUTS_NAMESPACE, ROLLOUTS_RELEASE_NAME, ROLLOUTS_ROLE_PARTS, ROLLOUTS_SERVICE_ACCOUNT } from "../catalogue/rollouts";
import type { RolloutsSettings } from "../config/rollouts";
import type { MonitoringIdentityFactory } from "../monitoring";
import { namespaceLabels } from "../service/namespace";
import { rolloutsValues, targetGroupVerifyStatements } from "./values";

export * from "./values";

export interface RolloutsArgs extends BaseArgs, RolloutsSettings {
    region: string;
    /** IRSA for the controller's service account (`cluster.identity`), used with `verifyTargetGroups`. */
    identity: MonitoringIdentityFactory;
    /** What the release waits for: the node groups, the load balancer controller's webhook. */
    clusterReady: pulumi.Resource[];
}

/**
 * Progressive delivery: the Argo Rollouts controller (argoproj's argo-rollouts chart) in its own namespace with the
 * restricted Pod Security profile enforced, and, with `verifyTargetGroups`, an IRSA role that may only describe the
 * load balancers' target groups. The services' Rollout and AnalysisTemplate objects wait for this release (it installs
 * their CRDs). Its namespace has no NetworkPolicies, like the other controllers': the controller talks to the
 * Kubernetes API, Prometheus and the Elastic Load Balancing API.
 */
export class Rollouts extends pulumi.ComponentResource {
    public readonly release: k8s.helm.v3.Release;

    constructor(name: string, args: RolloutsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:rollouts:Rollouts", name, {}, opts);
        const n = args.naming;
        const namespace = new k8s.core.v1.Namespace(
            n.name("rollouts"),
            { metadata: { name: ROLLOUTS_NAMESPACE, labels: namespaceLabels(n.prefix, undefined, false) } },
            { parent: this },
        );
        const role = args.verifyTargetGroups
            ? args.identity(
                  n.name(...ROLLOUTS_ROLE_PARTS.controller),
                  {
                      namespace: ROLLOUTS_NAMESPACE,
                      serviceAccount: ROLLOUTS_SERVICE_ACCOUNT,
                      statements: targetGroupVerifyStatements(),
                      description: "Argo Rollouts: verify the ALB target groups of canary and blue-green rollouts (read only)",
                  },
                  { parent: this },
              )
            : undefined;
        const chart = CHART_DEFAULTS.argoRollouts;
        const values = role
            ? role.role.arn.apply((roleArn) => rolloutsValues({ replicas: args.controllerReplicas, region: args.region, roleArn }))
            : rolloutsValues({ replicas: args.controllerReplicas, region: args.region });
        this.release = new k8s.helm.v3.Release(
            n.name("rollouts"),
            {
                name: ROLLOUTS_RELEASE_NAME,
                chart: chart.chart,
                version: args.chartVersion,
                repositoryOpts: { repo: chart.repository },
                namespace: ROLLOUTS_NAMESPACE,
                createNamespace: false,
                atomic: true,
                timeout: 600,
                values,
            },
            { parent: this, dependsOn: [namespace, ...args.clusterReady, ...(role?.ready ?? [])] },
        );
        this.registerOutputs({ namespace: ROLLOUTS_NAMESPACE });
    }
}
