import fc from "fast-check";
import { ACCESS_POLICIES, accessGrants, principalSlug, providerWaitsFor, uniqueKeys } from "../../components/cluster/access";

const ADMINS = "arn:aws:iam::123456789012:role/platform-admins";
const DEVS = "arn:aws:iam::123456789012:role/developers";

describe("principalSlug", () => {
    test.each([
        [ADMINS, "platform-admins"],
        ["arn:aws:iam::123456789012:role/team/Strata_Deployer", "strata-deployer"],
        ["arn:aws:iam::123456789012:user/alice.smith", "alice-smith"],
        ["arn:aws:iam::123456789012:role/___", "principal"],
        [`arn:aws:iam::123456789012:role/${"x".repeat(60)}`, "x".repeat(40)],
    ])("%s -> %s", (arn, slug) => {
        expect(principalSlug(arn)).toBe(slug);
    });

    test("always a logical-name part: lower-case letters, digits and inner hyphens, at most 40 characters", () => {
        fc.assert(
            fc.property(fc.string(), (tail) => {
                const slug = principalSlug(`arn:aws:iam::123456789012:role/${tail}`);
                expect(slug).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
                expect(slug.length).toBeLessThanOrEqual(40);
            }),
        );
    });
});

describe("uniqueKeys", () => {
    test("a repeated base gets -2, -3 in order", () => {
        expect(uniqueKeys(["admin-a", "admin-a", "view-b", "admin-a"])).toEqual(["admin-a", "admin-a-2", "view-b", "admin-a-3"]);
    });

    test("keys are unique, keep their order, and the first of each base is the base itself", () => {
        fc.assert(
            fc.property(fc.array(fc.constantFrom("a", "b", "a-2", "c")), (bases) => {
                const keys = uniqueKeys(bases);
                expect(new Set(keys).size).toBe(keys.length);
                keys.forEach((k, i) => expect(k.startsWith(bases[i])).toBe(true));
                if (bases.length > 0) expect(keys[0]).toBe(bases[0]);
            }),
        );
    });
});

describe("accessGrants", () => {
    const DEPLOYER = "arn:aws:iam::123456789012:role/ci-deployer";

    test("admins, then read-only principals, then the configured deployer, with the policy of each", () => {
        expect(accessGrants({ adminPrincipalArns: [ADMINS], readOnlyPrincipalArns: [DEVS], deployerPrincipalArn: DEPLOYER })).toEqual([
            { key: "admin-platform-admins", access: "admin", principalArn: ADMINS },
            { key: "view-developers", access: "view", principalArn: DEVS },
            { key: "deployer", access: "admin", principalArn: DEPLOYER },
        ]);
        expect(ACCESS_POLICIES).toEqual({ admin: "AmazonEKSClusterAdminPolicy", view: "AmazonEKSViewPolicy" });
    });

    test("no deployer entry without deployerPrincipalArn; principals with the same last segment get distinct keys", () => {
        const other = "arn:aws:iam::210987654321:role/platform-admins";
        expect(accessGrants({ adminPrincipalArns: [ADMINS, other], readOnlyPrincipalArns: [] }).map((g) => g.key)).toEqual([
            "admin-platform-admins",
            "admin-platform-admins-2",
        ]);
    });

    test("every grant names its principal from the settings alone (nothing is left to the identity running the deploy)", () => {
        fc.assert(
            fc.property(
                fc.array(fc.constantFrom(ADMINS, DEVS, "arn:aws:iam::123456789012:user/ops"), { maxLength: 3 }),
                fc.boolean(),
                (admins, withDeployer) => {
                    const s = {
                        adminPrincipalArns: admins,
                        readOnlyPrincipalArns: [],
                        deployerPrincipalArn: withDeployer ? DEPLOYER : undefined,
                    };
                    const grants = accessGrants(s);
                    expect(grants.map((g) => g.principalArn)).toEqual([...admins, ...(withDeployer ? [DEPLOYER] : [])]);
                    expect(accessGrants(s)).toEqual(grants);
                },
            ),
        );
    });

    test("the Kubernetes provider waits for every admin grant (the deployer's and the listed admins')", () => {
        const grants = accessGrants({ adminPrincipalArns: [ADMINS], readOnlyPrincipalArns: [DEVS], deployerPrincipalArn: DEPLOYER });
        expect(providerWaitsFor(grants).map((g) => g.key)).toEqual(["admin-platform-admins", "deployer"]);
    });
});
