import type * as pulumi from "@pulumi/pulumi";
import { ADDON_VERSIONS } from "../catalogue/kubernetes";
import type { ClusterAddonName, ClusterSettings, CoreAddonName } from "../config/cluster";
import type { PolicyStatement } from "../iam";
import type { Tags } from "../tags";
import { SYSTEM_SERVICE_ACCOUNTS } from "./inCluster";
import type { ClusterRolePurpose } from "./names";

/** Add-ons installed before the node groups (the nodes need a CNI and the pod identity agent when they join). */
export const ADDONS_BEFORE_NODES: ClusterAddonName[] = ["vpc-cni", "eks-pod-identity-agent"];
/** Add-ons installed once nodes exist (CoreDNS fails on a first apply without nodes: terraform-aws-eks #3001). */
export const ADDONS_AFTER_NODES: CoreAddonName[] = ["coredns", "kube-proxy", "aws-ebs-csi-driver", "metrics-server"];

/**
 * The log groups the amazon-cloudwatch-observability add-on writes to, `/aws/containerinsights/<cluster>/<suffix>`:
 * Fluent Bit's container (application), kubelet / container runtime (dataplane) and node (host) logs, and the
 * CloudWatch agent's performance log events (the embedded-metric-format source of the Container Insights metrics).
 */
export const CONTAINER_INSIGHTS_LOG_GROUPS = ["application", "dataplane", "host", "performance"] as const;

/** `/aws/containerinsights/<cluster>/<suffix>`: names the add-on's agents use, fixed by AWS. */
export function containerInsightsLogGroupName(clusterName: string, suffix: (typeof CONTAINER_INSIGHTS_LOG_GROUPS)[number]): string {
    return `/aws/containerinsights/${clusterName}/${suffix}`;
}

/** The IRSA role an add-on runs with. */
export interface AddonIdentitySpec {
    purpose: ClusterRolePurpose;
    serviceAccount: (typeof SYSTEM_SERVICE_ACCOUNTS)[keyof typeof SYSTEM_SERVICE_ACCOUNTS];
    /** AWS managed policies (names below `arn:<partition>:iam::aws:policy/`). */
    managedPolicies: string[];
    /** Whether the role also gets the EBS CSI driver's use of the ebs key (`ebsKeyStatements`). */
    ebsKey: boolean;
    description: string;
}

/** One managed add-on: when it is installed, its version, its configuration and its role. */
export interface AddonSpec {
    name: ClusterAddonName;
    /** `beforeNodes`: the node groups depend on it; `afterNodes`: it depends on the node groups. */
    phase: "beforeNodes" | "afterNodes";
    /** `addonVersions` from config, else the catalogue's version for the cluster's Kubernetes minor (ADDON_VERSIONS). */
    version: string;
    configurationValues?: string;
    identity?: AddonIdentitySpec;
    /** It writes into the Container Insights log groups (it waits for them). */
    usesContainerInsightsLogGroups: boolean;
}

/** Both conflict resolutions overwrite: the managed add-ons take over the self-managed ones EKS bootstraps. */
export const ADDON_CONFLICT_RESOLUTION = { resolveConflictsOnCreate: "OVERWRITE", resolveConflictsOnUpdate: "OVERWRITE" } as const;

/** When an add-on is installed: before the node groups (ADDONS_BEFORE_NODES) or once they exist (every other one). */
export function addonPhase(name: ClusterAddonName): AddonSpec["phase"] {
    return ADDONS_BEFORE_NODES.includes(name) ? "beforeNodes" : "afterNodes";
}

/** True when the cluster gets the amazon-cloudwatch-observability add-on, its role and log groups. */
export function containerInsightsEnabled(s: { observability: Pick<ClusterSettings["observability"], "containerInsights"> }): boolean {
    return s.observability.containerInsights;
}

/**
 * The add-ons of a cluster in creation order: vpc-cni (NetworkPolicy enforcement on, its own role for aws-node) and
 * the pod identity agent before the nodes; CoreDNS, kube-proxy, the EBS CSI driver (its own role, volumes tagged
 * with the stack's tags), metrics-server and, with Container Insights, amazon-cloudwatch-observability after them.
 */
export function addonPlan(
    s: Pick<ClusterSettings, "version" | "addonVersions" | "observability">,
    clusterName: string,
    defaultTags: Tags,
): AddonSpec[] {
    const addon = (name: ClusterAddonName, extra: Partial<AddonSpec> = {}): AddonSpec => ({
        name,
        phase: addonPhase(name),
        version: addonVersion(s, name),
        usesContainerInsightsLogGroups: false,
        ...extra,
    });
    const plan: AddonSpec[] = [
        addon("vpc-cni", {
            configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
            identity: {
                purpose: "vpc-cni",
                serviceAccount: SYSTEM_SERVICE_ACCOUNTS.vpcCni,
                managedPolicies: ["AmazonEKS_CNI_Policy"],
                ebsKey: false,
                description: `VPC CNI of ${clusterName}`,
            },
        }),
        addon("eks-pod-identity-agent"),
        addon("coredns"),
        addon("kube-proxy"),
        addon("aws-ebs-csi-driver", {
            configurationValues: JSON.stringify({ controller: { extraVolumeTags: defaultTags } }),
            identity: {
                purpose: "ebs-csi",
                serviceAccount: SYSTEM_SERVICE_ACCOUNTS.ebsCsi,
                managedPolicies: ["service-role/AmazonEBSCSIDriverPolicy"],
                ebsKey: true,
                description: `EBS CSI driver of ${clusterName}`,
            },
        }),
        addon("metrics-server"),
    ];
    if (containerInsightsEnabled(s)) {
        // CloudWatchAgentServerPolicy covers metrics, logs and the X-Ray writes of Application Signals (the same
        // actions as AWSXrayWriteOnlyAccess, which is therefore not attached). CloudWatch Logs encrypts the log
        // groups server-side with the logs key, so the role needs no KMS permission.
        plan.push(
            addon("amazon-cloudwatch-observability", {
                usesContainerInsightsLogGroups: true,
                identity: {
                    purpose: "cloudwatch",
                    serviceAccount: SYSTEM_SERVICE_ACCOUNTS.cloudwatchAgent,
                    managedPolicies: ["CloudWatchAgentServerPolicy"],
                    ebsKey: false,
                    description: `CloudWatch agent and Fluent Bit (Container Insights) of ${clusterName}`,
                },
            }),
        );
    }
    return plan;
}

/**
 * The version of an add-on: the configured one, or the catalogue's for the cluster's minor, so that an EKS minor
 * upgrade updates every add-on not pinned in config to the new minor's version (after the control plane).
 */
export function addonVersion(s: Pick<ClusterSettings, "version" | "addonVersions">, name: ClusterAddonName): string {
    return s.addonVersions[name] ?? ADDON_VERSIONS[s.version][name];
}

/** The EBS CSI driver's use of the ebs key for volumes it creates (on top of AmazonEBSCSIDriverPolicy). */
export function ebsKeyStatements(ebsKeyArn: pulumi.Input<string>): PolicyStatement[] {
    return [
        {
            Sid: "EbsKeyGrants",
            Effect: "Allow",
            Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
            Resource: ebsKeyArn,
            Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
        },
        {
            Sid: "EbsKeyUse",
            Effect: "Allow",
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
            Resource: ebsKeyArn,
        },
    ];
}
