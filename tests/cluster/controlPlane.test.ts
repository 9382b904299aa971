import {
    buildKubeconfig,
    CLUSTER_ROLE_MANAGED_POLICY,
    CONTROL_PLANE_LOG_TYPES,
    controlPlaneLogGroupName,
    controlPlaneSpec,
    issuerHost,
    kubeconfigSpec,
    publicEndpointEnabled,
    secretsEncryptionStatements,
} from "../../components/cluster/controlPlane";

describe("controlPlaneSpec", () => {
    const spec = (publicAccessCidrs: string[]) =>
        controlPlaneSpec({ version: "1.35", supportType: "STANDARD", publicAccessCidrs }, "arn:cluster-key");

    test.each([
        [[], { endpointPrivateAccess: true, endpointPublicAccess: false, publicAccessCidrs: undefined }],
        [["203.0.113.0/24"], { endpointPrivateAccess: true, endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }],
    ])("public CIDRs %j: private endpoint always, public only for the listed CIDRs (never an empty list)", (cidrs, endpoint) => {
        expect(spec(cidrs).endpoint).toEqual(endpoint);
        expect(publicEndpointEnabled(cidrs)).toBe(endpoint.endpointPublicAccess);
    });

    test("pinned version, secrets encrypted by the cluster key, all five log types, API auth without creator admin", () => {
        const s = spec([]);
        expect(s.version).toBe("1.35");
        expect(s.encryptionConfig).toEqual({ provider: { keyArn: "arn:cluster-key" }, resources: ["secrets"] });
        expect(s.enabledClusterLogTypes).toEqual(["api", "audit", "authenticator", "controllerManager", "scheduler"]);
        expect(s.accessConfig).toEqual({ authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false });
        expect(s.upgradePolicy).toEqual({ supportType: "STANDARD" });
        expect(s.kubernetesNetworkConfig).toEqual({ ipFamily: "ipv4" });
        expect(s.bootstrapSelfManagedAddons).toBe(true);
        expect(CONTROL_PLANE_LOG_TYPES).toHaveLength(5);
    });

    test("EXTENDED support passes through", () => {
        expect(controlPlaneSpec({ version: "1.32", supportType: "EXTENDED", publicAccessCidrs: [] }, "k").upgradePolicy).toEqual({
            supportType: "EXTENDED",
        });
    });
});

describe("control plane role and logs", () => {
    test("log group name EKS writes to", () => {
        expect(controlPlaneLogGroupName("strata-prod-eks")).toBe("/aws/eks/strata-prod-eks/cluster");
    });

    test("the cluster role uses the cluster key for envelope encryption only", () => {
        expect(secretsEncryptionStatements("arn:key")).toEqual([
            {
                Sid: "SecretsEnvelopeEncryption",
                Effect: "Allow",
                Action: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey", "kms:CreateGrant"],
                Resource: "arn:key",
            },
        ]);
        expect(CLUSTER_ROLE_MANAGED_POLICY).toBe("AmazonEKSClusterPolicy");
    });

    test.each([
        ["https://oidc.eks.eu-west-1.amazonaws.com/id/ABC", "oidc.eks.eu-west-1.amazonaws.com/id/ABC"],
        ["oidc.eks.eu-west-1.amazonaws.com/id/ABC", "oidc.eks.eu-west-1.amazonaws.com/id/ABC"],
    ])("issuer %s without its scheme", (url, host) => {
        expect(issuerHost(url)).toBe(host);
    });
});

describe("kubeconfig", () => {
    const args = {
        clusterName: "c1",
        endpoint: "https://X.gr7.eu-west-1.eks.amazonaws.com",
        certificateAuthority: "Q0E=",
        region: "eu-west-1",
    };

    test("exec with aws eks get-token for the cluster and region, v1beta1, never interactive; one context, current", () => {
        const k = kubeconfigSpec(args);
        expect(k.clusters).toEqual([{ name: "c1", cluster: { server: args.endpoint, "certificate-authority-data": "Q0E=" } }]);
        expect(k.contexts).toEqual([{ name: "c1", context: { cluster: "c1", user: "c1" } }]);
        expect(k["current-context"]).toBe("c1");
        expect(k.users).toEqual([
            {
                name: "c1",
                user: {
                    exec: {
                        apiVersion: "client.authentication.k8s.io/v1beta1",
                        command: "aws",
                        args: ["eks", "get-token", "--cluster-name", "c1", "--region", "eu-west-1", "--output", "json"],
                        interactiveMode: "Never",
                    },
                },
            },
        ]);
    });

    test("buildKubeconfig is its JSON", () => {
        expect(JSON.parse(buildKubeconfig(args))).toEqual(kubeconfigSpec(args));
    });
});
