import type { PolicyStatement } from "../iam";
import { partitionOf } from "../catalogue/regions";
import { notificationsKeyStatements } from "./notificationsKey";
import { auditKeyStatements } from "./auditKey";

/**
 * Key policies and key settings of Strata's customer-managed KMS keys, as plain data. One place for the statements
 * every key shares (the account administers it through IAM; services use it on the account's behalf), so the
 * per-purpose keys and the S3 replica key cannot drift apart.
 * Key policy shapes follow the AWS KMS Developer Guide ("Default key policy", "kms:ViaService", "kms:CallerAccount").
 */

/** The purposes Strata keeps separate keys for. */
export const KEY_PURPOSES = ["cluster", "ebs", "data", "logs", "notifications", "audit", "backup"] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

/** What a key policy needs to know about where it lives. */
export interface KeyPolicyContext {
    /** The account that owns the key. */
    accountId: string;
    /** The key's region (service endpoints in `kms:ViaService`, the CloudWatch Logs principal). */
    region: string;
}

/** The data-plane actions a service may use the key for. */
export const KEY_USE_ACTIONS = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"];

/** The grant actions services need to hand the key to the AWS resources they run (EBS volumes, RDS instances). */
export const KEY_GRANT_ACTIONS = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"];

/** Settings every Strata key has: symmetric, encrypt/decrypt, rotated yearly. */
export const KEY_SETTINGS = {
    enableKeyRotation: true,
    rotationPeriodInDays: 365,
    keyUsage: "ENCRYPT_DECRYPT",
    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
} as const;

/** Deletion window of the S3 replica key (the longest KMS allows, 30 days). */
export const REPLICA_KEY_DELETION_WINDOW_DAYS = 30;

/** `arn:<partition>:iam::<account>:root`: the account itself as a principal. */
export function accountRootArn(c: KeyPolicyContext): string {
    return `arn:${partitionOf(c.region)}:iam::${c.accountId}:root`;
}

/** The endpoint host of a service in a region, as `kms:ViaService` names it: `<service>.<region>.amazonaws.com`. */
export function serviceEndpoint(service: string, region: string): string {
    return `${service}.${region}.amazonaws.com`;
}

/** The account administers the key through IAM (without it, only the key policy could ever grant access again). */
export function keyAdministrationStatement(c: KeyPolicyContext): PolicyStatement {
    return {
        Sid: "AccountAdministersKeyThroughIam",
        Effect: "Allow",
        Principal: { AWS: accountRootArn(c) },
        Action: "kms:*",
        Resource: "*",
    };
}

/**
 * Any principal of the account may use the key, but only through the given service endpoints. `viaService` is one
 * endpoint or a list (the policy JSON keeps the form given).
 */
export function keyUseThroughServiceStatement(sid: string, accountId: string, viaService: string | string[]): PolicyStatement {
    return {
        Sid: sid,
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: KEY_USE_ACTIONS,
        Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": accountId, "kms:ViaService": viaService } },
    };
}

/** Use of the key through services, plus the grants those services create for AWS resources (`<sid>Grants`). */
export function keyUseThroughServicesStatements(sid: string, c: KeyPolicyContext, services: string[]): PolicyStatement[] {
    const viaService = services.map((s) => serviceEndpoint(s, c.region));
    return [
        keyUseThroughServiceStatement(sid, c.accountId, viaService),
        {
            Sid: `${sid}Grants`,
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: KEY_GRANT_ACTIONS,
            Resource: "*",
            Condition: {
                StringEquals: { "kms:CallerAccount": c.accountId, "kms:ViaService": viaService },
                Bool: { "kms:GrantIsForAWSResource": "true" },
            },
        },
    ];
}

/** The services each key is used through (`kms:ViaService`), for the keys used that way. */
export const KEY_SERVICES: Record<Exclude<KeyPurpose, PrincipalKeyPurpose>, { sid: string; services: string[] }> = {
    cluster: { sid: "EksThroughService", services: ["eks"] },
    ebs: { sid: "Ec2VolumesThroughService", services: ["ec2", "autoscaling"] },
    // backup: AWS Backup copies and restores RDS and S3 recovery points under the data key (AWS Backup Developer
    // Guide, "Encryption for backups in AWS Backup": resources it does not encrypt independently keep their key).
    // ecr: ECR encrypts a repository's images under the key through two grants it creates with the caller's
    // permissions when the repository is created (Amazon ECR User Guide, "Encryption at rest"); pulls decrypt through
    // those grants, so the nodes that pull need no KMS permission of their own.
    data: { sid: "DataServices", services: ["rds", "elasticache", "s3", "sqs", "secretsmanager", "sns", "backup", "ecr"] },
    backup: { sid: "BackupThroughService", services: ["backup"] },
};

/** Keys whose policies name AWS service principals (statements beyond the administration statement). */
export type PrincipalKeyPurpose = "logs" | "notifications" | "audit";
const PRINCIPAL_KEY_STATEMENTS: Record<PrincipalKeyPurpose, (c: KeyPolicyContext) => PolicyStatement[]> = {
    logs: (c) => [cloudWatchLogsStatement(c)],
    notifications: (c) => notificationsKeyStatements(c),
    audit: (c) => auditKeyStatements(c),
};

/** CloudWatch Logs of this region may use the logs key, for log groups of this account and region only. */
export function cloudWatchLogsStatement(c: KeyPolicyContext): PolicyStatement {
    return {
        Sid: "CloudWatchLogsOfThisAccount",
        Effect: "Allow",
        Principal: { Service: `logs.${c.region}.amazonaws.com` },
        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
        Condition: {
            ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partitionOf(c.region)}:logs:${c.region}:${c.accountId}:log-group:*` },
        },
    };
}

/** The key policy of a purpose's key. */
export function keyPolicyStatements(purpose: KeyPurpose, c: KeyPolicyContext): PolicyStatement[] {
    if (purpose in PRINCIPAL_KEY_STATEMENTS)
        return [keyAdministrationStatement(c), ...PRINCIPAL_KEY_STATEMENTS[purpose as PrincipalKeyPurpose](c)];
    const { sid, services } = KEY_SERVICES[purpose as Exclude<KeyPurpose, PrincipalKeyPurpose>];
    return [keyAdministrationStatement(c), ...keyUseThroughServicesStatements(sid, c, services)];
}

/** What each key is for (its description after the prefix). */
export const KEY_DESCRIPTIONS: Record<KeyPurpose, string> = {
    cluster: "EKS secrets envelope encryption",
    ebs: "EBS volumes of EKS nodes",
    data: "Data stores: RDS, ElastiCache, S3, SQS, Secrets Manager, ECR",
    logs: "CloudWatch Logs log groups",
    notifications: "SNS alert topics (CloudWatch alarms, Alertmanager)",
    audit: "Audit trail: CloudTrail, AWS Config, log archive delivery",
    backup: "AWS Backup vaults",
};

/** Logical name parts and alias of a key. */
export function kmsKeyNames(prefix: string, ...parts: string[]): { key: string[]; alias: string[]; aliasName: string } {
    return { key: ["kms", ...parts], alias: ["kms", ...parts, "alias"], aliasName: `alias/${[prefix, ...parts].join("-")}` };
}

/**
 * The key policy of the S3 replica key in the replication region: the account administers it, and S3 of that region
 * uses it (replication writes replicas with it; no grants needed).
 */
export function replicaKeyPolicyStatements(c: KeyPolicyContext): PolicyStatement[] {
    return [keyAdministrationStatement(c), keyUseThroughServiceStatement("S3ThroughService", c.accountId, serviceEndpoint("s3", c.region))];
}
