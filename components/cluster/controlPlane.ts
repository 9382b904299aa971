import type * as pulumi from "@pulumi/pulumi";
import type { ClusterSettings } from "../config/cluster";
import type { PolicyStatement } from "../iam";

/** All five EKS control-plane log types. */
export const CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

/** The AWS managed policy of the control plane's role. */
export const CLUSTER_ROLE_MANAGED_POLICY = "AmazonEKSClusterPolicy";

/** EKS writes control-plane logs to this fixed name; creating it first gives it retention and the logs key. */
export function controlPlaneLogGroupName(clusterName: string): string {
    return `/aws/eks/${clusterName}/cluster`;
}

/** True when the public API endpoint is on: only for listed CIDRs (EKS would turn an empty list into 0.0.0.0/0). */
export function publicEndpointEnabled(publicAccessCidrs: readonly string[]): boolean {
    return publicAccessCidrs.length > 0;
}

/** The control plane role's use of the cluster key for secrets envelope encryption. */
export function secretsEncryptionStatements(clusterKeyArn: pulumi.Input<string>): PolicyStatement[] {
    return [
        {
            Sid: "SecretsEnvelopeEncryption",
            Effect: "Allow",
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey", "kms:CreateGrant"],
            Resource: clusterKeyArn,
        },
    ];
}

/**
 * The control plane's arguments apart from its name, role and subnets: pinned version, private endpoint always on,
 * public endpoint only for listed CIDRs, secrets encrypted with the cluster key, all log types, API authentication
 * without implicit creator admin.
 */
export function controlPlaneSpec(
    s: Pick<ClusterSettings, "version" | "supportType" | "publicAccessCidrs">,
    clusterKeyArn: pulumi.Input<string>,
) {
    const publicCidrs = [...s.publicAccessCidrs];
    const publicEndpoint = publicEndpointEnabled(publicCidrs);
    return {
        version: s.version,
        endpoint: {
            endpointPrivateAccess: true,
            endpointPublicAccess: publicEndpoint,
            publicAccessCidrs: publicEndpoint ? publicCidrs : undefined,
        },
        encryptionConfig: { provider: { keyArn: clusterKeyArn }, resources: ["secrets"] },
        enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
        accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
        upgradePolicy: { supportType: s.supportType },
        kubernetesNetworkConfig: { ipFamily: "ipv4" },
        // EKS bootstraps its self-managed vpc-cni / kube-proxy / coredns; the managed add-ons take them over
        // (OVERWRITE). Without them the first nodes could not reach the API service before kube-proxy runs.
        bootstrapSelfManagedAddons: true,
    };
}

/** The IRSA issuer without its scheme, as trust-policy condition keys use it. */
export function issuerHost(issuerUrl: string): string {
    return issuerUrl.replace(/^https:\/\//, "");
}

/** The exec-based kubeconfig of a cluster (credentials come from `aws eks get-token` at use, never stored). */
export function kubeconfigSpec(args: { clusterName: string; endpoint: string; certificateAuthority: string; region: string }) {
    const name = args.clusterName;
    return {
        apiVersion: "v1",
        kind: "Config",
        clusters: [{ name, cluster: { server: args.endpoint, "certificate-authority-data": args.certificateAuthority } }],
        contexts: [{ name, context: { cluster: name, user: name } }],
        "current-context": name,
        users: [
            {
                name,
                user: {
                    exec: {
                        apiVersion: "client.authentication.k8s.io/v1beta1",
                        command: "aws",
                        args: ["eks", "get-token", "--cluster-name", name, "--region", args.region, "--output", "json"],
                        interactiveMode: "Never",
                    },
                },
            },
        ],
    };
}

/** The kubeconfig as the Kubernetes provider takes it (JSON). */
export function buildKubeconfig(args: { clusterName: string; endpoint: string; certificateAuthority: string; region: string }): string {
    return JSON.stringify(kubeconfigSpec(args));
}
