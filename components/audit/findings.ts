/**
 * Which security findings page someone: EventBridge rules on the default event bus forward them to the stack's alert
 * topic. GuardDuty findings arrive as `GuardDuty Finding` events with a numeric severity (7.0-8.9 high, 9.0-10.0
 * critical: GuardDuty User Guide, "Severity levels of GuardDuty findings"); Security Hub findings as `Security Hub
 * Findings - Imported` with `Severity.Label` and a workflow status (Security Hub User Guide, "EventBridge event
 * formats for Security Hub").
 */

/** GuardDuty findings of this severity or above are forwarded (high and critical). */
export const GUARDDUTY_ALERT_SEVERITY = 7;

/** The event pattern of GuardDuty findings at or above a severity. */
export function guardDutyFindingPattern(minSeverity: number = GUARDDUTY_ALERT_SEVERITY) {
    return {
        source: ["aws.guardduty"],
        "detail-type": ["GuardDuty Finding"],
        detail: { severity: [{ numeric: [">=", minSeverity] }] },
    };
}

/** The event pattern of new, active Security Hub findings labelled high or critical. */
export function securityHubFindingPattern() {
    return {
        source: ["aws.securityhub"],
        "detail-type": ["Security Hub Findings - Imported"],
        detail: {
            findings: {
                Severity: { Label: ["HIGH", "CRITICAL"] },
                Workflow: { Status: ["NEW"] },
                RecordState: ["ACTIVE"],
            },
        },
    };
}
