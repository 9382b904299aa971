import { Monitoring } from "../../components/monitoring";
import { monitoringWorkloads } from "../../components/monitoring/workloads";
import type { RenderResult } from "../../plan";
import { render } from "../../plan";
import { platformWorkloads } from "../../plan/platformWorkloads";
import { SECRET_PLACEHOLDER } from "../../plan/types";
import { fakeIdentity } from "../fakeIdentity";
import { loadConfig } from "../helpers";

const NOTIFICATIONS_KEY = "arn:aws:kms:us-east-1:123456789012:key/notifications";
const TOPIC = "arn:aws:sns:us-east-1:123456789012:strata-prod-alerts";

type Values = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function renderMonitoring(environment: string, alertTopicArn?: string) {
    const cfg = loadConfig({ "strata:environment": environment });
    return render(
        ({ awsProvider, kubernetesProvider }) =>
            new Monitoring(
                cfg.naming.name("monitoring"),
                {
                    naming: cfg.naming,
                    environment: cfg.environment,
                    protection: cfg.protection,
                    defaultTags: cfg.defaultTags,
                    ...cfg.monitoring,
                    region: "us-east-1",
                    identity: fakeIdentity,
                    clusterReady: [],
                    alertTopicArn,
                    kmsKeyArns: { notifications: NOTIFICATIONS_KEY },
                    secretConfig: {},
                },
                { providers: { aws: awsProvider(), kubernetes: kubernetesProvider() } },
            ),
        { stack: environment },
    );
}

describe("Monitoring (component), prod", () => {
    let r: RenderResult<Monitoring>;
    let values: Values;
    beforeAll(async () => {
        r = await renderMonitoring("prod", TOPIC);
        values = r.one("kubernetes:helm.sh/v3:Release").inputs.values as Values;
    });

    test("kube-prometheus-stack from its official repository, pinned, in the monitoring namespace it does not create", () => {
        const rel = r.one("kubernetes:helm.sh/v3:Release");
        expect(rel.inputs).toMatchObject({
            name: "kube-prometheus-stack",
            chart: "kube-prometheus-stack",
            repositoryOpts: { repo: "https://prometheus-community.github.io/helm-charts" },
            namespace: "monitoring",
            createNamespace: false,
        });
        expect(rel.inputs.version).toMatch(/^\d+\.\d+\.\d+$/);
        expect(rel.dependencies).toContain(r.one("kubernetes:core/v1:Namespace").urn);
    });

    test("Prometheus: 15 days on encrypted gp3, 30 s scrapes, two replicas, selects monitors and rules everywhere, volumes deleted with it", () => {
        const p = values.prometheus.prometheusSpec;
        expect([p.retention, p.scrapeInterval, p.replicas]).toEqual(["15d", "30s", 2]);
        expect(p.storageSpec.volumeClaimTemplate.spec.storageClassName).toBe("gp3-encrypted");
        expect([p.serviceMonitorSelectorNilUsesHelmValues, p.podMonitorSelectorNilUsesHelmValues, p.ruleSelectorNilUsesHelmValues]).toEqual(
            [false, false, false],
        );
        expect(p.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: "Delete", whenScaled: "Retain" });
    });

    test("the namespace enforces privileged for node-exporter only, and warns and audits restricted", () => {
        const labels = (r.one("kubernetes:core/v1:Namespace").inputs.metadata as Values).labels;
        expect([
            labels["pod-security.kubernetes.io/enforce"],
            labels["pod-security.kubernetes.io/warn"],
            labels["pod-security.kubernetes.io/audit"],
        ]).toEqual(["privileged", "restricted", "restricted"]);
    });

    test("Grafana's admin password and Alertmanager's configuration are secrets, never in Helm values", () => {
        const secret = (name: string) => r.one("kubernetes:core/v1:Secret", name).inputs.stringData as Record<string, string> | string;
        const grafana = secret("strata-prod-grafana-admin");
        expect(typeof grafana === "string" ? grafana : grafana["admin-password"]).toBe(SECRET_PLACEHOLDER);
        const am = secret("strata-prod-alertmanager-config");
        expect(typeof am === "string" ? am : am["alertmanager.yaml"]).toBe(SECRET_PLACEHOLDER);
        expect(JSON.stringify(values)).not.toMatch(/adminPassword"\s*:\s*"[^"]/);
        expect(values.grafana.service?.type ?? "ClusterIP").toBe("ClusterIP");
        expect(values.grafana.ingress?.enabled ?? false).toBe(false);
    });

    test("Alertmanager may publish to exactly the alert topic, encrypted with the notifications key", () => {
        const role = r.ofType("aws:iam/role:Role").find((x) => String(x.inputs.assumeRolePolicy).includes("alertmanager"))!;
        const statements = JSON.parse((role.inputs.inlinePolicies as Array<{ policy: string }>)[0].policy).Statement as Array<{
            Action: string | string[];
            Resource: unknown;
        }>;
        expect(statements.find((s) => [s.Action].flat().includes("sns:Publish"))!.Resource).toEqual(TOPIC);
        expect(statements.find((s) => [s.Action].flat().some((a) => a.startsWith("kms:")))!.Resource).toEqual(NOTIFICATIONS_KEY);
    });

    test("the capacity model reads the same pods the values run", () => {
        const fromPlan = platformWorkloads(r.resources);
        expect(fromPlan.map((w) => [w.name, w.kind, w.replicas])).toEqual(
            monitoringWorkloads({
                prometheus: { replicas: 2, resources: values.prometheus.prometheusSpec.resources },
                alertmanager: { replicas: values.alertmanager.alertmanagerSpec.replicas },
            }).map((w) => [w.name, w.kind, w.replicas]),
        );
        expect(fromPlan.find((w) => w.kind === "DaemonSet")!.name).toMatch(/node-exporter/);
    });
});

test("Monitoring (component), dev: present, smaller retention, no SNS role without a topic", async () => {
    const r = await renderMonitoring("dev");
    const p = (r.one("kubernetes:helm.sh/v3:Release").inputs.values as Values).prometheus.prometheusSpec;
    expect([p.retention, p.replicas]).toEqual(["2d", 1]);
    expect(r.ofType("aws:iam/role:Role").filter((x) => String(x.inputs.assumeRolePolicy).includes("alertmanager"))).toEqual([]);
});
