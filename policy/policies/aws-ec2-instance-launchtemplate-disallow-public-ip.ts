import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { asArray, isTrue } from "../lib/values";

/**
 * Strata's node groups run from launch templates in private subnets; Strata creates no `aws.ec2.Instance`, but a
 * consumer composing the components may (a bastion, a build host), hence both types.
 *
 * Unset is the API default: `associatePublicIpAddress` unset on an instance or a launch template's network interface
 * takes the subnet's `MapPublicIpOnLaunch`, false for a non-default subnet ("Amazon EC2 instance IP addressing",
 * public IPv4 addresses), so only an explicit true is a violation here; public subnets are the network policies' concern.
 */
export const awsEc2InstanceLaunchtemplateDisallowPublicIp = resourcePolicy({
    name: "aws-ec2-instance-launchtemplate-disallow-public-ip",
    description: "EC2 instances and launch templates must not ask for a public IPv4 address: nodes are reached through the VPC.",
    checks: '`associatePublicIpAddress` is not true on `aws.ec2.Instance`; no `networkInterfaces` entry of an `aws.ec2.LaunchTemplate` sets `associatePublicIpAddress: "true"`.',
    category: "network-exposure",
    severity: "high",
    controls: { fsbp: ["EC2.9", "EC2.25"], checkov: ["CKV_AWS_88"] },
    validateResource: [
        validateResourceOfType(aws.ec2.Instance, (inst, args, reportViolation) => {
            if (isTrue(inst.associatePublicIpAddress)) reportViolation("associatePublicIpAddress must not be true.");
        }),
        validateResourceOfType(aws.ec2.LaunchTemplate, (lt, args, reportViolation) => {
            asArray(lt.networkInterfaces).forEach((ni, i) => {
                if (isTrue(ni?.associatePublicIpAddress)) {
                    reportViolation(`networkInterfaces[${i}].associatePublicIpAddress must not be "true".`);
                }
            });
        }),
    ],
});
