import type { Pricer } from "./index";

/**
 * AWS X-Ray, us-east-1 (aws.amazon.com/xray/pricing): traces recorded cost 5.00 per million (the first 100,000 of an
 * account each month are free; not deducted here). Assumed: 100 requests per second reach the services, each a trace
 * (about 259 million a month); the gateway keeps its sampling share of them plus the traces with errors, assumed 1 %
 * of all. Priced on the gateway release, whose values carry the share.
 */
export const XRAY_PRICES = { tracesRecordedPerMillion: 5.0 };
export const XRAY_USAGE = { requestsPerSecond: 100, errorShare: 0.01 };

const SECONDS_PER_MONTH = 730 * 3600;

export const tracingPricer: Pricer = (r) => {
    if (r.type !== "kubernetes:helm.sh/v3:Release" || r.inputs.chart !== "opentelemetry-collector") return undefined;
    const values = (r.inputs.values ?? {}) as {
        alternateConfig?: { exporters?: Record<string, unknown>; processors?: { tail_sampling?: { policies?: unknown[] } } };
    };
    if (!values.alternateConfig?.exporters?.awsxray) return { monthlyUsd: 0, basis: "collector pods only (on the nodes)" };
    const policies = (values.alternateConfig.processors?.tail_sampling?.policies ?? []) as Array<{
        probabilistic?: { sampling_percentage: number };
    }>;
    const share = (policies.find((p) => p.probabilistic)?.probabilistic?.sampling_percentage ?? 100) / 100;
    const traces = XRAY_USAGE.requestsPerSecond * SECONDS_PER_MONTH * Math.min(1, share + XRAY_USAGE.errorShare);
    return {
        monthlyUsd: (traces / 1e6) * XRAY_PRICES.tracesRecordedPerMillion,
        basis: `X-Ray traces recorded at ${XRAY_PRICES.tracesRecordedPerMillion}/million: assumed ${XRAY_USAGE.requestsPerSecond} requests/s, ${share * 100}% kept plus ${XRAY_USAGE.errorShare * 100}% with errors (${Math.round(traces / 1e6)} million traces)`,
    };
};
