import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import type { KmsKeyArns } from "../kms";
import type { NetworkSettings } from "../config/network";
import { serviceAssumeRolePolicy, policyDocument } from "../iam";
import { encryptedLogGroup } from "../logGroup";
import { rulelessSecurityGroup } from "../securityGroups";
import type { SubnetTier } from "./vpc";
import {
    availabilityZoneCount,
    endpointSecurityGroupRules,
    endpointSpecs,
    FLOW_LOG,
    flowLogGroupSpec,
    flowLogRoleStatements,
    subnetCidrs,
    vpcArgs,
} from "./vpc";

export { SUBNET_TIERS, subnetTiers, subnetCidrs as networkSubnetCidrs, vpcArgs, endpointSpecs, flowLogRoleStatements } from "./vpc";

/** The network settings of `strata:network`, less the config-time switches that decide nothing here. */
export interface NetworkArgs extends BaseArgs, Omit<NetworkSettings, "allowNonPrivateCidr"> {
    /** The logs key: the flow-log group is encrypted with it. */
    kmsKeyArns: Pick<KmsKeyArns, "logs">;
    /** The region, for interface endpoint service names. */
    region: string;
}

/**
 * The network: an awsx VPC with public, private and isolated (data) subnets in every AZ, NAT per environment,
 * DNS hostnames on, EKS load-balancer subnet tags, an S3 gateway endpoint, optional interface endpoints,
 * VPC flow logs (ALL traffic) to a KMS-encrypted log group, the default security group stripped of all rules,
 * and the (rule-less) security group of the cluster's nodes, so data stores can admit it without waiting for EKS.
 */
export class Network extends pulumi.ComponentResource {
    public readonly vpc: awsx.ec2.Vpc;
    public readonly vpcId: pulumi.Output<string>;
    public readonly cidrBlock: string;
    public readonly publicSubnetIds: pulumi.Output<string[]>;
    public readonly privateSubnetIds: pulumi.Output<string[]>;
    public readonly isolatedSubnetIds: pulumi.Output<string[]>;
    /** Subnet CIDRs per tier, in AZ order, as awsx's Auto strategy lays them out (plain values, known at plan time). */
    public readonly subnetCidrs: Record<SubnetTier, string[]>;
    /** AZ names when given in config; otherwise awsx takes the region's first N. */
    public readonly availabilityZoneCount: number;
    /** Security group of the EKS nodes (rules added by the cluster); data stores admit exactly this group. */
    public readonly nodeSecurityGroupId: pulumi.Output<string>;
    /** Security group of the interface endpoints (HTTPS from the VPC), if any endpoints are created. */
    public readonly endpointSecurityGroupId?: pulumi.Output<string>;
    /** The default security group, with no rules: anything left in it can talk to nothing. */
    public readonly defaultSecurityGroupId: pulumi.Output<string>;
    public readonly flowLogGroupName: pulumi.Output<string>;
    public readonly interfaceEndpoints: string[];
    /** How many NAT gateways the VPC has (one, or one per AZ), known before they exist. */
    public readonly natGatewayCount: number;
    /** The NAT gateways' ids, in AZ order. */
    public readonly natGatewayIds: pulumi.Output<string[]>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:network:Network", name, {}, opts);
        const n = args.naming;
        const awsProvider = this.getProvider("aws:ec2/vpc:Vpc");
        this.cidrBlock = args.cidr;
        this.availabilityZoneCount = availabilityZoneCount(args);
        this.interfaceEndpoints = [...args.interfaceEndpoints];
        this.subnetCidrs = subnetCidrs(args);
        // A remote component: its children get the provider only through the `providers` option.
        this.vpc = new awsx.ec2.Vpc(n.name("vpc"), vpcArgs(n, args), {
            parent: this,
            ...(awsProvider ? { providers: [awsProvider] } : {}),
        });
        this.natGatewayCount = args.natGateways === "onePerAz" ? this.availabilityZoneCount : 1;
        this.natGatewayIds = this.vpc.natGateways.apply((gateways) => pulumi.all(gateways.map((g) => g.id)));
        this.vpcId = this.vpc.vpcId;
        this.publicSubnetIds = this.vpc.publicSubnetIds;
        this.privateSubnetIds = this.vpc.privateSubnetIds;
        this.isolatedSubnetIds = this.vpc.isolatedSubnetIds;

