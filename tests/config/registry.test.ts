import { configProblems, loadConfig } from "../helpers";
import { registry } from "../../components/config/registry";
import { contextOf, runCheck, settingsOf } from "./checkHarness";

const HEX64 = "0123456789abcdef".repeat(4);
const DIGEST = `sha256:${HEX64}`;

describe("strata:registry and ecr services in config", () => {
    test("per-environment lifecycle defaults", () => {
        expect(loadConfig({ "strata:environment": "dev" }).registry).toEqual({ untaggedExpiryDays: 7, keepTaggedImages: 10 });
        expect(loadConfig({ "strata:environment": "prod" }).registry).toEqual({ untaggedExpiryDays: 30, keepTaggedImages: 50 });
    });

    test("an ecr service may omit image; a non-ecr service may not", () => {
        expect(configProblems({ "strata:services": { api: { ecr: true } } })).toEqual([]);
        expect(configProblems({ "strata:services": { api: { port: 8080 } } })).toEqual([
            "strata:services.api.image: is required: a pinned image reference (a tag other than latest, or a digest), or set ecr: true to build into a repository of the stack",
        ]);
    });

    test("an ecr service's image is a tag or a digest, named with what is allowed", () => {
        expect(configProblems({ "strata:services": { api: { ecr: true, image: DIGEST } } })).toEqual([]);
        expect(configProblems({ "strata:services": { api: { ecr: true, image: "1.4.2" } } })).toEqual([]);
        expect(configProblems({ "strata:services": { api: { ecr: true, image: "latest" } } })).toEqual([
            'strata:services.api.image: "latest" is the tag "latest": the repository is immutable and latest is not pinned; allowed: a tag of the stack\'s repository other than latest (e.g. 1.4.2 or a git SHA), or a digest sha256:<64 hex>',
        ]);
        expect(configProblems({ "strata:services": { api: { ecr: true, image: "nginx:1.27" } } })[0]).toMatch(
            /^strata:services\.api\.image: "nginx:1\.27" names a repository/,
        );
        expect(configProblems({ "strata:services": { api: { ecr: true, image: "sha256:abc" } } })[0]).toMatch(
            /^strata:services\.api\.image: "sha256:abc" is not a digest/,
        );
    });

    test("the lifecycle numbers are bounded", () => {
        expect(configProblems({ "strata:registry": { keepTaggedImages: 0 } })).toEqual([
            "strata:registry.keepTaggedImages: 0 is too small; it must be >= 1",
        ]);
        expect(configProblems({ "strata:registry": { keep: 3 } })[0]).toMatch(/^strata:registry\.keep: unknown key/);
    });

    test("a repository name ECR would refuse is refused by the section's check", () => {
        // Other names (EKS 100, IAM 64) overflow long before 256, so the check runs alone here.
        const [names] = registry.checks;
        const settings = settingsOf("dev", { services: { api: { ecr: true }, web: { image: "nginx:1.27" } } });
        expect(runCheck(names, settings)).toEqual([]);
        expect(runCheck(names, settings, contextOf({ stack: "s".repeat(250) }))).toEqual([
            `services.api.ecr: the repository name "strata-${"s".repeat(250)}/api" is 261 characters; ECR repository names are 2-256`,
        ]);
    });

    describe("github (the push role)", () => {
        const ECR = { "strata:services": { api: { ecr: true } } };
        const ARN = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
        const github = (g: unknown) => ({ ...ECR, "strata:registry": { github: g } });

        test("repositories and exactly one of create: true or an ARN", () => {
            expect(configProblems(github({ repositories: ["acme/api"], oidcProvider: { create: true } }))).toEqual([]);
            expect(configProblems(github({ repositories: ["acme/api"], oidcProvider: { arn: ARN } }))).toEqual([]);
            expect(configProblems(github({ repositories: ["acme/api"], oidcProvider: { create: true, arn: ARN } }))).toEqual([
                "strata:registry.github.oidcProvider: needs exactly one of create: true (this stack creates the account's GitHub OIDC provider) or arn (an existing one)",
            ]);
            expect(configProblems(github({ repositories: ["acme/api"], oidcProvider: {} }))[0]).toMatch(/needs exactly one of/);
        });

        test("the ARN must be a GitHub OIDC provider's, the repositories <owner>/<name>, each once", () => {
            expect(
                configProblems(
                    github({ repositories: ["acme/api"], oidcProvider: { arn: "arn:aws:iam::123456789012:oidc-provider/example.com" } }),
                ),
            ).toEqual([
                'strata:registry.github.oidcProvider.arn: "arn:aws:iam::123456789012:oidc-provider/example.com" is not the ARN of a GitHub OIDC provider',
            ]);
            expect(configProblems(github({ repositories: ["acme"], oidcProvider: { create: true } }))).toEqual([
                'strata:registry.github.repositories[0]: "acme" is not a GitHub repository like "acme/api"',
            ]);
            expect(configProblems(github({ repositories: ["acme/api", "Acme/API"], oidcProvider: { create: true } }))).toEqual([
                'strata:registry.github.repositories[1]: lists "Acme/API" twice',
            ]);
            expect(configProblems(github({ repositories: [], oidcProvider: { create: true } }))[0]).toMatch(/at least 1/);
        });

        test("a push role with no ecr service to push to is refused", () => {
            expect(
                configProblems({ "strata:registry": { github: { repositories: ["acme/api"], oidcProvider: { create: true } } } }),
            ).toEqual([
                "strata:registry.github: is set, but no service has ecr: true, so the push role would have no repository to push to; set ecr: true on a service or remove github",
            ]);
        });
    });

    describe("imagePullSecret", () => {
        test("must name a config key the stack sets", () => {
            expect(configProblems({ "strata:services": { api: { image: "ghcr.io/acme/api:1.0", imagePullSecret: "app:ghcr" } } })).toEqual([
                "strata:services.api.imagePullSecret: the config key \"app:ghcr\" is not set; set it with 'pulumi config set --secret app:ghcr <user>:<token>'",
            ]);
            expect(
                configProblems({
                    "strata:services": { api: { image: "ghcr.io/acme/api:1.0", imagePullSecret: "app:ghcr" } },
                    "app:ghcr": "bot:token",
                }),
            ).toEqual([]);
        });
        test("is refused on an ecr service", () => {
            expect(
                configProblems({ "strata:services": { api: { ecr: true, imagePullSecret: "app:ghcr" } }, "app:ghcr": "bot:token" }),
            ).toEqual([
                "strata:services.api.imagePullSecret: is set on an ecr service: the nodes pull the stack's repositories with their IAM role; remove it (pull secrets are for external private images)",
            ]);
        });
        test("its value is a Pulumi secret", () => {
            const cfg = loadConfig({
                "strata:services": { api: { image: "ghcr.io/acme/api:1.0", imagePullSecret: "strata:ghcrPull" } },
                "strata:ghcrPull": "bot:token",
            });
            expect(Object.keys(cfg.secretValues)).toContain("strata:ghcrPull");
        });
    });
});
