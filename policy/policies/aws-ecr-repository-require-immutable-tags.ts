import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

export const awsEcrRepositoryRequireImmutableTags = resourcePolicy({
    name: "aws-ecr-repository-require-immutable-tags",
    description:
        "ECR repositories must have immutable tags: a tag that can be pushed again runs different code under the same name on the next pull.",
    checks: "`imageTagMutability` is `IMMUTABLE` on `aws.ecr.Repository` (the provider's default is MUTABLE).",
    category: "workload-hardening",
    severity: "medium",
    controls: { fsbp: ["ECR.2"], checkov: ["CKV_AWS_51"] },
    validateResource: validateResourceOfType(aws.ecr.Repository, (r, args, reportViolation) => {
        if (r.imageTagMutability !== "IMMUTABLE") reportViolation("imageTagMutability must be IMMUTABLE.");
    }),
});
