/**
 * The trust policy of a role assumed with an OIDC token (`sts:AssumeRoleWithWebIdentity`): the identity provider as
 * the federated principal, the STS audience, and the subjects allowed (IAM User Guide, "Create a role for OpenID
 * Connect federation"). Pure, so config-time specs can use it; IRSA and the GitHub push role both build theirs here.
 */

/** The audience both EKS service account tokens (IRSA) and GitHub's OIDC tokens are requested for. */
export const STS_AUDIENCE = "sts.amazonaws.com";

/** `issuerHost` is the provider's URL without `https://`; `subjects` one value or the allowed list. */
export function webIdentityTrustPolicy(providerArn: string, issuerHost: string, subjects: string | string[]): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Federated: providerArn },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: { StringEquals: { [`${issuerHost}:sub`]: subjects, [`${issuerHost}:aud`]: STS_AUDIENCE } },
            },
        ],
    });
}
