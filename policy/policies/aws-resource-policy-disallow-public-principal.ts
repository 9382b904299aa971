import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import type { ReportViolation } from "@pulumi/policy";
import { allowsAnyPrincipalUnconditionally, statements } from "../lib/iam";
import { resourcePolicy } from "../lib/metadata";

function judge(input: string, doc: unknown, reportViolation: ReportViolation): void {
    for (const s of statements(doc) ?? []) {
        if (allowsAnyPrincipalUnconditionally(s)) {
            reportViolation(
                `${input}: statement ${s.sid ? `'${s.sid}' ` : ""}allows Principal "*" with no Condition (anyone, in any account); name the principals or add a Condition.`,
            );
        }
    }
}

/**
 * Strata writes key policies, bucket policies and trust policies itself; queue and topic policies are what a consumer
 * composing the components would add (Strata's queues rely on IAM policies of their readers). A Deny statement with
 * `"*"` (e.g. the TLS-only bucket statement) is not a grant and is left alone.
 *
 * Checkov's checks of the same documents differ on conditions: KMSKeyWildcardPrincipal (CKV_AWS_33) passes any
 * statement with a Condition, as this policy does; S3AllowsAnyPrincipal (CKV_AWS_70), the SQS/SNS checks (CKV_AWS_168,
 * CKV_AWS_169) accept only principal-narrowing conditions, and IAMRoleAllowsPublicAssume (CKV_AWS_60) none at all.
 */
export const awsResourcePolicyDisallowPublicPrincipal = resourcePolicy({
    name: "aws-resource-policy-disallow-public-principal",
    description: "Resource and trust policies must not grant to any principal without a condition.",
    checks:
        'No `Allow` statement with `Principal: "*"` (or `{"AWS": "*"}`) and no `Condition` in the `policy` of `aws.kms.Key`, ' +
        "`aws.s3.BucketPolicy`, `aws.sqs.Queue`, `aws.sqs.QueuePolicy`, `aws.sns.Topic`, `aws.sns.TopicPolicy`, or the " +
        "`assumeRolePolicy` of `aws.iam.Role` (documents as objects or JSON strings; an unknown document is not judged).",
    category: "access-control",
    severity: "critical",
    controls: { checkov: ["CKV_AWS_33", "CKV_AWS_60", "CKV_AWS_70", "CKV_AWS_168", "CKV_AWS_169"] },
    validateResource: [
        validateResourceOfType(aws.kms.Key, (r, args, rv) => judge("policy", r.policy, rv)),
        validateResourceOfType(aws.s3.BucketPolicy, (r, args, rv) => judge("policy", r.policy, rv)),
        validateResourceOfType(aws.sqs.Queue, (r, args, rv) => judge("policy", r.policy, rv)),
        validateResourceOfType(aws.sqs.QueuePolicy, (r, args, rv) => judge("policy", r.policy, rv)),
        validateResourceOfType(aws.sns.Topic, (r, args, rv) => judge("policy", r.policy, rv)),
        validateResourceOfType(aws.sns.TopicPolicy, (r, args, rv) => judge("policy", r.policy, rv)),
        validateResourceOfType(aws.iam.Role, (r, args, rv) => judge("assumeRolePolicy", r.assumeRolePolicy, rv)),
    ],
});
