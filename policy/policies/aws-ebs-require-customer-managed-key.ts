import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { asArray, isTrue, nonEmptyString } from "../lib/values";

/**
 * Beside the encryption policies (aws-ebs-volume-instance-require-encryption,
 * aws-ec2-launchtemplate-require-ebs-encryption): an encrypted volume with no `kmsKeyId` is encrypted under the
 * account's default EBS key, the AWS managed `aws/ebs` unless changed ("Amazon EBS encryption", how EBS encryption
 * works), whose key policy Strata cannot scope. Strata's node launch templates set the stack's EBS key; Strata creates
 * no `aws.ebs.Volume` or `aws.ec2.Instance`, which a consumer composing the components may, hence all three types.
 * A device that is not encrypted at all is the encryption policies' violation, not repeated here.
 */
export const awsEbsRequireCustomerManagedKey = resourcePolicy({
    name: "aws-ebs-require-customer-managed-key",
    description: "Encrypted EBS volumes, launch-template and instance block devices must name a customer-managed KMS key.",
    checks:
        "`kmsKeyId` is set on an encrypted `aws.ebs.Volume`, on every encrypted `ebs` of an `aws.ec2.LaunchTemplate`'s " +
        "`blockDeviceMappings`, and on an `aws.ec2.Instance`'s encrypted `rootBlockDevice` and `ebsBlockDevices`.",
    category: "encryption",
    severity: "medium",
    controls: { checkov: ["CKV_AWS_189"] },
    validateResource: [
        validateResourceOfType(aws.ebs.Volume, (vol, args, reportViolation) => {
            if (isTrue(vol.encrypted) && !nonEmptyString(vol.kmsKeyId)) reportViolation("kmsKeyId must name a customer-managed KMS key.");
        }),
        validateResourceOfType(aws.ec2.LaunchTemplate, (lt, args, reportViolation) => {
            for (const m of asArray(lt.blockDeviceMappings)) {
                if (isTrue(m?.ebs?.encrypted) && !nonEmptyString(m?.ebs?.kmsKeyId)) {
                    reportViolation(`block device '${m?.deviceName ?? "?"}': ebs.kmsKeyId must name a customer-managed KMS key.`);
                }
            }
        }),
        validateResourceOfType(aws.ec2.Instance, (inst, args, reportViolation) => {
            const devices = [...asArray(inst.rootBlockDevice), ...asArray(inst.ebsBlockDevices)];
            for (const d of devices) {
                if (isTrue(d?.encrypted) && !nonEmptyString(d?.kmsKeyId)) {
                    reportViolation(`block device '${d?.deviceName ?? "root"}': kmsKeyId must name a customer-managed KMS key.`);
                }
            }
        }),
    ],
});
