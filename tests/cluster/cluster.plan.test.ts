import * as fs from "fs";
import * as path from "path";
import YAML from "yaml";
import type { ClusterSettings } from "../../components/config/cluster";
import type { PlanDocument, PlanResource } from "../../plan";
import { PlanConfigurationError, transitiveDependencies, providerOf } from "../../plan";
import { CLUSTER_ADDONS } from "../../components/config/cluster";
import { clusterNameSet, LOAD_BALANCER_CONTROLLER_POLICY } from "../../components/cluster";
import { Naming } from "../../components/naming";
import { irsaTrustPolicy } from "../../components/identity";
import { inputs, ofType, one, planOf, planOfFile, ROOT, STACKS, tempStackFile } from "../helpers";
import * as pulumi from "@pulumi/pulumi";
import { eks as eksMocks } from "../../plan/mocks/eks";
import { mockContext } from "../../plan/mocks";

const CLUSTER = "aws:eks/cluster:Cluster";
const NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const ADDON = "aws:eks/addon:Addon";
const RELEASE = "kubernetes:helm.sh/v3:Release";
const ROLE = "aws:iam/role:Role";
const SECRET = "[secret]";

const inCluster = (r: PlanResource) => r.urn.includes("strata:cluster:Cluster$");
const keyArns = (plan: PlanDocument) => plan.outputs.kmsKeyArns as Record<string, string>;
const addonByName = (plan: PlanDocument, name: string) => {
    const found = ofType(plan, ADDON).filter((a) => a.inputs.addonName === name);
    expect(found).toHaveLength(1);
    return found[0];
};

/** The role whose (mocked) ARN is given: the mock names roles `<logical name>-<7 hex>`. */
function roleByArn(plan: PlanDocument, arn: string): PlanResource {
    const roles = ofType(plan, ROLE).filter((r) => new RegExp(`:role/${r.name}-[0-9a-f]{7}$`).test(arn));
    expect(roles).toHaveLength(1);
    return roles[0];
}

/** The inline policy statements of a role (aws.iam.RolePolicy named like the role). */
interface PlannedStatement {
    Action: string | string[];
    Resource: unknown;
    Condition: Record<string, Record<string, string>>;
}
function inlineStatements(plan: PlanDocument, role: PlanResource): PlannedStatement[] {
    const policies = ofType(plan, "aws:iam/rolePolicy:RolePolicy").filter((p) => p.name === role.name);
    expect(policies).toHaveLength(1);
    return JSON.parse(String(policies[0].inputs.policy)).Statement;
}

