import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import { MONITORING_NAMESPACE } from "../catalogue/monitoring";
import type { AlertThresholds, ScrapedService } from "./rules";
import { alertRules, DEFAULT_THRESHOLDS, prometheusRuleSpec, runbookBase, serviceAlertRules } from "./rules";

export * from "./rules";

export interface AlertRulesArgs extends BaseArgs {
    /** The namespaces of the platform's workloads the workload rules watch. */
    namespaces: string[];
    /**
     * The services Prometheus scrapes: each web service gets an error-rate rule and, with a latency target, a latency rule.
     * @default []
     */
    scrapedServices?: ScrapedService[];
    /** @default DEFAULT_THRESHOLDS (memory 90% of the limit, volumes 10% free, Pending 10 min, autoscaler at max 15 min) */
    thresholds?: AlertThresholds;
    /** @default "docs/operations.md" */
    runbookBaseUrl?: string;
    /** The metrics release: it installs the PrometheusRule CRD, so the rules wait for it. */
    metricsRelease: pulumi.Resource;
}

/** The platform's alert rules as one PrometheusRule in the monitoring namespace (Prometheus selects rules everywhere). */
export class AlertRules extends pulumi.ComponentResource {
    public readonly rule: k8s.apiextensions.CustomResource;

    constructor(name: string, args: AlertRulesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:alertRules:AlertRules", name, {}, opts);
        const thresholds = args.thresholds ?? DEFAULT_THRESHOLDS;
        const rules = alertRules(thresholds, args.namespaces);
        const serviceRules = serviceAlertRules(thresholds, args.scrapedServices ?? []);
        this.rule = new k8s.apiextensions.CustomResource(
            args.naming.name("alert-rules"),
            {
                apiVersion: "monitoring.coreos.com/v1",
                kind: "PrometheusRule",
                metadata: {
                    name: "strata-platform",
                    namespace: MONITORING_NAMESPACE,
                    labels: { "app.kubernetes.io/managed-by": "strata" },
                },
                spec: prometheusRuleSpec(rules, runbookBase(args.runbookBaseUrl), serviceRules),
            },
            { parent: this, dependsOn: [args.metricsRelease] },
        );
        this.registerOutputs({});
    }
}
