import { z } from "zod";
import type { Environment, PerEnvironment } from "./environment";
import type { Section } from "./checks";
import { checkName, sectionCheck } from "./checks";
import { allowed } from "./meta";
import {
    PUSH_ROLE_NAME_PARTS,
    GITHUB_OIDC_PROVIDER_ARN,
    GITHUB_REPOSITORY,
    ecrRepositoryName,
    ecrRepositoryNameProblem,
} from "../registry/spec";
import { TEMPLATE_ROLE_NAME_PARTS, UPSTREAMS, UPSTREAM_REGISTRIES, cachePrefix, cachePrefixProblem } from "../registry/pullThroughCache";

/** A Pulumi config key `<namespace>:<key>` (as monitoring's secret keys are named). */
const CONFIG_KEY = /^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/;

function upstreamSchema(title: string) {
    return z
        .object({
            credentialsConfigKey: allowed(
                z.string().regex(CONFIG_KEY, 'is not a Pulumi config key like "strata:dockerHubCredentials"'),
                "a config key <namespace>:<key> set with 'pulumi config set --secret <key> <user>:<token>'",
            ).describe(
                `The secret config key holding the ${title} credentials as <user>:<token> (an access token, not a password). ECR requires authentication for this upstream.`,
            ),
        })
        .strict()
        .optional()
        .describe(
            `An ECR pull-through cache of ${title}: the images are referenced as <account>.dkr.ecr.<region>.amazonaws.com/<prefix>-${
                title === "Docker Hub" ? "dockerhub/library/nginx:1.27" : "ghcr/<owner>/<image>:<tag>"
            }.`,
        );
}

interface RegistryDefaults {
    untaggedExpiryDays: number;
    keepTaggedImages: number;
}

/** Prod keeps more images: its rollback horizon is the newest `keepTaggedImages` pushes. */
const defaults: PerEnvironment<RegistryDefaults> = {
    dev: { untaggedExpiryDays: 7, keepTaggedImages: 10 },
    staging: { untaggedExpiryDays: 14, keepTaggedImages: 20 },
    prod: { untaggedExpiryDays: 30, keepTaggedImages: 50 },
};

/**
 * `strata:registry`: the stack's ECR repositories (one per `ecr: true` service) and their lifecycle. ECR's lifecycle
 * rules take a count of 1 or more (Amazon ECR User Guide, "Lifecycle policy properties": countNumber > 0).
 */
export function registrySchema(env: Environment) {
    const d = defaults[env];
    return z
        .object({
            untaggedExpiryDays: z
                .number()
                .int()
                .min(1)
                .max(3650)
                .default(d.untaggedExpiryDays)
                .describe(
                    "Days after its push an untagged image expires (failed or superseded pushes). Push every image with a tag: an untagged image expires even while pods run it.",
                ),
            keepTaggedImages: z
                .number()
                .int()
                .min(1)
                .max(10000)
                .default(d.keepTaggedImages)
                .describe(
                    "Tagged images kept per repository, the newest first; older ones expire. The rollback horizon: a digest among the last this many pushes can be rolled back to.",
                ),
            github: z
                .object({
                    repositories: allowed(
                        z
                            .array(z.string().regex(GITHUB_REPOSITORY, 'is not a GitHub repository like "acme/api"'))
                            .min(1)
                            .describe("GitHub repositories (`<owner>/<name>`) whose workflows may push."),
                        "1 or more GitHub repositories as <owner>/<name>, each once",
                    ),
                    oidcProvider: allowed(
                        z
                            .object({
                                create: z
                                    .literal(true)
                                    .optional()
                                    .describe(
                                        "Create the account's GitHub OIDC provider in this stack. An account holds one provider per URL: exactly one stack per account sets this; the others reference its ARN.",
                                    ),
                                arn: allowed(
                                    z.string().regex(GITHUB_OIDC_PROVIDER_ARN, "is not the ARN of a GitHub OIDC provider"),
                                    "arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com",
                                )
                                    .optional()
                                    .describe("The ARN of the account's existing GitHub OIDC provider."),
                            })
                            .strict()
                            .superRefine((p, ctx) => {
                                if ((p.create === undefined) === (p.arn === undefined))
                                    ctx.addIssue({
                                        code: z.ZodIssueCode.custom,
                                        message:
                                            "!needs exactly one of create: true (this stack creates the account's GitHub OIDC provider) or arn (an existing one)",
                                    });
                            }),
                        "exactly one of { create: true } or { arn: arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com }",
                    ).describe("The account's GitHub OIDC provider: created here (one stack per account) or referenced."),
                })
                .strict()
                .superRefine((g, ctx) => {
                    const seen = new Set<string>();
                    for (const [i, r] of g.repositories.entries()) {
                        if (seen.has(r.toLowerCase()))
                            ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["repositories", i], message: `!lists "${r}" twice` });
                        seen.add(r.toLowerCase());
                    }
                })
                .optional()
                .describe(
                    "A push role for GitHub Actions: jobs of these repositories in the GitHub environment named after the stack may push to exactly the stack's repositories (stack output imagePushRoleArn).",
                ),
            pullThroughCache: z
                .object({
                    dockerHub: upstreamSchema(UPSTREAM_REGISTRIES.dockerHub.title),
                    ghcr: upstreamSchema(UPSTREAM_REGISTRIES.ghcr.title),
                })
                .strict()
                .optional()
                .describe(
                    "ECR pull-through cache rules: upstream images mirrored into the stack's registry (immutable, KMS-encrypted, the lifecycle policy), pulled by the nodes' IAM role. Stack output pullThroughCachePrefixes.",
                ),
        })
        .strict()
        .default({})
        .describe("Container images: the ECR repositories of `ecr: true` services and their lifecycle. See docs/components/registry.md.");
}
export type RegistrySettings = z.output<ReturnType<typeof registrySchema>>;

