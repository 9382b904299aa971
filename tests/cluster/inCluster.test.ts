import fc from "fast-check";
import {
    clusterAutoscalerImageTag,
    clusterAutoscalerRelease,
    DEFAULT_STORAGE_CLASS,
    expanderPriorities,
    loadBalancerControllerRelease,
    storageClassSpec,
    SYSTEM_SERVICE_ACCOUNTS,
} from "../../components/cluster/inCluster";
import { CLUSTER_AUTOSCALER_IMAGE_TAGS, KUBERNETES_VERSIONS } from "../../components/config/cluster";

const autoscaler = {
    scaleDownUtilizationThreshold: 0.7,
    scaleDownUnneededTime: "10m",
    scaleDownDelayAfterAdd: "5m",
    maxNodesTotal: 50,
    expander: "least-waste" as "least-waste" | "priority",
};

describe("loadBalancerControllerRelease", () => {
    const r = loadBalancerControllerRelease({
        clusterName: "c1",
        region: "eu-west-1",
        vpcId: "vpc-1",
        roleArn: "arn:aws:iam::1:role/lbc",
        defaultTags: { Project: "strata" },
        chartVersion: "3.5.0",
    });

    test("the pinned chart from eks-charts in kube-system, atomic, 15 minutes", () => {
        expect(r).toMatchObject({
            name: "aws-load-balancer-controller",
            chart: "aws-load-balancer-controller",
            version: "3.5.0",
            repositoryOpts: { repo: "https://aws.github.io/eks-charts" },
            namespace: "kube-system",
            atomic: true,
            timeout: 900,
        });
    });

    test("cluster, region and VPC given (no IMDS needed), two replicas, its IRSA role, the stack's tags on what it creates", () => {
        expect(r.values).toEqual({
            clusterName: "c1",
            region: "eu-west-1",
            vpcId: "vpc-1",
            replicaCount: 2,
            serviceAccount: {
                create: true,
                name: "aws-load-balancer-controller",
                annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::1:role/lbc" },
            },
            defaultTags: { Project: "strata" },
            podDisruptionBudget: { maxUnavailable: 1 },
        });
    });
});

describe("clusterAutoscalerRelease", () => {
    const release = (imageTag?: string) =>
        clusterAutoscalerRelease({
            clusterName: "c1",
            region: "eu-west-1",
            roleArn: "arn:aws:iam::1:role/ca",
            settings: {
                version: "1.35",
                autoscaler: { ...autoscaler, imageTag },
                charts: { loadBalancerController: "3.5.0", clusterAutoscaler: "9.59.0" },
            },
        });

    test("pinned chart, auto-discovery by cluster name, its IRSA role", () => {
        const r = release();
        expect(r).toMatchObject({
            name: "cluster-autoscaler",
            chart: "cluster-autoscaler",
            version: "9.59.0",
            repositoryOpts: { repo: "https://kubernetes.github.io/autoscaler" },
            namespace: "kube-system",
            timeout: 600,
        });
        expect(r.values).toMatchObject({
            cloudProvider: "aws",
            awsRegion: "eu-west-1",
            fullnameOverride: "cluster-autoscaler",
            autoDiscovery: { clusterName: "c1" },
        });
        expect(r.values.rbac.serviceAccount).toEqual({
            create: true,
            name: "cluster-autoscaler",
            annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::1:role/ca" },
        });
    });

    test("flags from the settings; similar groups balanced; nodes with system pods may scale down", () => {
        expect(release().values.extraArgs).toEqual({
            "scale-down-utilization-threshold": 0.7,
            "scale-down-unneeded-time": "10m",
            "scale-down-delay-after-add": "5m",
            "max-nodes-total": 50,
            expander: "least-waste",
            "balance-similar-node-groups": true,
            "skip-nodes-with-system-pods": false,
        });
    });

    test("the priority expander gets its priorities (the chart writes the cluster-autoscaler-priority-expander ConfigMap)", () => {
        const r = clusterAutoscalerRelease({
            clusterName: "c1",
            region: "eu-west-1",
            roleArn: "arn:aws:iam::1:role/ca",
            settings: {
                version: "1.35",
                autoscaler: { ...autoscaler, expander: "priority", priorities: { ".*-ng-workers-.*": 50, ".*-ng-spot-.*": 50, ".*": 10 } },
                charts: { loadBalancerController: "3.5.0", clusterAutoscaler: "9.59.0" },
            },
        });
        expect(r.values.extraArgs.expander).toBe("priority");
        expect(r.values.expanderPriorities).toEqual({ 50: [".*-ng-spot-.*", ".*-ng-workers-.*"], 10: [".*"] });
        expect("expanderPriorities" in release().values).toBe(false);
    });

    test("expanderPriorities inverts regex -> priority, keeping every pattern once", () => {
        fc.assert(
            fc.property(fc.dictionary(fc.stringMatching(/^[a-z.*-]{1,8}$/), fc.integer({ min: 1, max: 100 })), (priorities) => {
                const inverted = expanderPriorities(priorities);
                const back = Object.entries(inverted).flatMap(([p, patterns]) => patterns.map((x) => [x, Number(p)] as const));
                expect(Object.fromEntries(back)).toEqual(priorities);
                expect(back).toHaveLength(Object.keys(priorities).length);
            }),
        );
    });

    test.each(KUBERNETES_VERSIONS.map((v) => [v]))("image of the cluster's minor %s unless a tag is configured", (version) => {
        expect(clusterAutoscalerImageTag({ version, autoscaler })).toBe(CLUSTER_AUTOSCALER_IMAGE_TAGS[version]);
        expect(CLUSTER_AUTOSCALER_IMAGE_TAGS[version].startsWith(`v${version}.`)).toBe(true);
        expect(clusterAutoscalerImageTag({ version, autoscaler: { ...autoscaler, imageTag: "v1.30.0" } })).toBe("v1.30.0");
    });
});

describe("storageClassSpec", () => {
    test.each(["Retain", "Delete"])(
        "default encrypted gp3 with the ebs key, WaitForFirstConsumer, expansion, reclaim %s",
        (reclaimPolicy) => {
            expect(storageClassSpec({ ebsKmsKeyArn: "arn:ebs", reclaimPolicy })).toEqual({
                metadata: { name: DEFAULT_STORAGE_CLASS, annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
                provisioner: "ebs.csi.aws.com",
                parameters: { type: "gp3", encrypted: "true", kmsKeyId: "arn:ebs", "csi.storage.k8s.io/fstype": "ext4" },
                volumeBindingMode: "WaitForFirstConsumer",
                allowVolumeExpansion: true,
                reclaimPolicy,
            });
            expect(DEFAULT_STORAGE_CLASS).toBe("gp3-encrypted");
        },
    );
});

describe("SYSTEM_SERVICE_ACCOUNTS", () => {
    test("the service accounts the charts and add-ons run as", () => {
        expect(Object.values(SYSTEM_SERVICE_ACCOUNTS).map((s) => `${s.namespace}/${s.serviceAccount}`)).toEqual([
            "kube-system/aws-node",
            "kube-system/ebs-csi-controller-sa",
            "kube-system/aws-load-balancer-controller",
            "kube-system/cluster-autoscaler",
            "amazon-cloudwatch/cloudwatch-agent",
        ]);
    });
});
