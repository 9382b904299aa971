import fc from "fast-check";
import { hpaSpec, maxReplicas, needsDisruptionBudget, pdbSpec } from "../../components/service/autoscaling";
import { model, plain, settingsOf, WEB } from "./fixtures";

const autoscaled = (env: "dev" | "prod", autoscaling: Record<string, unknown> = { minReplicas: 3, maxReplicas: 20 }) =>
    settingsOf({ ...WEB, autoscaling }, env);

describe("HPA (autoscaling/v2)", () => {
    test("targets the Deployment with CPU and memory utilisation", () => {
        const spec = hpaSpec("gateway", autoscaled("prod").autoscaling!);
        expect(spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "gateway" });
        expect([spec.minReplicas, spec.maxReplicas]).toEqual([3, 20]);
        expect(spec.metrics.map((m) => [m.resource.name, m.resource.target.type, m.resource.target.averageUtilization])).toEqual([
            ["cpu", "Utilization", 70],
            ["memory", "Utilization", 80],
        ]);
    });

    test.each([
        ["dev", 0],
        ["prod", 30],
    ] as const)(
        "behaviour in %s: scale up by the larger of 100%% and 4 pods per 30 s after %d s, down by 50%% after 300 s",
        (env, upWindow) => {
            const b = hpaSpec("gateway", autoscaled(env).autoscaling!).behavior;
            expect(b.scaleUp).toEqual({
                stabilizationWindowSeconds: upWindow,
                selectPolicy: "Max",
                policies: [
                    { type: "Percent", value: 100, periodSeconds: 30 },
                    { type: "Pods", value: 4, periodSeconds: 30 },
                ],
            });
            expect(b.scaleDown).toEqual({
                stabilizationWindowSeconds: 300,
                selectPolicy: "Max",
                policies: [{ type: "Percent", value: 50, periodSeconds: 30 }],
            });
        },
    );

    test("settings reach the spec unchanged", () => {
        const a = autoscaled("dev", {
            minReplicas: 2,
            maxReplicas: 6,
            targetCpuUtilization: 50,
            scaleDownPercent: 10,
            periodSeconds: 60,
            scaleUpPods: 2,
        }).autoscaling!;
        const spec = hpaSpec("x", a);
        expect([
            spec.metrics[0].resource.target.averageUtilization,
            spec.behavior.scaleDown.policies[0],
            spec.behavior.scaleUp.policies[1],
        ]).toEqual([50, { type: "Percent", value: 10, periodSeconds: 60 }, { type: "Pods", value: 2, periodSeconds: 60 }]);
    });

    test("validates against the Kubernetes API schema", () => {
        const HPA = model("autoscaling/v2/HorizontalPodAutoscaler");
        const obj = plain({
            apiVersion: "autoscaling/v2",
            kind: "HorizontalPodAutoscaler",
            metadata: { name: "gateway", namespace: "shop" },
            spec: hpaSpec("gateway", autoscaled("prod").autoscaling!),
        });
        expect(() => new HPA(obj).validate()).not.toThrow();
    });
});

describe("PodDisruptionBudget", () => {
    test.each([
        [{ replicas: 1 }, false],
        [{ replicas: 2 }, true],
        [{ replicas: 1, autoscaling: { minReplicas: 2, maxReplicas: 4 } }, true],
        [{ replicas: 3, autoscaling: { minReplicas: 1, maxReplicas: 4 } }, false],
    ])("%j -> %s", (s, expected) => {
        expect(needsDisruptionBudget(s as Parameters<typeof needsDisruptionBudget>[0])).toBe(expected);
    });

    test("one pod of the service down at a time; validates", () => {
        expect(pdbSpec("gateway")).toEqual({ maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "gateway" } } });
        const PDB = model("policy/v1/PodDisruptionBudget");
        expect(() =>
            new PDB(
                plain({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "gateway" }, spec: pdbSpec("gateway") }),
            ).validate(),
        ).not.toThrow();
    });
});

test("maxReplicas: the HPA's maximum, else the fixed count, never below the minimum", () => {
    expect(maxReplicas({ replicas: 3 })).toBe(3);
    fc.assert(
        fc.property(
            fc.integer({ min: 1, max: 50 }),
            fc.integer({ min: 0, max: 50 }),
            (min, extra) =>
                maxReplicas({ replicas: 1, autoscaling: { minReplicas: min, maxReplicas: min + extra } as never }) === min + extra,
        ),
    );
});
