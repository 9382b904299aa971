import { z } from "zod";
import type { Environment, PerEnvironment } from "./environment";
import type { Section } from "./checks";
import { sectionCheck } from "./checks";
import { ecrRepositoryName, ecrRepositoryNameProblem } from "../registry/spec";

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
    ],
} satisfies Section<ReturnType<typeof registrySchema>>;
