import fc from "fast-check";
import { parseCpu, parseMemory } from "../../components/config/quantity";
import {
    allowDnsSpec,
    defaultDenySpec,
    LIMIT_RANGE_DEFAULTS,
    limitRangeSpec,
    namespaceBudget,
    namespaceCommonLabels,
    namespaceLabels,
    peakPods,
    POD_SECURITY_LABELS,
    quotaSpec,
    READINESS_GATE_LABEL,
} from "../../components/service/namespace";
import { DNS_PORTS, KUBE_DNS_PEER } from "../../components/service/networkPolicy";
import { model, plain, settingsOf, WEB } from "./fixtures";

describe("labels", () => {
    test("restricted Pod Security Standards enforced, audited and warned, at the latest version", () => {
        const labels = namespaceLabels("shop-prod", undefined, false);
        for (const mode of ["enforce", "audit", "warn"]) {
            expect([labels[`pod-security.kubernetes.io/${mode}`], labels[`pod-security.kubernetes.io/${mode}-version`]]).toEqual([
                "restricted",
                "latest",
            ]);
        }
        expect([labels["app.kubernetes.io/managed-by"], labels["strata.dev/stack"]]).toEqual(["strata", "shop-prod"]);
        expect(READINESS_GATE_LABEL in labels).toBe(false);
    });

    test("the readiness gate label only when asked (namespaces with an Ingress)", () => {
        expect(namespaceLabels("p", undefined, true)[READINESS_GATE_LABEL]).toBe("enabled");
        expect(namespaceLabels("p", { context: "claims" }, undefined)).toEqual({
            ...namespaceCommonLabels("p"),
            context: "claims",
            ...POD_SECURITY_LABELS,
        });
    });

    test("property: extra labels never weaken the Pod Security labels", () => {
        const key = fc.constantFrom(...Object.keys(POD_SECURITY_LABELS), "context", "team");
        fc.assert(
            fc.property(fc.dictionary(key, fc.constantFrom("privileged", "baseline", "x")), (extra) => {
                const labels = namespaceLabels("p", extra, false);
                return Object.entries(POD_SECURITY_LABELS).every(([k, v]) => labels[k] === v);
            }),
        );
    });
});

test("policies: default deny both ways; DNS to kube-dns for every pod", () => {
    expect(defaultDenySpec()).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    expect(allowDnsSpec()).toEqual({ podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [KUBE_DNS_PEER], ports: DNS_PORTS }] });
    const NetworkPolicy = model("networking.k8s.io/v1/NetworkPolicy");
    for (const spec of [defaultDenySpec(), allowDnsSpec()]) {
        expect(() =>
            new NetworkPolicy(
                plain({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "p" }, spec }),
            ).validate(),
        ).not.toThrow();
    }
});

test("quota: the budget, and no LoadBalancer or NodePort Services; LimitRange per container", () => {
    const budget = {
        quota: { requests: { cpu: "1000m", memory: "1024Mi" }, limits: { cpu: "2000m", memory: "2048Mi" }, pods: 6 },
        limitRange: { ...LIMIT_RANGE_DEFAULTS, max: { cpu: "1000m", memory: "1024Mi" } },
    };
    expect(quotaSpec(budget.quota).hard).toEqual({
        "requests.cpu": "1000m",
        "requests.memory": "1024Mi",
        "limits.cpu": "2000m",
        "limits.memory": "2048Mi",
        pods: "6",
        "services.loadbalancers": "0",
        "services.nodeports": "0",
    });
    expect(limitRangeSpec(budget.limitRange)).toEqual({ limits: [{ type: "Container", ...budget.limitRange }] });
    const ResourceQuota = model("v1/ResourceQuota");
    const LimitRange = model("v1/LimitRange");
    expect(() =>
        new ResourceQuota(
            plain({ apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "compute" }, spec: quotaSpec(budget.quota) }),
        ).validate(),
    ).not.toThrow();
    expect(() =>
        new LimitRange(
            plain({ apiVersion: "v1", kind: "LimitRange", metadata: { name: "l" }, spec: limitRangeSpec(budget.limitRange) }),
        ).validate(),
    ).not.toThrow();
});

describe("budget", () => {
    test("4 replicas + 1 surge pod, 20% headroom; the LimitRange max is the largest limit", () => {
        const s = settingsOf(
            {
                ...WEB,
                autoscaling: { minReplicas: 2, maxReplicas: 4 },
                resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } },
            },
            "prod",
        );
        expect(namespaceBudget([s])).toEqual({
            quota: { requests: { cpu: "3000m", memory: "6144Mi" }, limits: { cpu: "6000m", memory: "12288Mi" }, pods: 6 },
            limitRange: {
                defaultRequest: { cpu: "100m", memory: "128Mi" },
                default: { cpu: "500m", memory: "512Mi" },
                max: { cpu: "1000m", memory: "2048Mi" },
            },
        });
    });

    test.each([
        [1, 2],
        [4, 5],
        [8, 10],
        [9, 12],
    ])("peak pods of %d replicas: %d (surge 25%%, at least one)", (replicas, pods) => {
        expect(peakPods({ replicas })).toBe(pods);
    });

    test("no services: the defaults as max, an empty quota", () => {
        expect(namespaceBudget([]).limitRange.max).toEqual({ cpu: "500m", memory: "512Mi" });
        expect(namespaceBudget([]).quota.pods).toBe(0);
    });

    test("property: the quota covers every service at its peak, and the max covers every limit", () => {
        const svc = fc.record({
            replicas: fc.integer({ min: 1, max: 10 }),
            cpu: fc.integer({ min: 1, max: 40 }).map((n) => `${n * 50}m`),
            mem: fc.integer({ min: 1, max: 32 }).map((n) => `${n * 64}Mi`),
        });
        fc.assert(
            fc.property(fc.array(svc, { minLength: 1, maxLength: 4 }), (list) => {
                const settings = list.map((x) =>
                    settingsOf({
                        ...WEB,
                        replicas: x.replicas,
                        resources: { requests: { cpu: x.cpu, memory: x.mem }, limits: { cpu: x.cpu, memory: x.mem } },
                    }),
                );
                const b = namespaceBudget(settings);
                const need = (f: (s: (typeof settings)[number]) => number) => settings.reduce((sum, s) => sum + peakPods(s) * f(s), 0);
                expect(b.quota.pods).toBeGreaterThanOrEqual(settings.reduce((n, s) => n + peakPods(s), 0));
                expect(parseCpu(b.quota.requests.cpu)!).toBeGreaterThanOrEqual(need((s) => parseCpu(s.resources.requests.cpu)!) - 1);
                expect(parseMemory(b.quota.limits.memory)!).toBeGreaterThanOrEqual(
                    need((s) => parseMemory(s.resources.limits.memory)!) - 2 ** 20,
                );
                for (const s of settings) expect(parseCpu(b.limitRange.max.cpu)!).toBeGreaterThanOrEqual(parseCpu(s.resources.limits.cpu)!);
            }),
            { numRuns: 50 },
        );
    });
});
