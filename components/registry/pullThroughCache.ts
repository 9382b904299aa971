import { partitionOf } from "../catalogue/regions";
import { ECR_REPOSITORY_NAME } from "./spec";

/**
 * ECR pull-through cache as plain data: the upstreams, the cache prefixes, the credentials secret, the repository
 * creation template's role and the pulling roles' permissions. Sources: the Amazon ECR User Guide ("Sync an upstream
 * registry with an Amazon ECR private registry", "Creating a pull through cache rule in Amazon ECR", "Storing your
 * upstream repository credentials in an AWS Secrets Manager secret", "IAM permissions required to sync an upstream
 * registry with an Amazon ECR private registry", "Create an IAM role for repository creation templates", "Create a
 * custom policy for repository creation templates") and terraform-provider-aws
 * internal/service/ecr/pull_through_cache_rule.go (ecr_repository_prefix: 2-30 characters).
 */

/** The upstreams Strata caches. Both need credentials ("Sync an upstream registry": authentication with a secret). */
export const UPSTREAMS = ["dockerHub", "ghcr"] as const;
export type Upstream = (typeof UPSTREAMS)[number];

/** Per upstream: the registry URL ECR pulls from and the suffix of the cache prefix. */
export const UPSTREAM_REGISTRIES: Record<Upstream, { url: string; suffix: string; title: string }> = {
    dockerHub: { url: "registry-1.docker.io", suffix: "dockerhub", title: "Docker Hub" },
    ghcr: { url: "ghcr.io", suffix: "ghcr", title: "GitHub Container Registry" },
};

/** The cache rule's `ecrRepositoryPrefix` length (CreatePullThroughCacheRule; pull_through_cache_rule.go: 2-30). */
export const CACHE_PREFIX_MIN = 2;
export const CACHE_PREFIX_MAX = 30;

/** The cache prefix of an upstream: `<naming prefix>-<suffix>`, e.g. `strata-prod-dockerhub`. */
export function cachePrefix(namingPrefix: string, upstream: Upstream): string {
    return `${namingPrefix}-${UPSTREAM_REGISTRIES[upstream].suffix}`;
}

/** Why ECR would refuse a cache prefix, or undefined. */
export function cachePrefixProblem(prefix: string): string | undefined {
    if (prefix.length < CACHE_PREFIX_MIN || prefix.length > CACHE_PREFIX_MAX)
        return `is ${prefix.length} characters; a pull-through cache prefix is ${CACHE_PREFIX_MIN}-${CACHE_PREFIX_MAX}`;
    if (!ECR_REPOSITORY_NAME.test(prefix))
        return "is not an ECR repository name prefix: lower-case letters and digits, separated by . _ - or /";
    return undefined;
}

/**
 * The name every pull-through cache credentials secret must begin with ("Creating a pull through cache rule in Amazon
 * ECR": the secret's name begins with `ecr-pullthroughcache/`; the service-linked role AWSServiceRoleForECRPullThroughCache
 * may read only those).
 */
export const CREDENTIALS_SECRET_PREFIX = "ecr-pullthroughcache/";

/** The credentials secret of a cache: `ecr-pullthroughcache/<cache prefix>`. */
export function credentialsSecretName(prefix: string): string {
    return `${CREDENTIALS_SECRET_PREFIX}${prefix}`;
}

/**
 * The secret's JSON: `username` and `accessToken`, for Docker Hub and GitHub Container Registry alike ("Storing your
 * upstream repository credentials in an AWS Secrets Manager secret"). The config value is `<user>:<token>`, split on
 * the first `:` (a token may contain `:`). The error never repeats the value.
 */
export function credentialsSecretString(value: string, configKey: string): string {
    const i = value.indexOf(":");
    if (credentialsProblem(value))
        throw new Error(
            `the config key "${configKey}" is not <user>:<token>; set it with 'pulumi config set --secret ${configKey} <user>:<token>'`,
        );
    return JSON.stringify({ username: value.slice(0, i), accessToken: value.slice(i + 1) });
}

/** True when a credentials value is not `<user>:<token>` (a non-empty user and token around the first `:`). */
export function credentialsProblem(value: string): boolean {
    const i = value.indexOf(":");
    return i <= 0 || i === value.length - 1;
}

/** `arn:<partition>:ecr:<region>:<account>:repository/<prefix>/*`: the repositories a cache creates. */
export function cacheRepositoriesArn(region: string, accountId: string, prefix: string): string {
    return `arn:${partitionOf(region)}:ecr:${region}:${accountId}:repository/${prefix}/*`;
}

/**
 * What a role that pulls through a cache needs beyond AmazonEC2ContainerRegistryPullOnly ("IAM permissions required
 * to sync an upstream registry with an Amazon ECR private registry"): `ecr:BatchImportUpstreamImage` (fetch the
 * upstream image into the registry) and `ecr:CreateRepository` (the first pull of an image creates its repository),
 * on the cache's repositories only. The login and layer reads are the managed policy's.
 */
export const PULL_THROUGH_ACTIONS = ["ecr:BatchImportUpstreamImage", "ecr:CreateRepository"] as const;

export function pullThroughStatements(repositoryArns: string[]) {
    return [{ Sid: "PullThroughCache", Effect: "Allow" as const, Action: [...PULL_THROUGH_ACTIONS], Resource: repositoryArns }];
}

/** Logical name parts of the creation template's role; Pulumi auto-names it, config checks the length. */
export const TEMPLATE_ROLE_NAME_PARTS = ["registry", "ptc-template"] as const;

/**
 * The permissions of the role ECR assumes to apply a creation template that sets KMS encryption or tags ("Create a
 * custom policy for repository creation templates": ecr:CreateRepository, ecr:ReplicateImage, ecr:TagResource and
 * kms:CreateGrant, kms:RetireGrant, kms:DescribeKey, there on "*"). Narrowed: no ReplicateImage (the template applies to
 * pull-through cache only), the ECR actions on the caches' repositories, the KMS actions on the data key.
 */
export function templateRoleStatements<K>(repositoryArns: string[], kmsKeyArn: K) {
    return [
        {
            Sid: "CreateCacheRepositories",
            Effect: "Allow" as const,
            Action: ["ecr:CreateRepository", "ecr:TagResource"],
            Resource: repositoryArns,
        },
        {
            Sid: "EncryptWithDataKey",
            Effect: "Allow" as const,
            Action: ["kms:CreateGrant", "kms:RetireGrant", "kms:DescribeKey"],
            Resource: kmsKeyArn,
        },
    ];
}

/** The trust policy of the template role: ECR ("Create an IAM role for repository creation templates"). */
export const TEMPLATE_ROLE_SERVICE = "ecr.amazonaws.com";

/** The upstreams configured, in table order. */
export function configuredUpstreams<T>(settings: Partial<Record<Upstream, T>> | undefined): Upstream[] {
    return UPSTREAMS.filter((u) => settings?.[u] !== undefined);
}
