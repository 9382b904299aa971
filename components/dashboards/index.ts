import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import type { ScrapedService } from "../alertRules/rules";
import { GRAFANA_DASHBOARD_LABEL, MONITORING_NAMESPACE } from "../catalogue/monitoring";
import { dataTierDashboard, servicesDashboard } from "./panels";

export * from "./panels";

export interface DashboardsArgs extends BaseArgs {
    /**
     * The services Prometheus scrapes: a row each on the services dashboard.
     * @default []
     */
    scrapedServices?: ScrapedService[];
    /** The platform's workload namespaces (the workload panels). */
    namespaces: string[];
    /**
     * What the data-tier dashboard shows (names may be outputs: queue names are known once the queues exist).
     * @default no database, cache, queues or load balancers: the data-tier dashboard is empty
     */
    dataTier?: {
        databaseInstances?: pulumi.Input<string>[];
        cacheMembers?: string[];
        queues?: Array<{ name: pulumi.Input<string>; deadLetterQueue: pulumi.Input<string> }>;
        loadBalancers?: boolean;
    };
    /** The metrics release: Grafana (and its dashboard sidecar) comes with it, and it creates the namespace's objects first. */
    metricsRelease: pulumi.Resource;
}

/**
 * The platform's Grafana dashboards, as ConfigMaps in the monitoring namespace carrying the label Grafana's
 * dashboard sidecar loads (no restart; a changed dashboard is an in-place ConfigMap update): "Strata services"
 * (Prometheus) and "Strata data tier" (CloudWatch, through Grafana's CloudWatch data source and its IAM role).
 */
export class Dashboards extends pulumi.ComponentResource {
    public readonly configMaps: k8s.core.v1.ConfigMap[];

    constructor(name: string, args: DashboardsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:dashboards:Dashboards", name, {}, opts);
        const n = args.naming;
        const d = args.dataTier ?? {};
        const dataTier = pulumi
            .all([pulumi.all(d.databaseInstances ?? []), pulumi.all((d.queues ?? []).map((q) => pulumi.all([q.name, q.deadLetterQueue])))])
            .apply(([databaseInstances, qs]) =>
                JSON.stringify(
                    dataTierDashboard({
                        databaseInstances,
                        cacheMembers: d.cacheMembers ?? [],
                        queues: qs.map(([queueName, deadLetterQueue]) => ({ name: queueName, deadLetterQueue })),
                        loadBalancers: d.loadBalancers ?? false,
                    }),
                    null,
                    1,
                ),
            );
        const dashboards: Array<[string, pulumi.Input<string>]> = [
            ["services", JSON.stringify(servicesDashboard(args.scrapedServices ?? [], args.namespaces), null, 1)],
            ["data-tier", dataTier],
        ];
        this.configMaps = dashboards.map(
            ([key, json]) =>
                new k8s.core.v1.ConfigMap(
                    n.name("dashboard", key),
                    {
                        metadata: {
                            name: `strata-${key}-dashboard`,
                            namespace: MONITORING_NAMESPACE,
                            labels: { ...GRAFANA_DASHBOARD_LABEL, "app.kubernetes.io/managed-by": "strata" },
                        },
                        data: { [`strata-${key}.json`]: json },
                    },
                    { parent: this, dependsOn: [args.metricsRelease] },
                ),
        );
        this.registerOutputs({});
    }
}
