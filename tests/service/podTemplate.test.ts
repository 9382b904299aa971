import fc from "fast-check";
import { SPOT_NODE_LABELS, SPOT_TOLERATION } from "../../components/catalogue/spot";
import {
    containerSecurityContext,
    deploymentIgnoreChanges,
    deploymentSpec,
    deploymentWaitsForController,
    minReplicas,
    podSecurityContext,
    podTemplate,
    PRE_STOP_SLEEP_SECONDS,
    preStopSleepSeconds,
    probe,
    runAsGroupOf,
    servicePreStopSleep,
    spotPlacement,
    topologySpread,
    writableVolumes,
    ZONE_SPREAD,
} from "../../components/service/podTemplate";
import { serviceLabels } from "../../components/service/names";
import { model, plain, settingsOf, WEB, WORKER } from "./fixtures";

const SPOT = { tolerations: [{ ...SPOT_TOLERATION }], preferNodeLabels: { ...SPOT_NODE_LABELS } };
const input = (raw: Record<string, unknown>, extra: Partial<Parameters<typeof podTemplate>[0]> = {}) => ({
    service: "api",
    settings: settingsOf(raw),
    labels: serviceLabels("api", "shop", String(raw.kind ?? "web")),
    serviceAccountName: "api",
    configMapName: "api-env-abc",
    ...extra,
});

describe("security context: the Pod Security Standards restricted profile", () => {
    test.each([
        [{ runAsUser: 10001 }, 10001, 10001],
        [{ runAsUser: 101 }, 101, 101],
        [{ runAsUser: 101, runAsGroup: 2000 }, 101, 2000],
    ])("%j runs as user %d, group %d", (ids, user, group) => {
        expect(runAsGroupOf(ids)).toBe(group);
        expect(podSecurityContext(ids)).toEqual({
            runAsNonRoot: true,
            runAsUser: user,
            runAsGroup: group,
            fsGroup: group,
            seccompProfile: { type: "RuntimeDefault" },
        });
        expect(containerSecurityContext(ids)).toEqual({
            runAsNonRoot: true,
            runAsUser: user,
            runAsGroup: group,
            allowPrivilegeEscalation: false,
            privileged: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ["ALL"] },
            seccompProfile: { type: "RuntimeDefault" },
        });
    });

    test("every container of every template carries it", () => {
        const spec = podTemplate(input({ ...WEB, runAsUser: 101 })).spec;
        expect(spec.securityContext.runAsNonRoot).toBe(true);
        expect(
            spec.containers.map((c) => [
                c.securityContext.allowPrivilegeEscalation,
                c.securityContext.readOnlyRootFilesystem,
                c.securityContext.capabilities.drop,
            ]),
        ).toEqual([[false, true, ["ALL"]]]);
        expect([spec.automountServiceAccountToken, spec.enableServiceLinks]).toEqual([false, false]);
    });
});

describe("probes", () => {
    test.each([
        [{ path: "/ready", port: undefined }, { httpGet: { path: "/ready", port: "http", scheme: "HTTP" } }],
        [{ path: "/ready", port: 9090 }, { httpGet: { path: "/ready", port: 9090, scheme: "HTTP" } }],
        [{ exec: ["celery", "inspect", "ping"] }, { exec: { command: ["celery", "inspect", "ping"] } }],
    ])("%j", (p, action) => {
        const timing = { initialDelaySeconds: 1, periodSeconds: 2, timeoutSeconds: 3, failureThreshold: 4 };
        expect(probe({ ...p, ...timing } as Parameters<typeof probe>[0])).toEqual({ ...action, ...timing });
    });

    test("web defaults: liveness GET /health, readiness GET /ready; no startup probe unless given", () => {
        const c = podTemplate(input(WEB)).spec.containers[0];
        expect([c.livenessProbe?.httpGet?.path, c.readinessProbe?.httpGet?.path]).toEqual(["/health", "/ready"]);
        expect("startupProbe" in c).toBe(false);
        const withStartup = podTemplate(input({ ...WEB, probes: { startup: { path: "/start" } } })).spec.containers[0];
        expect(withStartup.startupProbe?.httpGet?.path).toBe("/start");
        expect(probe(undefined)).toBeUndefined();
    });

    test("workers: their exec probes, no port", () => {
        const c = podTemplate(input(WORKER)).spec.containers[0];
        expect(c.livenessProbe?.exec?.command).toEqual(["true"]);
        expect("ports" in c).toBe(false);
    });
});

describe("container", () => {
    test("image, command, args, port, resources, env from the ConfigMap and (when there is one) the Secret", () => {
        const c = podTemplate(input({ ...WEB, command: ["/bin/app"], port: 9000 }, { secretName: "api-secret-xyz" })).spec.containers[0];
        expect([c.name, c.image, c.imagePullPolicy, c.command, c.args]).toEqual(["api", WEB.image, "IfNotPresent", ["/bin/app"], WEB.args]);
        expect(c.ports).toEqual([{ name: "http", containerPort: 9000, protocol: "TCP" }]);
        expect(c.envFrom).toEqual([{ configMapRef: { name: "api-env-abc" } }, { secretRef: { name: "api-secret-xyz" } }]);
        expect(c.resources).toEqual({ requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } });
        expect(podTemplate(input(WEB)).spec.containers[0].envFrom).toEqual([{ configMapRef: { name: "api-env-abc" } }]);
    });

    test("writable paths: one emptyDir each, mounted where declared", () => {
        expect(writableVolumes(["/tmp", "/var/cache"])).toEqual({
            volumes: [
                { name: "writable-0", emptyDir: { sizeLimit: "1Gi" } },
                { name: "writable-1", emptyDir: { sizeLimit: "1Gi" } },
            ],
            volumeMounts: [
                { name: "writable-0", mountPath: "/tmp" },
                { name: "writable-1", mountPath: "/var/cache" },
            ],
        });
    });
});

