import fc from "fast-check";
import {
    accessPolicyArn,
    CLUSTER_ROLE_PURPOSES,
    clusterNames,
    clusterNameSet,
    instanceTypeInLaunchTemplate,
    managedPolicyArn,
    nodeGroupGeneration,
    nodeGroupReplacingSettings,
    regionalArn,
    roleName,
} from "../../components/cluster/names";
import { Naming, NameTooLongError } from "../../components/naming";

type Pool = { name: string; instanceTypes: string[]; capacityType: "ON_DEMAND" | "SPOT" };
const SINGLE = (name: string): Pool => ({ name, instanceTypes: ["m6i.large"], capacityType: "ON_DEMAND" });
const MULTI = (name: string): Pool => ({ name, instanceTypes: ["m6i.xlarge", "m6a.xlarge"], capacityType: "SPOT" });
const RUNNER = {
    repository: "acme/platform",
    connectionArn: "arn:aws:codeconnections:us-east-1:1:connection/x",
    computeType: "BUILD_GENERAL1_SMALL" as const,
    timeoutMinutes: 60,
};
/** Settings with every conditional role off (false) or on (true): Container Insights, and the deploy runner. */
const settings = (conditional: boolean, pools: Pool[] = [SINGLE("system")]) => ({
    nodeGroups: pools as never[],
    observability: { containerInsights: conditional },
    access: { route: "runner" as const, sourceCidrs: [], runner: conditional ? RUNNER : undefined },
});

describe("clusterNames", () => {
    test("roles: every purpose, the Container Insights one only when it is on and reported under its key", () => {
        expect(clusterNames.roles(settings(false)).map((r) => r.purpose)).toEqual([
            "cluster",
            "nodes",
            "vpc-cni",
            "ebs-csi",
            "lb-controller",
            "autoscaler",
        ]);
        const on = clusterNames.roles(settings(true));
        expect(on.map((r) => r.purpose)).toEqual([...CLUSTER_ROLE_PURPOSES]);
        expect(on.find((r) => r.purpose === "cloudwatch")!.configPath).toEqual(["observability", "containerInsights"]);
        expect(on.find((r) => r.purpose === "runner")!.configPath).toEqual(["access", "runner"]);
        expect(on.filter((r) => r.configPath.length > 0).map((r) => r.purpose)).toEqual(["cloudwatch", "runner"]);
    });

    test("the names the component uses: explicit cluster name, auto-named node groups and roles", () => {
        const names = clusterNameSet(new Naming("strata-prod"), settings(true, [SINGLE("system"), MULTI("workers")]));
        expect(names.cluster).toBe("strata-prod-eks");
        expect(names.nodeGroups).toEqual({
            system: `strata-prod-ng-system-${nodeGroupGeneration(SINGLE("system"))}`,
            workers: `strata-prod-ng-workers-${nodeGroupGeneration(MULTI("workers"))}`,
        });
        // The multi-type pool's group is the same resource as before generations; the single-type one is a new group.
        expect(names.nodeGroupAliases).toEqual({ system: undefined, workers: "strata-prod-ng-workers" });
        expect(names.roles).toEqual(Object.fromEntries(CLUSTER_ROLE_PURPOSES.map((p) => [p, `strata-prod-eks-${p}`])));
        expect(roleName(names, "lb-controller")).toBe("strata-prod-eks-lb-controller");
        expect(() => roleName(clusterNameSet(new Naming("strata-prod"), settings(false)), "cloudwatch")).toThrow(/no cloudwatch role/);
    });

    test("a role name that does not fit IAM's 64 characters with Pulumi's suffix is refused", () => {
        expect(() => clusterNameSet(new Naming(`a${"b".repeat(45)}`), settings(false))).toThrow(NameTooLongError);
    });

    test("every name starts with the prefix, and each role's name ends with its purpose", () => {
        fc.assert(
            fc.property(fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/), fc.boolean(), (prefix, ci) => {
                const names = clusterNameSet(new Naming(prefix), settings(ci));
                for (const [purpose, name] of Object.entries(names.roles)) expect(name).toBe(`${prefix}-eks-${purpose}`);
                expect(names.cluster.startsWith(`${prefix}-`)).toBe(true);
            }),
        );
    });
});

describe("node group generations", () => {
    const pool = fc.record({
        name: fc.constantFrom("system", "workers"),
        instanceTypes: fc.uniqueArray(fc.constantFrom("m6i.large", "m6i.xlarge", "m6a.xlarge", "m7i.large", "m7g.large"), {
            minLength: 1,
            maxLength: 3,
        }),
        capacityType: fc.constantFrom("ON_DEMAND" as const, "SPOT" as const),
    });

    test("a single type lives in the launch template, several on the node group", () => {
        expect(instanceTypeInLaunchTemplate({ instanceTypes: ["m6i.large"] })).toBe(true);
        expect(instanceTypeInLaunchTemplate({ instanceTypes: ["m6i.large", "m6a.large"] })).toBe(false);
        expect(nodeGroupReplacingSettings(SINGLE("system"))).toEqual({
            amiType: "AL2023_x86_64_STANDARD",
            capacityType: "ON_DEMAND",
            instanceTypes: "launch-template",
        });
        expect(nodeGroupReplacingSettings(MULTI("w"))).toEqual({
            amiType: "AL2023_x86_64_STANDARD",
            capacityType: "SPOT",
            instanceTypes: ["m6i.xlarge", "m6a.xlarge"],
        });
    });

    test("the generation changes exactly when a replacement-forcing setting of the node group changes", () => {
        fc.assert(
            fc.property(pool, pool, (a, b) => {
                const same = JSON.stringify(nodeGroupReplacingSettings(a)) === JSON.stringify(nodeGroupReplacingSettings(b));
                expect(nodeGroupGeneration(a) === nodeGroupGeneration(b)).toBe(same);
                expect(nodeGroupGeneration(a)).toMatch(/^[0-9a-f]{6}$/);
            }),
        );
    });

    test("a single-type pool keeps its generation across instance types of one AMI type (the launch template rolls them)", () => {
        const a = nodeGroupGeneration({ ...SINGLE("system"), instanceTypes: ["m6i.large"] });
        expect(nodeGroupGeneration({ ...SINGLE("system"), instanceTypes: ["m7i.2xlarge"] })).toBe(a);
        expect(nodeGroupGeneration({ ...SINGLE("system"), instanceTypes: ["m7g.large"] })).not.toBe(a); // arm64: another AMI type
        expect(nodeGroupGeneration({ ...SINGLE("system"), capacityType: "SPOT" })).not.toBe(a);
    });
});

describe("ARNs", () => {
    test.each([
        ["aws", "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"],
        ["aws-cn", "arn:aws-cn:iam::aws:policy/AmazonEKSClusterPolicy", "arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"],
        [
            "aws-us-gov",
            "arn:aws-us-gov:iam::aws:policy/AmazonEKSClusterPolicy",
            "arn:aws-us-gov:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
        ],
    ] as const)("partition %s", (partition, managed, access) => {
        expect(managedPolicyArn(partition, "AmazonEKSClusterPolicy")).toBe(managed);
        expect(accessPolicyArn(partition, "AmazonEKSViewPolicy")).toBe(access);
        expect(regionalArn({ partition, region: "r-1", accountId: "1" }, "eks", "cluster/c")).toBe(`arn:${partition}:eks:r-1:1:cluster/c`);
    });
});
