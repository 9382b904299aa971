import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy } from "../lib/metadata";
import { asArray, isFalse, isOpenCidr, isTrue } from "../lib/values";

export const awsEksClusterRestrictPublicEndpoint = resourcePolicy({
    name: "aws-eks-cluster-restrict-public-endpoint",
    description: "The EKS API endpoint must be private, or public only to listed CIDRs.",
    checks:
        "`vpcConfig.endpointPublicAccess` is false, or `vpcConfig.publicAccessCidrs` is set and contains neither " +
        "0.0.0.0/0 nor ::/0 (the public endpoint is on, to everyone, unless set otherwise); `endpointPrivateAccess` is true.",
    category: "network-exposure",
    severity: "high",
    controls: { cis: ["EKS 5.4.2"], fsbp: ["EKS.1"], checkov: ["CKV_AWS_38", "CKV_AWS_39"], cdkNag: ["AwsSolutions-EKS1"] },
    validateResource: validateResourceOfType(aws.eks.Cluster, (cluster, args, reportViolation) => {
        const vpc = cluster.vpcConfig;
        if (!isFalse(vpc?.endpointPublicAccess)) {
            const cidrs = asArray(vpc?.publicAccessCidrs);
            if (cidrs.length === 0 || cidrs.some(isOpenCidr)) {
                reportViolation(
                    "the public API endpoint is open to the internet: set endpointPublicAccess false or restrict publicAccessCidrs.",
                );
            }
        }
        if (!isTrue(vpc?.endpointPrivateAccess)) {
            reportViolation("endpointPrivateAccess must be true so nodes reach the API inside the VPC.");
        }
    }),
});
