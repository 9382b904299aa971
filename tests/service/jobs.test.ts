import { Services } from "../../components/service";
import { cronJobSpec, isMigration, jobAwaitTimeout, jobContent, jobName, jobSpec, waitsForMigrations } from "../../components/service/jobs";
import { namespaceBudget, peakPods } from "../../components/service/namespace";
import { needsDisruptionBudget } from "../../components/service/autoscaling";
import type { PodTemplateInput } from "../../components/service/podTemplate";
import { render } from "../../plan";
import { loadConfig } from "../helpers";
import { model, plain, servicesOf, settingsOf } from "./fixtures";

const IMAGE = "ghcr.io/acme/api:1.4.2";
const MIGRATE = { kind: "job", image: IMAGE, command: ["alembic", "upgrade", "head"], database: true, job: { migration: true } };
const NIGHTLY = { kind: "cronjob", image: IMAGE, args: ["report"], cron: { schedule: "30 2 * * *", timeZone: "Europe/Berlin" } };

function input(raw: Record<string, unknown>) {
    return {
        service: "migrate",
        settings: settingsOf(raw),
        labels: { "app.kubernetes.io/name": "migrate" },
        serviceAccountName: "migrate",
        configMapName: "migrate-env-abc",
        secretName: "migrate-secret-abc",
    } satisfies PodTemplateInput;
}

describe("Job names carry their content", () => {
    const base = jobName("migrate", jobContent(input(MIGRATE)));
    test("<service>-<8 hex>, within the 63 characters of a Job name", () => {
        expect(base).toMatch(/^migrate-[0-9a-f]{8}$/);
        expect(jobName("a".repeat(40), "x").length).toBeLessThanOrEqual(63);
    });
    test.each<[string, Record<string, unknown>]>([
        ["image", { image: "ghcr.io/acme/api:1.4.3" }],
        ["command", { command: ["alembic", "upgrade", "+1"] }],
        ["args", { args: ["--sql"] }],
        ["env", { env: { LOG_LEVEL: "debug" } }],
        ["secretEnv", { secretEnv: { API_KEY: "acme:apiKey" } }],
        ["resources", { resources: { limits: { memory: "1Gi" } } }],
        ["backoffLimit", { job: { migration: true, backoffLimit: 0 } }],
    ])("a change of %s is a new name (a new Job, run once)", (_what, change) => {
        expect(jobName("migrate", jobContent(input({ ...MIGRATE, ...change })))).not.toBe(base);
    });
    test("the same content is the same name, whatever the key order", () => {
        const reordered = { job: { migration: true }, database: true, command: MIGRATE.command, image: IMAGE, kind: "job" };
        expect(jobName("migrate", jobContent(input(reordered)))).toBe(base);
    });
    test("a new ConfigMap or Secret (anything in the environment: a URL, DATABASE_URL after a new password) is a new Job", () => {
        expect(jobName("migrate", jobContent({ ...input(MIGRATE), configMapName: "migrate-env-xyz" }))).not.toBe(base);
        expect(jobName("migrate", jobContent({ ...input(MIGRATE), secretName: "migrate-secret-2" }))).not.toBe(base);
    });
});

describe("Job and CronJob specs", () => {
    test("a Job: one pod, restartPolicy Never, no probes or spread, deadline and backoff from job:, no TTL; it validates", () => {
        const spec = jobSpec(input({ ...MIGRATE, job: { migration: true, backoffLimit: 1, activeDeadlineSeconds: 900 } }));
        expect(spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 1, activeDeadlineSeconds: 900 });
        expect(spec).not.toHaveProperty("ttlSecondsAfterFinished");
        const pod = spec.template.spec as Record<string, unknown>;
        expect(pod.restartPolicy).toBe("Never");
        expect(pod).not.toHaveProperty("topologySpreadConstraints");
        const [c] = pod.containers as Array<Record<string, unknown>>;
        expect(c).not.toHaveProperty("livenessProbe");
        expect(c).not.toHaveProperty("readinessProbe");
        expect(c).not.toHaveProperty("lifecycle");
        expect(c.command).toEqual(["alembic", "upgrade", "head"]);
        expect(c.securityContext).toMatchObject({ runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
        const Job = model("batch/v1/Job");
        expect(() =>
            new Job(plain({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "migrate-1" }, spec })).validate(),
        ).not.toThrow();
    });

    test("the await timeout is the deadline plus two minutes, in minutes", () => {
        expect(jobAwaitTimeout({ activeDeadlineSeconds: 1800 })).toBe("32m");
        expect(jobAwaitTimeout({ activeDeadlineSeconds: 61 })).toBe("4m");
    });

    test("a CronJob: schedule, zone, Forbid by default, history limits, the same job template; it validates", () => {
        const spec = cronJobSpec({ ...input(NIGHTLY), service: "nightly" });
        expect(spec).toMatchObject({
            schedule: "30 2 * * *",
            timeZone: "Europe/Berlin",
            concurrencyPolicy: "Forbid",
            startingDeadlineSeconds: 600,
            successfulJobsHistoryLimit: 3,
            failedJobsHistoryLimit: 3,
            suspend: false,
        });
        expect(spec.jobTemplate.spec).toMatchObject({ backoffLimit: 2, activeDeadlineSeconds: 1800 });
        expect((spec.jobTemplate.spec.template.spec as { restartPolicy: string }).restartPolicy).toBe("Never");
        const CronJob = model("batch/v1/CronJob");
        expect(() =>
            new CronJob(plain({ apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "nightly" }, spec })).validate(),
        ).not.toThrow();
    });

    test("quota and disruption budget: a job is one pod, a cron job two when runs may overlap; neither gets a PDB", () => {
        const job = settingsOf(MIGRATE);
        expect(peakPods(job)).toBe(1);
        expect(peakPods(settingsOf(NIGHTLY))).toBe(1);
        expect(peakPods(settingsOf({ ...NIGHTLY, cron: { schedule: "@hourly", concurrencyPolicy: "Allow" } }))).toBe(2);
        expect(namespaceBudget([job]).quota.pods).toBe(2); // one pod, with the quota's 20 % headroom rounded up
        expect(needsDisruptionBudget(settingsOf({ ...MIGRATE, replicas: 3 }))).toBe(false);
    });

    test("who waits for the migrations: the other database services", () => {
        const all = servicesOf({
            migrate: MIGRATE,
            api: { image: IMAGE, database: true },
            web: { image: IMAGE },
            nightly: { ...NIGHTLY, database: true },
        });
        expect(isMigration(all.migrate)).toBe(true);
        expect(Object.keys(all).filter((s) => waitsForMigrations(all, s))).toEqual(["api", "nightly"]);
        const noMigration = servicesOf({ api: { image: IMAGE, database: true } });
        expect(waitsForMigrations(noMigration, "api")).toBe(false);
    });
});

