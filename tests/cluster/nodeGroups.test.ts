import {
    amiTypeFor,
    autoScalingGroupTags,
    launchedInstanceTypes,
    launchTemplateSpec,
    NODE_GROUP_IGNORE_CHANGES,
    NODE_ROLE_MANAGED_POLICIES,
    NODE_SECURITY_GROUP_RULES,
    nodeGroupSpec,
    securityGroupRuleArgs,
} from "../../components/cluster/nodeGroups";
import { SPOT_NODE_GROUP_TAINT } from "../../components/catalogue/spot";
import type { NodeGroupSettings } from "../../components/config/cluster";

const pool = (over: Partial<NodeGroupSettings> = {}): NodeGroupSettings => ({
    name: "system",
    instanceTypes: ["m6i.large"],
    capacityType: "ON_DEMAND",
    minSize: 2,
    maxSize: 6,
    diskSizeGiB: 50,
    labels: {},
    taints: [],
    maxUnavailable: 1,
    ...over,
});
const TAGS = { Project: "strata", Environment: "prod", "Cost Center": "42" };

describe("amiTypeFor", () => {
    test.each([
        [["m7i.large"], "AL2023_x86_64_STANDARD"],
        [["t4g.medium"], "AL2023_ARM_64_STANDARD"],
        [["g5.xlarge"], "AL2023_x86_64_NVIDIA"],
        [["g5g.xlarge"], "AL2023_ARM_64_NVIDIA"],
        [["inf2.xlarge"], "AL2023_x86_64_NEURON"],
        [["m7g.large", "c7g.large"], "AL2023_ARM_64_STANDARD"],
    ])("%j -> %s", (types, ami) => {
        expect(amiTypeFor(types)).toBe(ami);
    });
});

describe("node security group rules", () => {
    const groups = { nodes: "sg-nodes", cluster: "sg-cluster" };
    const args = NODE_SECURITY_GROUP_RULES.map((r) => ({
        name: r.name.join("-"),
        direction: r.direction,
        ...securityGroupRuleArgs(r, groups),
    }));

    test("node to node on every protocol; control plane to nodes on 443, 10250, 9443, 10251; nodes to the API on 443; egress", () => {
        expect(args).toEqual([
            {
                name: "nodes-from-nodes",
                direction: "ingress",
                securityGroupId: "sg-nodes",
                referencedSecurityGroupId: "sg-nodes",
                ipProtocol: "-1",
                description: "Node to node: pod networking, DNS",
            },
            ...[443, 10250, 9443, 10251].map((port) => ({
                name: `nodes-from-cp-${port}`,
                direction: "ingress",
                securityGroupId: "sg-nodes",
                referencedSecurityGroupId: "sg-cluster",
                ipProtocol: "tcp",
                fromPort: port,
                toPort: port,
                description: expect.stringMatching(/^control plane to /),
            })),
            {
                name: "cp-from-nodes-443",
                direction: "ingress",
                securityGroupId: "sg-cluster",
                referencedSecurityGroupId: "sg-nodes",
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                description: "Nodes to the Kubernetes API",
            },
            {
                name: "nodes-egress",
                direction: "egress",
                securityGroupId: "sg-nodes",
                cidrIpv4: "0.0.0.0/0",
                ipProtocol: "-1",
                description: expect.stringMatching(/^Nodes out/),
            },
        ]);
    });

    test("no ingress from a CIDR, and rule names are unique", () => {
        expect(args.filter((r) => r.direction === "ingress").some((r) => "cidrIpv4" in r)).toBe(false);
        expect(new Set(args.map((r) => r.name)).size).toBe(args.length);
    });
});

describe("launchTemplateSpec", () => {
    const spec = (hop: 1 | 2 = 1, p = pool()) =>
        launchTemplateSpec(p, {
            clusterName: "strata-prod-eks",
            imdsHopLimit: hop,
            defaultTags: TAGS,
            ebsKmsKeyArn: "arn:ebs",
            securityGroupIds: ["sg-nodes", "sg-cluster"],
        });

    test.each([1, 2] as const)("IMDSv2 required, hop limit %i, no instance tags in metadata", (hop) => {
        expect(spec(hop).metadataOptions).toEqual({
            httpEndpoint: "enabled",
            httpTokens: "required",
            httpPutResponseHopLimit: hop,
            instanceMetadataTags: "disabled",
        });
    });

    test("gp3 root volume of the pool's size at baseline IOPS and throughput, encrypted with the ebs key", () => {
        expect(spec(1, pool({ diskSizeGiB: 100 })).blockDeviceMappings).toEqual([
            {
                deviceName: "/dev/xvda",
                ebs: {
                    volumeSize: 100,
                    volumeType: "gp3",
                    iops: 3000,
                    throughput: 125,
                    encrypted: "true",
                    kmsKeyId: "arn:ebs",
                    deleteOnTermination: "true",
                },
            },
        ]);
    });

    test("a single-type pool's instance type is in the template, a multi-type pool's is not", () => {
        expect(spec(1, pool({ instanceTypes: ["m6i.large"] })).instanceType).toBe("m6i.large");
        expect("instanceType" in spec(1, pool({ instanceTypes: ["m6i.large", "m6a.large"] }))).toBe(false);
    });

    test("new versions become the default; both security groups; the stack's tags and Name on instances, volumes and ENIs", () => {
        const s = spec();
        expect(s.updateDefaultVersion).toBe(true);
        expect(s.vpcSecurityGroupIds).toEqual(["sg-nodes", "sg-cluster"]);
        expect(s.tagSpecifications.map((t) => t.resourceType)).toEqual(["instance", "volume", "network-interface"]);
        for (const t of s.tagSpecifications) expect(t.tags).toEqual({ ...TAGS, Name: "strata-prod-eks-system" });
    });
});

