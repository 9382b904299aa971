/**
 * `strata:exceptions`: the one way a stack deviates from a protection Strata promises. Each entry names the policy it
 * waives (`rule`), the resources it covers (`target`: a logical name or a glob), why, and until when. The same list
 * is read by config validation (a prod-safety refusal is lifted only by an entry naming its rule), by the offline plan
 * and by the policy pack under `pulumi preview` (through the pack config generated from the stack file). An entry past
 * its date waives nothing, and the pack reports it as a mandatory violation until it is removed or renewed.
 *
 * Pure functions only: the policy pack, the plan and the config schema all import this module.
 */

export interface StackException {
    /** The policy the exception waives (a config-time prod-safety check carries the name of the policy it pre-empts). */
    rule: string;
    /** The logical name of the resource it covers, or a glob (`*` any run of characters, `?` one character). */
    target: string;
    /** Why the deviation is acceptable, for reviewers and auditors. */
    reason: string;
    /** The last day (UTC, `YYYY-MM-DD`) the exception holds; from the next day it waives nothing. */
    expires: string;
}

/** An exception as the policy pack's config carries it under each policy (`waivers`): the rule is the policy's key. */
export type Waiver = Omit<StackException, "rule">;

/** The longest an exception may run from the day it is checked: exceptions are temporary by design. */
export const EXCEPTION_MAX_DAYS = 366;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a calendar date `YYYY-MM-DD` (2026-02-30 is not one). */
export function isIsoDay(value: string): boolean {
    if (!DAY.test(value)) return false;
    const t = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/**
 * The day (UTC, `YYYY-MM-DD`) the program, the plan and the pack judge dates by: `STRATA_TODAY` when set (tests pin
 * it; a user may plan as of another day), otherwise the clock's. Undefined when STRATA_TODAY is set but not a date.
 */
export function today(env: Readonly<Record<string, string | undefined>> = process.env, now: Date = new Date()): string | undefined {
    const given = env.STRATA_TODAY;
    if (given === undefined || given === "") return now.toISOString().slice(0, 10);
    return isIsoDay(given) ? given : undefined;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** An exception has expired once its last day is behind `day`. */
export function isExpired(e: Pick<StackException, "expires">, day: string): boolean {
    return e.expires < day;
}

/** A glob (`*` any run of characters, `?` one) as a whole-string matcher. */
export function globMatcher(glob: string): (s: string) => boolean {
    const re = new RegExp(
        `^${glob
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
    );
    return (s) => re.test(s);
}

/** The logical name in a URN (`urn:pulumi:<stack>::<project>::<type>::<name>`). */
export function nameOfUrn(urn: string): string {
    const i = urn.lastIndexOf("::");
    return i >= 0 ? urn.slice(i + 2) : urn;
}

/** The waiver of `entries` that covers the resource named `name` on `day`, if any (expired entries cover nothing). */
export function activeWaiverFor<W extends Waiver>(entries: readonly W[], name: string, day: string): W | undefined {
    return entries.find((w) => !isExpired(w, day) && globMatcher(w.target)(name));
}

/** The exceptions of a stack for one rule, as the pack config's `waivers` of that policy. */
export function waiversOf(exceptions: readonly StackException[], rule: string): Waiver[] {
    return exceptions.filter((e) => e.rule === rule).map(({ target, reason, expires }) => ({ target, reason, expires }));
}
