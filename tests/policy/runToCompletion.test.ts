/** Jobs and CronJobs are judged by the workload policies like Deployments, except the probe rule (they run to completion). */
import { container } from "./cases";
import { check, res } from "./fake";

const JOB = "kubernetes:batch/v1:Job";
const CRON_JOB = "kubernetes:batch/v1:CronJob";
/** A pod template without probes (a job's), with the container changed by `over`. */
const template = (over: Record<string, unknown> = {}) => ({
    metadata: { labels: { app: "migrate" } },
    spec: {
        restartPolicy: "Never",
        containers: [container({ livenessProbe: undefined, readinessProbe: undefined, ...over })],
    },
});
const job = (over?: Record<string, unknown>) =>
    res(JOB, "migrate", { metadata: { name: "migrate-0a1b2c3d", namespace: "apps" }, spec: { backoffLimit: 2, template: template(over) } });
const cronJob = (over?: Record<string, unknown>) =>
    res(CRON_JOB, "nightly", {
        metadata: { name: "nightly", namespace: "apps" },
        spec: { schedule: "30 2 * * *", jobTemplate: { spec: { template: template(over) } } },
    });
const netpol = (labels: Record<string, string>) =>
    res("kubernetes:networking.k8s.io/v1:NetworkPolicy", "np", {
        metadata: { namespace: "apps" },
        spec: { podSelector: { matchLabels: labels }, policyTypes: ["Ingress", "Egress"] },
    });

describe.each([
    ["Job", job],
    ["CronJob (its job template's pod spec)", cronJob],
])("%s", (_kind, make) => {
    test("the restricted security context is required", () => {
        expect(check("kubernetes-workload-require-restricted-security-context", [make()])).toEqual([]);
        const bad = make({ securityContext: { runAsNonRoot: true, capabilities: { drop: ["ALL"] } } });
        const found = check("kubernetes-workload-require-restricted-security-context", [bad]);
        expect(found.map((v) => v.urn)).toEqual([bad.urn]);
        expect(found[0].message).toMatch(/allowPrivilegeEscalation is not false/);
    });
    test("resource limits and pinned images are required", () => {
        expect(check("kubernetes-workload-require-resource-limits", [make({ resources: {} })])[0].message).toMatch(/limits\.cpu/);
        expect(check("kubernetes-workload-disallow-latest-image", [make({ image: "ghcr.io/acme/api:latest" })]).length).toBe(1);
    });
    test("a NetworkPolicy must select its pods", () => {
        expect(check("kubernetes-workload-require-network-policy", [make(), netpol({ app: "migrate" })])).toEqual([]);
        expect(check("kubernetes-workload-require-network-policy", [make(), netpol({ app: "api" })])[0].message).toMatch(
            /selected by no NetworkPolicy/,
        );
    });
    test("no probes are asked of a pod that runs to completion", () => {
        expect(check("kubernetes-workload-require-probes", [make()])).toEqual([]);
    });
});
