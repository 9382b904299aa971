import { clusterAutoscalerStatements } from "../../components/cluster/autoscaler";
import { regionalArn } from "../../components/cluster/names";

describe("clusterAutoscalerStatements", () => {
    const arn = (service: string, resource: string) =>
        regionalArn({ partition: "aws-cn", region: "cn-north-1", accountId: "111122223333" }, service, resource);
    const [scale, read, describeNg] = clusterAutoscalerStatements({ clusterName: "c1", arn });

    test("changes only auto scaling groups tagged as this cluster's and enabled", () => {
        expect(scale).toEqual({
            Sid: "ScaleThisClustersNodeGroups",
            Effect: "Allow",
            Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
            Resource: "arn:aws-cn:autoscaling:cn-north-1:111122223333:autoScalingGroup:*:autoScalingGroupName/*",
            Condition: {
                StringEquals: {
                    "aws:ResourceTag/k8s.io/cluster-autoscaler/c1": "owned",
                    "aws:ResourceTag/k8s.io/cluster-autoscaler/enabled": "true",
                },
            },
        });
    });

    test("reads are describe / get only; node groups described only for this cluster", () => {
        expect(read.Resource).toBe("*");
        expect(([] as string[]).concat(read.Action!).every((a) => /^(autoscaling|ec2):(Describe|Get)/.test(a))).toBe(true);
        expect(describeNg).toEqual({
            Sid: "DescribeThisClustersNodeGroups",
            Effect: "Allow",
            Action: ["eks:DescribeNodegroup"],
            Resource: "arn:aws-cn:eks:cn-north-1:111122223333:nodegroup/c1/*/*",
        });
    });
});
