import { z } from "zod";
import { JOB_DEFAULTS, runsToCompletion, type JobSettings } from "../catalogue/jobs";
import { allowed } from "./meta";

export { JOB_DEFAULTS, RUN_TO_COMPLETION_KINDS, runsToCompletion, type JobSettings } from "../catalogue/jobs";

/*
 * The settings of run-to-completion services live under `job:` (jobs and cron jobs) and `cron:` (cron jobs); this
 * module holds those schemas and the rules that tie them to the service's kind.
 */

/** The CronJob concurrency policies (Kubernetes `CronJobSpec.concurrencyPolicy`). */
export const CONCURRENCY_POLICIES = ["Forbid", "Replace", "Allow"] as const;

/**
 * The macros and field ranges of the schedule syntax the CronJob controller accepts: it parses `spec.schedule` with
 * robfig/cron v3's standard parser (Kubernetes docs, "CronJob", section "Schedule syntax": five fields, the
 * `@yearly` ... `@hourly` macros, `?` like `*`, month and weekday names). Weekdays are 0-6: the parser's bounds
 * (robfig/cron v3 `spec.go`, `dow = bounds{0, 6, ...}`) refuse 7, though some crons read it as Sunday.
 */
const CRON_MACROS = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
const CRON_FIELDS: ReadonlyArray<{ name: string; min: number; max: number; names?: string[] }> = [
    { name: "minute", min: 0, max: 59 },
    { name: "hour", min: 0, max: 23 },
    { name: "day of month", min: 1, max: 31 },
    { name: "month", min: 1, max: 12, names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] },
    { name: "day of week", min: 0, max: 6, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
];

/** One field's value: a number, or a name (months from 1, weekdays from 0), or undefined. */
function cronValue(text: string, field: (typeof CRON_FIELDS)[number]): number | undefined {
    if (/^\d+$/.test(text)) return Number(text);
    const i = field.names?.indexOf(text.toUpperCase()) ?? -1;
    if (i < 0) return undefined;
    return field.min === 1 ? i + 1 : i;
}

/** Why a schedule is not one the CronJob controller accepts, or undefined when it is. */
export function cronScheduleProblem(schedule: string): string | undefined {
    const s = schedule.trim();
    if (/^(CRON_)?TZ=/.test(s)) return "sets the time zone inside the schedule, which Kubernetes refuses; set cron.timeZone instead";
    if (s.startsWith("@")) return CRON_MACROS.includes(s) ? undefined : `is not one of the macros ${CRON_MACROS.join(", ")}`;
    const fields = s.split(/\s+/);
    if (fields.length !== 5)
        return `has ${fields.length} fields; a schedule has five (minute hour day-of-month month day-of-week), e.g. "30 2 * * *"`;
    for (const [i, text] of fields.entries()) {
        const f = CRON_FIELDS[i];
        for (const part of text.split(",")) {
            const [range, step, extra] = part.split("/");
            if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step)))
                return `has "${part}" in the ${f.name} field; a step is /<positive number>`;
            if (range === "*" || range === "?") continue;
            const [lo, hi, more] = range.split("-");
            const a = cronValue(lo, f);
            const b = hi === undefined ? a : cronValue(hi, f);
            if (more !== undefined || a === undefined || b === undefined || a < f.min || b > f.max || a > b)
                return `has "${part}" in the ${f.name} field; allowed: ${f.min}-${f.max}${f.names ? ` or ${f.names[0]}-${f.names[f.names.length - 1]}` : ""}, *, ranges, lists and steps`;
        }
    }
    return undefined;
}

/** Whether the runtime knows an IANA time zone (the API server checks `timeZone` against its tz database the same way). */
export function isKnownTimeZone(tz: string): boolean {
    if (tz === "Local") return false; // refused by the API server: the controller's local zone is not portable
    try {
        new Intl.DateTimeFormat("en-US", { timeZone: tz });
        return true;
    } catch {
        return false;
    }
}

/** Settings of a run-to-completion pod (both kinds). */
export const jobSchema = z
    .object({
        migration: allowed(z.boolean().default(false), "true (kind job with database: true; not spot), false").describe(
            "A database migration: the Deployments, cron jobs and other jobs of every `database: true` service wait until it has completed. Write expand/contract migrations: the old pods keep serving while it runs.",
        ),
        backoffLimit: z.number().int().min(0).max(20).default(2).describe("Retries (new pods) after a failed pod before the Job fails."),
        activeDeadlineSeconds: z
            .number()
            .int()
            .min(60)
            .max(86400)
            .default(JOB_DEFAULTS.activeDeadlineSeconds)
            .describe(
                "Seconds the Job may run in all, retries included, before Kubernetes stops it and marks it failed; `pulumi up` waits this long (plus two minutes) for a job to complete.",
            ),
    })
    .strict();

