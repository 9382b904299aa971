import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

export const awsCodebuildProjectDisallowPrivilegedMode = resourcePolicy({
    name: "aws-codebuild-project-disallow-privileged-mode",
    description:
        "CodeBuild projects must not run privileged containers: a privileged build (a Docker daemon) can escape to its host, and the deploy runner sits inside the VPC.",
    checks: "`environment.privilegedMode` is not true on `aws.codebuild.Project`.",
    category: "workload-hardening",
    severity: "high",
    controls: { fsbp: ["CodeBuild.5"], checkov: ["CKV_AWS_316"] },
    validateResource: validateResourceOfType(aws.codebuild.Project, (p, args, reportViolation) => {
        if (p.environment?.privilegedMode === true) reportViolation("environment.privilegedMode must not be true.");
    }),
});
