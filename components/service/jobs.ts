import { createHash } from "crypto";
import type { ServiceSettings, ServicesSettings } from "../config/services";
import { JOB_DEFAULTS, type JobSettings } from "../catalogue/jobs";
import type { CronSettings } from "../config/jobs";
import type { PodTemplateInput } from "./podTemplate";
import { podTemplate } from "./podTemplate";

/** The `job:` settings of a job or cron job, with the defaults when it sets none. */
export function jobSettings(s: Pick<ServiceSettings, "job">): JobSettings {
    return s.job ?? JOB_DEFAULTS;
}

/** Whether a service is a database migration job (runs before the database's other workloads). */
export function isMigration(s: Pick<ServiceSettings, "kind" | "job">): boolean {
    return s.kind === "job" && !!s.job?.migration;
}

/** JSON with object keys sorted, so equal content hashes equally whatever the key order. */
function stableJson(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
    if (v && typeof v === "object")
        return `{${Object.keys(v)
            .sort()
            .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
            .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
            .join(",")}}`;
    return JSON.stringify(v);
}

/**
 * The content a job runs: its pod template (image, command, args, resources, security, placement, and the names of the
 * ConfigMap and Secret it reads its environment from), its `env`, the secret config keys behind its Secret and its
 * `job:` settings. The ConfigMap and Secret are auto-named and get a new name whenever anything in them changes (a
 * callee's URL, a bucket, DATABASE_URL after a new password), so their names stand for everything the job reads: a
 * change there is a new Job too, never the same name with a new template (which Kubernetes refuses, so the provider
 * would delete the old Job first and re-run it under the old name). The ServiceAccount's name is the service's own.
 */
export function jobContent(
    p: Omit<PodTemplateInput, "configMapName" | "secretName"> & { configMapName: string; secretName?: string },
): string {
    const s = p.settings;
    const template = podTemplate({
        ...p,
        // The image as configured (an ecr service's tag or digest): the repository URL is an output, and the same
        // for every release of the stack.
        image: undefined,
        serviceAccountName: p.service,
    });
    return stableJson({ template, env: s.env, secretEnv: s.secretEnv, job: jobSettings(s) });
}

/**
 * The Job's name: `<service>-<first 8 hex digits of the SHA-256 of its content>` (`jobContent`). A Job's pod template cannot change
 * (Kubernetes refuses updates to `spec.template`), so a new image or command must be a new Job: with the content in
 * the name, Pulumi creates the new Job, waits for it to complete, then deletes the old one; unchanged content keeps
 * the name and nothing re-runs. A service name is at most 40 characters, so the name stays within the 63 a Job's
 * name may have (its pods carry it in the `job-name` label).
 */
export function jobName(service: string, content: string): string {
    return `${service}-${createHash("sha256").update(content).digest("hex").slice(0, 8)}`;
}

/**
 * The annotations of a Job: `pulumi.com/replaceUnready` makes the next `pulumi up` replace (run again) a Job that did not
 * complete, a failed migration after a transient error, instead of waiting again on its Failed condition, which would
 * fail every update until the content changed (pulumi-kubernetes `batch/v1.Job` docs; the provider checks the live Job's
 * readiness on diff, provider/pkg/provider/provider.go). A completed Job stays as it is.
 */
export const JOB_ANNOTATIONS: Readonly<Record<string, string>> = { "pulumi.com/replaceUnready": "true" };

/** Seconds `pulumi up` gives a Job beyond its deadline, for the controller to report the outcome. */
export const JOB_AWAIT_MARGIN_SECONDS = 120;

/**
 * How long Pulumi waits for a Job to complete: its deadline plus a margin, in whole minutes. The Kubernetes provider
 * waits for the Job's Complete condition (10 minutes unless `customTimeouts` says otherwise, pulumi-kubernetes
 * `batch/v1.Job` docs) and fails the update at once on its Failed condition.
 */
export function jobAwaitTimeout(job: Pick<JobSettings, "activeDeadlineSeconds">): string {
    return `${Math.ceil((job.activeDeadlineSeconds + JOB_AWAIT_MARGIN_SECONDS) / 60)}m`;
}

/**
 * A Job's spec: one pod (completions and parallelism 1), retried `backoffLimit` times, stopped after
 * `activeDeadlineSeconds`. No `ttlSecondsAfterFinished`: a Job deleted by its TTL would be re-created, and re-run, by
 * the next `pulumi up` or `refresh`; completed Jobs stay until their content changes.
 */
export function jobSpec(p: PodTemplateInput) {
    const job = jobSettings(p.settings);
    return {
        completions: 1,
        parallelism: 1,
        backoffLimit: job.backoffLimit,
        activeDeadlineSeconds: job.activeDeadlineSeconds,
        template: podTemplate(p),
    };
}

/**
 * A CronJob's spec: the schedule in its time zone, the concurrency policy, a starting deadline and the history kept,
 * around the same Job spec a job has (the CronJob names its Jobs itself; its job template updates in place and
 * applies from the next run).
 */
export function cronJobSpec(p: PodTemplateInput) {
    const cron = p.settings.cron as CronSettings | undefined;
    if (!cron) throw new Error(`cron job ${p.service} has no cron settings (config validation requires them)`);
    const { completions, parallelism, backoffLimit, activeDeadlineSeconds, template } = jobSpec(p);
    return {
        schedule: cron.schedule,
        timeZone: cron.timeZone,
        concurrencyPolicy: cron.concurrencyPolicy,
        startingDeadlineSeconds: cron.startingDeadlineSeconds,
        successfulJobsHistoryLimit: cron.successfulJobsHistoryLimit,
        failedJobsHistoryLimit: cron.failedJobsHistoryLimit,
        suspend: cron.suspend,
        jobTemplate: {
            metadata: { labels: p.labels },
            spec: { completions, parallelism, backoffLimit, activeDeadlineSeconds, template },
        },
    };
}

/**
 * The services whose workloads wait for the migration jobs: every other `database: true` service (the stack has one
 * database). Empty when there is no migration.
 */
export function waitsForMigrations(services: ServicesSettings, service: string): boolean {
    const s = services[service];
    return s.database && !isMigration(s) && Object.values(services).some(isMigration);
}
