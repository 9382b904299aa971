import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { asArray, isTrue } from "../lib/values";

export const awsEbsVolumeRequireEncryption = resourcePolicy({
    name: "aws-ebs-volume-require-encryption",
    description: "EBS volumes, and the volumes of EC2 instances, must be encrypted.",
    checks: "`aws.ebs.Volume` has `encrypted: true`; an `aws.ec2.Instance`'s root and EBS block devices are not unencrypted.",
    category: "encryption",
    severity: "high",
    controls: { cis: ["2.2.1"], fsbp: ["EC2.3", "EC2.7"], checkov: ["CKV_AWS_3", "CKV_AWS_8"], cdkNag: ["AwsSolutions-EC26"] },
    validateResource: [
        validateResourceOfType(aws.ebs.Volume, (vol, args, reportViolation) => {
            if (!isTrue(vol.encrypted)) reportViolation("encrypted must be true.");
        }),
        validateResourceOfType(aws.ec2.Instance, (inst, args, reportViolation) => {
            const devices = [...asArray(inst.rootBlockDevice), ...asArray(inst.ebsBlockDevices)];
            if (asArray(inst.rootBlockDevice).length === 0) reportViolation("rootBlockDevice must be declared with encrypted: true.");
            for (const d of devices) {
                if (!isTrue(d?.encrypted)) {
                    reportViolation(`block device '${d?.deviceName ?? "root"}' must set encrypted: true.`);
                }
            }
        }),
    ],
});
