import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { inputOrDefault } from "../lib/apiDefaults";
import { resourcePolicy } from "../lib/metadata";
import { asArray, isTrue } from "../lib/values";

export const awsEbsVolumeInstanceRequireEncryption = resourcePolicy({
    name: "aws-ebs-volume-instance-require-encryption",
    description: "EBS volumes, and the volumes of EC2 instances, must be encrypted.",
    checks:
        "`aws.ebs.Volume` has `encrypted: true`; an `aws.ec2.Instance` declares `rootBlockDevice`, and its `rootBlockDevice` " +
        "and every `ebsBlockDevices` entry set `encrypted: true` (an undeclared root device is the AMI's, unencrypted " +
        "unless the account turned on EBS encryption by default; an unset `encrypted` is the API default, false).",
    category: "encryption",
    severity: "high",
    controls: { cis: ["2.2.1"], fsbp: ["EC2.3", "EC2.7"], checkov: ["CKV_AWS_3", "CKV_AWS_8"], cdkNag: ["AwsSolutions-EC26"] },
    validateResource: [
        validateResourceOfType(aws.ebs.Volume, (vol, args, reportViolation) => {
            if (!isTrue(inputOrDefault("aws:ebs/volume:Volume", vol, "encrypted"))) reportViolation("encrypted must be true.");
        }),
        validateResourceOfType(aws.ec2.Instance, (inst, args, reportViolation) => {
            const devices = [...asArray(inst.rootBlockDevice), ...asArray(inst.ebsBlockDevices)];
            if (asArray(inst.rootBlockDevice).length === 0)
                reportViolation(
                    "rootBlockDevice is not declared (the AMI's root volume would be used as it is); declare it with encrypted: true.",
                );
            for (const d of devices) {
                if (!isTrue(d?.encrypted)) {
                    reportViolation(`block device '${d?.deviceName ?? "root"}' must set encrypted: true.`);
                }
            }
        }),
    ],
});
