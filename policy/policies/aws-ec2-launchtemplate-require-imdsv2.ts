import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

/** The metadata options of a launch template or an instance (the same two fields on both). */
interface MetadataOptions {
    httpTokens?: string;
    httpEndpoint?: string;
}

function imdsv2(metadataOptions: MetadataOptions | undefined): boolean {
    return metadataOptions?.httpTokens === "required" || metadataOptions?.httpEndpoint === "disabled";
}

export const awsEc2LaunchtemplateRequireImdsv2 = resourcePolicy({
    name: "aws-ec2-launchtemplate-require-imdsv2",
    description: "Launch templates and EC2 instances must require IMDSv2.",
    checks: "`metadataOptions.httpTokens` is `required` (or the metadata endpoint is disabled) on `aws.ec2.LaunchTemplate` and `aws.ec2.Instance`.",
    category: "network-exposure",
    severity: "high",
    controls: { fsbp: ["EC2.8", "EC2.170"], checkov: ["CKV_AWS_79"] },
    validateResource: [
        validateResourceOfType(aws.ec2.LaunchTemplate, (lt, args, reportViolation) => {
            if (!imdsv2(lt.metadataOptions)) reportViolation("metadataOptions.httpTokens must be 'required' (IMDSv2).");
        }),
        validateResourceOfType(aws.ec2.Instance, (inst, args, reportViolation) => {
            if (!imdsv2(inst.metadataOptions)) reportViolation("metadataOptions.httpTokens must be 'required' (IMDSv2).");
        }),
    ],
});
