import type { Pricer } from "./index";

/**
 * Audit and threat detection, us-east-1, at stated monthly volumes (each item's basis says which):
 * - CloudTrail (aws.amazon.com/cloudtrail/pricing): the first copy of management events is free; data events cost
 *   0.10 per 100,000 from the first. Assumed: 1 million S3 data events on the data buckets.
 * - GuardDuty (aws.amazon.com/guardduty/pricing): foundational threat detection analyses CloudTrail management events
 *   at 4.00 per million and VPC flow and DNS logs at 1.00 per GB (first 500 GB). Assumed: 1 million events, 5 GB.
 *   The protection plans (S3, EKS audit logs, RDS logins) are billed per analysed event on top and are not priced.
 * - Security Hub CSPM (aws.amazon.com/security-hub/pricing): 0.0010 per security check (first 100,000 per account
 *   and region). Assumed: 20,000 checks (about 100 resources, each evaluated by a handful of controls daily).
 * - AWS Config (aws.amazon.com/config/pricing): 0.003 per configuration item recorded continuously. Assumed: 2,000
 *   items (every change of every recorded resource is one).
 * - Amazon Data Firehose (aws.amazon.com/firehose/pricing): direct-put ingestion at 0.029 per GB (first 500 TB).
 *   Assumed: 5 GB a month per archived log group.
 * Log storage in the audit bucket is usage-based (S3 rates, the bucket's lifecycle).
 */
export const AUDIT_PRICES = {
    trailDataEventsPer100k: 0.1,
    guardDutyManagementEventsPerMillion: 4.0,
    guardDutyFlowAndDnsLogsPerGb: 1.0,
    securityHubCheck: 0.001,
    configItem: 0.003,
    firehoseIngestGb: 0.029,
};
export const AUDIT_USAGE = {
    trailDataEvents: 1_000_000,
    guardDutyManagementEvents: 1_000_000,
    guardDutyFlowAndDnsLogsGb: 5,
    securityHubChecks: 20_000,
    configItems: 2_000,
    archivedGbPerStream: 5,
};

const recordsDataEvents = (selectors: unknown) => JSON.stringify(selectors ?? []).includes('"Data"');

export const auditPricer: Pricer = (r) => {
    const p = AUDIT_PRICES;
    const u = AUDIT_USAGE;
    switch (r.type) {
        case "aws:cloudtrail/trail:Trail": {
            const data = recordsDataEvents(r.inputs.advancedEventSelectors);
            return {
                monthlyUsd: data ? (u.trailDataEvents / 100_000) * p.trailDataEventsPer100k : 0,
                basis: `management events: first copy free${data ? `; assumed ${u.trailDataEvents.toLocaleString("en-US")} S3 data events at ${p.trailDataEventsPer100k}/100k` : ""}`,
            };
        }
        case "aws:guardduty/detector:Detector":
            return {
                monthlyUsd:
                    (u.guardDutyManagementEvents / 1_000_000) * p.guardDutyManagementEventsPerMillion +
                    u.guardDutyFlowAndDnsLogsGb * p.guardDutyFlowAndDnsLogsPerGb,
                basis: `assumed ${u.guardDutyManagementEvents.toLocaleString("en-US")} management events at ${p.guardDutyManagementEventsPerMillion}/million + ${u.guardDutyFlowAndDnsLogsGb} GB flow and DNS logs at ${p.guardDutyFlowAndDnsLogsPerGb}/GB; protection plans usage-based`,
            };
        case "aws:securityhub/account:Account":
            return {
                monthlyUsd: u.securityHubChecks * p.securityHubCheck,
                basis: `assumed ${u.securityHubChecks.toLocaleString("en-US")} security checks at ${p.securityHubCheck}/check`,
            };
        case "aws:cfg/recorder:Recorder":
            return {
                monthlyUsd: u.configItems * p.configItem,
                basis: `assumed ${u.configItems.toLocaleString("en-US")} configuration items at ${p.configItem}/item`,
            };
        case "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream":
            return {
                monthlyUsd: u.archivedGbPerStream * p.firehoseIngestGb,
                basis: `assumed ${u.archivedGbPerStream} GB archived at ${p.firehoseIngestGb}/GB ingested`,
            };
        default:
            return undefined;
    }
};
