import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import { statefulOptions } from "../base";
import type { KmsKeyArns } from "../kms";
import { policyDocument, serviceAssumeRolePolicy } from "../iam";
import type { LifecycleSettings } from "./spec";
import type { Upstream } from "./pullThroughCache";
import {
    TEMPLATE_ROLE_NAME_PARTS,
    TEMPLATE_ROLE_SERVICE,
    UPSTREAM_REGISTRIES,
    cachePrefix,
    cacheRepositoriesArn,
    configuredUpstreams,
    credentialsSecretName,
    credentialsSecretString,
    pullThroughStatements,
    templateRoleStatements,
} from "./pullThroughCache";
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
    repositoryUrl,
} from "./spec";

export * from "./spec";
export * from "./pullThroughCache";

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
    /**
     * ECR pull-through cache rules (`strata:registry.pullThroughCache`), by upstream: `credentials` is the upstream's
     * `<user>:<token>` (a Pulumi secret; it goes into a Secrets Manager secret `ecr-pullthroughcache/<cache prefix>`).
     * Each cache gets a rule, a repository creation template (immutable tags, the data key, the lifecycle policy) and
     * a role ECR applies the template with.
     * @default undefined (no cache)
     */
    pullThroughCache?: Partial<Record<Upstream, { credentials: pulumi.Input<string>; configKey: string }>>;
    /**
     * The ids (names) of the roles that pull through the caches (the cluster's node role): each gets a role policy with
     * ecr:BatchImportUpstreamImage and ecr:CreateRepository on the caches' repositories. Only with a cache.
     * @default [] (none)
     */
    pullingRoleIds?: pulumi.Input<string>[];
    /**
     * The region of the registry (the caches' repository ARNs and URLs).
     * @default undefined (required only with pullThroughCache)
     */
    region?: string;
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
    /** The pull-through cache rules by upstream (`strata:registry.pullThroughCache`). */
    public readonly cacheRules: Partial<Record<Upstream, aws.ecr.PullThroughCacheRule>> = {};
    /** `<account>.dkr.ecr.<region>.amazonaws.com/<cache prefix>` by upstream: what an image reference starts with. */
    public readonly cachePrefixes: Partial<Record<Upstream, pulumi.Output<string>>> = {};

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
        this.pullThroughCache(args, policy);
        this.registerOutputs({
            pushRoleArn: this.pushRole?.arn,
            pullThroughCachePrefixes: this.cachePrefixes,
            repositoryUrls: Object.fromEntries(Object.entries(this.outputs).map(([k, v]) => [k, v.url])),
        });
    }

    /**
     * Per configured upstream: the credentials secret (its name must begin with `ecr-pullthroughcache/`, in the rule's
     * account and region: "Creating a pull through cache rule in Amazon ECR"), the rule, the creation template with its
     * role; then one role policy per pulling role. The secret uses the AWS managed key aws/secretsmanager: "You must use
     * the default aws/secretsmanager encryption key to encrypt your secret. Amazon ECR doesn't support using a customer
     * managed key (CMK) for this secret" ("Storing your upstream repository credentials in an AWS Secrets Manager secret"),
     * so the policy aws-secretsmanager-secret-require-kms-key admits exactly these names without a key.
     */
    private pullThroughCache(args: RegistryArgs, lifecyclePolicyJson: string): void {
        const upstreams = configuredUpstreams(args.pullThroughCache);
        if (upstreams.length === 0) return;
        const n = args.naming;
        const region = args.region!;
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const prefixes = upstreams.map((u) => cachePrefix(n.prefix, u));
        const repositoryArns = accountId.apply((a) => prefixes.map((p) => cacheRepositoriesArn(region, a, p)));
        const templateRole = new aws.iam.Role(
            n.name(...TEMPLATE_ROLE_NAME_PARTS),
            {
                description: `ECR applies ${n.prefix}'s pull-through cache repository creation templates`,
                assumeRolePolicy: serviceAssumeRolePolicy(TEMPLATE_ROLE_SERVICE),
            },
            { parent: this },
        );
        const templateRolePolicy = new aws.iam.RolePolicy(
            n.name(...TEMPLATE_ROLE_NAME_PARTS, "policy"),
            {
                role: templateRole.id,
                policy: repositoryArns.apply((arns) => policyDocument(templateRoleStatements(arns, args.kmsKeyArns.data))),
            },
            { parent: this },
        );
        for (const [i, u] of upstreams.entries()) {
            const prefix = prefixes[i];
            const cfg = args.pullThroughCache![u]!;
            const secret = new aws.secretsmanager.Secret(
                n.name("ptc", u),
                {
                    name: credentialsSecretName(prefix),
                    description: `${UPSTREAM_REGISTRIES[u].title} credentials of ECR pull-through cache ${prefix}`,
                },
                { parent: this },
            );
            const version = new aws.secretsmanager.SecretVersion(
                n.name("ptc", u, "credentials"),
                {
                    secretId: secret.arn,
                    secretString: pulumi.secret(pulumi.output(cfg.credentials).apply((v) => credentialsSecretString(v, cfg.configKey))),
                },
                { parent: this },
            );
            // The template must exist before the first pull creates a repository: the rule waits for it.
            const template = new aws.ecr.RepositoryCreationTemplate(
                n.name("ptc", u, "template"),
                {
                    prefix,
                    appliedFors: ["PULL_THROUGH_CACHE"],
                    description: `Repositories ECR creates for pull-through cache ${prefix}`,
                    imageTagMutability: "IMMUTABLE",
                    encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.kmsKeyArns.data }],
                    lifecyclePolicy: lifecyclePolicyJson,
                    customRoleArn: templateRole.arn,
                },
                { parent: this, dependsOn: [templateRolePolicy] },
            );
            // ecrRepositoryPrefix and upstreamRegistryUrl replace the rule; credentialArn updates in place
            // (terraform-provider-aws internal/service/ecr/pull_through_cache_rule.go: ForceNew, UpdatePullThroughCacheRule).
            this.cacheRules[u] = new aws.ecr.PullThroughCacheRule(
                n.name("ptc", u, "rule"),
                { ecrRepositoryPrefix: prefix, upstreamRegistryUrl: UPSTREAM_REGISTRIES[u].url, credentialArn: secret.arn },
                { parent: this, dependsOn: [version, template] },
            );
            this.cachePrefixes[u] = accountId.apply((a) => repositoryUrl(a, region, prefix));
        }
        for (const [i, roleId] of (args.pullingRoleIds ?? []).entries()) {
            new aws.iam.RolePolicy(
                n.name("registry", "pull-through", ...(i === 0 ? [] : [String(i)])),
                { role: roleId, policy: repositoryArns.apply((arns) => policyDocument(pullThroughStatements(arns))) },
                { parent: this },
            );
        }
    }
}