export const registry = {
    schema: registrySchema,
    checks: [
        // The repository names ECR would refuse are refused here (the naming prefix and the service name are
        // lower-case already; the length is what can break).
        sectionCheck<"services">({
            name: "the services' ECR repository names are names ECR accepts",
            check: (settings, report, { naming }) => {
                for (const [name, s] of Object.entries(settings.services)) {
                    if (!s.ecr) continue;
                    const repo = ecrRepositoryName(naming.prefix, name);
                    const problem = ecrRepositoryNameProblem(repo);
                    if (problem) report(["services", name, "ecr"], `!the repository name "${repo}" ${problem}`);
                }
            },
        }),
        // A pull secret names a secret config key the stack sets (like secretEnv).
        sectionCheck<"services">({
            name: "the services' image pull secrets name config keys the stack sets",
            check: (settings, report, { configKeys }) => {
                for (const [name, s] of Object.entries(settings.services)) {
                    if (s.imagePullSecret !== undefined && !configKeys.has(s.imagePullSecret))
                        report(
                            ["services", name, "imagePullSecret"],
                            `!the config key "${s.imagePullSecret}" is not set; set it with 'pulumi config set --secret ${s.imagePullSecret} <user>:<token>'`,
                        );
                }
            },
        }),
        // The push role is auto-named from the Registry's name (components/registry/index.ts); it pushes to the
        // stack's repositories, so a push role without any is refused.
        sectionCheck<"registry" | "services">({
            name: "the push role has repositories to push to and a name within IAM's limit",
            check: (settings, report, { naming }) => {
                if (!settings.registry.github) return;
                checkName(naming, report, ["registry", "github"], () => naming.autoNamed("iamRole", ...PUSH_ROLE_NAME_PARTS));
                if (!Object.values(settings.services).some((s) => s.ecr))
                    report(
                        ["registry", "github"],
                        "!is set, but no service has ecr: true, so the push role would have no repository to push to; set ecr: true on a service or remove github",
                    );
            },
        }),
        // The cache credentials name secret config keys the stack sets; the cache prefix fits ECR's 30 characters
        // (CreatePullThroughCacheRule ecrRepositoryPrefix; terraform-provider-aws pull_through_cache_rule.go: 2-30).
        sectionCheck<"registry">({
            name: "the pull-through caches' credentials are set and their prefixes are prefixes ECR accepts",
            check: (settings, report, { naming, configKeys }) => {
                const ptc = settings.registry.pullThroughCache;
                if (!ptc) return;
                for (const u of UPSTREAMS) {
                    const c = ptc[u];
                    if (!c) continue;
                    if (!configKeys.has(c.credentialsConfigKey))
                        report(
                            ["registry", "pullThroughCache", u, "credentialsConfigKey"],
                            `!the config key "${c.credentialsConfigKey}" is not set; set it with 'pulumi config set --secret ${c.credentialsConfigKey} <user>:<token>'`,
                        );
                    const prefix = cachePrefix(naming.prefix, u);
                    const problem = cachePrefixProblem(prefix);
                    if (problem)
                        report(
                            ["registry", "pullThroughCache", u],
                            `!the cache prefix "${prefix}" (<strata:name>-<stack>-${UPSTREAM_REGISTRIES[u].suffix}) ${problem}; shorten strata:name`,
                        );
                }
                if (UPSTREAMS.some((u) => ptc[u]))
                    checkName(naming, report, ["registry", "pullThroughCache"], () =>
                        naming.autoNamed("iamRole", ...TEMPLATE_ROLE_NAME_PARTS),
                    );
            },
        }),
    ],
} satisfies Section<ReturnType<typeof registrySchema>>;

/** The config keys the services' `imagePullSecret` names (their values become Pulumi secrets). */
export function imagePullSecretConfigKeys(services: Record<string, { imagePullSecret?: string }>): string[] {
    return [...new Set(Object.values(services).flatMap((s) => (s.imagePullSecret ? [s.imagePullSecret] : [])))];
}

/** The config keys of the pull-through caches' credentials (their values become Pulumi secrets). */
export function pullThroughCacheConfigKeys(registry: RegistrySettings): string[] {
    const ptc = registry.pullThroughCache;
    return ptc ? UPSTREAMS.flatMap((u) => (ptc[u] ? [ptc[u].credentialsConfigKey] : [])) : [];
}
