import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { asArray, isTrue } from "../lib/values";

export const awsEc2LaunchtemplateRequireEbsEncryption = resourcePolicy({
    name: "aws-ec2-launchtemplate-require-ebs-encryption",
    description: "Launch templates must declare their EBS block devices encrypted.",
    checks:
        'The template has at least one `blockDeviceMappings` entry with `ebs`, and every `ebs` sets `encrypted: "true"` ' +
        "(otherwise instances get the AMI's volumes, unencrypted unless the account turned on EBS encryption by default).",
    category: "encryption",
    severity: "high",
    controls: { fsbp: ["EC2.3"], checkov: ["CKV_AWS_8"], cdkNag: ["AwsSolutions-EC26"] },
    validateResource: validateResourceOfType(aws.ec2.LaunchTemplate, (lt, args, reportViolation) => {
        const mappings = asArray(lt.blockDeviceMappings).filter((m) => m?.ebs);
        if (mappings.length === 0) {
            reportViolation('declare blockDeviceMappings with ebs.encrypted = "true" (the AMI\'s volumes would be used as they are).');
        }
        for (const m of mappings) {
            if (!isTrue(m.ebs?.encrypted)) reportViolation(`block device '${m.deviceName ?? "?"}' must set ebs.encrypted = "true".`);
        }
    }),
});