describe("scheduling and shutdown", () => {
    test("zone and host spread are preferences (multi-AZ node groups), selecting the service's pods", () => {
        expect(ZONE_SPREAD).toBe("ScheduleAnyway");
        expect(
            topologySpread("api").map((c) => [c.topologyKey, c.whenUnsatisfiable, c.labelSelector.matchLabels["app.kubernetes.io/name"]]),
        ).toEqual([
            ["topology.kubernetes.io/zone", "ScheduleAnyway", "api"],
            ["kubernetes.io/hostname", "ScheduleAnyway", "api"],
        ]);
    });

    test("preStop sleep: at most a third of the grace period, never more than the constant", () => {
        expect([preStopSleepSeconds(30), preStopSleepSeconds(6), preStopSleepSeconds(0)]).toEqual([10, 2, 0]);
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 3600 }), (grace) => {
                const sleep = preStopSleepSeconds(grace);
                return sleep <= PRE_STOP_SLEEP_SECONDS && sleep * 3 <= grace && sleep >= 0;
            }),
        );
    });

    test("web pods drain before SIGTERM, workers do not", () => {
        expect(servicePreStopSleep({ kind: "web", terminationGracePeriodSeconds: 30 })).toBe(10);
        expect(servicePreStopSleep({ kind: "worker", terminationGracePeriodSeconds: 30 })).toBe(0);
        expect(podTemplate(input(WEB)).spec.containers[0].lifecycle).toEqual({ preStop: { sleep: { seconds: 10 } } });
        expect("lifecycle" in podTemplate(input(WORKER)).spec.containers[0]).toBe(false);
        expect("lifecycle" in podTemplate(input({ ...WEB, terminationGracePeriodSeconds: 2 })).spec.containers[0]).toBe(false);
    });

    test("spot: the catalogue's toleration and a preferred (not required) affinity to spot nodes, only for spot: true", () => {
        expect(spotPlacement(undefined)).toEqual({});
        expect(spotPlacement({ tolerations: SPOT.tolerations })).toEqual({
            tolerations: [{ key: "strata.io/spot", value: "true", operator: "Equal", effect: "NoSchedule" }],
        });
        const spot = podTemplate(input({ ...WORKER, spot: true }, { spotScheduling: SPOT })).spec;
        expect(spot.tolerations).toEqual([SPOT_TOLERATION]);
        expect(spot.affinity?.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution).toEqual([
            { weight: 100, preference: { matchExpressions: [{ key: "strata.io/capacity", operator: "In", values: ["spot"] }] } },
        ]);
        const onDemand = podTemplate(input(WORKER, { spotScheduling: SPOT })).spec;
        expect(["tolerations" in onDemand, "affinity" in onDemand]).toEqual([false, false]);
    });
});

describe("Deployment", () => {
    test("replicas: the HPA's minimum, or the fixed count; the HPA then owns spec.replicas", () => {
        expect(minReplicas({ replicas: 3 })).toBe(3);
        expect(minReplicas({ replicas: 3, autoscaling: { minReplicas: 2 } as never })).toBe(2);
        expect(deploymentIgnoreChanges({})).toBeUndefined();
        expect(deploymentIgnoreChanges({ autoscaling: { minReplicas: 2 } as never })).toEqual(["spec.replicas"]);
    });

    test("rolling update without unavailability, selecting the service's pods", () => {
        const spec = deploymentSpec(input({ ...WEB, replicas: 2 }));
        expect([spec.replicas, spec.revisionHistoryLimit, spec.strategy]).toEqual([
            2,
            5,
            { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
        ]);
        expect(spec.selector.matchLabels).toEqual({ "app.kubernetes.io/name": "api" });
        expect(spec.template.metadata.labels["app.kubernetes.io/name"]).toBe("api");
    });

    test("waits for the load balancer controller exactly when the namespace injects readiness gates", () => {
        expect([deploymentWaitsForController(true), deploymentWaitsForController(false), deploymentWaitsForController(undefined)]).toEqual([
            true,
            false,
            false,
        ]);
    });

    test.each([
        ["web", WEB],
        ["worker on spot", { ...WORKER, spot: true, command: ["celery"], writablePaths: ["/tmp", "/data"] }],
        ["web with every probe", { ...WEB, probes: { liveness: { path: "/l" }, readiness: { path: "/r" }, startup: { exec: ["true"] } } }],
    ])("%s validates against the Kubernetes API schema", (_name, raw) => {
        const Deployment = model("apps/v1/Deployment");
        const obj = plain({
            apiVersion: "apps/v1",
            kind: "Deployment",
            metadata: { name: "api", namespace: "shop" },
            spec: deploymentSpec(input(raw, { spotScheduling: SPOT, secretName: "s" })),
        });
        expect(() => new Deployment(obj).validate()).not.toThrow();
    });
});
