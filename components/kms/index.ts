import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import { policyDocument } from "../iam";
import type { KeyPurpose } from "./policies";
import { KEY_DESCRIPTIONS, KEY_PURPOSES, KEY_SETTINGS, keyPolicyStatements, kmsKeyNames } from "./policies";

export * from "./policies";

/**
 * The customer-managed keys' ARNs by purpose: every component takes the keys it uses as `kmsKeyArns`, a subset of this
 * (`Pick<KmsKeyArns, "data" | "logs">`), so one spelling runs from the Platform down to each component.
 */
export type KmsKeyArns = Record<KeyPurpose, pulumi.Input<string>>;

export interface KmsKeysArgs extends BaseArgs {
    /** Waiting period before a deleted key is destroyed (7-30 days). */
    deletionWindowDays: number;
    /** Region of the keys (for the service principals and `kms:ViaService` conditions). */
    region: string;
}

/**
 * Customer-managed KMS keys, one per purpose, with rotation on, an alias each, and key policies that admit exactly
 * the services that use them:
 * - `cluster`: EKS secrets envelope encryption (used by the cluster role through IAM; key policy delegates to IAM).
 * - `ebs`: node root volumes. EC2 Auto Scaling launches the instances through its service-linked role, which may
 *   not exist yet in a fresh account, so the key policy names no such principal: it admits any principal of this
 *   account calling through EC2 (`kms:CallerAccount` + `kms:ViaService`), including grants for AWS resources.
 * - `data`: RDS, ElastiCache, S3, SQS, Secrets Manager, Performance Insights, through those services only.
 * - `logs`: CloudWatch Logs, for log groups of this account and region only.
 * The policies are data (./policies.ts); this class creates the keys and aliases.
 */
export class KmsKeys extends pulumi.ComponentResource {
    public readonly keys: Record<KeyPurpose, aws.kms.Key>;
    public readonly arns: Record<KeyPurpose, pulumi.Output<string>>;
    public readonly aliases: Record<KeyPurpose, aws.kms.Alias>;

    constructor(name: string, args: KmsKeysArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:kms:KmsKeys", name, {}, opts);

        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const region = args.region;

        const keys = {} as Record<KeyPurpose, aws.kms.Key>;
        const aliases = {} as Record<KeyPurpose, aws.kms.Alias>;
        const arns = {} as Record<KeyPurpose, pulumi.Output<string>>;
        for (const purpose of KEY_PURPOSES) {
            const names = kmsKeyNames(args.naming.prefix, purpose);
            const key = new aws.kms.Key(
                args.naming.name(...names.key),
                {
                    description: `${args.naming.prefix}: ${KEY_DESCRIPTIONS[purpose]}`,
                    ...KEY_SETTINGS,
                    deletionWindowInDays: args.deletionWindowDays,
                    policy: identity.accountId.apply((accountId) => policyDocument(keyPolicyStatements(purpose, { accountId, region }))),
                },
                { parent: this, protect: args.protection.protect },
            );
            aliases[purpose] = new aws.kms.Alias(
                args.naming.name(...names.alias),
                { name: names.aliasName, targetKeyId: key.keyId },
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
