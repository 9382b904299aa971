import { stackPolicy } from "../lib/metadata";
import { linked, ofTypes } from "../lib/stack";

const ACL = ["aws:wafv2/webAcl:WebAcl"];
const LOGGING = ["aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration"];

export const awsWafv2WebaclRequireLogging = stackPolicy({
    name: "aws-wafv2-webacl-require-logging",
    description: "WAF web ACLs must log their requests.",
    checks: "Each `aws.wafv2.WebAcl` has an `aws.wafv2.WebAclLoggingConfiguration` linked through `resourceArn`.",
    category: "data-protection",
    severity: "medium",
    controls: { fsbp: ["WAF.11"], checkov: ["CKV_AWS_176", "CKV2_AWS_31"] },
    validateStack: (args, reportViolation) => {
        const acls = ofTypes(args.resources, ACL);
        if (acls.length === 0) args.notApplicable("no web ACLs");
        const logged = new Set(ofTypes(args.resources, LOGGING).flatMap((l) => linked(l, "resourceArn", acls)));
        for (const acl of acls) if (!logged.has(acl)) reportViolation(`web ACL '${acl.name}' has no logging configuration.`, acl.urn);
    },
});
