import type * as pulumi from "@pulumi/pulumi";
import { createMocks } from "../../plan/mocks";
import type { Registry } from "../../components/registry";
import {
    cachePrefix,
    cachePrefixProblem,
    cacheRepositoriesArn,
    credentialsSecretName,
    credentialsSecretString,
    pullThroughStatements,
    templateRoleStatements,
} from "../../components/registry/pullThroughCache";
import type { PlanDocument, RenderResult } from "../../plan";
import { check, res } from "../policy/fake";
import { configProblems, ofType, planOfFile, stackFile } from "../helpers";
import { DATA_KEY, renderRegistry } from "./render";

const RULE = "aws:ecr/pullThroughCacheRule:PullThroughCacheRule";
const TEMPLATE = "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate";
const SECRET = "aws:secretsmanager/secret:Secret";
const VERSION = "aws:secretsmanager/secretVersion:SecretVersion";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

describe("pull-through cache spec", () => {
    test("the prefix is <naming prefix>-<upstream>; ECR's 2-30 characters and name pattern", () => {
        expect(cachePrefix("strata-prod", "dockerHub")).toBe("strata-prod-dockerhub");
        expect(cachePrefix("strata-prod", "ghcr")).toBe("strata-prod-ghcr");
        expect(cachePrefixProblem("a".repeat(30))).toBeUndefined();
        expect(cachePrefixProblem("a".repeat(31))).toMatch(/is 31 characters; a pull-through cache prefix is 2-30/);
        expect(cachePrefixProblem("Upper-case")).toMatch(/not an ECR repository name prefix/);
    });

    test("the secret is named ecr-pullthroughcache/<prefix>; its JSON is username and accessToken, split on the first colon", () => {
        expect(credentialsSecretName("strata-dev-dockerhub")).toBe("ecr-pullthroughcache/strata-dev-dockerhub");
        expect(JSON.parse(credentialsSecretString("bot:dckr:pat_x", "strata:dh"))).toEqual({ username: "bot", accessToken: "dckr:pat_x" });
        for (const bad of ["no-colon", ":token", "user:"]) {
            expect(() => credentialsSecretString(bad, "strata:dh")).toThrow(/"strata:dh" is not <user>:<token>/);
            try {
                credentialsSecretString(bad, "strata:dh");
            } catch (e) {
                expect(String(e)).not.toContain(bad);
            }
        }
    });

    test("the pulling and template roles' statements are scoped to the caches' repositories and the data key", () => {
        const arn = cacheRepositoriesArn("us-east-1", "123456789012", "strata-dev-ghcr");
        expect(arn).toBe("arn:aws:ecr:us-east-1:123456789012:repository/strata-dev-ghcr/*");
        expect(cacheRepositoriesArn("cn-north-1", "123456789012", "p1")).toMatch(/^arn:aws-cn:ecr:cn-north-1:/);
        expect(pullThroughStatements([arn])).toEqual([
            { Sid: "PullThroughCache", Effect: "Allow", Action: ["ecr:BatchImportUpstreamImage", "ecr:CreateRepository"], Resource: [arn] },
        ]);
        const [ecr, kms] = templateRoleStatements([arn], DATA_KEY);
        expect(ecr).toMatchObject({ Action: ["ecr:CreateRepository", "ecr:TagResource"], Resource: [arn] });
        expect(kms).toMatchObject({ Action: ["kms:CreateGrant", "kms:RetireGrant", "kms:DescribeKey"], Resource: DATA_KEY });
    });
});