describe("nodeGroupSpec", () => {
    test("desired size starts at minSize unless set; the pool label is added; update config and node repair", () => {
        expect(nodeGroupSpec(pool({ labels: { team: "a" } }))).toEqual({
            amiType: "AL2023_x86_64_STANDARD",
            capacityType: "ON_DEMAND",
            scalingConfig: { minSize: 2, maxSize: 6, desiredSize: 2 },
            updateConfig: { maxUnavailable: 1 },
            nodeRepairConfig: { enabled: true },
            labels: { team: "a", "strata.io/pool": "system" },
            taints: [],
        });
        expect(nodeGroupSpec(pool({ desiredSize: 4 })).scalingConfig.desiredSize).toBe(4);
    });

    test("instanceTypes only for a multi-type pool (EKS takes a setting in the template or the group, not both)", () => {
        expect("instanceTypes" in nodeGroupSpec(pool())).toBe(false);
        expect(nodeGroupSpec(pool({ instanceTypes: ["m6i.large", "m6a.large"] })).instanceTypes).toEqual(["m6i.large", "m6a.large"]);
    });

    test("a spot pool carries the spot taint in EKS's spelling; the pool label cannot be overridden", () => {
        const s = nodeGroupSpec(
            pool({ name: "workers", capacityType: "SPOT", taints: [{ ...SPOT_NODE_GROUP_TAINT }], labels: { "strata.io/pool": "other" } }),
        );
        expect(s.taints).toEqual([{ key: "strata.io/spot", value: "true", effect: "NO_SCHEDULE" }]);
        expect(s.labels["strata.io/pool"]).toBe("workers");
        expect(s.capacityType).toBe("SPOT");
    });

    test("the autoscaler owns the desired size; the node role has no CNI policy", () => {
        expect(NODE_GROUP_IGNORE_CHANGES).toEqual(["scalingConfig.desiredSize"]);
        expect(NODE_ROLE_MANAGED_POLICIES).toEqual([
            "AmazonEKSWorkerNodePolicy",
            "AmazonEC2ContainerRegistryPullOnly",
            "AmazonSSMManagedInstanceCore",
        ]);
    });
});

describe("launchedInstanceTypes", () => {
    test.each([
        [["m6i.large", "m6a.large"], { instanceType: "ignored" }, ["m6i.large", "m6a.large"]],
        [undefined, { instanceType: "m6i.large" }, ["m6i.large"]],
        [undefined, {}, []],
        [undefined, undefined, []],
    ])("node group %j, launch template %j -> %j", (instanceTypes, lt, expected) => {
        expect(launchedInstanceTypes({ instanceTypes }, lt)).toEqual(expected);
    });

    test("what the specs produce: the pool's types either way", () => {
        for (const types of [["m6i.large"], ["m6i.large", "m6a.large"]]) {
            const p = pool({ instanceTypes: types });
            const lt = launchTemplateSpec(p, {
                clusterName: "c",
                imdsHopLimit: 1,
                defaultTags: {},
                ebsKmsKeyArn: "k",
                securityGroupIds: [],
            });
            expect(launchedInstanceTypes(nodeGroupSpec(p), lt)).toEqual(types);
        }
    });
});

describe("autoScalingGroupTags", () => {
    test("one tag per default tag, not propagated at launch, with a name-safe slug", () => {
        expect(autoScalingGroupTags(TAGS)).toEqual([
            { slug: "project", tag: { key: "Project", value: "strata", propagateAtLaunch: false } },
            { slug: "environment", tag: { key: "Environment", value: "prod", propagateAtLaunch: false } },
            { slug: "cost-center", tag: { key: "Cost Center", value: "42", propagateAtLaunch: false } },
        ]);
    });
});
