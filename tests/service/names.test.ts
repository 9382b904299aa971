import fc from "fast-check";
import { Naming } from "../../components/naming";
import { names, selectorLabels, serviceComponentName, serviceLabels } from "../../components/service/names";

test("the resource names of a Service component", () => {
    expect(names("shop-prod-svc-api")).toEqual({
        role: "shop-prod-svc-api-role",
        serviceAccount: "shop-prod-svc-api-sa",
        configMap: "shop-prod-svc-api-env",
        secret: "shop-prod-svc-api-secret",
        deployment: "shop-prod-svc-api-deployment",
        job: "shop-prod-svc-api-job",
        cronJob: "shop-prod-svc-api-cronjob",
        rollout: "shop-prod-svc-api-rollout",
        analysisTemplate: "shop-prod-svc-api-analysis",
        rolloutService: "shop-prod-svc-api-rollout-service",
        service: "shop-prod-svc-api-service",
        ingress: "shop-prod-svc-api-ingress",
        networkPolicy: "shop-prod-svc-api-netpol",
        hpa: "shop-prod-svc-api-hpa",
        pdb: "shop-prod-svc-api-pdb",
        metricsService: "shop-prod-svc-api-metrics",
        serviceMonitor: "shop-prod-svc-api-servicemonitor",
    });
    expect(serviceComponentName(new Naming("shop-prod"), "api")).toBe("shop-prod-svc-api");
});

const prefix = fc.stringMatching(/^[a-z][a-z0-9]{0,10}(-[a-z0-9]{1,8}){0,2}$/);
const service = fc.stringMatching(/^[a-z]([-a-z0-9]{0,20}[a-z0-9])?$/);

test("property: names are distinct, start with the component's name, and the role is the one config validation checks", () => {
    fc.assert(
        fc.property(prefix, service, (p, svc) => {
            const naming = new Naming(p);
            const n = names(serviceComponentName(naming, svc));
            const all = Object.values(n);
            expect(new Set(all).size).toBe(all.length);
            for (const v of all) expect(v.startsWith(`${p}-svc-${svc}-`)).toBe(true);
            // The IAM role name-length check of strata:services (auto-named: Pulumi adds 8 characters).
            expect(n.role).toBe(naming.name("svc", svc, "role"));
        }),
    );
});

test("labels: the selector is the name label; every object also names its namespace, kind and manager", () => {
    expect(selectorLabels("api")).toEqual({ "app.kubernetes.io/name": "api" });
    expect(serviceLabels("api", "shop", "web")).toEqual({
        "app.kubernetes.io/name": "api",
        "app.kubernetes.io/part-of": "shop",
        "app.kubernetes.io/component": "web",
        "app.kubernetes.io/managed-by": "strata",
    });
});
