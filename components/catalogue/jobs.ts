/**
 * Run-to-completion workloads: `job` (a Kubernetes Job, run once per change of its pod) and `cronjob` (a CronJob).
 * Shared by config validation (the `kind` enum, the `job:` defaults) and the service components.
 */
export const RUN_TO_COMPLETION_KINDS = ["job", "cronjob"] as const;
export type RunToCompletionKind = (typeof RUN_TO_COMPLETION_KINDS)[number];

/** True for the kinds whose pods run to completion (no Service, no probes, no replicas). */
export function runsToCompletion(kind: string): kind is RunToCompletionKind {
    return (RUN_TO_COMPLETION_KINDS as readonly string[]).includes(kind);
}

/** The `job:` settings of a job or cron job. */
export interface JobSettings {
    /** A database migration: the other workloads of database services wait for it. */
    migration: boolean;
    /** Retries (new pods) after a failed pod. */
    backoffLimit: number;
    /** Seconds the Job may run in all, retries included. */
    activeDeadlineSeconds: number;
}

/** The defaults of `job:`, for a job or cron job that sets none. */
export const JOB_DEFAULTS: Readonly<JobSettings> = { migration: false, backoffLimit: 2, activeDeadlineSeconds: 1800 };