describe("Registry with pull-through caches (component)", () => {
    let r: RenderResult<Registry>;
    beforeAll(async () => {
        r = await renderRegistry("prod", {
            region: "us-east-1",
            pullThroughCache: {
                dockerHub: { credentials: "bot:dckr_pat_secret", configKey: "strata:dh" },
                ghcr: { credentials: "octo:ghp_secret", configKey: "strata:gh" },
            },
            pullingRoleIds: ["strata-prod-nodes-role"],
        });
    });

    test("one secret per upstream, named ecr-pullthroughcache/<prefix>, under the AWS managed key (ECR reads no other)", () => {
        const secrets = r.ofType(SECRET);
        expect(secrets.map((s) => s.inputs.name)).toEqual([
            "ecr-pullthroughcache/strata-prod-dockerhub",
            "ecr-pullthroughcache/strata-prod-ghcr",
        ]);
        for (const s of secrets) expect(s.inputs.kmsKeyId).toBeUndefined();
        for (const v of r.ofType(VERSION)) expect(JSON.stringify(v.inputs)).not.toMatch(/dckr_pat_secret|ghp_secret/);
    });

    test("the rules: the prefix, the upstream URL, the secret's ARN; each waits for its credentials and template", () => {
        const rules = r.ofType(RULE);
        const secrets = r.ofType(SECRET);
        expect(rules.map((x) => [x.inputs.ecrRepositoryPrefix, x.inputs.upstreamRegistryUrl])).toEqual([
            ["strata-prod-dockerhub", "registry-1.docker.io"],
            ["strata-prod-ghcr", "ghcr.io"],
        ]);
        for (const [i, rule] of rules.entries()) {
            expect(rule.inputs.credentialArn).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache\//);
            expect(rule.propertyDependencies.credentialArn).toEqual([secrets[i].urn]);
            expect(rule.dependencies).toEqual(expect.arrayContaining([r.ofType(VERSION)[i].urn, r.ofType(TEMPLATE)[i].urn]));
        }
    });

    test("the templates: the cache prefix, PULL_THROUGH_CACHE, IMMUTABLE, KMS with the data key, the lifecycle policy, the ECR role", () => {
        const role = r.ofType("aws:iam/role:Role")[0];
        expect(JSON.parse(String(role.inputs.assumeRolePolicy)).Statement[0].Principal).toEqual({ Service: "ecr.amazonaws.com" });
        for (const [i, t] of r.ofType(TEMPLATE).entries()) {
            expect(t.inputs).toMatchObject({
                prefix: ["strata-prod-dockerhub", "strata-prod-ghcr"][i],
                appliedFors: ["PULL_THROUGH_CACHE"],
                imageTagMutability: "IMMUTABLE",
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: DATA_KEY }],
            });
            expect(JSON.parse(String(t.inputs.lifecyclePolicy)).rules[1].selection.countNumber).toBe(50);
            expect(t.propertyDependencies.customRoleArn).toEqual([role.urn]);
        }
    });

    test("the pulling role may import upstream images and create repositories under the caches' prefixes only", () => {
        const p = r.ofType(ROLE_POLICY).find((x) => x.inputs.role === "strata-prod-nodes-role")!;
        expect(JSON.parse(String(p.inputs.policy)).Statement).toEqual([
            {
                Sid: "PullThroughCache",
                Effect: "Allow",
                Action: ["ecr:BatchImportUpstreamImage", "ecr:CreateRepository"],
                Resource: [
                    "arn:aws:ecr:us-east-1:123456789012:repository/strata-prod-dockerhub/*",
                    "arn:aws:ecr:us-east-1:123456789012:repository/strata-prod-ghcr/*",
                ],
            },
        ]);
    });

    test("the cache prefixes are <account>.dkr.ecr.<region>.amazonaws.com/<prefix>", async () => {
        const url = await new Promise((resolve) => r.value.cachePrefixes.dockerHub!.apply(resolve));
        expect(url).toBe("123456789012.dkr.ecr.us-east-1.amazonaws.com/strata-prod-dockerhub");
    });
});

describe("strata:registry.pullThroughCache config", () => {
    test("a credentials key the stack does not set is refused by key", () => {
        expect(configProblems({ "strata:registry": { pullThroughCache: { dockerHub: { credentialsConfigKey: "strata:dh" } } } })).toEqual([
            `strata:registry.pullThroughCache.dockerHub.credentialsConfigKey: the config key "strata:dh" is not set; set it with 'pulumi config set --secret strata:dh <user>:<token>'`,
        ]);
    });

    test("a credentials value that is not <user>:<token> is refused by key, without repeating it", () => {
        const problems = configProblems({
            "strata:registry": { pullThroughCache: { ghcr: { credentialsConfigKey: "strata:gh" } } },
            "strata:gh": "only-a-token-value",
        });
        expect(problems).toEqual([
            `strata:registry.pullThroughCache.ghcr.credentialsConfigKey: the value of "strata:gh" is not <user>:<token>; set it with 'pulumi config set --secret strata:gh <user>:<token>'`,
        ]);
    });

    test("a prefix over 30 characters is refused by key", () => {
        const problems = configProblems({
            "strata:name": "a-long-system-name",
            "strata:registry": { pullThroughCache: { dockerHub: { credentialsConfigKey: "strata:dh" } } },
            "strata:dh": "bot:token",
        });
        expect(problems).toEqual([
            expect.stringMatching(
                /^strata:registry\.pullThroughCache\.dockerHub: the cache prefix "a-long-system-name-dev-dockerhub" .* is 32 characters; a pull-through cache prefix is 2-30/,
            ),
        ]);
    });

    test("a key that is not <namespace>:<key>, and an unknown upstream, are refused", () => {
        const problems = configProblems({
            "strata:registry": { pullThroughCache: { dockerHub: { credentialsConfigKey: "dh" }, quay: {} } },
        });
        expect(problems.join("\n")).toMatch(/strata:registry\.pullThroughCache\.dockerHub\.credentialsConfigKey: .*dh/);
        expect(problems.join("\n")).toMatch(/quay/);
    });
});

