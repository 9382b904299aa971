import type { PolicyStatement } from "../iam";
import { serviceEndpoint } from "../kms/policies";
import { POSTGRES_PORT } from "./instance";

/**
 * The RDS Proxy as plain data: TLS required, the master secret as its one auth (SCRAM towards clients), pooling of
 * the primary, and the least-privilege policy of its role. As the Amazon RDS User Guide documents RDS Proxy
 * ("Setting up database credentials in Secrets Manager", "Connection pool configuration").
 */

/** The proxy's settings; the secret ARN passes through untouched. */
export function proxySettings<S>(secretArn: S) {
    return {
        engineFamily: "POSTGRESQL",
        requireTls: true,
        idleClientTimeout: 1800,
        debugLogging: false,
        auths: [
            {
                authScheme: "SECRETS",
                secretArn,
                iamAuth: "DISABLED",
                clientPasswordAuthType: "POSTGRES_SCRAM_SHA_256",
                description: "master credentials",
            },
        ],
    };
}

/** The default target group's pool: at most 90% of max_connections, half of them idle, 2 minutes to borrow. */
export const PROXY_CONNECTION_POOL = { maxConnectionsPercent: 90, maxIdleConnectionsPercent: 50, connectionBorrowTimeout: 120 } as const;

/** The proxy reads the master secret, and decrypts it through Secrets Manager only. */
export function proxyRolePolicyStatements(p: { secretArn: string; kmsKeyArn: string; region: string }): PolicyStatement[] {
    return [
        {
            Sid: "ReadMasterSecret",
            Effect: "Allow",
            Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
            Resource: p.secretArn,
        },
        {
            Sid: "DecryptMasterSecret",
            Effect: "Allow",
            Action: "kms:Decrypt",
            Resource: p.kmsKeyArn,
            Condition: { StringEquals: { "kms:ViaService": serviceEndpoint("secretsmanager", p.region) } },
        },
    ];
}

/** The proxy's security group rules, on the PostgreSQL port: nodes -> proxy -> PostgreSQL. */
export const PROXY_RULES = [
    {
        name: "proxy-from-nodes",
        direction: "ingress",
        on: "proxy",
        peer: "nodes",
        description: "PostgreSQL (through the proxy) from the cluster nodes",
    },
    { name: "proxy-to-postgres", direction: "egress", on: "proxy", peer: "postgres", description: "Proxy to PostgreSQL" },
    { name: "postgres-from-proxy", direction: "ingress", on: "postgres", peer: "proxy", description: "PostgreSQL from the RDS Proxy" },
] as const;

export const PROXY_PORT = POSTGRES_PORT;
