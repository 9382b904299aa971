import type { MockModule } from "./types";
import { ecrRepositoryNameProblem, repositoryUrl } from "../../components/registry/spec";

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
    },
};
