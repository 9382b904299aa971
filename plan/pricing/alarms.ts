import type { Pricer } from "./index";

/**
 * CloudWatch alarms, us-east-1 (aws.amazon.com/cloudwatch/pricing, November 2026): a standard-resolution metric alarm
 * costs 0.10 per alarm-month (the first 10 alarms of an account are free; not deducted here). SNS e-mail and HTTPS
 * notifications fall within the free tier at alerting volumes.
 */
export const ALARM_MONTH = 0.1;

export const alarmsPricer: Pricer = (r) =>
    r.type === "aws:cloudwatch/metricAlarm:MetricAlarm"
        ? { monthlyUsd: ALARM_MONTH, basis: `standard metric alarm ${ALARM_MONTH}/month` }
        : undefined;
