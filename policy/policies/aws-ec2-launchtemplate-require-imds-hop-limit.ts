import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

interface HopLimitConfig {
    maximum: number;
}

/**
 * With a hop limit of 1 the instance metadata response cannot cross the extra network hop into a pod's network
 * namespace, so pods (other than host-network ones) cannot read the node role's credentials. Unset is judged as
 * violating: the launch template then takes the AMI's default, which is 2 for Amazon Linux 2023 AMIs (Amazon EC2 User
 * Guide, "Configure the instance metadata options": AMIs registered with ImdsSupport v2.0 launch with a hop limit of 2).
 */
export const awsEc2LaunchtemplateRequireImdsHopLimit = resourcePolicy({
    name: "aws-ec2-launchtemplate-require-imds-hop-limit",
    description: "Launch templates and EC2 instances must keep the IMDS response hop limit at 1.",
    checks: "`metadataOptions.httpPutResponseHopLimit` is set and at most `maximum` (config; 1) on `aws.ec2.LaunchTemplate` and `aws.ec2.Instance`; unset is a violation (the AMI's default applies, 2 on Amazon Linux 2023).",
    category: "network-exposure",
    severity: "high",
    controls: { checkov: ["CKV_AWS_341"], other: ["EKS Best Practices Guide (security): restrict access to the instance profile"] },
    configSchema: { properties: { maximum: { type: "integer", minimum: 1, maximum: 64, default: 1 } } },
    validateResource: [
        validateResourceOfType(aws.ec2.LaunchTemplate, (lt, args, reportViolation) => {
            check(lt.metadataOptions?.httpPutResponseHopLimit, args.getConfig<HopLimitConfig>().maximum ?? 1, reportViolation);
        }),
        validateResourceOfType(aws.ec2.Instance, (inst, args, reportViolation) => {
            check(inst.metadataOptions?.httpPutResponseHopLimit, args.getConfig<HopLimitConfig>().maximum ?? 1, reportViolation);
        }),
    ],
});

function check(limit: unknown, maximum: number, reportViolation: (m: string) => void): void {
    if (limit === undefined || limit === null)
        reportViolation(
            `metadataOptions.httpPutResponseHopLimit is unset (the AMI's default applies, 2 on Amazon Linux 2023); set it to ${maximum}.`,
        );
    else if (!(Number(limit) <= maximum))
        reportViolation(
            `metadataOptions.httpPutResponseHopLimit is ${String(limit)}; at most ${maximum} keeps pods away from the node role's credentials.`,
        );
}
