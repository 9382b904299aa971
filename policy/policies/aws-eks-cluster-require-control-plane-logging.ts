import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";

/** The control plane log types EKS can send to CloudWatch Logs (EKS User Guide, "Send control plane logs to CloudWatch Logs"). */
export const EKS_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

export const awsEksClusterRequireControlPlaneLogging = resourcePolicy({
    name: "aws-eks-cluster-require-control-plane-logging",
    description: "EKS clusters must send every control plane log type to CloudWatch Logs.",
    checks: `\`enabledClusterLogTypes\` of \`aws.eks.Cluster\` lists all of ${EKS_LOG_TYPES.map((t) => `\`${t}\``).join(", ")}; unset is none (the API default).`,
    category: "data-protection",
    severity: "medium",
    controls: { fsbp: ["EKS.8"], checkov: ["CKV_AWS_37"] },
    validateResource: validateResourceOfType(aws.eks.Cluster, (c, _args, reportViolation) => {
        const on = new Set(c.enabledClusterLogTypes ?? []);
        const missing = EKS_LOG_TYPES.filter((t) => !on.has(t));
        if (missing.length > 0) reportViolation(`enabledClusterLogTypes lacks ${missing.join(", ")}.`);
    }),
});
