import { z } from "zod";
import type { Environment, PerEnvironment } from "./environment";
import { logRetentionDays } from "./common";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";

import { WAF_EVALUATION_WINDOWS, WAF_MANAGED_RULE_GROUPS } from "../catalogue/waf";

export { WAF_EVALUATION_WINDOWS, WAF_MANAGED_RULE_GROUPS } from "../catalogue/waf";

interface WafDefaults {
    enabled: boolean;
    rateLimit: number;
    evaluationWindowSec: number;
    logRetentionDays: number;
}

const defaults: PerEnvironment<WafDefaults> = {
    dev: { enabled: true, rateLimit: 1000, evaluationWindowSec: 300, logRetentionDays: 30 },
    staging: { enabled: true, rateLimit: 1000, evaluationWindowSec: 300, logRetentionDays: 90 },
    prod: { enabled: true, rateLimit: 2000, evaluationWindowSec: 300, logRetentionDays: 365 },
};

/**
 * `strata:waf`: the environment's regional WAF web ACL, attached to every ALB the services' Ingresses create.
 * The rate-based rule counts requests per client IP over `evaluationWindowSec` (WAF allows 60, 120, 300 or 600 s):
 * a burst limit of 100 requests a minute is `rateLimit: 100, evaluationWindowSec: 60`. Per-user and per-organisation
 * hourly limits need the caller's identity and belong to the application, not to WAF.
 */
export function wafSchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            enabled: z
                .boolean()
                .default(d.enabled)
                .describe(
                    "Create the web ACL (managed rule groups and the per-IP rate limit) and attach it to every ALB the services' Ingresses create.",
                ),
            rateLimit: z
                .number()
                .int()
                .min(10)
                .max(2_000_000_000)
                .default(d.rateLimit)
                .describe("Requests per client IP per evaluation window before WAF blocks that IP."),
            evaluationWindowSec: allowed(
                z
                    .number()
                    .int()
                    .refine((v) => (WAF_EVALUATION_WINDOWS as readonly number[]).includes(v), {
                        message: `is not a WAF rate-based evaluation window; allowed: ${WAF_EVALUATION_WINDOWS.join(", ")} (seconds)`,
                    }),
                WAF_EVALUATION_WINDOWS.join(", "),
            )
                .default(d.evaluationWindowSec)
                .describe("Seconds over which the rate-based rule counts a client IP's requests."),
            countOnly: z
                .array(z.enum(WAF_MANAGED_RULE_GROUPS))
                .default([])
                .describe("Managed rule groups to run in count mode instead of block (to tune false positives), by name."),
            logRetentionDays: logRetentionDays
                .default(d.logRetentionDays)
                .describe("Retention of the web ACL's log group (blocked and counted requests)."),
        })
        .strict()
        .default({})
        .describe("WAF web ACL in front of the ingress load balancers. See docs/components/waf.md.");
}
export type WafSettings = z.output<ReturnType<typeof wafSchema>>;

export const waf = {
    schema: wafSchema,
    checks: [
        sectionCheck<"waf">({
            name: "the web ACL's name fits WAF's limit",
            check: (settings, report, { naming }) => {
                if (!settings.waf.enabled) return;
                checkName(naming, report, ["waf"], () => naming.physical("wafWebAcl", "waf"));
            },
        }),
    ],
} satisfies Section<ReturnType<typeof wafSchema>>;
