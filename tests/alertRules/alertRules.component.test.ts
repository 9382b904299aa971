import * as k8s from "@pulumi/kubernetes";
import { AlertRules } from "../../components/alertRules";
import { render } from "../../plan";
import { loadConfig } from "../helpers";

test("AlertRules (component): one PrometheusRule in the monitoring namespace, after the metrics release", async () => {
    const cfg = loadConfig({ "strata:environment": "prod" });
    const r = await render(({ kubernetesProvider }) => {
        const provider = kubernetesProvider();
        const release = new k8s.core.v1.ConfigMap("stand-in-release", { metadata: { name: "x" } }, { provider });
        return new AlertRules(
            cfg.naming.name("alert-rules"),
            {
                naming: cfg.naming,
                environment: cfg.environment,
                protection: cfg.protection,
                defaultTags: cfg.defaultTags,
                namespaces: ["strata"],
                metricsRelease: release,
            },
            { providers: { kubernetes: provider } },
        );
    });
    const rule = r.one("kubernetes:monitoring.coreos.com/v1:PrometheusRule");
    expect(rule.inputs.metadata).toMatchObject({ name: "strata-platform", namespace: "monitoring" });
    expect(rule.dependencies).toContain(r.one("kubernetes:core/v1:ConfigMap").urn);
    const rules = (
        rule.inputs.spec as {
            groups: Array<{ rules: Array<{ alert: string; labels: { severity: string }; annotations: { runbook_url: string } }> }>;
        }
    ).groups[0].rules;
    expect(rules.map((x) => x.alert)).toContain("StrataServiceDown");
    for (const x of rules) expect(x.annotations.runbook_url).toMatch(/^docs\/operations\.md#strata[a-z]+$/);
});
