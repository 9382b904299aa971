import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { BaseArgs } from "./base";
import { policyDocument, PolicyStatement } from "./iam";

/** The purposes Strata keeps separate keys for. */
export const KEY_PURPOSES = ["cluster", "ebs", "data", "logs"] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

export interface KmsKeysArgs extends BaseArgs {
    /** Waiting period before a deleted key is destroyed (7-30 days). */
    deletionWindowDays: number;
    /** Region of the keys (for the service principals and `kms:ViaService` conditions). */
    region: string;
}

const KEY_USE = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"];

/**
 * Customer-managed KMS keys, one per purpose, with rotation on, an alias each, and key policies that admit exactly
 * the services that use them:
 * - `cluster`: EKS secrets envelope encryption (used by the cluster role through IAM; key policy delegates to IAM).
 * - `ebs`: node root volumes. EC2 Auto Scaling launches the instances through its service-linked role, which may
 *   not exist yet in a fresh account, so the key policy names no such principal: it admits any principal of this
 *   account calling through EC2 (`kms:CallerAccount` + `kms:ViaService`), including grants for AWS resources.
 * - `data`: RDS, ElastiCache, S3, SQS, Secrets Manager, Performance Insights, through those services only.
 * - `logs`: CloudWatch Logs, for log groups of this account and region only.
 */
export class KmsKeys extends pulumi.ComponentResource {
    public readonly keys: Record<KeyPurpose, aws.kms.Key>;
    public readonly arns: Record<KeyPurpose, pulumi.Output<string>>;
    public readonly aliases: Record<KeyPurpose, aws.kms.Alias>;

    constructor(name: string, args: KmsKeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:kms:KmsKeys", name, {}, opts);

        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const partition = aws.getPartitionOutput({}, { parent: this });
        const account = identity.accountId;
        const region = args.region;
        const root = pulumi.interpolate`arn:${partition.partition}:iam::${account}:root`;

        const adminStatement: PolicyStatement = {
            Sid: "AccountAdministersKeyThroughIam",
            Effect: "Allow",
            Principal: { AWS: root },
            Action: "kms:*",
            Resource: "*",
        };
        const viaServices = (sid: string, services: string[]): PolicyStatement[] => [
            {
                Sid: sid,
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: KEY_USE,
                Resource: "*",
                Condition: {
                    StringEquals: {
                        "kms:CallerAccount": account,
                        "kms:ViaService": services.map((s) => `${s}.${region}.amazonaws.com`),
                    },
                },
            },
            {
                Sid: `${sid}Grants`,
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
                Resource: "*",
                Condition: {
                    StringEquals: {
                        "kms:CallerAccount": account,
                        "kms:ViaService": services.map((s) => `${s}.${region}.amazonaws.com`),
                    },
                    Bool: { "kms:GrantIsForAWSResource": "true" },
                },
            },
        ];

        const policies: Record<KeyPurpose, PolicyStatement[]> = {
            cluster: [adminStatement, ...viaServices("EksThroughService", ["eks"])],
            ebs: [adminStatement, ...viaServices("Ec2VolumesThroughService", ["ec2", "autoscaling"])],
            data: [adminStatement, ...viaServices("DataServices", ["rds", "elasticache", "s3", "sqs", "secretsmanager", "sns"])],
            logs: [
                adminStatement,
                {
                    Sid: "CloudWatchLogsOfThisAccount",
                    Effect: "Allow",
                    Principal: { Service: `logs.${region}.amazonaws.com` },
                    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                    Resource: "*",
                    Condition: {
                        ArnLike: {
                            "kms:EncryptionContext:aws:logs:arn": pulumi.interpolate`arn:${partition.partition}:logs:${region}:${account}:log-group:*`,
                        },
                    },
                },
            ],
        };

        const descriptions: Record<KeyPurpose, string> = {
            cluster: "EKS secrets envelope encryption",
            ebs: "EBS volumes of EKS nodes",
            data: "Data stores: RDS, ElastiCache, S3, SQS, Secrets Manager",
            logs: "CloudWatch Logs log groups",
        };

        const keys = {} as Record<KeyPurpose, aws.kms.Key>;
        const aliases = {} as Record<KeyPurpose, aws.kms.Alias>;
        const arns = {} as Record<KeyPurpose, pulumi.Output<string>>;
        for (const purpose of KEY_PURPOSES) {
            const key = new aws.kms.Key(
                args.naming.name("kms", purpose),
                {
                    description: `${args.naming.prefix}: ${descriptions[purpose]}`,
                    enableKeyRotation: true,
                    rotationPeriodInDays: 365,
                    deletionWindowInDays: args.deletionWindowDays,
                    keyUsage: "ENCRYPT_DECRYPT",
                    customerMasterKeySpec: "SYMMETRIC_DEFAULT",
                    policy: policyDocument(policies[purpose]),
                },
                { parent: this, protect: args.protection.protect },
            );
            aliases[purpose] = new aws.kms.Alias(
                args.naming.name("kms", purpose, "alias"),
                { name: `alias/${args.naming.prefix}-${purpose}`, targetKeyId: key.keyId },
                { parent: this },
            );
            keys[purpose] = key;
            arns[purpose] = key.arn;
        }
        this.keys = keys;
        this.aliases = aliases;
        this.arns = arns;
        this.registerOutputs({ arns });
    }
}