function expectIrsaTrust(plan: PlanDocument, role: PlanResource, namespace: string, serviceAccount: string) {
    const cluster = one(plan, CLUSTER);
    const oidc = one(plan, "aws:iam/openIdConnectProvider:OpenIdConnectProvider");
    const issuer = String(oidc.inputs.url).replace(/^https:\/\//, "");
    const trust = JSON.parse(String(role.inputs.assumeRolePolicy));
    expect(trust.Statement).toHaveLength(1);
    const s = trust.Statement[0];
    expect(s.Effect).toBe("Allow");
    expect(s.Action).toBe("sts:AssumeRoleWithWebIdentity");
    expect(s.Principal).toEqual({ Federated: `arn:aws:iam::123456789012:oidc-provider/${issuer}` });
    expect(s.Condition).toEqual({
        StringEquals: { [`${issuer}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`, [`${issuer}:aud`]: "sts.amazonaws.com" },
    });
    expect(role.dependencies).toContain(oidc.urn);
    expect(issuer).toContain(`oidc.eks.us-east-1.amazonaws.com/id/`);
    expect(cluster).toBeDefined();
}

describe.each(STACKS)("Cluster (EKS) in the %s plan", (stack) => {
    let plan: PlanDocument;
    beforeAll(async () => {
        plan = await planOf(stack);
    });

    test("one EKS cluster: pinned version, secrets encrypted by the cluster key, all five log types, API auth, no creator admin", () => {
        const c = one(plan, CLUSTER);
        const i = inputs(c);
        expect(i.name).toBe(`strata-${stack}-eks`);
        expect(i.version).toMatch(/^1\.\d+$/);
        expect(i.encryptionConfig).toEqual({ provider: { keyArn: keyArns(plan).cluster }, resources: ["secrets"] });
        expect(keyArns(plan).cluster).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
        expect([...i.enabledClusterLogTypes].sort()).toEqual(["api", "audit", "authenticator", "controllerManager", "scheduler"]);
        expect(i.accessConfig).toEqual({ authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false });
        expect(i.upgradePolicy).toEqual({ supportType: "STANDARD" });
        expect(c.options.protect).toBe(stack === "prod");
    });

    test("private endpoint on; public endpoint off or CIDR-restricted, never 0.0.0.0/0", () => {
        const v = inputs(one(plan, CLUSTER)).vpcConfig;
        expect(v.endpointPrivateAccess).toBe(true);
        if (v.endpointPublicAccess) {
            expect(Array.isArray(v.publicAccessCidrs) && v.publicAccessCidrs.length).toBeTruthy();
            expect(v.publicAccessCidrs).not.toContain("0.0.0.0/0");
        } else {
            expect(v.endpointPublicAccess).toBe(false);
        }
        // Control plane ENIs in the private subnets.
        expect(v.subnetIds).toEqual(plan.outputs.privateSubnetIds);
    });

    test("control-plane logs go to /aws/eks/<cluster>/cluster, created first, KMS-encrypted with retention", () => {
        const c = one(plan, CLUSTER);
        const lg = ofType(plan, "aws:cloudwatch/logGroup:LogGroup").filter((l) => l.inputs.name === `/aws/eks/${c.inputs.name}/cluster`);
        expect(lg).toHaveLength(1);
        expect(lg[0].inputs.kmsKeyId).toBe(keyArns(plan).logs);
        expect(lg[0].inputs.retentionInDays).toBe({ dev: 30, staging: 90, prod: 365 }[stack]);
        expect(c.dependencies).toContain(lg[0].urn);
    });

    test("access entries: the deploying identity, resolved to its role, is admin; the Kubernetes provider waits for that", () => {
        const entries = ofType(plan, "aws:eks/accessEntry:AccessEntry");
        const deployer = entries.filter((e) => e.inputs.principalArn === "arn:aws:iam::123456789012:role/strata-deployer");
        expect(deployer).toHaveLength(1);
        expect(deployer[0].inputs.type).toBe("STANDARD");
        const assoc = ofType(plan, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation").filter(
            (a) => a.inputs.principalArn === "arn:aws:iam::123456789012:role/strata-deployer",
        );
        expect(assoc).toHaveLength(1);
        expect(assoc[0].inputs).toMatchObject({
            policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
            accessScope: { type: "cluster" },
            clusterName: `strata-${stack}-eks`,
        });
        expect(assoc[0].dependencies).toContain(deployer[0].urn);
        const providers = ofType(plan, "pulumi:providers:kubernetes");
        expect(providers).toHaveLength(1);
        expect(providers[0].dependencies).toContain(assoc[0].urn);
    });

    test("Kubernetes provider: exec kubeconfig kept secret; every Kubernetes resource uses it", () => {
        const provider = one(plan, "pulumi:providers:kubernetes");
        expect(provider.inputs.kubeconfig).toBe(SECRET);
        expect(plan.outputs.kubeconfig).toBe(SECRET);
        const k8sResources = plan.resources.filter((r) => r.custom && r.type.startsWith("kubernetes:"));
        expect(k8sResources.length).toBeGreaterThanOrEqual(3);
        for (const r of k8sResources) expect(providerOf(plan, r)?.urn).toBe(provider.urn);
    });

    test("stack outputs: cluster name, endpoint, OIDC provider ARN", () => {
        expect(plan.outputs.clusterName).toBe(`strata-${stack}-eks`);
        expect(plan.outputs.clusterEndpoint).toMatch(/^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.eks\.amazonaws\.com$/);
        expect(plan.outputs.oidcProviderArn).toMatch(
            /^arn:aws:iam::123456789012:oidc-provider\/oidc\.eks\.us-east-1\.amazonaws\.com\/id\/[0-9A-F]{32}$/,
        );
    });

    test("IRSA: an OIDC provider for the cluster's issuer with the STS audience", () => {
        const oidc = one(plan, "aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        expect(oidc.inputs.url).toMatch(/^https:\/\/oidc\.eks\.us-east-1\.amazonaws\.com\/id\/[0-9A-F]{32}$/);
        expect(oidc.inputs.clientIdLists).toEqual(["sts.amazonaws.com"]);
        expect(oidc.dependencies).toContain(one(plan, CLUSTER).urn);
    });

    test("launch templates (wiring; the template itself is tested in nodeGroups.test.ts): one per pool, the ebs key, both SGs, the stack's tags", () => {
        const lts = ofType(plan, LAUNCH_TEMPLATE).filter(inCluster);
        expect(lts.length).toBe(ofType(plan, NODE_GROUP).length);
        for (const lt of lts) {
            const i = inputs(lt);
            expect(i.metadataOptions.httpTokens).toBe("required");
            expect(i.blockDeviceMappings[0].ebs.kmsKeyId).toBe(keyArns(plan).ebs);
            for (const spec of i.tagSpecifications) {
                expect(spec.tags).toMatchObject({
                    Project: "strata",
                    Environment: stack,
                    ManagedBy: "pulumi",
                    Owner: expect.any(String),
                    CostCenter: expect.any(String),
                });
            }
            expect(i.vpcSecurityGroupIds).toHaveLength(2);
            expect(i.vpcSecurityGroupIds).toContain(plan.outputs.nodeSecurityGroupId);
            expect(i.vpcSecurityGroupIds.find((s: string) => s !== plan.outputs.nodeSecurityGroupId)).toMatch(/^sg-/);
        }
    });

    test("every IAM role of the cluster is one of the roles its names list (the list the config name check verifies)", () => {
        // The roles the stack file's settings imply: Container Insights is on in every shipped stack; the runner where it is set.
        const file = YAML.parse(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8")) as {
            config: { "strata:cluster": { access?: ClusterSettings["access"] } };
        };
        const settings = { nodeGroups: [], observability: { containerInsights: true }, access: file.config["strata:cluster"].access };
        const expected = Object.values(clusterNameSet(new Naming(`strata-${stack}`), settings).roles).sort();
        const clusterUrn = plan.resources.find((r) => r.type === "strata:cluster:Cluster")!.urn;
        expect(
            ofType(plan, ROLE)
                .filter((r) => r.parent === clusterUrn)
                .map((r) => r.name)
                .sort(),
        ).toEqual(expected);
    });

    test("node groups: launch template latest version, desired size left to the autoscaler, update config, node repair", () => {
        const groups = ofType(plan, NODE_GROUP);
        expect(groups.length).toBeGreaterThanOrEqual(1);
        for (const g of groups) {
            const i = inputs(g);
            expect(g.options.ignoreChanges).toContain("scalingConfig.desiredSize");
            expect(i.launchTemplate.version).toMatch(/^[1-9]\d*$/); // the template's latest version (the mock derives it from its content)
            expect(ofType(plan, LAUNCH_TEMPLATE).map((lt) => lt.urn)).toContain(g.propertyDependencies.launchTemplate[0]);
            expect(i.nodeRepairConfig).toEqual({ enabled: true });
            expect(i.updateConfig.maxUnavailable).toBeGreaterThanOrEqual(1);
            expect(i.diskSize).toBeUndefined();
            expect(i.subnetIds).toEqual(plan.outputs.privateSubnetIds);
            expect(i.amiType).toMatch(/^AL2023_/);
        }
    });

    test("per-environment node pools", () => {
        const pools = ofType(plan, NODE_GROUP).map((g) => inputs(g));
        const byPool = Object.fromEntries(pools.map((p) => [p.labels["strata.io/pool"], p]));
        if (stack === "dev") {
            expect(Object.keys(byPool)).toEqual(["system"]);
            expect(byPool.system).toMatchObject({ capacityType: "SPOT", scalingConfig: { minSize: 1, maxSize: 4 } });
            expect(byPool.system.instanceTypes.every((t: string) => /\.(medium|small|large)$/.test(t))).toBe(true);
        } else if (stack === "staging") {
            expect(Object.keys(byPool)).toEqual(["system"]);
            expect(byPool.system).toMatchObject({ capacityType: "ON_DEMAND", scalingConfig: { minSize: 2, maxSize: 6 } });
        } else {
            expect(Object.keys(byPool).sort()).toEqual(["system", "workers"]);
            expect(byPool.system).toMatchObject({ capacityType: "ON_DEMAND", scalingConfig: { minSize: 3, maxSize: 20 } });
            expect(byPool.system.taints).toEqual([]);
            expect(byPool.workers.capacityType).toBe("SPOT");
            expect(byPool.workers.taints).toEqual([{ key: "strata.io/spot", value: "true", effect: "NO_SCHEDULE" }]);
        }
    });

    test("seven managed add-ons (Container Insights in every environment): vpc-cni and the pod identity agent before the node groups, the rest after them", () => {
        const addons = ofType(plan, ADDON);
        const expected = [...CLUSTER_ADDONS, "amazon-cloudwatch-observability"];
        expect(addons).toHaveLength(7);
        expect(addons.map((a) => a.inputs.addonName).sort()).toEqual(expected.sort());
        const groups = ofType(plan, NODE_GROUP);
        for (const g of groups) {
            expect(g.dependencies).toContain(addonByName(plan, "vpc-cni").urn);
            expect(g.dependencies).toContain(addonByName(plan, "eks-pod-identity-agent").urn);
        }
        for (const name of ["coredns", "kube-proxy", "aws-ebs-csi-driver", "metrics-server"]) {
            const a = addonByName(plan, name);
            for (const g of groups) expect(a.dependencies).toContain(g.urn);
        }
        for (const a of addons) {
            expect(a.inputs.addonVersion).toMatch(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
            expect(a.inputs.resolveConflictsOnCreate).toBe("OVERWRITE");
        }
    });

    test("vpc-cni enforces NetworkPolicies and has its own role for aws-node", () => {
        const cni = addonByName(plan, "vpc-cni");
        expect(JSON.parse(String(cni.inputs.configurationValues))).toMatchObject({ enableNetworkPolicy: "true" });
        expectIrsaTrust(plan, roleByArn(plan, String(cni.inputs.serviceAccountRoleArn)), "kube-system", "aws-node");
    });

    test("aws-ebs-csi-driver has its own role, scoped to its controller's service account, with the ebs key", () => {
        const ebs = addonByName(plan, "aws-ebs-csi-driver");
        const role = roleByArn(plan, String(ebs.inputs.serviceAccountRoleArn));
        expectIrsaTrust(plan, role, "kube-system", "ebs-csi-controller-sa");
        const resources = inlineStatements(plan, role).map((s) => s.Resource);
        expect(resources.every((r) => r === keyArns(plan).ebs)).toBe(true);
    });

    test("load balancer controller: pinned chart, its published policy on its own role, VPC and region passed in", () => {
        const lbc = ofType(plan, RELEASE).filter((r) => r.inputs.chart === "aws-load-balancer-controller");
        expect(lbc).toHaveLength(1);
        const i = inputs(lbc[0]);
        expect(i.version).toMatch(/^\d+\.\d+\.\d+$/);
        expect(i.repositoryOpts).toEqual({ repo: "https://aws.github.io/eks-charts" });
        expect(i.values).toMatchObject({ clusterName: `strata-${stack}-eks`, region: "us-east-1", vpcId: plan.outputs.vpcId });
        expect(i.values.serviceAccount.name).toBe("aws-load-balancer-controller");
        const role = roleByArn(plan, i.values.serviceAccount.annotations["eks.amazonaws.com/role-arn"]);
        expectIrsaTrust(plan, role, "kube-system", "aws-load-balancer-controller");
        expect(inlineStatements(plan, role)).toEqual(JSON.parse(JSON.stringify(LOAD_BALANCER_CONTROLLER_POLICY)));
        for (const g of ofType(plan, NODE_GROUP)) expect(lbc[0].dependencies).toContain(g.urn);
    });

    test("the load balancer controller's Service webhook (failurePolicy Fail) is installed only after every add-on, and before the autoscaler's Service", () => {
        const lbc = ofType(plan, RELEASE).find((r) => r.inputs.chart === "aws-load-balancer-controller")!;
        const ca = ofType(plan, RELEASE).find((r) => r.inputs.chart === "cluster-autoscaler")!;
        // metrics-server creates a Service: it must not race the webhook's registration.
        for (const name of ["coredns", "kube-proxy", "aws-ebs-csi-driver", "metrics-server"])
            expect(lbc.dependencies).toContain(addonByName(plan, name).urn);
        // The autoscaler chart creates a Service (its metrics) and needs DNS to reach the AWS APIs.
        expect(ca.dependencies).toContain(lbc.urn);
        expect(ca.dependencies).toContain(addonByName(plan, "coredns").urn);
        for (const g of ofType(plan, NODE_GROUP)) expect(ca.dependencies).toContain(g.urn);
    });

    test("cluster autoscaler: pinned chart, role limited to this cluster's node groups, timings from config", () => {
        const ca = ofType(plan, RELEASE).filter((r) => r.inputs.chart === "cluster-autoscaler");
        expect(ca).toHaveLength(1);
        const i = inputs(ca[0]);
        expect(i.version).toMatch(/^\d+\.\d+\.\d+$/);
        expect(i.repositoryOpts).toEqual({ repo: "https://kubernetes.github.io/autoscaler" });
        expect(i.values.autoDiscovery).toEqual({ clusterName: `strata-${stack}-eks` });
        expect(i.values.image.tag).toMatch(new RegExp(`^v${inputs(one(plan, CLUSTER)).version.replace(".", "\\.")}\\.\\d+$`));
        const expected = { dev: [0.5, "10m", 10], staging: [0.5, "10m", 20], prod: [0.7, "10m", 50] }[stack];
        expect(i.values.extraArgs).toMatchObject({
            "scale-down-utilization-threshold": expected[0],
            "scale-down-unneeded-time": expected[1],
            "max-nodes-total": expected[2],
        });
        const role = roleByArn(plan, i.values.rbac.serviceAccount.annotations["eks.amazonaws.com/role-arn"]);
        expectIrsaTrust(plan, role, "kube-system", "cluster-autoscaler");
        const statements = inlineStatements(plan, role);
        const mutate = statements.filter((s) =>
            ([] as string[]).concat(s.Action).some((a) => /SetDesiredCapacity|TerminateInstance/.test(a)),
        );
        expect(mutate).toHaveLength(1);
        expect(mutate[0].Condition.StringEquals).toMatchObject({
            [`aws:ResourceTag/k8s.io/cluster-autoscaler/strata-${stack}-eks`]: "owned",
        });
        const describeNg = statements.find((s) => ([] as string[]).concat(s.Action).includes("eks:DescribeNodegroup"));
        expect(describeNg?.Resource).toBe(`arn:aws:eks:us-east-1:123456789012:nodegroup/strata-${stack}-eks/*/*`);
    });

    test("default StorageClass: encrypted gp3 with the ebs key, WaitForFirstConsumer", () => {
        const sc = one(plan, "kubernetes:storage.k8s.io/v1:StorageClass");
        expect(inputs(sc)).toMatchObject({
            metadata: { name: "gp3-encrypted", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
            provisioner: "ebs.csi.aws.com",
            parameters: { type: "gp3", encrypted: "true", kmsKeyId: keyArns(plan).ebs },
            volumeBindingMode: "WaitForFirstConsumer",
        });
    });

    test("node security group rules: node to node, control plane to nodes on 443 and 10250, nodes to the API, egress", () => {
        const nodeSg = plan.outputs.nodeSecurityGroupId as string;
        const ingress = ofType(plan, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter(inCluster).map(inputs);
        const clusterSg = ingress.find((r) => r.securityGroupId !== nodeSg)?.securityGroupId as string;
        expect(clusterSg).toMatch(/^sg-/);
        expect(ingress).toContainEqual(
            expect.objectContaining({ securityGroupId: nodeSg, referencedSecurityGroupId: nodeSg, ipProtocol: "-1" }),
        );
        for (const port of [443, 10250]) {
            expect(ingress).toContainEqual(
                expect.objectContaining({
                    securityGroupId: nodeSg,
                    referencedSecurityGroupId: clusterSg,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                }),
            );
        }
        expect(ingress).toContainEqual(
            expect.objectContaining({ securityGroupId: clusterSg, referencedSecurityGroupId: nodeSg, fromPort: 443, toPort: 443 }),
        );
        expect(ingress.some((r) => r.cidrIpv4 === "0.0.0.0/0")).toBe(false);
        const egress = ofType(plan, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").filter(inCluster).map(inputs);
        expect(egress).toContainEqual(expect.objectContaining({ securityGroupId: nodeSg }));
    });

    test("the cluster waits for nothing of the data tier, and the data tier waits for nothing of the cluster", () => {
        const dataTier = /strata:(database|cache|objectStore|queues?):[A-Za-z]+[$:]/;
        const clusterResources = plan.resources.filter((r) => inCluster(r) || r.type === "pulumi:providers:kubernetes");
        expect(clusterResources.length).toBeGreaterThan(40);
        for (const r of clusterResources) {
            const bad = [...transitiveDependencies(plan, r.urn)].filter((u) => dataTier.test(u));
            expect({ urn: r.urn, bad }).toEqual({ urn: r.urn, bad: [] });
        }
        const dataResources = plan.resources.filter((r) => dataTier.test(r.urn));
        expect(dataResources.length).toBeGreaterThan(10);
        for (const r of dataResources) {
            const bad = [...transitiveDependencies(plan, r.urn)].filter((u) => u.includes("strata:cluster:Cluster"));
            expect({ urn: r.urn, bad }).toEqual({ urn: r.urn, bad: [] });
        }
    });
});

describe("Cluster with configured endpoint CIDRs, principals and pinned add-on versions", () => {
    let plan: PlanDocument;
    beforeAll(async () => {
        const file = tempStackFile(
            "prod",
            [
                "config:",
                "  aws:region: us-east-1",
                "  strata:environment: prod",
                "  strata:cluster:",
                "    publicAccessCidrs: [203.0.113.0/24]",
                "    deployerPrincipalArn: arn:aws:iam::123456789012:role/ci-deployer",
                "    adminPrincipalArns: [arn:aws:iam::123456789012:role/platform-admins]",
                "    readOnlyPrincipalArns: [arn:aws:iam::123456789012:role/developers]",
                "    imdsHopLimit: 2",
                "    addonVersions:",
                "      coredns: v1.12.1-eksbuild.2",
                "    nodeGroups:",
                "      - { name: arm, instanceTypes: [m7g.large, c7g.large], minSize: 2, maxSize: 5 }",
                // Prod refuses hop limit 2 without an exception naming the policy it would violate.
                "  strata:exceptions:",
                "    - rule: aws-ec2-launchtemplate-require-imds-hop-limit",
                "      target: strata-prod-ng-arm",
                "      reason: a node agent reads instance metadata from a pod",
                "      expires: 2027-03-01",
            ].join("\n"),
        );
        plan = await planOfFile(file);
    });

    test("the public endpoint is on for exactly the listed CIDRs", () => {
        expect(inputs(one(plan, CLUSTER)).vpcConfig).toMatchObject({
            endpointPrivateAccess: true,
            endpointPublicAccess: true,
            publicAccessCidrs: ["203.0.113.0/24"],
        });
    });

    test("admin and read-only principals get access entries with their policies", () => {
        const assoc = ofType(plan, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation").map(inputs);
        expect(assoc).toContainEqual(
            expect.objectContaining({
                principalArn: "arn:aws:iam::123456789012:role/platform-admins",
                policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
            }),
        );
        expect(assoc).toContainEqual(
            expect.objectContaining({
                principalArn: "arn:aws:iam::123456789012:role/developers",
                policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
            }),
        );
        expect(assoc).toHaveLength(3); // + the deployer
    });

    test("pinned add-on versions win; hop limit 2; Graviton pools get the arm64 AMI", () => {
        expect(addonByName(plan, "coredns").inputs.addonVersion).toBe("v1.12.1-eksbuild.2");
        expect(inputs(one(plan, LAUNCH_TEMPLATE)).metadataOptions.httpPutResponseHopLimit).toBe(2);
        // The exception waives the hop-limit finding on that launch template, and the plan says so.
        expect(plan.violations.filter((v) => v.policy === "aws-ec2-launchtemplate-require-imds-hop-limit")).toEqual([]);
        expect(plan.exceptions?.entries.map((e) => [e.target, e.expired, e.waived.map((w) => w.policy)])).toEqual([
            ["strata-prod-ng-arm", false, ["aws-ec2-launchtemplate-require-imds-hop-limit"]],
        ]);
        const g = inputs(one(plan, NODE_GROUP));
        expect(g).toMatchObject({
            amiType: "AL2023_ARM_64_STANDARD",
            capacityType: "ON_DEMAND",
            scalingConfig: { minSize: 2, maxSize: 5, desiredSize: 2 },
        });
    });
});

describe("Cluster whose deploying role is one of the admin principals (no deployerPrincipalArn)", () => {
    let plan: PlanDocument;
    beforeAll(async () => {
        const file = tempStackFile(
            "staging",
            [
                "config:",
                "  aws:region: us-east-1",
                "  strata:environment: staging",
                "  strata:cluster:",
                "    adminPrincipalArns: [arn:aws:iam::123456789012:role/strata-deployer, arn:aws:iam::123456789012:role/platform-admins]",
            ].join("\n"),
        );
        plan = await planOfFile(file);
    });

    test("one access entry per principal, and the Kubernetes provider waits for every admin association", () => {
        const entries = ofType(plan, "aws:eks/accessEntry:AccessEntry").map((e) => e.inputs.principalArn);
        expect(entries.sort()).toEqual([
            "arn:aws:iam::123456789012:role/platform-admins",
            "arn:aws:iam::123456789012:role/strata-deployer",
        ]);
        const admin = ofType(plan, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation");
        expect(admin).toHaveLength(2);
        const provider = one(plan, "pulumi:providers:kubernetes");
        for (const a of admin) expect(provider.dependencies).toContain(a.urn);
    });
});

describe("Cluster deployer settings", () => {
    const stack = (cluster: string[]) =>
        tempStackFile(
            "dev",
            [
                "config:",
                "  aws:region: us-east-1",
                "  strata:environment: dev",
                "  strata:cluster:",
                ...cluster.map((l) => `    ${l}`),
            ].join("\n"),
        );

    test("deployerAdmin: true (the caller-identity entry) is refused in preview, naming deployerPrincipalArn", async () => {
        const err = await planOfFile(
            stack(["deployerAdmin: true", "adminPrincipalArns: [arn:aws:iam::123456789012:role/platform-admins]"]),
        ).catch((e) => e);
        expect(err).toBeInstanceOf(PlanConfigurationError);
        expect(err.problems).toEqual([
            expect.stringMatching(
                /^strata:cluster\.deployerAdmin: true is no longer supported: .*set strata:cluster\.deployerPrincipalArn/,
            ),
        ]);
    });

    test("the deployer listed as an admin too is refused (one access entry per principal, case-insensitive)", async () => {
        const err = await planOfFile(
            stack([
                "deployerPrincipalArn: arn:aws:iam::123456789012:role/strata-deployer",
                "adminPrincipalArns: [arn:aws:iam::123456789012:role/Strata-Deployer]",
            ]),
        ).catch((e) => e);
        expect(err).toBeInstanceOf(PlanConfigurationError);
        expect(err.problems).toEqual([
            expect.stringMatching(/^strata:cluster\.deployerPrincipalArn: .* is also listed in adminPrincipalArns/),
        ]);
    });
});

describe("IRSA trust policy helper", () => {
    test("IRSA trust policy: one service account, STS audience", async () => {
        const doc = await new Promise<string>((resolve) =>
            irsaTrustPolicy(
                { oidcProviderArn: "arn:aws:iam::1:oidc-provider/oidc.eks.x/id/A", oidcIssuer: "oidc.eks.x/id/A" },
                "apps",
                "api",
            ).apply((d) => {
                resolve(d);
                return d;
            }),
        );
        expect(JSON.parse(doc).Statement[0].Condition.StringEquals).toEqual({
            "oidc.eks.x/id/A:sub": "system:serviceaccount:apps:api",
            "oidc.eks.x/id/A:aud": "sts.amazonaws.com",
        });
        expect(pulumi).toBeDefined();
    });
});

describe("the offline plan refuses what the EKS API refuses", () => {
    const ctx = mockContext("us-east-1", "strata", "test");
    const create = (type: string, name: string, inputs: Record<string, unknown>) =>
        eksMocks.resources![type](
            { type, name, inputs, provider: "", id: undefined, custom: true } as unknown as pulumi.runtime.MockResourceArgs,
            ctx,
        );

    test("a second access entry for the same principal on a cluster", () => {
        const entry = { clusterName: "mock-a", principalArn: "arn:aws:iam::123456789012:role/twice" };
        expect(() => create("aws:eks/accessEntry:AccessEntry", "first", entry)).not.toThrow();
        expect(() => create("aws:eks/accessEntry:AccessEntry", "second", entry)).toThrow(/ResourceInUseException/);
        expect(() => create("aws:eks/accessEntry:AccessEntry", "other-cluster", { ...entry, clusterName: "mock-b" })).not.toThrow();
    });

    test("add-on configurationValues outside the add-on's schema (vpc-cni enableNetworkPolicy is a string)", () => {
        const addon = (addonName: string, configurationValues: string) =>
            create("aws:eks/addon:Addon", addonName, { clusterName: "mock-a", addonName, configurationValues });
        expect(() => addon("vpc-cni", JSON.stringify({ enableNetworkPolicy: true }))).toThrow(/must be the string "true" or "false"/);
        expect(() => addon("vpc-cni", JSON.stringify({ enableNetworkPolicy: "true" }))).not.toThrow();
        expect(() => addon("aws-ebs-csi-driver", JSON.stringify({ controller: { extraVolumeTags: { Tier: 1 } } }))).toThrow(
            /string values/,
        );
        expect(() => addon("coredns", "{not json")).toThrow(/not JSON/);
    });

    test("a node group setting instanceTypes while its launch template sets the instance type", () => {
        const lt = create("aws:ec2/launchTemplate:LaunchTemplate", "single", { instanceType: "m6i.large" });
        const base = { clusterName: "mock-a", launchTemplate: { id: lt.id, version: "1" }, scalingConfig: { minSize: 1, maxSize: 3 } };
        expect(() => create("aws:eks/nodeGroup:NodeGroup", "lt-type", base)).not.toThrow();
        expect(() => create("aws:eks/nodeGroup:NodeGroup", "both", { ...base, instanceTypes: ["m6i.large"] })).toThrow(
            /instanceTypes cannot be set as well/,
        );
    });

    test("a launch template's version follows its content (a changed template is a new version)", () => {
        const version = (inputs: Record<string, unknown>) =>
            create("aws:ec2/launchTemplate:LaunchTemplate", "v", inputs).state!.latestVersion;
        expect(version({ instanceType: "m6i.large" })).toBe(version({ instanceType: "m6i.large" }));
        expect(version({ instanceType: "m6i.large" })).not.toBe(version({ instanceType: "m6i.xlarge" }));
    });

    test("a node group combining a launch template with diskSize, or a desired size outside min-max", () => {
        const base = {
            clusterName: "mock-a",
            launchTemplate: { id: "lt-1", version: "1" },
            scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
        };
        expect(() => create("aws:eks/nodeGroup:NodeGroup", "ok", base)).not.toThrow();
        expect(() => create("aws:eks/nodeGroup:NodeGroup", "disk", { ...base, diskSize: 50 })).toThrow(
            /diskSize and remoteAccess cannot be combined/,
        );
        expect(() =>
            create("aws:eks/nodeGroup:NodeGroup", "size", { ...base, scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 4 } }),
        ).toThrow(/outside 1-3/);
    });
});
