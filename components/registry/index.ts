import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import { statefulOptions } from "../base";
import type { KmsKeyArns } from "../kms";
import { policyDocument } from "../iam";
import type { LifecycleSettings } from "./spec";
import {
    GITHUB_OIDC_AUDIENCE,
    GITHUB_OIDC_URL,
    PUSH_ROLE_NAME_PARTS,
    ecrRepositoryName,
    lifecyclePolicy,
    pushRoleStatements,
    pushRoleTrustPolicy,
    pushSubjects,
    repositorySettings,
} from "./spec";

export * from "./spec";

export interface RegistryArgs extends BaseArgs, LifecycleSettings {
    /**
     * The services that get a repository of the stack (`ecr: true`), by name: the repository is
     * `<naming prefix>/<service>`.
     * @default [] (no repositories)
     */
    services?: string[];
    /** The data key: the repositories' images are encrypted with it (ECR creates grants on it). */
    kmsKeyArns: Pick<KmsKeyArns, "data">;
    /**
     * A push role for GitHub Actions (`strata:registry.github`): jobs of `repositories` running in the GitHub
     * environment `environment` may push to exactly this registry's repositories. `oidcProvider`: `{ create: true }`
     * creates the account's GitHub OIDC provider (one per account: one stack creates it), `{ arn }` references it.
     * @default undefined (no push role)
     */
    github?: {
        repositories: string[];
        oidcProvider: { create?: true; arn?: string };
        /** The GitHub environment the pushing jobs run in: the stack's name. */
        environment: string;
    };
}

/** One service's repository, as the services and the stack outputs use it. */
export interface RepositoryOutputs {
    /** `<account>.dkr.ecr.<region>.amazonaws.com/<prefix>/<service>`. */
    url: pulumi.Output<string>;
    arn: pulumi.Output<string>;
}

/**
 * The stack's container registry: an ECR repository per `ecr: true` service (immutable tags, scan on push, KMS
 * encryption with the data key, a lifecycle policy), protected and retained like the other stateful resources where
 * `strata:protection` says so, and never force-deleted (a repository holding images refuses deletion).
 * Depends on the KMS key only, never on the cluster.
 */
export class Registry extends pulumi.ComponentResource {
    public readonly repositories: Record<string, aws.ecr.Repository> = {};
    public readonly outputs: Record<string, RepositoryOutputs> = {};
    /** The account's GitHub OIDC provider, when this stack creates it. */
    public readonly oidcProvider?: aws.iam.OpenIdConnectProvider;
    /** The role GitHub Actions assumes to push (`strata:registry.github`). */
    public readonly pushRole?: aws.iam.Role;

    constructor(name: string, args: RegistryArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:registry:Registry", name, {}, opts);
        const n = args.naming;
        const policy = JSON.stringify(lifecyclePolicy(args));
        for (const svc of args.services ?? []) {
            const repo = new aws.ecr.Repository(
                n.name("ecr", svc),
                { name: ecrRepositoryName(n.prefix, svc), ...repositorySettings(args.kmsKeyArns.data, false) },
                { parent: this, ...statefulOptions(args.protection) },
            );
            // The policy's id is the repository's name and a new policy replaces it (lifecycle_policy.go has no Update):
            // created first, the old one's DeleteLifecyclePolicy would remove the new policy. Delete first instead.
            new aws.ecr.LifecyclePolicy(
                n.name("ecr", svc, "lifecycle"),
                { repository: repo.name, policy },
                { parent: this, deleteBeforeReplace: true },
            );
            this.repositories[svc] = repo;
            this.outputs[svc] = { url: repo.repositoryUrl, arn: repo.arn };
        }
        const gh = args.github;
        if (gh) {
            // Only one provider per URL can exist in an account (IAM CreateOpenIDConnectProvider: EntityAlreadyExists).
            // No thumbprints: IAM trusts GitHub's certificate through its own CA library, and the API accepts none at creation.
            this.oidcProvider = gh.oidcProvider.create
                ? new aws.iam.OpenIdConnectProvider(
                      n.name("github-oidc"),
                      { url: GITHUB_OIDC_URL, clientIdLists: [GITHUB_OIDC_AUDIENCE] },
                      { parent: this, ...statefulOptions(args.protection) },
                  )
                : undefined;
            const providerArn = this.oidcProvider ? this.oidcProvider.arn : pulumi.output(gh.oidcProvider.arn!);
            const subjects = pushSubjects(gh.repositories, gh.environment);
            this.pushRole = new aws.iam.Role(
                n.name(...PUSH_ROLE_NAME_PARTS),
                {
                    description: `GitHub Actions push to ${n.prefix}'s ECR repositories`,
                    assumeRolePolicy: providerArn.apply((arn) => pushRoleTrustPolicy(arn, subjects)),
                },
                { parent: this },
            );
            new aws.iam.RolePolicy(
                n.name(...PUSH_ROLE_NAME_PARTS, "ecr"),
                {
                    role: this.pushRole.id,
                    policy: policyDocument(pushRoleStatements(Object.values(this.repositories).map((r) => r.arn))),
                },
                { parent: this },
            );
        }
        this.registerOutputs({
            pushRoleArn: this.pushRole?.arn,
            repositoryUrls: Object.fromEntries(Object.entries(this.outputs).map(([k, v]) => [k, v.url])),
        });
    }
}
