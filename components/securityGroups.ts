import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

/** One TCP port between two security groups: the shape of every rule between Strata's tiers. */
export interface PeerPortRule {
    /** The group the rule belongs to. */
    securityGroupId: pulumi.Input<string>;
    /** The other side: traffic from it (ingress) or to it (egress). */
    peerSecurityGroupId: pulumi.Input<string>;
    port: number;
    description: string;
}

function peerRuleArgs(rule: PeerPortRule) {
    return {
        securityGroupId: rule.securityGroupId,
        referencedSecurityGroupId: rule.peerSecurityGroupId,
        ipProtocol: "tcp",
        fromPort: rule.port,
        toPort: rule.port,
        description: rule.description,
    };
}

/** Admits TCP `port` into `securityGroupId` from exactly `peerSecurityGroupId`. */
export function allowTcpFrom(name: string, rule: PeerPortRule, opts: pulumi.CustomResourceOptions): aws.vpc.SecurityGroupIngressRule {
    return new aws.vpc.SecurityGroupIngressRule(name, peerRuleArgs(rule), opts);
}

/** Lets `securityGroupId` send TCP `port` to exactly `peerSecurityGroupId`. */
export function allowTcpTo(name: string, rule: PeerPortRule, opts: pulumi.CustomResourceOptions): aws.vpc.SecurityGroupEgressRule {
    return new aws.vpc.SecurityGroupEgressRule(name, peerRuleArgs(rule), opts);
}

export interface RulelessSecurityGroupArgs {
    vpcId: pulumi.Input<string>;
    description: string;
    /** The Name tag. */
    nameTag: string;
    tags?: Record<string, string>;
}

/**
 * A security group with no inline rules (rules come as separate resources, so adding one never rewrites the
 * group) and no egress unless a rule adds it; its rules are revoked before it is deleted.
 */
export function rulelessSecurityGroup(
    name: string,
    args: RulelessSecurityGroupArgs,
    opts: pulumi.CustomResourceOptions,
): aws.ec2.SecurityGroup {
    return new aws.ec2.SecurityGroup(
        name,
        { vpcId: args.vpcId, description: args.description, revokeRulesOnDelete: true, tags: { ...(args.tags ?? {}), Name: args.nameTag } },
        opts,
    );
}
