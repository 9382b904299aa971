import { cronScheduleProblem, isKnownTimeZone, JOB_DEFAULTS, jobProblems, runsToCompletion } from "../../components/config/jobs";
import { configProblems } from "../helpers";

const JOB = { kind: "job", image: "ghcr.io/acme/api:1.4.2", command: ["alembic", "upgrade", "head"] };
const problems = (services: unknown, extra: Record<string, unknown> = {}) =>
    configProblems({ "strata:environment": "dev", "strata:services": services, ...extra });

describe("cron schedules: what the CronJob controller parses", () => {
    test.each([["30 2 * * *"], ["*/15 * * * *"], ["0 9-17 * * MON-FRI"], ["0 0 1,15 * *"], ["0 0 * JAN,JUL ?"], ["@daily"], ["@hourly"]])(
        "%s is accepted",
        (schedule) => expect(cronScheduleProblem(schedule)).toBeUndefined(),
    );

    test.each([
        ["* * * *", /has 4 fields; a schedule has five/],
        ["60 * * * *", /"60" in the minute field; allowed: 0-59/],
        ["0 24 * * *", /"24" in the hour field; allowed: 0-23/],
        ["0 0 0 * *", /"0" in the day of month field; allowed: 1-31/],
        ["0 0 * 13 *", /"13" in the month field; allowed: 1-12 or JAN-DEC/],
        ["0 0 * * 7", /"7" in the day of week field; allowed: 0-6 or SUN-SAT/],
        ["*/0 * * * *", /a step is \/<positive number>/],
        ["0 5-3 * * *", /"5-3" in the hour field/],
        ["@fortnightly", /is not one of the macros/],
        ["TZ=Europe/Berlin 0 2 * * *", /set cron.timeZone instead/],
        ["CRON_TZ=UTC 0 2 * * *", /set cron.timeZone instead/],
    ])("%s is refused", (schedule, message) => expect(cronScheduleProblem(schedule)).toMatch(message));

    test("time zones: IANA names, not Local", () => {
        expect(["UTC", "Europe/Berlin", "America/New_York"].every(isKnownTimeZone)).toBe(true);
        expect(isKnownTimeZone("Mars/Olympus")).toBe(false);
        expect(isKnownTimeZone("Local")).toBe(false);
    });
});

describe("jobProblems: what a run-to-completion kind may not have", () => {
    const base = { kind: "job", database: false, spot: false, probes: {} };
    test("web and worker refuse job: and cron:", () => {
        expect(jobProblems({ ...base, kind: "web", job: JOB_DEFAULTS })).toEqual([
            [["job"], "!is for kind job or cronjob; this service is kind web"],
        ]);
        expect(jobProblems({ ...base, kind: "worker", cron: { schedule: "@daily" } as never })[0][0]).toEqual(["cron"]);
    });
    test("a job refuses ingress, autoscaling, metrics, latency targets, probes and a schedule", () => {
        const paths = jobProblems({
            ...base,
            ingress: {},
            autoscaling: {},
            metrics: {},
            latencyTargetMs: 200,
            probes: { liveness: { exec: ["true"] } },
            cron: { schedule: "@daily" } as never,
        }).map(([p]) => p.join("."));
        expect(paths).toEqual(["ingress", "autoscaling", "metrics", "latencyTargetMs", "probes.liveness", "cron"]);
    });
    test("a migration is a one-off job of a database service on on-demand nodes", () => {
        const migration = { ...JOB_DEFAULTS, migration: true };
        expect(jobProblems({ ...base, database: true, job: migration })).toEqual([]);
        expect(jobProblems({ ...base, job: migration }).map(([, m]) => m)).toEqual([
            "!needs database: true (a migration runs against the stack's database)",
        ]);
        expect(jobProblems({ ...base, database: true, spot: true, job: migration })[0][1]).toMatch(/cannot run on spot nodes/);
        expect(
            jobProblems({ ...base, kind: "cronjob", database: true, cron: { schedule: "@daily" } as never, job: migration })[0][1],
        ).toMatch(/is for kind job: a migration runs once per release/);
    });
    test("kinds", () => {
        expect(["job", "cronjob"].map(runsToCompletion)).toEqual([true, true]);
        expect(["web", "worker"].map(runsToCompletion)).toEqual([false, false]);
    });
});

describe("strata:services with jobs: config validation names the key", () => {
    test("a migration job and a cron job pass; defaults applied", () => {
        expect(
            problems({
                migrate: { ...JOB, database: true, job: { migration: true } },
                nightly: { kind: "cronjob", image: "ghcr.io/acme/api:1.4.2", cron: { schedule: "30 2 * * *", timeZone: "Europe/Berlin" } },
                api: { image: "ghcr.io/acme/api:1.4.2", database: true },
            }),
        ).toEqual([]);
    });

    test("a cron job without a schedule, a bad schedule, an unknown zone", () => {
        expect(problems({ nightly: { kind: "cronjob", image: JOB.image } })).toEqual([
            'strata:services.nightly.cron: is required for kind cronjob: set cron.schedule, e.g. "30 2 * * *"',
        ]);
        expect(problems({ nightly: { kind: "cronjob", image: JOB.image, cron: { schedule: "0 25 * * *" } } })).toEqual([
            'strata:services.nightly.cron.schedule: "0 25 * * *" has "25" in the hour field; allowed: 0-23, *, ranges, lists and steps',
        ]);
        expect(
            problems({ nightly: { kind: "cronjob", image: JOB.image, cron: { schedule: "@daily", timeZone: "Mars/Olympus" } } }),
        ).toEqual(['strata:services.nightly.cron.timeZone: "Mars/Olympus" is not an IANA time zone name']);
    });

    test("a migration without the database, and calls to a job", () => {
        expect(problems({ migrate: { ...JOB, job: { migration: true } } })).toEqual([
            "strata:services.migrate.job.migration: needs database: true (a migration runs against the stack's database)",
        ]);
        expect(problems({ migrate: JOB, api: { image: JOB.image, calls: ["migrate"] } })).toEqual([
            'strata:services.api.calls: "migrate" is a job: it has no Service to call',
        ]);
    });

    test("deadline and backoff bounds", () => {
        expect(problems({ migrate: { ...JOB, job: { activeDeadlineSeconds: 10 } } })[0]).toMatch(
            /^strata:services\.migrate\.job\.activeDeadlineSeconds: 10 is too small/,
        );
        expect(problems({ migrate: { ...JOB, job: { retries: 3 } } })).toEqual([
            "strata:services.migrate.job.retries: unknown key; allowed keys: migration, backoffLimit, activeDeadlineSeconds",
        ]);
    });
});
