/** Argo Rollouts' Rollout objects are judged by the workload policies like Deployments. */
import { container } from "./cases";
import { check, res } from "./fake";

const ROLLOUT = "kubernetes:argoproj.io/v1alpha1:Rollout";
const rollout = (over: { container?: Record<string, unknown>; replicas?: number } = {}) =>
    res(ROLLOUT, "hub", {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Rollout",
        metadata: { name: "hub", namespace: "apps" },
        spec: {
            replicas: over.replicas ?? 3,
            selector: { matchLabels: { app: "hub" } },
            template: { metadata: { labels: { app: "hub" } }, spec: { containers: [container(over.container)] } },
            strategy: { canary: { stableService: "hub", canaryService: "hub-canary" } },
        },
    });

test.each<[string, Record<string, unknown>, RegExp]>([
    ["kubernetes-workload-require-restricted-security-context", { securityContext: { runAsNonRoot: true } }, /allowPrivilegeEscalation/],
    ["kubernetes-workload-require-probes", { livenessProbe: undefined }, /livenessProbe/],
    ["kubernetes-workload-require-resource-limits", { resources: {} }, /limits\.cpu/],
    ["kubernetes-workload-disallow-latest-image", { image: "ghcr.io/acme/hub:latest" }, /latest/],
])("%s judges a Rollout's pod template", (policy, change, message) => {
    expect(check(policy, [rollout()])).toEqual([]);
    const bad = rollout({ container: change });
    const found = check(policy, [bad]);
    expect(found.map((v) => v.urn)).toEqual([bad.urn]);
    expect(found[0].message).toMatch(message);
});

test("a Rollout needs replicas and a disruption budget in prod, and a NetworkPolicy", () => {
    expect(check("kubernetes-workload-require-replicas", [rollout({ replicas: 1 })], "prod")[0].message).toMatch(/replicas is 1/);
    expect(check("kubernetes-workload-require-disruption-budget", [rollout()], "prod")[0].message).toMatch(/no PodDisruptionBudget/);
    expect(check("kubernetes-workload-require-network-policy", [rollout()])[0].message).toMatch(/selected by no NetworkPolicy/);
});
