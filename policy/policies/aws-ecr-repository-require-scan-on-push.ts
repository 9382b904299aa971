import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

export const awsEcrRepositoryRequireScanOnPush = resourcePolicy({
    name: "aws-ecr-repository-require-scan-on-push",
    description: "ECR repositories must scan every image for vulnerabilities when it is pushed.",
    checks: "`imageScanningConfiguration.scanOnPush` is true on `aws.ecr.Repository`.",
    category: "workload-hardening",
    severity: "medium",
    controls: { fsbp: ["ECR.1"], checkov: ["CKV_AWS_163"] },
    validateResource: validateResourceOfType(aws.ecr.Repository, (r, args, reportViolation) => {
        if (r.imageScanningConfiguration?.scanOnPush !== true) reportViolation("imageScanningConfiguration.scanOnPush must be true.");
    }),
});
