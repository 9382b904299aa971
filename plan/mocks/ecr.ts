import type { MockModule } from "./types";
import { ecrRepositoryNameProblem, repositoryUrl } from "../../components/registry/spec";
import { CREDENTIALS_SECRET_PREFIX, cachePrefixProblem } from "../../components/registry/pullThroughCache";

/** The CredentialArn pattern of CloudFormation's AWS::ECR::PullThroughCacheRule (any partition). */
const CREDENTIAL_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-zA-Z0-9-:]+:secret:ecr-pullthroughcache\/[a-zA-Z0-9/_+=.@-]+$/;

/**
 * ECR: a repository's id is its name; its URL is `<account>.dkr.ecr.<region>.amazonaws.com/<name>` and its registry
 * the account (Amazon ECR API Reference, CreateRepository: the `repositoryUri` and `registryId` it returns). A name
 * ECR refuses (2-256 characters, lower-case path components) fails as CreateRepository fails, with an
 * InvalidParameterException.
 */
export const ecr: MockModule = {
    resources: {
        "aws:ecr/repository:Repository": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`);
            const problem = ecrRepositoryNameProblem(name);
            if (problem) throw new Error(`InvalidParameterException: repository name "${name}" ${problem}`);
            return {
                id: name,
                state: {
                    name,
                    arn: ctx.arn("ecr", `repository/${name}`),
                    registryId: ctx.accountId,
                    repositoryUrl: repositoryUrl(ctx.accountId, ctx.region, name),
                },
            };
        },
        "aws:ecr/lifecyclePolicy:LifecyclePolicy": (args, ctx) => ({
            id: String(args.inputs.repository),
            state: { registryId: ctx.accountId },
        }),
        // A rule's id is its prefix (pull_through_cache_rule.go: d.SetId(repositoryPrefix)); CreatePullThroughCacheRule
        // refuses a prefix outside 2-30 characters and a credential that is not an `ecr-pullthroughcache/` secret
        // (Amazon ECR User Guide, "Creating a pull through cache rule in Amazon ECR"; CloudFormation CredentialArn pattern).
        "aws:ecr/pullThroughCacheRule:PullThroughCacheRule": (args, ctx) => {
            const prefix = String(args.inputs.ecrRepositoryPrefix ?? "");
            const problem = cachePrefixProblem(prefix);
            if (problem) throw new Error(`InvalidParameterException: ecrRepositoryPrefix "${prefix}" ${problem}`);
            const credentialArn = args.inputs.credentialArn;
            if (credentialArn !== undefined && !CREDENTIAL_ARN.test(String(credentialArn)))
                throw new Error(
                    `InvalidParameterException: credentialArn "${String(credentialArn)}" is not a Secrets Manager secret named ${CREDENTIALS_SECRET_PREFIX}...`,
                );
            return { id: prefix, state: { registryId: ctx.accountId } };
        },
        // A template's id is its prefix (repository_creation_template.go); KMS encryption or resource tags need a
        // customRoleArn ("Create an IAM role for repository creation templates"), which CreateRepositoryCreationTemplate enforces.
        "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate": (args, ctx) => {
            const prefix = String(args.inputs.prefix ?? "");
            const encryption = (args.inputs.encryptionConfigurations as Array<{ encryptionType?: string }> | undefined) ?? [];
            const tags = args.inputs.resourceTags as Record<string, string> | undefined;
            if (
                (encryption.some((e) => e.encryptionType === "KMS") || (tags && Object.keys(tags).length > 0)) &&
                !args.inputs.customRoleArn
            )
                throw new Error(
                    `InvalidParameterException: template "${prefix}" sets KMS encryption or resource tags without a customRoleArn`,
                );
            return { id: prefix, state: { registryId: ctx.accountId } };
        },
    },
};
