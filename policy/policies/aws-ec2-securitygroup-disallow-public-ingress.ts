import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/metadata";
import { onlyRedirectsToHttps } from "../lib/elbSecurityPolicies";
import { linked, ofTypes } from "../lib/stack";
import { asArray, field, isOpenCidr, strings } from "../lib/values";

const SG_TYPES = ["aws:ec2/securityGroup:SecurityGroup", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"];
const RULE_TYPE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS_RULE_TYPE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const LB_TYPES = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer", "aws:elb/loadBalancer:LoadBalancer"];
const LISTENER_TYPES = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];
const WEB_PORTS = [80, 443];

interface Ingress {
    from: number;
    to: number;
    protocol: string;
    cidrs: string[];
}

function isAllProtocols(p: string): boolean {
    return p === "-1" || p === "all";
}

function describeIngress(i: Ingress): string {
    const ports = isAllProtocols(i.protocol) ? "all ports" : i.from === i.to ? `port ${i.from}` : `ports ${i.from}-${i.to}`;
    return `${ports} (${i.protocol}) from ${i.cidrs.filter(isOpenCidr).join(", ")}`;
}

/**
 * Web ports to a load balancer's security group are the one allowed exception; port 80 only for a redirect: every
 * load balancer behind the group has a listener on port 80 and each of them only redirects to HTTPS.
 */
function allowed(
    i: Ingress,
    sg: PolicyResource | undefined,
    lbSgs: Map<PolicyResource, PolicyResource[]>,
    listeners: PolicyResource[],
): boolean {
    if (!sg || !lbSgs.has(sg)) return false;
    if (isAllProtocols(i.protocol) || !["tcp", "6"].includes(i.protocol)) return false;
    if (!(WEB_PORTS.includes(i.from) && i.from === i.to)) return false;
    if (i.from !== 80) return true;
    return (lbSgs.get(sg) ?? []).every((lb) => {
        const on80 = listeners.filter((l) => Number(l.props?.port) === 80 && linked(l, "loadBalancerArn", [lb]).length > 0);
        return on80.length > 0 && on80.every((l) => onlyRedirectsToHttps(l.props?.defaultActions));
    });
}

export const awsEc2SecuritygroupDisallowPublicIngress = stackPolicy({
    name: "aws-ec2-securitygroup-disallow-public-ingress",
    description:
        "No security group may admit traffic from 0.0.0.0/0 or ::/0, except port 443 to a load balancer, and port 80 to one whose port-80 listeners only redirect to HTTPS.",
    checks:
        "Inline `ingress` of `aws.ec2.SecurityGroup`, `aws.ec2.SecurityGroupRule` (type ingress) and " +
        "`aws.vpc.SecurityGroupIngressRule`; a rule is linked to its group through `securityGroupId`. Open ingress is " +
        "allowed only on TCP 443 to a group that an `aws.lb.LoadBalancer` in the stack uses (`securityGroups`), and on TCP 80 " +
        "when each such load balancer has an `aws.lb.Listener` on port 80 (`loadBalancerArn`) and every one of them only " +
        'redirects to HTTPS (`defaultActions` all `redirect` with `protocol: "HTTPS"`).',
    category: "network-exposure",
    severity: "critical",
    controls: {
        cis: ["5.2", "5.3"],
        fsbp: ["EC2.18", "EC2.19", "EC2.53", "EC2.54"],
        checkov: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_260", "CKV_AWS_277"],
        cdkNag: ["AwsSolutions-EC23"],
    },
    validateStack: (args, reportViolation) => {
        const sgs = ofTypes(args.resources, SG_TYPES);
        const lbSgs = new Map<PolicyResource, PolicyResource[]>();
        for (const lb of ofTypes(args.resources, LB_TYPES)) {
            for (const sg of linked(lb, "securityGroups", sgs)) lbSgs.set(sg, [...(lbSgs.get(sg) ?? []), lb]);
        }
        const listeners = ofTypes(args.resources, LISTENER_TYPES);

        const check = (owner: PolicyResource, sg: PolicyResource | undefined, i: Ingress) => {
            if (!i.cidrs.some(isOpenCidr)) return;
            if (allowed(i, sg, lbSgs, listeners)) return;
            const where = sg && sg !== owner ? ` (security group '${sg.name}')` : "";
            reportViolation(`'${owner.name}'${where} admits ${describeIngress(i)}.`, owner.urn);
        };
        for (const sg of sgs) {
            for (const r of asArray(field(sg.props, "ingress"))) {
                check(sg, sg, {
                    from: Number(field(r, "fromPort")),
                    to: Number(field(r, "toPort")),
                    protocol: String(field(r, "protocol") ?? "-1"),
                    cidrs: [...strings(field(r, "cidrBlocks")), ...strings(field(r, "ipv6CidrBlocks"))],
                });
            }
        }
        for (const rule of ofTypes(args.resources, [RULE_TYPE])) {
            if (rule.props?.type !== "ingress") continue;
            check(rule, linked(rule, "securityGroupId", sgs)[0], {
                from: Number(rule.props.fromPort),
                to: Number(rule.props.toPort),
                protocol: String(rule.props.protocol ?? "-1"),
                cidrs: [...strings(rule.props.cidrBlocks), ...strings(rule.props.ipv6CidrBlocks)],
            });
        }
        for (const rule of ofTypes(args.resources, [INGRESS_RULE_TYPE])) {
            check(rule, linked(rule, "securityGroupId", sgs)[0], {
                from: Number(rule.props?.fromPort),
                to: Number(rule.props?.toPort),
                protocol: String(rule.props?.ipProtocol ?? "-1"),
                cidrs: [field(rule.props, "cidrIpv4"), field(rule.props, "cidrIpv6")].filter((c): c is string => typeof c === "string"),
            });
        }
    },
});
