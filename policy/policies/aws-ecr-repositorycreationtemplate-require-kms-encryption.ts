import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { nonEmptyString } from "../lib/values";

/**
 * The repositories ECR creates from a template (pull-through cache, replication) get the template's encryption
 * (Amazon ECR User Guide, "Templates to control repositories created during a pull through cache, create on push, or
 * replication action"): the template must ask for what aws-ecr-repository-require-kms-encryption asks of a repository.
 */
export const awsEcrRepositorycreationtemplateRequireKmsEncryption = resourcePolicy({
    name: "aws-ecr-repositorycreationtemplate-require-kms-encryption",
    description: "ECR repository creation templates must encrypt the repositories they create with a customer-managed KMS key.",
    checks: "`encryptionConfigurations` of `aws.ecr.RepositoryCreationTemplate` has `encryptionType` `KMS` and a `kmsKey` (the default is AES256).",
    category: "encryption",
    severity: "medium",
    controls: { checkov: ["CKV_AWS_136"] },
    validateResource: validateResourceOfType(aws.ecr.RepositoryCreationTemplate, (t, args, reportViolation) => {
        const configs = t.encryptionConfigurations ?? [];
        if (!configs.some((c) => c.encryptionType === "KMS" && nonEmptyString(c.kmsKey))) {
            reportViolation("encryptionConfigurations must set encryptionType KMS and kmsKey to a customer-managed KMS key.");
        }
    }),
});
