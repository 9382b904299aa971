import type { KUBERNETES_VERSIONS } from "../../components/catalogue/kubernetes";
import { ADDON_VERSIONS } from "../../components/catalogue/kubernetes";
import {
    ADDON_CONFLICT_RESOLUTION,
    addonPhase,
    addonPlan,
    addonVersion,
    ADDONS_AFTER_NODES,
    ADDONS_BEFORE_NODES,
    containerInsightsLogGroupName,
    CONTAINER_INSIGHTS_LOG_GROUPS,
    ebsKeyStatements,
} from "../../components/cluster/addons";
import { ALL_CLUSTER_ADDONS, CLUSTER_ADDONS } from "../../components/config/cluster";

const settings = (
    containerInsights: boolean,
    addonVersions: Record<string, string> = {},
    version: (typeof KUBERNETES_VERSIONS)[number] = "1.35",
) => ({
    version,
    addonVersions,
    observability: { containerInsights, logRetentionDays: 30 },
});
const TAGS = { Project: "strata", Environment: "dev" };

describe("addonPlan", () => {
    test("the six core add-ons in order, vpc-cni and the pod identity agent before the nodes, the rest after", () => {
        const plan = addonPlan(settings(false), "c1", TAGS);
        expect(plan.map((a) => [a.name, a.phase])).toEqual([
            ["vpc-cni", "beforeNodes"],
            ["eks-pod-identity-agent", "beforeNodes"],
            ["coredns", "afterNodes"],
            ["kube-proxy", "afterNodes"],
            ["aws-ebs-csi-driver", "afterNodes"],
            ["metrics-server", "afterNodes"],
        ]);
        expect(plan.map((a) => a.name).sort()).toEqual([...CLUSTER_ADDONS].sort());
    });

    test("Container Insights adds amazon-cloudwatch-observability after the nodes, with its role and its log groups", () => {
        const plan = addonPlan(settings(true), "c1", TAGS);
        const cw = plan[plan.length - 1];
        expect(cw).toMatchObject({ name: "amazon-cloudwatch-observability", phase: "afterNodes", usesContainerInsightsLogGroups: true });
        expect(cw.identity).toMatchObject({
            purpose: "cloudwatch",
            serviceAccount: { namespace: "amazon-cloudwatch", serviceAccount: "cloudwatch-agent" },
            managedPolicies: ["CloudWatchAgentServerPolicy"],
            ebsKey: false,
        });
        expect(plan.filter((a) => a.usesContainerInsightsLogGroups).map((a) => a.name)).toEqual(["amazon-cloudwatch-observability"]);
    });

    test("pinned versions win; unpinned add-ons get the catalogue's version for the cluster's minor", () => {
        const plan = addonPlan(
            settings(true, { coredns: "v1.12.1-eksbuild.2", "amazon-cloudwatch-observability": "v4.1.0-eksbuild.1" }),
            "c1",
            TAGS,
        );
        expect(Object.fromEntries(plan.map((a) => [a.name, a.version]))).toEqual({
            "vpc-cni": ADDON_VERSIONS["1.35"]["vpc-cni"],
            "eks-pod-identity-agent": ADDON_VERSIONS["1.35"]["eks-pod-identity-agent"],
            coredns: "v1.12.1-eksbuild.2",
            "kube-proxy": "v1.35.3-eksbuild.2",
            "aws-ebs-csi-driver": ADDON_VERSIONS["1.35"]["aws-ebs-csi-driver"],
            "metrics-server": ADDON_VERSIONS["1.35"]["metrics-server"],
            "amazon-cloudwatch-observability": "v4.1.0-eksbuild.1",
        });
    });

    test.each([
        ["1.34", "1.35"],
        ["1.35", "1.36"],
    ] as const)("a minor upgrade %s -> %s moves kube-proxy to the new minor's version (unless pinned)", (from, to) => {
        const before = addonVersion({ version: from, addonVersions: {} }, "kube-proxy");
        const after = addonVersion({ version: to, addonVersions: {} }, "kube-proxy");
        expect([before, after]).toEqual([`v${from}.3-eksbuild.2`, `v${to}.3-eksbuild.2`]);
        expect(addonVersion({ version: to, addonVersions: { "kube-proxy": before } }, "kube-proxy")).toBe(before);
    });

    test("vpc-cni enforces NetworkPolicies (a string, as the add-on schema wants) and runs as aws-node with the CNI policy", () => {
        const cni = addonPlan(settings(false), "c1", TAGS)[0];
        expect(JSON.parse(cni.configurationValues!)).toEqual({ enableNetworkPolicy: "true" });
        expect(cni.identity).toMatchObject({
            purpose: "vpc-cni",
            serviceAccount: { namespace: "kube-system", serviceAccount: "aws-node" },
            managedPolicies: ["AmazonEKS_CNI_Policy"],
        });
    });

    test("the EBS CSI driver tags its volumes with the stack's tags and uses the ebs key", () => {
        const ebs = addonPlan(settings(false), "c1", TAGS).find((a) => a.name === "aws-ebs-csi-driver")!;
        expect(JSON.parse(ebs.configurationValues!)).toEqual({ controller: { extraVolumeTags: TAGS } });
        expect(ebs.identity).toMatchObject({
            purpose: "ebs-csi",
            serviceAccount: { namespace: "kube-system", serviceAccount: "ebs-csi-controller-sa" },
            managedPolicies: ["service-role/AmazonEBSCSIDriverPolicy"],
            ebsKey: true,
        });
    });

    test("add-ons without a role or configuration: the pod identity agent, CoreDNS, kube-proxy, metrics-server", () => {
        const bare = addonPlan(settings(false), "c1", TAGS).filter((a) => !a.identity && a.configurationValues === undefined);
        expect(bare.map((a) => a.name)).toEqual(["eks-pod-identity-agent", "coredns", "kube-proxy", "metrics-server"]);
    });
});

