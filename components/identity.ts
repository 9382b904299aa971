import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { assertNameFits } from "./naming";
import type { PolicyStatement } from "./iam";
import { policyDocument } from "./iam";
import { webIdentityTrustPolicy } from "./webIdentity";

/** The cluster's IAM OIDC identity provider, as IRSA trust policies need it. */
export interface OidcIdentity {
    /** ARN of the aws.iam.OpenIdConnectProvider. */
    oidcProviderArn: pulumi.Input<string>;
    /** The issuer without its scheme: `oidc.eks.<region>.amazonaws.com/id/<ID>` (the condition key prefix). */
    oidcIssuer: pulumi.Input<string>;
}

export interface WorkloadRoleArgs {
    /** Namespace of the Kubernetes service account. */
    namespace: string;
    /** Name of the Kubernetes service account that may assume the role (and no other). */
    serviceAccount: string;
    /** Least-privilege permissions, written into one inline policy. May be empty if `managedPolicyArns` covers it. */
    statements: PolicyStatement[];
    /** AWS managed policies to attach as well (for add-ons AWS publishes a policy for, e.g. the EBS CSI driver). */
    managedPolicyArns?: pulumi.Input<string>[];
    description?: string;
}

/** The IRSA trust policy: exactly one service account of one cluster, for the STS audience only. */
export function irsaTrustPolicy(oidc: OidcIdentity, namespace: string, serviceAccount: string): pulumi.Output<string> {
    return pulumi
        .all([oidc.oidcProviderArn, oidc.oidcIssuer])
        .apply(([providerArn, issuer]) =>
            webIdentityTrustPolicy(providerArn, issuer, `system:serviceaccount:${namespace}:${serviceAccount}`),
        );
}

/**
 * Workload identity (IRSA): an IAM role that only the given Kubernetes service account of this cluster can assume,
 * with a least-privilege inline policy. The role's physical name is Pulumi's auto-name of `name` (checked against
 * the 64-character IAM limit). Annotate the service account with `eks.amazonaws.com/role-arn: <role.arn>`.
 * Used by every add-on of the cluster and by application services.
 */
export function workloadRole(name: string, oidc: OidcIdentity, args: WorkloadRoleArgs, opts?: pulumi.CustomResourceOptions): aws.iam.Role {
    return workloadIdentity(name, oidc, args, opts).role;
}

/** The role plus its policy resources: depend on `ready` (not just the role) before a workload uses the role. */
export interface WorkloadIdentity {
    role: aws.iam.Role;
    policies: pulumi.CustomResource[];
    /** The role and every policy of it. */
    ready: pulumi.Resource[];
}

/** As `workloadRole`, returning the policy resources too. */
export function workloadIdentity(
    name: string,
    oidc: OidcIdentity,
    args: WorkloadRoleArgs,
    opts?: pulumi.CustomResourceOptions,
): WorkloadIdentity {
    assertNameFits("iamRole", name, true);
    if (args.statements.length === 0 && (args.managedPolicyArns ?? []).length === 0) {
        throw new Error(`workloadRole ${name}: give it at least one policy statement or managed policy`);
    }
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(args.namespace) || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(args.serviceAccount)) {
        throw new Error(`workloadRole ${name}: "${args.namespace}/${args.serviceAccount}" is not a valid namespace / service account name`);
    }
    const role = new aws.iam.Role(
        name,
        {
            description: args.description ?? `IRSA role of ${args.namespace}/${args.serviceAccount}`,
            assumeRolePolicy: irsaTrustPolicy(oidc, args.namespace, args.serviceAccount),
            maxSessionDuration: 3600,
        },
        opts,
    );
    const childOpts: pulumi.CustomResourceOptions = { ...opts, parent: opts?.parent ?? role, dependsOn: undefined };
    const policies: pulumi.CustomResource[] = [];
    if (args.statements.length > 0) {
        policies.push(new aws.iam.RolePolicy(name, { role: role.id, policy: policyDocument(args.statements) }, childOpts));
    }
    (args.managedPolicyArns ?? []).forEach((arn, i) => {
        policies.push(new aws.iam.RolePolicyAttachment(`${name}-managed-${i}`, { role: role.name, policyArn: arn }, childOpts));
    });
    return { role, policies, ready: [role, ...policies] };
}
