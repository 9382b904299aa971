/**
 * AWS WAF facts: the evaluation windows a rate-based rule accepts (AWS WAF Developer Guide, "Rate-based rule statement",
 * EvaluationWindowSec), and the AWS managed rule groups Strata attaches, in priority order ("AWS Managed Rules rule
 * groups list").
 */
/** The evaluation windows WAF rate-based rules accept (seconds). */
export const WAF_EVALUATION_WINDOWS = [60, 120, 300, 600] as const;

/** AWS managed rule groups Strata attaches, in priority order. */
export const WAF_MANAGED_RULE_GROUPS = [
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
] as const;