describe("the secrets policy admits exactly the AWS managed key on pull-through cache secrets", () => {
    const POLICY = "aws-secretsmanager-secret-require-kms-key";
    test("a pull-through cache secret without a key passes; with a customer-managed key it is refused", () => {
        expect(check(POLICY, [res(SECRET, "ptc", { name: "ecr-pullthroughcache/x" })])).toEqual([]);
        const [v] = check(POLICY, [res(SECRET, "ptc", { name: "ecr-pullthroughcache/x", kmsKeyId: DATA_KEY })]);
        expect(v.message).toMatch(/must use the AWS managed key/);
    });
    test("any other secret without a key is still refused", () => {
        expect(check(POLICY, [res(SECRET, "s", { name: "strata-dev/db" })])).toHaveLength(1);
    });
});

describe("a stack with a Docker Hub cache (whole-program wiring)", () => {
    let plan: PlanDocument;
    beforeAll(async () => {
        plan = await planOfFile(
            stackFile({
                environment: "dev",
                registry: { pullThroughCache: { dockerHub: { credentialsConfigKey: "strata:dockerHub" } } },
                "strata:dockerHub": "bot:dckr_pat_plan_secret",
            }),
        );
    }, 120_000);

    test("the node role gets the pull-through statement; the output names the prefix; the secret never appears", () => {
        const nodeRole = ofType(plan, "aws:iam/role:Role").find((x) => String(x.name).includes("nodes"))!;
        const p = ofType(plan, ROLE_POLICY).find((x) => String(x.inputs.policy).includes("BatchImportUpstreamImage"))!;
        expect(p.propertyDependencies?.role ?? p.dependencies).toContain(nodeRole.urn);
        expect(plan.outputs.pullThroughCachePrefixes).toEqual({
            dockerHub: "123456789012.dkr.ecr.us-east-1.amazonaws.com/strata-dev-dockerhub",
        });
        expect(JSON.stringify(plan)).not.toContain("dckr_pat_plan_secret");
        expect(plan.violations.filter((v) => v.policy.startsWith("aws-secretsmanager") || v.policy.startsWith("aws-ecr"))).toEqual([]);
    });
});

describe("the ECR mocks refuse what CreatePullThroughCacheRule and CreateRepositoryCreationTemplate refuse", () => {
    const m = createMocks("us-east-1", "strata", "dev");
    const create = (type: string, name: string, inputs: Record<string, unknown>) =>
        m.newResource({ type, name, inputs, provider: "", id: undefined, custom: true } as unknown as pulumi.runtime.MockResourceArgs);
    const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/strata-dev-dockerhub-AbC123";

    test("a rule's id is its prefix and its registry the account", async () => {
        const r = await create(RULE, "ok", {
            ecrRepositoryPrefix: "strata-dev-dockerhub",
            upstreamRegistryUrl: "registry-1.docker.io",
            credentialArn: SECRET_ARN,
        });
        expect(r).toMatchObject({ id: "strata-dev-dockerhub", state: { registryId: "123456789012" } });
    });

    test("a prefix over 30 characters, or a credential that is not an ecr-pullthroughcache/ secret", () => {
        expect(() => create(RULE, "long", { ecrRepositoryPrefix: "a".repeat(31), upstreamRegistryUrl: "ghcr.io" })).toThrow(
            /InvalidParameterException: ecrRepositoryPrefix .* is 31 characters/,
        );
        expect(() =>
            create(RULE, "cred", {
                ecrRepositoryPrefix: "p1",
                upstreamRegistryUrl: "ghcr.io",
                credentialArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:other/x-AbC123",
            }),
        ).toThrow(/InvalidParameterException: credentialArn .* ecr-pullthroughcache\//);
    });

    test("a template with KMS encryption but no customRoleArn", () => {
        expect(() =>
            create(TEMPLATE, "t", {
                prefix: "p1",
                appliedFors: ["PULL_THROUGH_CACHE"],
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: DATA_KEY }],
            }),
        ).toThrow(/without a customRoleArn/);
    });
});
