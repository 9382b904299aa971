import { ROLLOUTS_SERVICE_ACCOUNT, TARGET_GROUP_VERIFY_ACTIONS } from "../catalogue/rollouts";
import type { PolicyStatement } from "../iam";

/** The controller's requests and limits (it watches Rollouts and ReplicaSets; a few hundred MiB at most). */
export const CONTROLLER_RESOURCES = { requests: { cpu: "50m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } } as const;

/** What the controller's IAM role may do: describe the load balancers' target groups, rules and health (read only). */
export function targetGroupVerifyStatements(): PolicyStatement[] {
    return [{ Sid: "VerifyTargetGroups", Effect: "Allow", Action: [...TARGET_GROUP_VERIFY_ACTIONS], Resource: "*" }];
}

export interface RolloutsValuesInput {
    replicas: number;
    region: string;
    /** The IRSA role of the controller, with `verifyTargetGroups`. */
    roleArn?: string;
}

/**
 * The argo-rollouts chart's values: the CRDs installed and kept on uninstall (deleting a CRD deletes every Rollout, and
 * with it every service's pods); the controller with `replicas` (leader election), its requests and limits, AWS_REGION
 * and, with a role, target-group verification (`--aws-verify-target-group`: the controller checks the ALB's
 * weights and pod IPs through the AWS API before it goes on); RBAC for the AWS Load Balancer Controller provider only;
 * no dashboard; the chart's restricted security contexts kept.
 */
export function rolloutsValues(p: RolloutsValuesInput) {
    return {
        installCRDs: true,
        keepCRDs: true,
        controller: {
            replicas: p.replicas,
            resources: CONTROLLER_RESOURCES,
            awsVerifyTargetGroup: p.roleArn !== undefined,
            // The AWS SDK of the controller takes its region from AWS_REGION (the controller has no region flag; the
            // chart's values.yaml shows the variable under controller.extraEnv).
            extraEnv: [{ name: "AWS_REGION", value: p.region }],
            pdb: { enabled: p.replicas > 1, minAvailable: 1 },
        },
        serviceAccount: {
            create: true,
            name: ROLLOUTS_SERVICE_ACCOUNT,
            annotations: p.roleArn ? { "eks.amazonaws.com/role-arn": p.roleArn } : {},
        },
        providerRBAC: {
            enabled: true,
            providers: {
                istio: false,
                smi: false,
                ambassador: false,
                awsLoadBalancerController: true,
                awsAppMesh: false,
                traefik: false,
                apisix: false,
                contour: false,
                glooPlatform: false,
                gatewayAPI: false,
            },
        },
        dashboard: { enabled: false },
        notifications: { secret: { create: false } },
    };
}
