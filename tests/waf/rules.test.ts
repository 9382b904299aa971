import fc from "fast-check";
import { WAF_MANAGED_RULE_GROUPS } from "../../components/config/waf";
import { visibilityConfig, WAF_REDACTED_FIELDS, wafLogGroupName, wafRules } from "../../components/waf/rules";

const settings = { rateLimit: 2000, evaluationWindowSec: 300, countOnly: [] as string[] };

describe("wafRules", () => {
    test("the rate rule first, blocking per client IP, then every managed group", () => {
        const rules = wafRules("strata-prod", settings as never);
        expect(rules.map((r) => [r.name, r.priority])).toEqual([
            ["RatePerClientIp", 1],
            ...WAF_MANAGED_RULE_GROUPS.map((g, i) => [g, 10 + i]),
        ]);
        expect(rules[0].action).toEqual({ block: {} });
        expect(rules[0].statement).toEqual({ rateBasedStatement: { limit: 2000, evaluationWindowSec: 300, aggregateKeyType: "IP" } });
        for (const r of rules.slice(1)) expect(r.statement).toEqual({ managedRuleGroupStatement: { vendorName: "AWS", name: r.name } });
    });

    test("property: a group in countOnly counts, every other group keeps its own actions; priorities are unique", () => {
        fc.assert(
            fc.property(fc.subarray([...WAF_MANAGED_RULE_GROUPS]), (countOnly) => {
                const rules = wafRules("p", { ...settings, countOnly } as never);
                for (const r of rules.slice(1))
                    expect(r.overrideAction).toEqual(countOnly.includes(r.name as never) ? { count: {} } : { none: {} });
                expect(new Set(rules.map((r) => r.priority)).size).toBe(rules.length);
            }),
        );
    });

    test("metrics on, named after the prefix and the rule, cut to 128 characters", () => {
        expect(visibilityConfig("strata-prod", "web-acl")).toEqual({
            cloudwatchMetricsEnabled: true,
            sampledRequestsEnabled: true,
            metricName: "strata-prod-web-acl",
        });
        expect(visibilityConfig("x".repeat(200), "r").metricName).toHaveLength(128);
    });

    test("logs: the aws-waf-logs- prefix WAF requires; Authorization and Cookie redacted", () => {
        expect(wafLogGroupName("strata-prod")).toBe("aws-waf-logs-strata-prod");
        expect(WAF_REDACTED_FIELDS.map((f) => f.singleHeader.name)).toEqual(["authorization", "cookie"]);
    });
});
