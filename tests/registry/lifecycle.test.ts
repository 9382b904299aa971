/** What `pulumi up` would do to a repository and its lifecycle policy on later updates (the real replacement table). */
import { planOfResources, resource } from "../plan/synthetic";
import { diffPlans } from "../../plan/diff";
import { FIXED_NAME_REPLACE_POLICY, STATEFUL_REPLACE_POLICY, guardDiff } from "../../plan/guard";
import { REPLACEMENTS } from "../../plan/lifecycle/replacements";

const REPO = "aws:ecr/repository:Repository";
const LIFECYCLE = "aws:ecr/lifecyclePolicy:LifecyclePolicy";
const KEY = (id: string) => `arn:aws:kms:us-east-1:123456789012:key/${id}`;

const repo = (inputs: Record<string, unknown>) =>
    resource(REPO, "strata-dev-ecr-api", {
        name: "strata-dev/api",
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY("a") }],
        forceDelete: false,
        ...inputs,
    });
const stack = (inputs: Record<string, unknown>, policy = '{"rules":[]}') =>
    planOfResources([repo(inputs), resource(LIFECYCLE, "strata-dev-ecr-api-lifecycle", { repository: "strata-dev/api", policy })]);
const changes = (before: ReturnType<typeof stack>, after: ReturnType<typeof stack>) => {
    const d = diffPlans(before, after, { against: "x", rules: REPLACEMENTS });
    return { diff: d, violations: guardDiff(d, before, after).map((v) => v.policy) };
};
const actionOf = (d: ReturnType<typeof diffPlans>, type: string) => d.changes.find((c) => c.type === type)?.action;

describe("ECR repository lifecycle", () => {
    test("a new KMS key replaces the repository (its images are lost): the guard stops it", () => {
        const { diff, violations } = changes(stack({}), stack({ encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY("b") }] }));
        expect(actionOf(diff, REPO)).toBe("replace");
        expect(diff.changes.find((c) => c.type === REPO)!.deleteBeforeReplace).toBe(true);
        expect(violations).toContain(STATEFUL_REPLACE_POLICY);
        expect(violations).toContain(FIXED_NAME_REPLACE_POLICY);
    });

    test("tag mutability and scanning update in place: no guard violation", () => {
        const { violations, diff } = changes(
            stack({}),
            stack({ imageTagMutability: "MUTABLE", imageScanningConfiguration: { scanOnPush: false } }),
        );
        expect(violations).toEqual([]);
        expect(actionOf(diff, REPO)).toBe("update");
    });

    test("a new lifecycle policy replaces only the policy (not stateful)", () => {
        const { violations, diff } = changes(stack({}), stack({}, '{"rules":[{"rulePriority":1}]}'));
        expect(actionOf(diff, LIFECYCLE)).toBe("replace");
        expect(actionOf(diff, REPO)).toBe("same");
        expect(violations).toEqual([]);
    });
});
