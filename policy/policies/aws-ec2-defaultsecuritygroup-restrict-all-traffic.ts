import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

export const awsEc2DefaultsecuritygroupRestrictAllTraffic = resourcePolicy({
    name: "aws-ec2-defaultsecuritygroup-restrict-all-traffic",
    description: "A VPC's default security group must allow no traffic.",
    checks: "`aws.ec2.DefaultSecurityGroup` has no `ingress` and no `egress` rules (adopting it with empty lists removes AWS's default allow-all rules).",
    category: "network-exposure",
    severity: "medium",
    controls: { cis: ["5.4"], fsbp: ["EC2.2"], checkov: ["CKV2_AWS_12"] },
    validateResource: validateResourceOfType(aws.ec2.DefaultSecurityGroup, (sg, _args, reportViolation) => {
        const rules = [...(sg.ingress ?? []), ...(sg.egress ?? [])];
        if (rules.length > 0) reportViolation(`the default security group has ${rules.length} rule(s); it must have none.`);
    }),
});
