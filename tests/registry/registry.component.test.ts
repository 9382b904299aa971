import { Registry } from "../../components/registry";
import type { RenderResult } from "../../plan";
import { render } from "../../plan";
import { loadConfig } from "../helpers";

const REPOSITORY = "aws:ecr/repository:Repository";
const LIFECYCLE = "aws:ecr/lifecyclePolicy:LifecyclePolicy";
const DATA_KEY = "arn:aws:kms:us-east-1:123456789012:key/data-key";

function renderRegistry(environment: string, services: string[]) {
    const cfg = loadConfig({ "strata:environment": environment });
    return render(
        ({ awsProvider }) =>
            new Registry(
                cfg.naming.name("registry"),
                {
                    naming: cfg.naming,
                    environment: cfg.environment,
                    protection: cfg.protection,
                    defaultTags: cfg.defaultTags,
                    ...cfg.registry,
                    services,
                    kmsKeyArns: { data: DATA_KEY },
                },
                { providers: { aws: awsProvider() } },
            ),
        { stack: environment },
    );
}

describe("Registry (component)", () => {
    let prod: RenderResult<Registry>;
    beforeAll(async () => {
        prod = await renderRegistry("prod", ["api", "worker"]);
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
        const dev = await renderRegistry("dev", ["api"]);
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
        const none = await renderRegistry("dev", []);
        expect(none.ofType(REPOSITORY)).toEqual([]);
    });
});
