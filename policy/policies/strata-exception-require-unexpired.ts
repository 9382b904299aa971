import type { StackException } from "../../components/exceptions";
import { isExpired, today } from "../../components/exceptions";
import { stackPolicy } from "../lib/metadata";

/**
 * An exception is a dated promise to fix something: once its day has passed it waives nothing, and this policy fails
 * the stack until the entry is removed (the deviation fixed) or renewed with a new date and reason.
 */
export const strataExceptionRequireUnexpired = stackPolicy({
    name: "strata-exception-require-unexpired",
    description: "Every entry of strata:exceptions must be unexpired.",
    checks: "Each entry of the stack's `strata:exceptions` (the `exceptions` setting, generated from the stack file) has an `expires` day on or after today (UTC; `STRATA_TODAY=YYYY-MM-DD` sets the day). An expired entry is reported once, naming its rule, target and day.",
    category: "governance",
    severity: "high",
    controls: { other: ["ISO/IEC 27001:2022 A.5.36 (compliance with policies)", "NIST SP 800-53 CA-7 (continuous monitoring)"] },
    configSchema: {
        properties: {
            exceptions: {
                type: "array",
                description: "The stack's strata:exceptions (generated from the stack file).",
                items: { type: "object" },
                default: [],
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { exceptions = [] } = args.getConfig<{ exceptions?: StackException[] }>();
        const day = today() ?? today({})!;
        for (const e of exceptions) {
            if (!isExpired(e, day)) continue;
            reportViolation(
                `the exception for ${e.rule} on "${e.target}" expired on ${e.expires} (reason given: ${e.reason}): fix the deviation and remove the entry from strata:exceptions, or renew it with a new expires date`,
            );
        }
    },
});
