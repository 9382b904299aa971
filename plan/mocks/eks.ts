import type { KubernetesVersion } from "../../components/catalogue/kubernetes";
import { ADDON_VERSIONS } from "../../components/catalogue/kubernetes";
import type { MockContext, MockModule } from "./types";

/** A stable UUID-shaped id from a seed. */
function uuid(ctx: MockContext, seed: string): string {
    return `${ctx.hex(seed + "u1", 8)}-${ctx.hex(seed + "u2", 4)}-4${ctx.hex(seed + "u3", 3)}-8${ctx.hex(seed + "u4", 3)}-${ctx.hex(seed + "u5", 12)}`;
}

/** A base64 PEM-looking certificate authority, as EKS returns in certificateAuthority.data. */
function fakeCaData(ctx: MockContext, seed: string): string {
    const body = Buffer.from(ctx.hex(seed + "ca", 600), "hex")
        .toString("base64")
        .match(/.{1,64}/g)!
        .join("\n");
    return Buffer.from(`-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`).toString("base64");
}

/** EKS's default add-on version per Kubernetes minor, as the catalogue pins them (the version the program deploys). */
function defaultAddonVersion(addon: string, k8sVersion: string): string {
    const versions = ADDON_VERSIONS[k8sVersion as KubernetesVersion] as Record<string, string> | undefined;
    const version = versions?.[addon];
    if (!version)
        throw new Error(`offline plan: no default version for EKS add-on ${addon} on Kubernetes ${k8sVersion}; add it to ADDON_VERSIONS`);
    return version;
}

/**
 * The version number a launch template's inputs give. EKS's real latestVersion counts the template's versions; the
 * offline plan has no history, so a number derived from the template's content stands for it: a changed template is
 * a new version, and the node group that uses it rolls to it (an in-place update of launchTemplate.version).
 */
function launchTemplateVersion(ctx: MockContext, inputs: Record<string, unknown>): number {
    return 1 + (parseInt(ctx.hex(`launch-template-version:${JSON.stringify(inputs)}`, 4), 16) % 9999);
}

/** Access entries registered so far in this plan (one plan per process): EKS allows one per principal and cluster. */

/**
 * The parts of EKS add-on configuration schemas (`aws eks describe-addon-configuration`) Strata uses: EKS refuses
 * configurationValues that do not match the add-on's schema, so the plan does too.
 */
function checkAddonConfiguration(addonName: string, configurationValues: unknown): void {
    if (configurationValues === undefined || configurationValues === null) return;
    let config: unknown;
    try {
        config = JSON.parse(String(configurationValues));
    } catch {
        throw new Error(`InvalidParameterException: configurationValues of ${addonName} is not JSON`);
    }
    if (typeof config !== "object" || config === null || Array.isArray(config))
        throw new Error(`InvalidParameterException: configurationValues of ${addonName} is not a JSON object`);
    const c = config as Record<string, unknown>;
    if (addonName === "vpc-cni" && "enableNetworkPolicy" in c && c.enableNetworkPolicy !== "true" && c.enableNetworkPolicy !== "false") {
        // The schema types it as a string ("format": "boolean"): a JSON boolean is refused.
        throw new Error(
            `InvalidParameterException: vpc-cni configurationValues.enableNetworkPolicy must be the string "true" or "false", got ${JSON.stringify(c.enableNetworkPolicy)}`,
        );
    }
    if (addonName === "aws-ebs-csi-driver" && c.controller !== undefined) {
        const tags = (c.controller as Record<string, unknown>).extraVolumeTags;
        if (tags !== undefined && (typeof tags !== "object" || Object.values(tags as object).some((v) => typeof v !== "string"))) {
            throw new Error(
                "InvalidParameterException: aws-ebs-csi-driver configurationValues.controller.extraVolumeTags must map tag keys to string values",
            );
        }
    }
}

