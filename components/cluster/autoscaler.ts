import type * as pulumi from "@pulumi/pulumi";
import type { PolicyStatement } from "../iam";

/**
 * The cluster autoscaler's permissions: read auto scaling and EC2 metadata; change only auto scaling groups
 * tagged as this cluster's (EKS managed node groups tag their groups `k8s.io/cluster-autoscaler/<cluster>=owned`);
 * describe only this cluster's node groups (for labels and taints when scaling from zero). `arn` builds a regional
 * ARN of this account (`arn:<partition>:<service>:<region>:<account>:<resource>`).
 */
export function clusterAutoscalerStatements(c: {
    clusterName: string;
    arn: (service: string, resource: string) => pulumi.Input<string>;
}): PolicyStatement[] {
    return [
        {
            Sid: "ScaleThisClustersNodeGroups",
            Effect: "Allow",
            Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
            Resource: c.arn("autoscaling", "autoScalingGroup:*:autoScalingGroupName/*"),
            Condition: {
                StringEquals: {
                    [`aws:ResourceTag/k8s.io/cluster-autoscaler/${c.clusterName}`]: "owned",
                    "aws:ResourceTag/k8s.io/cluster-autoscaler/enabled": "true",
                },
            },
        },
        {
            Sid: "ReadScalingState",
            Effect: "Allow",
            Action: [
                "autoscaling:DescribeAutoScalingGroups",
                "autoscaling:DescribeAutoScalingInstances",
                "autoscaling:DescribeLaunchConfigurations",
                "autoscaling:DescribeScalingActivities",
                "autoscaling:DescribeTags",
                "ec2:DescribeImages",
                "ec2:DescribeInstanceTypes",
                "ec2:DescribeLaunchTemplateVersions",
                "ec2:GetInstanceTypesFromInstanceRequirements",
            ],
            Resource: "*",
        },
        {
            Sid: "DescribeThisClustersNodeGroups",
            Effect: "Allow",
            Action: ["eks:DescribeNodegroup"],
            Resource: c.arn("eks", `nodegroup/${c.clusterName}/*/*`),
        },
    ];
}
