import type { RegistryArgs } from "../../components/registry";
import type { Registry } from "../../components/registry";
import type { RenderResult } from "../../plan";
import { DATA_KEY, renderRegistry } from "./render";

const REPOSITORY = "aws:ecr/repository:Repository";
const LIFECYCLE = "aws:ecr/lifecyclePolicy:LifecyclePolicy";

/** The Registry with these services' repositories (and a push role when `github` is given). */
const renderFor = (environment: string, services: string[], github?: RegistryArgs["github"]) =>
    renderRegistry(environment, { services, github });

describe("Registry (component)", () => {
    let prod: RenderResult<Registry>;
    beforeAll(async () => {
        prod = await renderFor("prod", ["api", "worker"]);
    });

    test("one repository per service, <prefix>/<service>, immutable, scanned on push, KMS with the data key", () => {
        const repos = prod.ofType(REPOSITORY);
        expect(repos.map((r) => r.inputs.name)).toEqual(["strata-prod/api", "strata-prod/worker"]);
        for (const r of repos) {
            expect(r.inputs.imageTagMutability).toBe("IMMUTABLE");
            expect(r.inputs.imageScanningConfiguration).toEqual({ scanOnPush: true });
            expect(r.inputs.encryptionConfigurations).toEqual([{ encryptionType: "KMS", kmsKey: DATA_KEY }]);
            expect(r.inputs.forceDelete).toBe(false);
        }
    });

    test("prod protects and retains the repositories; dev does not", async () => {
        for (const r of prod.ofType(REPOSITORY)) expect(r.options).toMatchObject({ protect: true, retainOnDelete: true });
        const dev = await renderFor("dev", ["api"]);
        expect(dev.ofType(REPOSITORY)[0].options).toMatchObject({ protect: false, retainOnDelete: false });
    });

    test("each repository has the environment's lifecycle policy, replaced delete-first", () => {
        const repos = prod.ofType(REPOSITORY);
        const policies = prod.ofType(LIFECYCLE);
        expect(policies).toHaveLength(2);
        for (const [i, p] of policies.entries()) {
            expect(p.propertyDependencies.repository).toEqual([repos[i].urn]);
            expect(p.inputs.repository).toBe(repos[i].inputs.name);
            expect(p.options.deleteBeforeReplace).toBe(true);
            const rules = JSON.parse(String(p.inputs.policy)).rules;
            expect(rules[0].selection.countNumber).toBe(30);
            expect(rules[1].selection).toMatchObject({ tagStatus: "tagged", countType: "imageCountMoreThan", countNumber: 50 });
        }
    });

    test("the outputs are the mock's realistic URL and ARN", async () => {
        const url = await new Promise((resolve) => prod.value.outputs.api.url.apply(resolve));
        const arn = await new Promise((resolve) => prod.value.outputs.api.arn.apply(resolve));
        expect(url).toBe("123456789012.dkr.ecr.us-east-1.amazonaws.com/strata-prod/api");
        expect(arn).toBe("arn:aws:ecr:us-east-1:123456789012:repository/strata-prod/api");
    });

    test("no ecr services, no repositories", async () => {
        const none = await renderFor("dev", []);
        expect(none.ofType(REPOSITORY)).toEqual([]);
    });

    describe("the GitHub push role", () => {
        const ROLE = "aws:iam/role:Role";
        const PROVIDER = "aws:iam/openIdConnectProvider:OpenIdConnectProvider";
        const EXISTING = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

        test("trusts GitHub's provider for the listed repositories in the stack's environment, audience sts.amazonaws.com", async () => {
            const r = await renderFor("prod", ["api"], {
                repositories: ["acme/api", "acme/web"],
                oidcProvider: { arn: EXISTING },
                environment: "prod",
            });
            expect(r.ofType(PROVIDER)).toEqual([]);
            const trust = JSON.parse(String(r.one(ROLE).inputs.assumeRolePolicy));
            expect(trust.Statement).toEqual([
                {
                    Effect: "Allow",
                    Principal: { Federated: EXISTING },
                    Action: "sts:AssumeRoleWithWebIdentity",
                    Condition: {
                        StringEquals: {
                            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                            "token.actions.githubusercontent.com:sub": ["repo:acme/api:environment:prod", "repo:acme/web:environment:prod"],
                        },
                    },
                },
            ]);
        });

        test("may log in anywhere and push to exactly the stack's repositories, nothing else", async () => {
            const r = await renderFor("dev", ["api", "worker"], {
                repositories: ["acme/api"],
                oidcProvider: { arn: EXISTING },
                environment: "dev",
            });
            const policy = JSON.parse(String(r.one("aws:iam/rolePolicy:RolePolicy").inputs.policy));
            expect(policy.Statement).toEqual([
                { Sid: "RegistryLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
                {
                    Sid: "PushToStackRepositories",
                    Effect: "Allow",
                    Action: [
                        "ecr:BatchCheckLayerAvailability",
                        "ecr:InitiateLayerUpload",
                        "ecr:UploadLayerPart",
                        "ecr:CompleteLayerUpload",
                        "ecr:PutImage",
                        "ecr:BatchGetImage",
                        "ecr:DescribeImages",
                        "ecr:DescribeImageScanFindings",
                    ],
                    Resource: [
                        "arn:aws:ecr:us-east-1:123456789012:repository/strata-dev/api",
                        "arn:aws:ecr:us-east-1:123456789012:repository/strata-dev/worker",
                    ],
                },
            ]);
        });

        test("create: true creates the account's provider (GitHub's URL, audience sts.amazonaws.com, no thumbprints) and trusts it", async () => {
            const r = await renderFor("prod", ["api"], {
                repositories: ["acme/api"],
                oidcProvider: { create: true },
                environment: "prod",
            });
            const provider = r.one(PROVIDER);
            expect(provider.inputs).toMatchObject({
                url: "https://token.actions.githubusercontent.com",
                clientIdLists: ["sts.amazonaws.com"],
            });
            expect(provider.inputs.thumbprintLists).toBeUndefined();
            expect(provider.options).toMatchObject({ protect: true, retainOnDelete: true });
            const trust = JSON.parse(String(r.one(ROLE).inputs.assumeRolePolicy));
            expect(trust.Statement[0].Principal).toEqual({ Federated: EXISTING });
            expect(r.one(ROLE).dependencies).toContain(provider.urn);
        });
    });
});