/** EKS control plane, node groups, add-ons, access entries, IRSA OIDC provider, launch templates, Helm releases. */
export const eks: MockModule = {
    calls: {
        "aws:eks/getAddonVersion:getAddonVersion": (args) => {
            const addonName = String(args.inputs.addonName);
            const kubernetesVersion = String(args.inputs.kubernetesVersion);
            const version = defaultAddonVersion(addonName, kubernetesVersion);
            return { addonName, kubernetesVersion, mostRecent: args.inputs.mostRecent ?? false, version, id: addonName };
        },
    },
    resources: {
        "aws:eks/cluster:Cluster": (args, ctx) => {
            const name = String(args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`);
            const endpointId = ctx.hex(name + "endpoint", 32).toUpperCase();
            const oidcId = ctx.hex(name + "oidc", 32).toUpperCase();
            const vpcConfig = (args.inputs.vpcConfig ?? {}) as Record<string, unknown>;
            return {
                id: name,
                state: {
                    name,
                    arn: ctx.arn("eks", `cluster/${name}`),
                    clusterId: uuid(ctx, name),
                    endpoint: `https://${endpointId}.gr7.${ctx.region}.eks.amazonaws.com`,
                    certificateAuthority: { data: fakeCaData(ctx, name) },
                    certificateAuthorities: [{ data: fakeCaData(ctx, name) }],
                    identities: [{ oidcs: [{ issuer: `https://oidc.eks.${ctx.region}.amazonaws.com/id/${oidcId}` }] }],
                    vpcConfig: {
                        ...vpcConfig,
                        clusterSecurityGroupId: `sg-${ctx.hex(name + "clustersg", 17)}`,
                        vpcId: `vpc-${ctx.hex("vpc", 17)}`,
                        publicAccessCidrs: vpcConfig.endpointPublicAccess ? vpcConfig.publicAccessCidrs : [],
                    },
                    kubernetesNetworkConfig: { ipFamily: "ipv4", serviceIpv4Cidr: "172.20.0.0/16" },
                    platformVersion: "eks.8",
                    status: "ACTIVE",
                    createdAt: "2026-01-01T00:00:00Z",
                },
            };
        },
        "aws:eks/nodeGroup:NodeGroup": (args, ctx) => {
            const clusterName = String(args.inputs.clusterName);
            const nodeGroupName = String(args.inputs.nodeGroupName ?? `${args.name}-${ctx.hex(args.name, 7)}`);
            if (args.inputs.launchTemplate && (args.inputs.diskSize !== undefined || args.inputs.remoteAccess !== undefined)) {
                throw new Error(
                    `InvalidParameterException: node group ${nodeGroupName}: diskSize and remoteAccess cannot be combined with a launch template`,
                );
            }
            // A setting goes in the launch template or the node group, never both (EKS user guide, "Customize managed
            // nodes with launch templates"): an instance type in the template excludes instanceTypes on the group.
            const template = args.inputs.launchTemplate as { id?: string } | undefined;
            const templateType = template?.id ? ctx.registry.get(`launchTemplate:${template.id}`)?.instanceType : undefined;
            if (templateType !== undefined && args.inputs.instanceTypes !== undefined) {
                throw new Error(
                    `InvalidParameterException: node group ${nodeGroupName}: the launch template sets instance type ${templateType}; instanceTypes cannot be set as well`,
                );
            }
            const scaling = (args.inputs.scalingConfig ?? {}) as { minSize?: number; maxSize?: number; desiredSize?: number };
            if (
                scaling.desiredSize !== undefined &&
                (scaling.desiredSize < (scaling.minSize ?? 0) || scaling.desiredSize > (scaling.maxSize ?? Infinity))
            ) {
                throw new Error(
                    `InvalidParameterException: node group ${nodeGroupName}: desired size ${scaling.desiredSize} is outside ${scaling.minSize}-${scaling.maxSize}`,
                );
            }
            const id = uuid(ctx, nodeGroupName);
            return {
                id: `${clusterName}:${nodeGroupName}`,
                state: {
                    nodeGroupName,
                    arn: ctx.arn("eks", `nodegroup/${clusterName}/${nodeGroupName}/${id}`),
                    status: "ACTIVE",
                    releaseVersion: `${args.inputs.version ?? "1.35"}.0-20260801`,
                    resources: [{ autoscalingGroups: [{ name: `eks-${nodeGroupName}-${id}` }], remoteAccessSecurityGroupId: "" }],
                },
            };
        },
        "aws:eks/addon:Addon": (args, ctx) => {
            const clusterName = String(args.inputs.clusterName);
            const addonName = String(args.inputs.addonName);
            checkAddonConfiguration(addonName, args.inputs.configurationValues);
            return {
                id: `${clusterName}:${addonName}`,
                state: {
                    arn: ctx.arn("eks", `addon/${clusterName}/${addonName}/${uuid(ctx, clusterName + addonName)}`),
                    addonVersion: args.inputs.addonVersion ?? defaultAddonVersion(addonName, "1.35"),
                    createdAt: "2026-01-01T00:00:00Z",
                },
            };
        },
        "aws:eks/accessEntry:AccessEntry": (args, ctx) => {
            const clusterName = String(args.inputs.clusterName);
            const principalArn = String(args.inputs.principalArn);
            const key = `accessEntry:${clusterName}:${principalArn}`;
            if (ctx.registry.has(key)) {
                throw new Error(
                    `ResourceInUseException: the access entry of ${principalArn} is already in use on cluster ${clusterName} (one access entry per principal)`,
                );
            }
            ctx.registry.set(key, { by: args.name });
            return {
                id: `${clusterName}:${principalArn}`,
                state: {
                    accessEntryArn: ctx.arn(
                        "eks",
                        `access-entry/${clusterName}/${principalArn.includes(":role/") ? "role" : "user"}/${ctx.accountId}/${principalArn.split("/").pop()}/${uuid(ctx, principalArn)}`,
                    ),
                    kubernetesGroups: [],
                    userName: principalArn,
                    createdAt: "2026-01-01T00:00:00Z",
                },
            };
        },
        "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": (args) => ({
            id: `${args.inputs.clusterName}#${args.inputs.principalArn}#${args.inputs.policyArn}`,
            state: { associatedAt: "2026-01-01T00:00:00Z", modifiedAt: "2026-01-01T00:00:00Z" },
        }),
        "aws:iam/openIdConnectProvider:OpenIdConnectProvider": (args, ctx) => {
            const url = String(args.inputs.url).replace(/^https:\/\//, "");
            const arn = ctx.arn("iam", `oidc-provider/${url}`, { global: true });
            return { id: arn, state: { arn, thumbprintLists: ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"] } };
        },
        "aws:ec2/launchTemplate:LaunchTemplate": (args, ctx) => {
            const id = `lt-${ctx.hex(args.name, 17)}`;
            if (args.inputs.instanceType !== undefined)
                ctx.registry.set(`launchTemplate:${id}`, { instanceType: args.inputs.instanceType });
            const version = launchTemplateVersion(ctx, args.inputs as Record<string, unknown>);
            return {
                id,
                state: {
                    name: args.inputs.name ?? `${args.name}-${ctx.hex(args.name, 7)}`,
                    arn: ctx.arn("ec2", `launch-template/${id}`),
                    latestVersion: version,
                    defaultVersion: version,
                },
            };
        },
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": (args, ctx) => {
            const id = `sgr-${ctx.hex(args.name, 17)}`;
            return { id, state: { arn: ctx.arn("ec2", `security-group-rule/${id}`), securityGroupRuleId: id } };
        },
        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": (args, ctx) => {
            const id = `sgr-${ctx.hex(args.name, 17)}`;
            return { id, state: { arn: ctx.arn("ec2", `security-group-rule/${id}`), securityGroupRuleId: id } };
        },
        "aws:autoscaling/tag:Tag": (args) => {
            const tag = (args.inputs.tag ?? {}) as { key?: string };
            return { id: `${args.inputs.autoscalingGroupName},${tag.key}` };
        },
        "kubernetes:helm.sh/v3:Release": (args) => {
            const name = String(args.inputs.name ?? args.name);
            const namespace = String(args.inputs.namespace ?? "default");
            return {
                id: `${namespace}/${name}`,
                state: {
                    name,
                    namespace,
                    status: { name, namespace, chart: args.inputs.chart, version: args.inputs.version, revision: 1, status: "deployed" },
                },
            };
        },
        "kubernetes:storage.k8s.io/v1:StorageClass": (args, ctx) => {
            const meta = (args.inputs.metadata ?? {}) as Record<string, unknown>;
            const name = String(meta.name ?? `${args.name}-${ctx.hex(args.name, 8)}`);
            return { id: name, state: { metadata: { ...meta, name, uid: uuid(ctx, name), resourceVersion: "1" } } };
        },
    },
};
