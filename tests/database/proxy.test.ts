import { PROXY_CONNECTION_POOL, PROXY_PORT, PROXY_RULES, proxyRolePolicyStatements, proxySettings } from "../../components/database/proxy";

describe("RDS Proxy spec", () => {
    test("TLS required, the master secret as its one auth with SCRAM, IAM auth off", () => {
        const s = proxySettings("arn:secret");
        expect(s).toMatchObject({ engineFamily: "POSTGRESQL", requireTls: true, debugLogging: false, idleClientTimeout: 1800 });
        expect(s.auths).toEqual([
            {
                authScheme: "SECRETS",
                secretArn: "arn:secret",
                iamAuth: "DISABLED",
                clientPasswordAuthType: "POSTGRES_SCRAM_SHA_256",
                description: "master credentials",
            },
        ]);
    });

    test("the pool leaves headroom for direct connections", () => {
        expect(PROXY_CONNECTION_POOL).toEqual({ maxConnectionsPercent: 90, maxIdleConnectionsPercent: 50, connectionBorrowTimeout: 120 });
    });

    test("the role reads exactly the secret and decrypts through Secrets Manager of the region only", () => {
        const [read, decrypt] = proxyRolePolicyStatements({ secretArn: "arn:secret", kmsKeyArn: "arn:key", region: "eu-west-1" });
        expect(read).toEqual({
            Sid: "ReadMasterSecret",
            Effect: "Allow",
            Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
            Resource: "arn:secret",
        });
        expect(decrypt).toEqual({
            Sid: "DecryptMasterSecret",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: "arn:key",
            Condition: { StringEquals: { "kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com" } },
        });
    });

    test("security group rules: nodes into the proxy, proxy out to PostgreSQL and into it, on the PostgreSQL port", () => {
        expect(PROXY_PORT).toBe(5432);
        expect(PROXY_RULES.map((r) => [r.direction, r.on, r.peer])).toEqual([
            ["ingress", "proxy", "nodes"],
            ["egress", "proxy", "postgres"],
            ["ingress", "postgres", "proxy"],
        ]);
    });
});