        // Strip every rule from the default security group (CIS 5.4 / EC2.2).
        const defaultSg = new aws.ec2.DefaultSecurityGroup(
            n.name("default-sg"),
            { vpcId: this.vpcId, ingress: [], egress: [], tags: { Name: n.name("default-sg-unused") } },
            { parent: this },
        );
        this.defaultSecurityGroupId = defaultSg.id;

        // Flow logs: ALL traffic, to a KMS-encrypted log group with retention.
        const flowLogGroup = encryptedLogGroup(
            n.name("flow-logs"),
            { ...flowLogGroupSpec(n, args), kmsKeyArn: args.kmsKeyArns.logs },
            { parent: this },
        );
        this.flowLogGroupName = flowLogGroup.name;
        const flowLogRole = new aws.iam.Role(
            n.autoNamed("iamRole", "flow-logs"),
            {
                assumeRolePolicy: serviceAssumeRolePolicy("vpc-flow-logs.amazonaws.com"),
                description: "VPC flow logs delivery to CloudWatch Logs",
            },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            n.name("flow-logs"),
            { role: flowLogRole.id, policy: flowLogGroup.arn.apply((arn) => policyDocument(flowLogRoleStatements(arn))) },
            { parent: this },
        );
        new aws.ec2.FlowLog(
            n.name("flow-log"),
            { vpcId: this.vpcId, ...FLOW_LOG, logDestination: flowLogGroup.arn, iamRoleArn: flowLogRole.arn },
            { parent: this },
        );

        // The nodes' security group: created here, rules come with the cluster.
        const nodeSg = rulelessSecurityGroup(
            n.name("nodes"),
            { vpcId: this.vpcId, description: "EKS worker nodes (rules managed by the cluster component)", nameTag: n.name("nodes") },
            { parent: this },
        );
        this.nodeSecurityGroupId = nodeSg.id;

        // S3 gateway endpoint (free), on every route table: data never leaves for S3 through the NAT gateways.
        const endpoints = endpointSpecs(n, args.region, args.interfaceEndpoints);
        const routeTableIds = this.vpc.routeTables.apply((tables) => pulumi.all(tables.map((t) => t.id)));
        new aws.ec2.VpcEndpoint(
            endpoints.gateway.name,
            {
                vpcId: this.vpcId,
                serviceName: endpoints.gateway.serviceName,
                vpcEndpointType: "Gateway",
                routeTableIds,
                tags: { Name: endpoints.gateway.name },
            },
            { parent: this },
        );

        if (endpoints.interface.length > 0) {
            const endpointSg = new aws.ec2.SecurityGroup(
                n.name("endpoints"),
                {
                    vpcId: this.vpcId,
                    description: "Interface VPC endpoints: HTTPS from inside the VPC only",
                    ...endpointSecurityGroupRules(args.cidr),
                    revokeRulesOnDelete: true,
                    tags: { Name: n.name("endpoints") },
                },
                { parent: this },
            );
            this.endpointSecurityGroupId = endpointSg.id;
            for (const e of endpoints.interface) {
                new aws.ec2.VpcEndpoint(
                    e.name,
                    {
                        vpcId: this.vpcId,
                        serviceName: e.serviceName,
                        vpcEndpointType: "Interface",
                        privateDnsEnabled: true,
                        subnetIds: this.privateSubnetIds,
                        securityGroupIds: [endpointSg.id],
                        tags: { Name: e.nameTag },
                    },
                    { parent: this },
                );
            }
        }

        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            privateSubnetIds: this.privateSubnetIds,
            isolatedSubnetIds: this.isolatedSubnetIds,
            nodeSecurityGroupId: this.nodeSecurityGroupId,
        });
    }
}