describe("Services (component) with a migration job and a cron job", () => {
    const cfg = loadConfig({
        "strata:services": { migrate: MIGRATE, api: { image: IMAGE, database: true }, web: { image: IMAGE }, nightly: NIGHTLY },
    });
    const rendered = render(({ kubernetesProvider }) => {
        return new Services(
            cfg.naming.name("services"),
            {
                naming: cfg.naming,
                environment: cfg.environment,
                protection: cfg.protection,
                defaultTags: cfg.defaultTags,
                services: cfg.services,
                defaultNamespace: "shop",
                region: "us-east-1",
                vpcCidr: "10.0.0.0/16",
                publicSubnetCidrs: [],
                isolatedSubnetCidrs: ["10.0.96.0/20"],
                database: { url: "postgresql://app:pw@db.internal:5432/app", port: 5432 },
                buckets: {},
                queues: {},
                secretConfig: {},
            },
            { providers: { kubernetes: kubernetesProvider() } },
        );
    });

    test("the migration is a kubernetes:batch/v1:Job named by content, awaited past its deadline", async () => {
        const r = await rendered;
        const job = r.one("kubernetes:batch/v1:Job");
        expect(job.name).toBe("strata-dev-svc-migrate-job");
        const meta = job.inputs.metadata as { name: string; namespace: string };
        expect(meta.name).toMatch(/^migrate-[0-9a-f]{8}$/);
        expect(meta.namespace).toBe("shop");
        expect(job.options.customTimeouts).toEqual({ create: "32m", update: "32m" });
        // A Job that did not complete (a failed migration) is run again by the next pulumi up, not waited on.
        expect((job.inputs.metadata as { annotations: Record<string, string> }).annotations).toEqual({
            "pulumi.com/replaceUnready": "true",
        });
    });

    test("the database service's Deployment depends on the Job; the one without a database does not", async () => {
        const r = await rendered;
        const job = r.one("kubernetes:batch/v1:Job");
        expect(r.one("kubernetes:apps/v1:Deployment", "strata-dev-svc-api-deployment").dependencies).toContain(job.urn);
        expect(r.one("kubernetes:apps/v1:Deployment", "strata-dev-svc-web-deployment").dependencies).not.toContain(job.urn);
        // The job itself gets the database URL and egress to PostgreSQL, like any database service.
        const policy = r.ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy").find((p) => p.name === "strata-dev-svc-migrate-netpol")!;
        expect((policy.inputs.spec as { egress: unknown[] }).egress).toContainEqual({
            to: [{ ipBlock: { cidr: "10.0.96.0/20" } }],
            ports: [{ protocol: "TCP", port: 5432 }],
        });
    });

    test("the cron job is a kubernetes:batch/v1:CronJob; jobs get no Service, HPA or PDB", async () => {
        const r = await rendered;
        const cron = r.one("kubernetes:batch/v1:CronJob");
        expect(cron.inputs.metadata).toMatchObject({ name: "nightly", namespace: "shop" });
        expect(cron.inputs.spec).toMatchObject({ schedule: "30 2 * * *", timeZone: "Europe/Berlin", concurrencyPolicy: "Forbid" });
        const services = r.ofType("kubernetes:core/v1:Service").map((s) => (s.inputs.metadata as { name: string }).name);
        expect(services.sort()).toEqual(["api", "web"]);
        expect(r.ofType("kubernetes:policy/v1:PodDisruptionBudget")).toEqual([]);
    });
});
