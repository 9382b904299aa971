import * as fs from "fs";
import * as path from "path";
import { metricsOf, promqlProblems } from "../promql";
import type { ScrapedService } from "../../components/alertRules/rules";
import {
    alertRules,
    DEFAULT_THRESHOLDS,
    METRIC_CONTRACT,
    metricContract,
    prometheusRuleSpec,
    runbookBase,
    serviceAlertRules,
    unsourcedMetrics,
} from "../../components/alertRules/rules";
import { ROOT } from "../helpers";
/** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
    heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, "")
        .replace(/ /g, "-");

const SCRAPED: ScrapedService[] = [
    {
        name: "api",
        namespace: "shop",
        kind: "web",
        requestDurationMetric: "http_server_request_duration_seconds",
        statusCodeLabel: "http_response_status_code",
        latencyTargetMs: 300,
    },
    {
        name: "legacy",
        namespace: "shop",
        kind: "web",
        requestDurationMetric: "http_server_requests_seconds",
        statusCodeLabel: "status",
    },
    {
        name: "worker",
        namespace: "shop",
        kind: "worker",
        requestDurationMetric: "http_server_request_duration_seconds",
        statusCodeLabel: "http_response_status_code",
    },
];
const serviceRules = serviceAlertRules(DEFAULT_THRESHOLDS, SCRAPED);
const contract = metricContract(SCRAPED);
const rules = [...alertRules(DEFAULT_THRESHOLDS, ["strata", "shop"]), ...serviceRules];

describe("the PromQL check can fail", () => {
    test.each([
        ["sum(rate(foo[5m])) > bar{", /syntax error/],
        ["rate(sum(foo))", /expected type matrix/],
    ])("%s", (expr, expected) => {
        expect(promqlProblems(expr).join("; ")).toMatch(expected);
    });
});

describe.each(rules.map((r) => [r.alert, r] as const))("%s", (_name, rule) => {
    test("parses and type-checks with no diagnostics", () => {
        expect(promqlProblems(rule.expr)).toEqual([]);
    });

    test("reads exactly the metrics it declares, and each has a source in the metric contract", () => {
        expect(metricsOf(rule.expr).sort()).toEqual([...rule.metrics].sort());
        for (const m of rule.metrics) expect([m, contract[m] !== undefined]).toEqual([m, true]);
    });
});

test("the metric contract check can fail: a metric no source provides", () => {
    const unknown = metricsOf("http_requests_total{code=~'5..'} > 0").filter((m) => !(m in METRIC_CONTRACT));
    expect(unknown).toEqual(["http_requests_total"]);
    // A service's HTTP rules without the service in the contract: its histogram has no source.
    expect(unsourcedMetrics(serviceRules, METRIC_CONTRACT)).toEqual([
        "http_server_request_duration_seconds_count",
        "http_server_request_duration_seconds_bucket",
        "http_server_requests_seconds_count",
    ]);
    expect(unsourcedMetrics(rules, contract)).toEqual([]);
});

test("service rules: an error-rate rule per scraped web service, a latency rule where a target is declared, none for workers", () => {
    expect(serviceRules.map((r) => [r.alert, r.labels, r.severity, r.for])).toEqual([
        ["StrataHighErrorRate", { service: "api", namespace: "shop" }, "critical", "5m"],
        ["StrataLatencyAboveTarget", { service: "api", namespace: "shop" }, "warning", "10m"],
        ["StrataHighErrorRate", { service: "legacy", namespace: "shop" }, "critical", "5m"],
    ]);
    expect(serviceRules[0].expr).toBe(
        'sum(rate(http_server_request_duration_seconds_count{namespace="shop", strata_service="api", http_response_status_code=~"5.."}[5m]))' +
            ' / sum(rate(http_server_request_duration_seconds_count{namespace="shop", strata_service="api"}[5m])) > 0.05',
    );
    expect(serviceRules[1].expr).toBe(
        'histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{namespace="shop", strata_service="api"}[5m]))) > 0.3',
    );
    expect(serviceRules[2].expr).toContain('status=~"5.."');
});

test("the rules: severities, durations and thresholds", () => {
    expect(alertRules(DEFAULT_THRESHOLDS, ["strata", "shop"]).map((r) => [r.alert, r.severity, r.for])).toEqual([
        ["StrataServiceDown", "critical", "2m"],
        ["StrataContainerMemoryNearLimit", "warning", "5m"],
        ["StrataVolumeFillingUp", "warning", "5m"],
        ["StrataPodCrashLooping", "warning", "15m"],
        ["StrataAutoscalerAtMaximum", "warning", "15m"],
        ["StrataPodPending", "warning", "10m"],
        ["StrataNodeNotReady", "critical", "5m"],
    ]);
    expect(rules[1].expr).toMatch(/> 0\.9$/);
    expect(rules[2].expr).toMatch(/< 0\.1$/);
    expect(rules[0].expr).toContain('namespace=~"strata|shop"');
});

test("every rule's runbook anchor is a heading of docs/operations.md", () => {
    const anchors = new Set(
        fs
            .readFileSync(path.join(ROOT, "docs/operations.md"), "utf8")
            .split("\n")
            .filter((l) => /^#{2,4} /.test(l))
            .map((l) => slug(l.replace(/^#+ /, ""))),
    );
    for (const r of rules) expect([r.alert, anchors.has(r.anchor)]).toEqual([r.alert, true]);
});

test("prometheusRuleSpec: severity label and runbook_url per rule", () => {
    const spec = prometheusRuleSpec(rules, runbookBase("https://git.example.com/ops/strata/docs/operations.md"));
    expect(spec.groups[0].rules[0]).toEqual({
        alert: "StrataServiceDown",
        expr: rules[0].expr,
        for: "2m",
        labels: { severity: "critical" },
        annotations: { summary: rules[0].summary, runbook_url: "https://git.example.com/ops/strata/docs/operations.md#strataservicedown" },
    });
    expect(runbookBase()).toBe("docs/operations.md");
    expect(spec.groups).toHaveLength(1);
    const withServices = prometheusRuleSpec(alertRules(DEFAULT_THRESHOLDS, ["shop"]), "ops.md", serviceRules);
    expect(withServices.groups.map((g) => g.name)).toEqual(["strata.platform", "strata.services"]);
    expect(withServices.groups[1].rules[0].labels).toEqual({ severity: "critical", service: "api", namespace: "shop" });
});