describe("add-on phases and conflicts", () => {
    test.each(ALL_CLUSTER_ADDONS.map((a) => [a]))("%s: its phase agrees with ADDONS_BEFORE_NODES / ADDONS_AFTER_NODES", (name) => {
        expect(addonPhase(name)).toBe(ADDONS_BEFORE_NODES.includes(name) ? "beforeNodes" : "afterNodes");
        if ((ADDONS_AFTER_NODES as string[]).includes(name)) expect(addonPhase(name)).toBe("afterNodes");
    });

    test("both conflict resolutions overwrite (taking over the add-ons EKS bootstraps)", () => {
        expect(ADDON_CONFLICT_RESOLUTION).toEqual({ resolveConflictsOnCreate: "OVERWRITE", resolveConflictsOnUpdate: "OVERWRITE" });
    });
});

describe("Container Insights log groups and the ebs key", () => {
    test("four fixed names below /aws/containerinsights/<cluster>/", () => {
        expect(CONTAINER_INSIGHTS_LOG_GROUPS.map((s) => containerInsightsLogGroupName("c1", s))).toEqual([
            "/aws/containerinsights/c1/application",
            "/aws/containerinsights/c1/dataplane",
            "/aws/containerinsights/c1/host",
            "/aws/containerinsights/c1/performance",
        ]);
    });

    test("the EBS CSI driver may create grants only for AWS resources, and use the ebs key, nothing else", () => {
        const key = "arn:aws:kms:eu-west-1:111122223333:key/ebs";
        const [grants, use] = ebsKeyStatements(key);
        expect(grants).toEqual({
            Sid: "EbsKeyGrants",
            Effect: "Allow",
            Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
            Resource: key,
            Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
        });
        expect(use.Resource).toBe(key);
        expect(use.Action).toEqual(["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]);
    });
});
