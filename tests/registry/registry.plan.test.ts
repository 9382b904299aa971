import { summarize } from "../../plan/summary";
import type { PlanDocument } from "../../plan";
import { query } from "../../plan";
import { ofType, planOfFile, stackFile } from "../helpers";

const HEX64 = "0123456789abcdef".repeat(4);
const DIGEST = `sha256:${HEX64}`;
const PROBES = { liveness: { path: "/health" }, readiness: { path: "/ready" } };

describe("a stack with ECR services (whole-program wiring)", () => {
    let plan: PlanDocument;
    beforeAll(async () => {
        plan = await planOfFile(
            stackFile({
                environment: "dev",
                registry: { github: { repositories: ["acme/api"], oidcProvider: { create: true } } },
                services: {
                    api: { ecr: true, image: DIGEST, port: 8080, probes: PROBES },
                    web: { ecr: true, image: "1.4.2", port: 8080, probes: PROBES },
                    next: { ecr: true, port: 8080, probes: PROBES },
                    echo: { image: "hashicorp/http-echo:1.0.0", port: 8080 },
                    private: { image: "ghcr.io/acme/private:2.0.1", port: 8080, probes: PROBES, imagePullSecret: "strata:ghcrPull" },
                },
                "strata:ghcrPull": "bot:ghp_token",
            }),
        );
    }, 120_000);

    test("an ecr service plans an aws:ecr/repository:Repository with immutable tags, scan on push and a KMS key", () => {
        const repos = ofType(plan, "aws:ecr/repository:Repository");
        expect(repos.map((r) => r.inputs.name).sort()).toEqual(["strata-dev/api", "strata-dev/next", "strata-dev/web"]);
        const dataKey = query(plan)
            .ofType("aws:kms/key:Key")
            .find((k) => String(k.inputs.description).includes("Data stores"))!;
        for (const r of repos) {
            expect(r.inputs).toMatchObject({ imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true } });
            expect(r.inputs.encryptionConfigurations).toEqual([{ encryptionType: "KMS", kmsKey: expect.stringMatching(/^arn:aws:kms:/) }]);
            expect(r.dependencies).toContain(dataKey.urn);
        }
    });

    test("the pods run <repositoryUrl>@<digest> or <repositoryUrl>:<tag>; external images as written", () => {
        const image = (name: string) => {
            const d = ofType(plan, "kubernetes:apps/v1:Deployment").find((x) => (x.inputs.metadata as { name: string }).name === name);
            return (
                d && (d.inputs.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0].image
            );
        };
        expect(image("api")).toBe(`123456789012.dkr.ecr.us-east-1.amazonaws.com/strata-dev/api@${DIGEST}`);
        expect(image("web")).toBe("123456789012.dkr.ecr.us-east-1.amazonaws.com/strata-dev/web:1.4.2");
        expect(image("echo")).toBe("hashicorp/http-echo:1.0.0");
    });

    test("a service without its first image has a repository but no workload, and the summary says so", () => {
        const named = (type: string) => ofType(plan, type).map((r) => (r.inputs.metadata as { name?: string } | undefined)?.name);
        expect(named("kubernetes:apps/v1:Deployment")).not.toContain("next");
        expect(named("kubernetes:core/v1:Service")).not.toContain("next");
        expect(plan.outputs.servicesAwaitingImage).toEqual(["next"]);
        expect(summarize(plan)).toContain("Warning: service next waits for its first image");
    });

    test("the stack outputs the repository URL of each ecr service", () => {
        expect(plan.outputs.imageRepositories).toEqual({
            api: "123456789012.dkr.ecr.us-east-1.amazonaws.com/strata-dev/api",
            web: "123456789012.dkr.ecr.us-east-1.amazonaws.com/strata-dev/web",
            next: "123456789012.dkr.ecr.us-east-1.amazonaws.com/strata-dev/next",
        });
    });

    test("the repositories never wait for the cluster", () => {
        const q = query(plan);
        for (const r of q.ofType("aws:ecr/repository:Repository")) {
            const deps = [...q.transitiveDependenciesOf(r)].map((u) => u.split("::")[2]);
            expect(deps.filter((t) => t.startsWith("aws:eks") || t.startsWith("kubernetes"))).toEqual([]);
        }
    });

    test("the ECR policies pass", () => {
        expect(plan.violations.filter((v) => v.policy.startsWith("aws-ecr-"))).toEqual([]);
    });

    test("the push role's ARN is a stack output; the stack creates the account's GitHub provider", () => {
        expect(plan.outputs.imagePushRoleArn).toMatch(/^arn:aws:iam::123456789012:role\/strata-dev-registry-push-/);
        const provider = ofType(plan, "aws:iam/openIdConnectProvider:OpenIdConnectProvider").filter(
            (p) => p.inputs.url === "https://token.actions.githubusercontent.com",
        );
        expect(provider).toHaveLength(1);
    });

    test("a private external image pulls with a dockerconfigjson Secret of its namespace, kept secret", () => {
        const secrets = ofType(plan, "kubernetes:core/v1:Secret").filter((x) => x.inputs.type === "kubernetes.io/dockerconfigjson");
        expect(secrets).toHaveLength(1);
        const secret = secrets[0];
        expect(secret.inputs.metadata).toMatchObject({ namespace: "strata", name: expect.stringMatching(/^pull-ghcr-io-[0-9a-f]{6}$/) });
        // The whole stringData is a secret (the engine marks the object holding a secret).
        expect(JSON.stringify(secret.inputs.stringData)).toContain("[secret]");
        expect(JSON.stringify(plan)).not.toContain("ghp_token");
        const d = ofType(plan, "kubernetes:apps/v1:Deployment").find((x) => (x.inputs.metadata as { name: string }).name === "private")!;
        const spec = (d.inputs.spec as { template: { spec: { imagePullSecrets?: unknown } } }).template.spec;
        expect(spec.imagePullSecrets).toEqual([{ name: (secret.inputs.metadata as { name: string }).name }]);
        expect(d.dependencies).toContain(secret.urn);
        const echo = ofType(plan, "kubernetes:apps/v1:Deployment").find((x) => (x.inputs.metadata as { name: string }).name === "echo")!;
        expect((echo.inputs.spec as { template: { spec: Record<string, unknown> } }).template.spec.imagePullSecrets).toBeUndefined();
    });
});
