import { Naming, namingPrefix } from "../../components/naming";
import type { AnyCheck, CheckContext, SectionSettings } from "../../components/config/checks";
import { platformSchema } from "../../components/config/schema";
import { TEST_ACCESS_ROUTE } from "../helpers";
import type { Environment } from "../../components/config/environment";

/** Settings of every section for one environment, from the schema's presets plus `overrides` (per top-level key). */
export function settingsOf(env: Environment, overrides: Record<string, unknown> = {}): SectionSettings {
    const cluster = (overrides.cluster ?? {}) as Record<string, unknown>;
    return platformSchema(env).parse({ ...overrides, cluster: { access: TEST_ACCESS_ROUTE, ...cluster }, environment: env });
}

/** A check context for a stack: `strata` + `stack` as the naming prefix, the region, and the config keys it sets. */
export function contextOf(opts: { stack?: string; name?: string; region?: string; configKeys?: string[] } = {}): CheckContext {
    const stack = opts.stack ?? "dev";
    return {
        region: opts.region ?? "us-east-1",
        stack,
        configKeys: new Set(opts.configKeys ?? []),
        naming: new Naming(namingPrefix(opts.name ?? "strata", stack)),
    };
}

/** Runs one check and collects what it reports, as "path: message" lines like loadPlatformConfig writes them. */
export function runCheck(check: AnyCheck, settings: SectionSettings, context: CheckContext = contextOf()): string[] {
    const problems: string[] = [];
    check.check(
        settings,
        (path, message) => problems.push(`${path.join(".")}: ${message.startsWith("!") ? message.slice(1) : message}`),
        context,
    );
    return problems;
}

/** A stack name long enough that every auto-named IAM role overflows 64 characters. */
export const LONG_STACK = "feature-branch-preview-environment-for-ticket-12345";
