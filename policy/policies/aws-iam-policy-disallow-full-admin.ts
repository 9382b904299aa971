import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import type { ReportViolation } from "@pulumi/policy";
import { allowsStarOnStar, statements } from "../lib/iam";
import { resourcePolicy } from "../lib/metadata";
import { asArray } from "../lib/values";

function judge(where: string, doc: unknown, reportViolation: ReportViolation): void {
    for (const s of statements(doc) ?? []) {
        if (allowsStarOnStar(s)) {
            reportViolation(`${where}: statement ${s.sid ? `'${s.sid}' ` : ""}allows Action "*" on Resource "*" (full administrator).`);
        }
    }
}

/**
 * The rule is checkov's IAMAdminPolicyDocument (CKV_AWS_62): an Allow statement whose Action list holds "*" and
 * whose Resource list holds "*". Strata writes its role policies as inline `aws.iam.RolePolicy`s; `aws.iam.Policy`
 * and a role's `inlinePolicies` are what a consumer composing the components may write, and are judged alike.
 */
export const awsIamPolicyDisallowFullAdmin = resourcePolicy({
    name: "aws-iam-policy-disallow-full-admin",
    description: 'IAM policies must not grant full administrator rights ("*" actions on "*" resources).',
    checks: 'No `Allow` statement of an `aws.iam.Policy`, `aws.iam.RolePolicy` or `aws.iam.Role` `inlinePolicies` document (an object or a JSON string) has `"*"` among its actions and `"*"` among its resources.',
    category: "access-control",
    severity: "critical",
    controls: { cis: ["1.16"], fsbp: ["IAM.1"], checkov: ["CKV_AWS_62"] },
    validateResource: [
        validateResourceOfType(aws.iam.Policy, (p, args, reportViolation) => judge("policy", p.policy, reportViolation)),
        validateResourceOfType(aws.iam.RolePolicy, (p, args, reportViolation) => judge("policy", p.policy, reportViolation)),
        validateResourceOfType(aws.iam.Role, (r, args, reportViolation) => {
            asArray(r.inlinePolicies).forEach((ip, i) => judge(`inlinePolicies[${i}] (${ip?.name ?? "?"})`, ip?.policy, reportViolation));
        }),
    ],
});
