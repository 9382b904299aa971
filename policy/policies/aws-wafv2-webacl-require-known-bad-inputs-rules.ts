import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

/** AWS's managed rule group against known exploit payloads, Log4Shell (CVE-2021-44228) among them (AWS WAF Developer Guide, "Known bad inputs managed rule group"). */
export const KNOWN_BAD_INPUTS = "AWSManagedRulesKnownBadInputsRuleSet";

export const awsWafv2WebaclRequireKnownBadInputsRules = resourcePolicy({
    name: "aws-wafv2-webacl-require-known-bad-inputs-rules",
    description: "WAF web ACLs must have rules, including AWS's known-bad-inputs rule group.",
    checks: `\`rules\` of \`aws.wafv2.WebAcl\` is not empty and one rule uses the managed rule group \`AWS/${KNOWN_BAD_INPUTS}\` (it blocks Log4Shell lookups, among others).`,
    category: "network-exposure",
    severity: "high",
    controls: { checkov: ["CKV_AWS_175", "CKV_AWS_192"] },
    validateResource: validateResourceOfType(aws.wafv2.WebAcl, (acl, _args, reportViolation) => {
        const rules = acl.rules ?? [];
        if (rules.length === 0) {
            reportViolation("the web ACL has no rules.");
            return;
        }
        const uses = rules.some((r) => {
            const g = (r.statement as { managedRuleGroupStatement?: { vendorName?: string; name?: string } } | undefined)
                ?.managedRuleGroupStatement;
            return g?.vendorName === "AWS" && g?.name === KNOWN_BAD_INPUTS;
        });
        if (!uses) reportViolation(`no rule uses the managed rule group AWS/${KNOWN_BAD_INPUTS}.`);
    }),
});
