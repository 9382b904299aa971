import fc from "fast-check";
import { accessPolicyArn, CLUSTER_ROLE_PURPOSES, clusterNames, clusterNameSet, managedPolicyArn, regionalArn, roleName } from "../../components/cluster/names";
import { Naming, NameTooLongError } from "../../components/naming";

const settings = (containerInsights: boolean, pools = ["system"]) => ({
    nodeGroups: pools.map((name) => ({ name }) as never),
    observability: { containerInsights },
});

describe("clusterNames", () => {
    test("roles: every purpose, the Container Insights one only when it is on and reported under its key", () => {
        expect(clusterNames.roles(settings(false)).map((r) => r.purpose)).toEqual(["cluster", "nodes", "vpc-cni", "ebs-csi", "lb-controller", "autoscaler"]);
        const on = clusterNames.roles(settings(true));
        expect(on.map((r) => r.purpose)).toEqual([...CLUSTER_ROLE_PURPOSES]);
        expect(on.find((r) => r.purpose === "cloudwatch")!.configPath).toEqual(["observability", "containerInsights"]);
        expect(on.filter((r) => r.configPath.length > 0).map((r) => r.purpose)).toEqual(["cloudwatch"]);
    });

    test("the names the component uses: explicit cluster name, auto-named node groups and roles", () => {
        const names = clusterNameSet(new Naming("strata-prod"), settings(true, ["system", "workers"]));
        expect(names.cluster).toBe("strata-prod-eks");
        expect(names.nodeGroups).toEqual({ system: "strata-prod-ng-system", workers: "strata-prod-ng-workers" });
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

describe("ARNs", () => {
    test.each([
        ["aws", "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy", "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"],
        ["aws-cn", "arn:aws-cn:iam::aws:policy/AmazonEKSClusterPolicy", "arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"],
        ["aws-us-gov", "arn:aws-us-gov:iam::aws:policy/AmazonEKSClusterPolicy", "arn:aws-us-gov:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"],
    ] as const)("partition %s", (partition, managed, access) => {
        expect(managedPolicyArn(partition, "AmazonEKSClusterPolicy")).toBe(managed);
        expect(accessPolicyArn(partition, "AmazonEKSViewPolicy")).toBe(access);
        expect(regionalArn({ partition, region: "r-1", accountId: "1" }, "eks", "cluster/c")).toBe(`arn:${partition}:eks:r-1:1:cluster/c`);
    });
});
