import type { Pricer } from "./index";
import { PRICE_TABLE } from "../cost";

type Values = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const gib = (q: unknown) => {
    const m = /^(\d+)Gi$/.exec(String(q ?? ""));
    return m ? Number(m[1]) : 0;
};

/** The metrics stack's volumes: each Prometheus and Alertmanager replica's PVC and Grafana's, as gp3 EBS at PRICE_TABLE.ebsGp3GbMonth. */
export const monitoringPricer: Pricer = (r) => {
    if (r.type !== "kubernetes:helm.sh/v3:Release" || r.inputs.chart !== "kube-prometheus-stack") return undefined;
    const v = (r.inputs.values ?? {}) as Values;
    const prom = v.prometheus?.prometheusSpec ?? {};
    const am = v.alertmanager?.alertmanagerSpec ?? {};
    const promGb = gib(prom.storageSpec?.volumeClaimTemplate?.spec?.resources?.requests?.storage) * Number(prom.replicas ?? 1);
    const amGb = gib(am.storage?.volumeClaimTemplate?.spec?.resources?.requests?.storage) * Number(am.replicas ?? 1);
    const grafanaGb = v.grafana?.persistence?.enabled ? gib(v.grafana?.persistence?.size) : 0;
    const gb = promGb + amGb + grafanaGb;
    return {
        monthlyUsd: gb * PRICE_TABLE.ebsGp3GbMonth,
        basis: `${gb} GiB of gp3 volumes (Prometheus ${promGb}, Alertmanager ${amGb}, Grafana ${grafanaGb}) at ${PRICE_TABLE.ebsGp3GbMonth}/GB-month; the pods are counted in the node estimate`,
    };
};