/** Settings of a cron job's schedule. */
export const cronSchema = z
    .object({
        schedule: allowed(
            z.string().superRefine((v, ctx) => {
                const problem = cronScheduleProblem(v);
                if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
            }),
            'five cron fields (minute hour day-of-month month day-of-week, e.g. "30 2 * * *") or a macro such as @daily',
        ).describe("When the job runs, in cron syntax, in `timeZone`."),
        timeZone: allowed(
            z.string().refine(isKnownTimeZone, { message: "is not an IANA time zone name" }),
            'an IANA time zone name such as "UTC" or "Europe/Berlin" (not Local)',
        )
            .default("UTC")
            .describe("The time zone of the schedule."),
        concurrencyPolicy: z
            .enum(CONCURRENCY_POLICIES)
            .default("Forbid")
            .describe(
                "What happens when a run is due while the previous one still runs: Forbid skips it, Replace stops the old one, Allow runs both.",
            ),
        startingDeadlineSeconds: z
            .number()
            .int()
            .min(10)
            .max(86400)
            .default(600)
            .describe("A run that could not start within this many seconds of its time is skipped (and counted missed)."),
        successfulJobsHistoryLimit: z.number().int().min(0).max(20).default(3).describe("Completed Jobs kept for their logs."),
        failedJobsHistoryLimit: z.number().int().min(0).max(20).default(3).describe("Failed Jobs kept for their logs."),
        suspend: z.boolean().default(false).describe("Pause the schedule (runs in progress continue)."),
    })
    .strict();
export type CronSettings = z.output<typeof cronSchema>;

/** What `jobProblems` reads of a service. */
export interface JobRuleInput {
    kind: string;
    job?: JobSettings;
    cron?: CronSettings;
    database: boolean;
    spot: boolean;
    ingress?: unknown;
    autoscaling?: unknown;
    metrics?: unknown;
    latencyTargetMs?: number;
    probes: Record<string, unknown>;
}

/**
 * The rules that tie `job:` and `cron:` to the kind, as [path under the service, message] pairs: run-to-completion
 * pods have no Service, no autoscaler, no probes and no scrape target; `cron:` belongs to cron jobs, which need it;
 * a migration is a one-off job of a database service, on on-demand nodes.
 */
export function jobProblems(s: JobRuleInput): Array<[Array<string | number>, string]> {
    const out: Array<[Array<string | number>, string]> = [];
    if (!runsToCompletion(s.kind)) {
        if (s.job) out.push([["job"], `!is for kind job or cronjob; this service is kind ${s.kind}`]);
        if (s.cron) out.push([["cron"], `!is for kind cronjob; this service is kind ${s.kind}`]);
        return out;
    }
    const what = s.kind === "job" ? "a job" : "a cron job";
    if (s.ingress) out.push([["ingress"], `!${what} serves no traffic, so it cannot have an ingress; use kind: web`]);
    if (s.autoscaling) out.push([["autoscaling"], `!${what} runs one pod to completion; remove autoscaling`]);
    if (s.metrics) out.push([["metrics"], `!${what}'s pod is gone before Prometheus scrapes it; remove metrics`]);
    if (s.latencyTargetMs !== undefined) out.push([["latencyTargetMs"], `!${what} serves no HTTP requests; remove it`]);
    for (const [p, v] of Object.entries(s.probes)) {
        if (v) out.push([["probes", p], `!${what} runs to completion: no probes (activeDeadlineSeconds bounds a hung run)`]);
    }
    if (s.kind === "cronjob" && !s.cron) out.push([["cron"], '!is required for kind cronjob: set cron.schedule, e.g. "30 2 * * *"']);
    if (s.kind === "job" && s.cron) out.push([["cron"], "!is for kind cronjob; a job runs once per change, not on a schedule"]);
    if (s.job?.migration) {
        if (s.kind !== "job") out.push([["job", "migration"], "!is for kind job: a migration runs once per release, not on a schedule"]);
        if (!s.database) out.push([["job", "migration"], "!needs database: true (a migration runs against the stack's database)"]);
        if (s.spot) out.push([["job", "migration"], "!cannot run on spot nodes: an interruption would stop a migration half-way"]);
    }
    return out;
}
