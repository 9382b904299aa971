import type * as aws from "@pulumi/aws";
import type { WafSettings } from "../config/waf";
import { WAF_MANAGED_RULE_GROUPS } from "../catalogue/waf";

/**
 * The web ACL's rules as plain data: a rate-based rule per client IP first, then the AWS managed rule groups (each
 * blocking, or counting only when listed in `countOnly`). As the AWS WAF Developer Guide documents them
 * ("Rate-based rule statement", "AWS Managed Rules rule groups list").
 */

/** CloudWatch metrics and sampled requests of a rule, named `<prefix>-<rule>` (WAF allows 128 characters). */
export function visibilityConfig(prefix: string, rule: string) {
    return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: `${prefix}-${rule}`.slice(0, 128) };
}

/** The rules of the web ACL, in priority order. */
export function wafRules(
    prefix: string,
    s: Pick<WafSettings, "rateLimit" | "evaluationWindowSec" | "countOnly">,
): aws.types.input.wafv2.WebAclRule[] {
    const rateRule: aws.types.input.wafv2.WebAclRule = {
        name: "RatePerClientIp",
        priority: 1,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: s.rateLimit, evaluationWindowSec: s.evaluationWindowSec, aggregateKeyType: "IP" } },
        visibilityConfig: visibilityConfig(prefix, "rate-per-ip"),
    };
    const managed = WAF_MANAGED_RULE_GROUPS.map((group, i) => ({
        name: group,
        priority: 10 + i,
        overrideAction: s.countOnly.includes(group) ? { count: {} } : { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: "AWS", name: group } },
        visibilityConfig: visibilityConfig(prefix, group),
    }));
    return [rateRule, ...managed];
}

/** Headers WAF logs never carry. */
export const WAF_REDACTED_FIELDS = [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }];

/** WAF delivers logs only to log groups whose name starts with `aws-waf-logs-`. */
export function wafLogGroupName(prefix: string): string {
    return `aws-waf-logs-${prefix}`;
}
