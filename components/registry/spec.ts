import type { ImageReference } from "../imageReference";
import { parseImageReference, unpinnedReason } from "../imageReference";
import { STS_AUDIENCE, webIdentityTrustPolicy } from "../webIdentity";

/**
 * The container registry as plain data: ECR repository names, the image a pod runs, the lifecycle policy, the push
 * role's trust and permissions. Sources: the Amazon ECR API Reference (CreateRepository `repositoryName`,
 * PutLifecyclePolicy), the Amazon ECR User Guide ("Lifecycle policies", "Encryption at rest", "Private repository
 * policies"), and GitHub's "Configuring OpenID Connect in Amazon Web Services".
 */

/**
 * An ECR repository name (CreateRepository `repositoryName`): 2-256 characters,
 * `(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*` (lower-case path components separated by `/`).
 */
export const ECR_REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
export const ECR_REPOSITORY_NAME_MIN = 2;
export const ECR_REPOSITORY_NAME_MAX = 256;

/** Why ECR would refuse a repository name, or undefined when it accepts it. */
export function ecrRepositoryNameProblem(name: string): string | undefined {
    if (name.length < ECR_REPOSITORY_NAME_MIN || name.length > ECR_REPOSITORY_NAME_MAX)
        return `is ${name.length} characters; ECR repository names are ${ECR_REPOSITORY_NAME_MIN}-${ECR_REPOSITORY_NAME_MAX}`;
    if (!ECR_REPOSITORY_NAME.test(name))
        return "is not an ECR repository name: lower-case letters and digits, separated by . _ or -, and path components by /";
    return undefined;
}

/** The stack's repository of a service: `<naming prefix>/<service>` (the prefix keeps stacks of one account apart). */
export function ecrRepositoryName(prefix: string, service: string): string {
    return `${prefix}/${service}`;
}

const TAG = /^[\w][\w.-]{0,127}$/;
const SHA256_DIGEST = /^sha256:[a-f0-9]{64}$/;

/** What `image` of an `ecr: true` service may be (the config reference and the messages use it). */
export const ECR_IMAGE_ALLOWED = "a tag of the stack's repository other than latest (e.g. 1.4.2 or a git SHA), or a digest sha256:<64 hex>";

/**
 * Why `image` of an `ecr: true` service is refused, or undefined: it names only the tag or the digest, because the
 * repository is the stack's own. The rules are the reference grammar's (components/imageReference.ts).
 */
export function ecrImageProblem(image: string): string | undefined {
    if (image.startsWith("sha256:")) {
        return SHA256_DIGEST.test(image) ? undefined : "is not a digest: sha256: followed by 64 lower-case hex digits";
    }
    if (image.includes("/") || image.includes(":") || image.includes("@"))
        return "names a repository, but an ecr service's image is only the tag or digest in the stack's repository";
    if (!TAG.test(image)) return "is not a tag: 1-128 letters, digits, _ . -, not starting with . or -";
    if (image === "latest") return 'is the tag "latest": the repository is immutable and latest is not pinned';
    return undefined;
}

/** Why an external image (`ecr: false`) is refused, or undefined: a valid, pinned reference. */
export function externalImageProblem(image: string): string | undefined {
    const ref = parseImageReference(image);
    if ("error" in ref) return ref.error;
    const unpinned = unpinnedReason(ref);
    return unpinned && `is not pinned: it ${unpinned}; use a tag other than latest or a digest`;
}

/** The service settings the image decisions read. */
export interface ImageSettings {
    ecr: boolean;
    image?: string;
    imagePullSecret?: string;
}

/**
 * The problems of a service's `ecr` and `image`, each with the key below the service it belongs to. A message starting
 * with "!" is a whole sentence; otherwise it follows the value (as zod custom issues read).
 */
export function serviceImageIssues(s: ImageSettings): Array<{ path: string[]; message: string }> {
    if (s.ecr) {
        const problem = s.image === undefined ? undefined : ecrImageProblem(s.image);
        return [
            ...(problem ? [{ path: ["image"], message: `${problem}; allowed: ${ECR_IMAGE_ALLOWED}` }] : []),
            ...(s.imagePullSecret !== undefined
                ? [
                      {
                          path: ["imagePullSecret"],
                          message:
                              "!is set on an ecr service: the nodes pull the stack's repositories with their IAM role; remove it (pull secrets are for external private images)",
                      },
                  ]
                : []),
        ];
    }
    if (s.image === undefined)
        return [
            {
                path: ["image"],
                message:
                    "!is required: a pinned image reference (a tag other than latest, or a digest), or set ecr: true to build into a repository of the stack",
            },
        ];
    const problem = externalImageProblem(s.image);
    return problem ? [{ path: ["image"], message: problem }] : [];
}

/** True when a service's workload waits for the first image of its repository (`ecr: true`, no `image` yet). */
export function waitsForFirstImage(s: ImageSettings): boolean {
    return s.ecr && s.image === undefined;
}

/** The services with a repository of the stack, in config order. */
export function ecrServices<S extends ImageSettings>(services: Record<string, S>): string[] {
    return Object.entries(services)
        .filter(([, s]) => s.ecr)
        .map(([name]) => name);
}

/** The services whose workloads wait for their first image, in config order. */
export function servicesAwaitingImage<S extends ImageSettings>(services: Record<string, S>): string[] {
    return Object.entries(services)
        .filter(([, s]) => waitsForFirstImage(s))
        .map(([name]) => name);
}

