import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

/**
 * The repositories ECR creates from a template get the template's tag mutability: the template must ask for what
 * aws-ecr-repository-require-immutable-tags asks of a repository (the provider's default is MUTABLE,
 * internal/service/ecr/repository_creation_template.go).
 */
export const awsEcrRepositorycreationtemplateRequireImmutableTags = resourcePolicy({
    name: "aws-ecr-repositorycreationtemplate-require-immutable-tags",
    description: "ECR repository creation templates must create repositories with immutable tags.",
    checks: "`imageTagMutability` is `IMMUTABLE` on `aws.ecr.RepositoryCreationTemplate` (the provider's default is MUTABLE).",
    category: "workload-hardening",
    severity: "medium",
    controls: { fsbp: ["ECR.2"], checkov: ["CKV_AWS_51"] },
    validateResource: validateResourceOfType(aws.ecr.RepositoryCreationTemplate, (t, args, reportViolation) => {
        if (t.imageTagMutability !== "IMMUTABLE") reportViolation("imageTagMutability must be IMMUTABLE.");
    }),
});
