import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { asArray, nonEmptyString } from "../lib/values";

export const awsEksClusterRequireSecretsEncryption = resourcePolicy({
    name: "aws-eks-cluster-require-secrets-encryption",
    description: "EKS clusters must envelope-encrypt Kubernetes secrets with a customer-managed KMS key.",
    checks: "`encryptionConfig.resources` includes `secrets` and `encryptionConfig.provider.keyArn` is set.",
    category: "encryption",
    severity: "high",
    controls: { cis: ["EKS 5.3.1"], fsbp: ["EKS.3"], checkov: ["CKV_AWS_58"] },
    validateResource: validateResourceOfType(aws.eks.Cluster, (cluster, args, reportViolation) => {
        const configs = asArray(cluster.encryptionConfig);
        const ok = configs.some((c) => asArray(c?.resources).includes("secrets") && nonEmptyString(c?.provider?.keyArn));
        if (!ok) reportViolation("encryptionConfig must cover 'secrets' with provider.keyArn set to a KMS key.");
    }),
});