/** The image a pod of an ecr service runs: `<repositoryUrl>@<digest>` or `<repositoryUrl>:<tag>`. */
export function repositoryImage(repositoryUrl: string, image: string): string {
    return image.startsWith("sha256:") ? `${repositoryUrl}@${image}` : `${repositoryUrl}:${image}`;
}

/** The repository URL ECR gives a repository: `<account>.dkr.ecr.<region>.amazonaws.com/<name>` (`.amazonaws.com.cn` in China). */
export function repositoryUrl(accountId: string, region: string, name: string): string {
    const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    return `${accountId}.dkr.ecr.${region}.${suffix}/${name}`;
}

/** Is a parsed reference in an ECR private registry (`<account>.dkr.ecr.<region>.amazonaws.com`)? */
export function isEcrReference(ref: ImageReference): boolean {
    return ref.registry !== undefined && /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(ref.registry);
}

/** The lifecycle policy's numbers (`strata:registry`). */
export interface LifecycleSettings {
    /** Untagged images expire this many days after they were pushed. */
    untaggedExpiryDays: number;
    /** The newest this many tagged images are kept; older ones expire. */
    keepTaggedImages: number;
}

/**
 * The lifecycle policy of a repository (Amazon ECR User Guide, "Lifecycle policy properties"): rule 1 expires untagged
 * images `untaggedExpiryDays` after their push (layers of failed or superseded pushes); rule 2 keeps the newest
 * `keepTaggedImages` tagged images (`tagPatternList: ["*"]` matches every tag) and expires older ones. ECR does not know
 * which digest a cluster runs: the rollback horizon is the last `keepTaggedImages` pushes, and an image pushed without
 * a tag expires after `untaggedExpiryDays` even while pods run it (docs/components/registry.md).
 */
export function lifecyclePolicy(s: LifecycleSettings) {
    return {
        rules: [
            {
                rulePriority: 1,
                description: `Expire untagged images ${s.untaggedExpiryDays} days after push`,
                selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: s.untaggedExpiryDays },
                action: { type: "expire" },
            },
            {
                rulePriority: 2,
                description: `Keep the newest ${s.keepTaggedImages} tagged images`,
                selection: { tagStatus: "tagged", tagPatternList: ["*"], countType: "imageCountMoreThan", countNumber: s.keepTaggedImages },
                action: { type: "expire" },
            },
        ],
    };
}

/** The repository settings every stack repository has: immutable tags, scan on push, KMS with the stack's key. */
export function repositorySettings<K>(kmsKeyArn: K, forceDelete: boolean) {
    return {
        imageTagMutability: "IMMUTABLE" as const,
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: kmsKeyArn }],
        forceDelete,
    };
}

/** Logical name parts (after the naming prefix) of the push role; Pulumi auto-names it, config checks the length. */
export const PUSH_ROLE_NAME_PARTS = ["registry", "push"] as const;

/** The URL and audience of GitHub Actions' OIDC tokens (GitHub Docs, "Configuring OpenID Connect in Amazon Web Services"). */
export const GITHUB_OIDC_URL = "https://token.actions.githubusercontent.com";
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
export const GITHUB_OIDC_AUDIENCE = STS_AUDIENCE;

/** `arn:<partition>:iam::<account>:oidc-provider/token.actions.githubusercontent.com`: the account's GitHub provider. */
export const GITHUB_OIDC_PROVIDER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/token\.actions\.githubusercontent\.com$/;

/** A GitHub repository as `<owner>/<name>` (owner: letters, digits, hyphens; name: letters, digits, . _ -). */
export const GITHUB_REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/**
 * The OIDC subjects that may push: a job of one of the repositories running in the GitHub environment named after
 * the stack (`repo:<owner>/<repo>:environment:<stack>`, the subject GitHub issues for a job with `environment:`).
 * Not a branch: the environment's protection rules (required reviewers, allowed branches) then decide who pushes to
 * prod's repositories, as they decide who deploys it.
 */
export function pushSubjects(repositories: string[], stack: string): string[] {
    return repositories.map((r) => `repo:${r}:environment:${stack}`);
}

/** The push role's trust policy: GitHub's OIDC provider, audience sts.amazonaws.com, only the listed subjects. */
export function pushRoleTrustPolicy(providerArn: string, subjects: string[]): string {
    return webIdentityTrustPolicy(providerArn, GITHUB_OIDC_HOST, subjects);
}

/**
 * What a push needs in ECR (Amazon ECR User Guide, "Private repository policies" / the push example): the layer upload
 * actions and PutImage, plus the reads a `docker push` and a pipeline that looks up its digest and scan use.
 */
export const ECR_PUSH_ACTIONS = [
    "ecr:BatchCheckLayerAvailability",
    "ecr:InitiateLayerUpload",
    "ecr:UploadLayerPart",
    "ecr:CompleteLayerUpload",
    "ecr:PutImage",
    "ecr:BatchGetImage",
    "ecr:DescribeImages",
    "ecr:DescribeImageScanFindings",
] as const;

/**
 * The push role's permissions: a registry login (`ecr:GetAuthorizationToken` takes no resource: "*", ECR API
 * Reference) and the push and read actions on exactly the stack's repositories.
 */
export function pushRoleStatements<A>(repositoryArns: A[]) {
    return [
        { Sid: "RegistryLogin", Effect: "Allow" as const, Action: "ecr:GetAuthorizationToken", Resource: "*" },
        { Sid: "PushToStackRepositories", Effect: "Allow" as const, Action: [...ECR_PUSH_ACTIONS], Resource: repositoryArns },
    ];
}
