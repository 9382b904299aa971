import type { PlatformSettings } from "./schema";
import { Naming, NameTooLongError } from "../naming";

/** Reports one problem at a config path (relative to `strata:`); `message` follows the value, as in zod issues. */
export type Report = (path: Array<string | number>, message: string) => void;

/**
 * Checks that span sections (a service naming a bucket that must exist, names within AWS limits, ...).
 * Each section adds its own function here; they all run after the schema has applied the presets.
 */
export type CrossCheck = (settings: PlatformSettings, report: Report, naming: Naming, context: CheckContext) => void;

/** Where the stack runs, for checks that depend on it (e.g. a replication region must differ from aws:region). */
export interface CheckContext {
    region: string;
    stack: string;
    /** Every config key the stack sets (any namespace), e.g. for secret values services reference. */
    configKeys: ReadonlySet<string>;
}

/** Explicit or auto-derived names must fit AWS limits: check each name the program will create. */
export function checkName(naming: Naming, report: Report, path: Array<string | number>, build: () => unknown): void {
    try {
        build();
    } catch (err) {
        if (err instanceof NameTooLongError) {
            report(path, `!gives the ${err.kind} name "${err.value}" (${err.value.length} characters, AWS allows ${err.limit}); shorten strata:name ("${naming.prefix.split("-")[0]}") or the stack name`);
        } else {
            throw err;
        }
    }
}

export const CROSS_CHECKS: CrossCheck[] = [];
