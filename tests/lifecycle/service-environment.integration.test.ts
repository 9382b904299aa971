/**
 * A changed value of a service's environment reaches its pods: the ConfigMap (or Secret) is replaced under a new
 * auto-generated name, create-before-delete, and the Deployment, whose `envFrom` names it, is updated in place, which
 * is a rolling update of its pods. Nothing else changes.
 */
import * as fs from "fs";
import * as path from "path";
import YAML from "yaml";
import { actions, change, changedStackFile, ROOT, scenario, section, type Scenario } from "./scenario";
import type { PlanDocument } from "../../plan/types";

const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
const SECRET = "kubernetes:core/v1:Secret";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

/** The dev stack with the gateway's `env` set. */
const withGatewayEnv = (env: Record<string, string>) =>
    changedStackFile("Pulumi.dev.yaml", (config) => {
        const gateway = section(config, "services").gateway as Record<string, unknown>;
        gateway.env = env;
    });

const lifecycleViolations = (doc: PlanDocument) => doc.violations.filter((v) => v.policy.startsWith("strata-lifecycle"));

describe("a changed env value of a service (dev)", () => {
    let s: Scenario;
    beforeAll(async () => {
        s = await scenario(withGatewayEnv({ LOG_LEVEL: "info" }), withGatewayEnv({ LOG_LEVEL: "debug" }));
    });

    it("replaces the service's ConfigMap and updates its Deployment; nothing else changes", () => {
        expect(actions(s.diffed)).toEqual({
            "strata-dev-svc-gateway-env": "replace",
            "strata-dev-svc-gateway-deployment": "update",
        });
    });

    it("the ConfigMap is replaced for its data, create-before-delete (auto-named: the new one gets a new name)", () => {
        const c = change(s.diffed, "strata-dev-svc-gateway-env");
        expect([c.type, c.replaceReasons, c.deleteBeforeReplace]).toEqual([CONFIG_MAP, ["data"], false]);
        const cm = s.after.resources.find((r) => r.urn === c.urn)!;
        expect(cm.inputs.metadata).not.toHaveProperty("name");
        expect((cm.inputs.data as Record<string, string>).LOG_LEVEL).toBe("debug");
    });

    it("the Deployment is updated in place (its pod template names the new ConfigMap: a rolling update), not replaced", () => {
        const d = change(s.diffed, "strata-dev-svc-gateway-deployment");
        expect([d.type, d.action, d.changedInputs, d.replaceReasons]).toEqual([DEPLOYMENT, "update", ["spec"], []]);
        const spec = s.after.resources.find((r) => r.urn === d.urn)!.inputs.spec as { strategy: unknown };
        expect(spec.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } });
    });

    it("the lifecycle guard has nothing to report", () => {
        expect(lifecycleViolations(s.diffed)).toEqual([]);
    });

    it("the cluster's Kubernetes provider keeps ConfigMaps and Secrets immutable (replaced on change), which the rollout rests on", () => {
        const providers = s.after.resources.filter((r) => r.type === "pulumi:providers:kubernetes");
        expect(providers.length).toBeGreaterThan(0);
        for (const p of providers) {
            expect([p.name, p.inputs.enableConfigMapMutable ?? "unset", p.inputs.enableSecretMutable ?? "unset"]).toEqual([
                p.name,
                "unset",
                "unset",
            ]);
        }
    });
});

describe("a new database password (dev): DATABASE_URL changes", () => {
    let s: Scenario;
    beforeAll(async () => {
        const longer = changedStackFile("Pulumi.dev.yaml", (config) => {
            section(config, "database").passwordLength = 40;
        });
        s = await scenario("Pulumi.dev.yaml", longer);
    });

    const services = (doc: PlanDocument, type: string) =>
        doc.resources.filter(
            (r) => r.type === type && /-svc-/.test(r.name) && (r.propertyDependencies.stringData ?? []).some((u) => u.includes("postgres")),
        );

    it("replaces the Secret of every service that declares the database and updates (rolls) its Deployment or CronJob; only the Job is replaced, and runs again", () => {
        const config = YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8")).config;
        const declared = config["strata:services"] as Record<string, { database?: boolean; kind?: string }>;
        const declaring = Object.entries(declared)
            .filter(([, svc]) => svc.database)
            .map(([name]) => `strata-dev-svc-${name}-secret`);
        const kindOf = (secret: string) => declared[secret.replace(/^strata-dev-svc-|-secret$/g, "")].kind ?? "web";
        expect(declaring.length).toBeGreaterThan(2);
        const secrets = services(s.after, SECRET);
        expect(secrets.map((r) => r.name).sort()).toEqual(declaring.sort());
        for (const secret of secrets) {
            const c = change(s.diffed, secret.name);
            expect([c.name, c.action, c.replaceReasons, c.deleteBeforeReplace]).toEqual([
                secret.name,
                "replace",
                ["stringData (unknown until deploy)"],
                false,
            ]);
            const kind = kindOf(secret.name);
            const workload = change(
                s.diffed,
                secret.name.replace(/-secret$/, kind === "job" ? "-job" : kind === "cronjob" ? "-cronjob" : "-deployment"),
            );
            // A Job's pod template cannot change: the new Secret's name is in the Job's content hash, so the new Job has a
            // new name (created, awaited, then the old one deleted) and the migration runs again against the same
            // schema, a no-op for an idempotent migration.
            if (kind === "job")
                expect([workload.action, workload.changedInputs, workload.deleteBeforeReplace]).toEqual([
                    "replace",
                    ["metadata", "spec"],
                    false,
                ]);
            else expect([workload.action, workload.changedInputs]).toEqual(["update", ["spec"]]);
        }
        const a = actions(s.diffed);
        expect(
            Object.entries(a)
                .filter(([, action]) => action === "replace" || action === "delete")
                .map(([n]) => n)
                .filter((n) => /-svc-/.test(n) && !n.endsWith("-secret") && !n.endsWith("-job")),
        ).toEqual([]);
        expect(Object.entries(a).filter(([n, action]) => n.endsWith("-deployment") && action !== "update")).toEqual([]);
    });
});
