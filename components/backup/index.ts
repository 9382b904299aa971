import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { BaseArgs } from "../base";
import { statefulOptions } from "../base";
import type { KmsKeyArns } from "../kms";
import { KEY_SETTINGS, keyAdministrationStatement, keyUseThroughServicesStatements, kmsKeyNames } from "../kms/policies";
import { policyDocument, serviceAssumeRolePolicy } from "../iam";
import { createAwsProvider } from "../providers";
import { partitionOf } from "../catalogue/regions";
import type { BackupRuleSettings } from "./plan";
import { planRule, vaultName } from "./plan";

export * from "./plan";

/** The AWS managed policies AWS Backup's service role needs for RDS and S3 backups and restores (AWS Backup Developer Guide, "Managed policies for AWS Backup"). */
export const BACKUP_ROLE_MANAGED_POLICIES = [
    "service-role/AWSBackupServiceRolePolicyForBackup",
    "service-role/AWSBackupServiceRolePolicyForRestores",
    "AWSBackupServiceRolePolicyForS3Backup",
    "AWSBackupServiceRolePolicyForS3Restore",
] as const;

export interface BackupArgs extends BaseArgs {
    region: string;
    rules: BackupRuleSettings[];
    /** Region of the copy vault (and of the database's replicated automated backups), when copies are made. */
    copyRegion?: string;
    vaultLock: { mode: "governance" | "compliance"; minRetentionDays: number; maxRetentionDays: number } | null;
    /** ARNs of what the plan backs up (the primary database, the data buckets), selected by ARN. */
    resourceArns: pulumi.Input<string>[];
    /** The primary database instance's ARN, for replicating its automated backups to `copyRegion`. */
    replicateDatabaseArn?: pulumi.Input<string>;
    databaseBackupReplicationRetentionDays: number;
    /** The backup key (the vault's encryption). */
    kmsKeyArns: Pick<KmsKeyArns, "backup">;
    allowedAccountIds?: string[];
}

/**
 * AWS Backup for the stack: a vault encrypted with the backup key (locked in prod), a plan whose rules come from
 * `strata:backup`, and a selection of the resources to back up by ARN, through a role AWS Backup assumes. With a copy
 * region: a vault there under a key of that region, the copy actions of the rules that ask for them, and the
 * database's automated backups replicated there for point-in-time restore in that region.
 */
export class Backup extends pulumi.ComponentResource {
    public readonly vault: aws.backup.Vault;
    public readonly copyVault?: aws.backup.Vault;
    public readonly plan: aws.backup.Plan;
    public readonly selection: aws.backup.Selection;
    public readonly vaultName: string;

    constructor(name: string, args: BackupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("strata:backup:Backup", name, {}, opts);
        const n = args.naming;
        const stateful = statefulOptions(args.protection);
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;

        this.vaultName = vaultName(n.prefix);
        // A vault holding recovery points cannot be deleted (DeleteBackupVault fails): it is stateful.
        this.vault = new aws.backup.Vault(
            n.name("backup-vault"),
            { name: this.vaultName, kmsKeyArn: args.kmsKeyArns.backup },
            { parent: this, ...stateful },
        );
        if (args.vaultLock) {
            new aws.backup.VaultLockConfiguration(
                n.name("backup-vault-lock"),
                {
                    backupVaultName: this.vault.name,
                    minRetentionDays: args.vaultLock.minRetentionDays,
                    maxRetentionDays: args.vaultLock.maxRetentionDays,
                    // Compliance mode: the lock becomes immutable after this grace time (3 days, the minimum).
                    ...(args.vaultLock.mode === "compliance" ? { changeableForDays: 3 } : {}),
                },
                { parent: this, protect: stateful.protect },
            );
        }

        if (args.copyRegion) {
            const copyRegion = args.copyRegion;
            const provider = createAwsProvider(
                n.name("aws", "backup-copy"),
                { region: copyRegion, defaultTags: args.defaultTags, allowedAccountIds: args.allowedAccountIds },
                { parent: this },
            );
            const names = kmsKeyNames(n.prefix, "backup", "copy");
            const key = new aws.kms.Key(
                n.name(...names.key),
                {
                    description: `${n.prefix}: backup copies and replicated database backups in ${copyRegion}`,
                    ...KEY_SETTINGS,
                    deletionWindowInDays: 30,
                    policy: accountId.apply((id) =>
                        policyDocument([
                            keyAdministrationStatement({ accountId: id, region: copyRegion }),
                            ...keyUseThroughServicesStatements("BackupAndRdsThroughService", { accountId: id, region: copyRegion }, [
                                "backup",
                                "rds",
                            ]),
                        ]),
                    ),
                },
                { parent: this, provider, protect: stateful.protect },
            );
            new aws.kms.Alias(n.name(...names.alias), { name: names.aliasName, targetKeyId: key.keyId }, { parent: this, provider });
            this.copyVault = new aws.backup.Vault(
                n.name("backup-copy-vault"),
                { name: vaultName(n.prefix, "copy-vault"), kmsKeyArn: key.arn },
                { parent: this, provider, ...stateful },
            );
            if (args.replicateDatabaseArn) {
                // The primary's automated backups and transaction logs, replicated for point-in-time restore in the
                // copy region (RDS User Guide, "Replicating automated backups to another AWS Region").
                new aws.rds.InstanceAutomatedBackupsReplication(
                    n.name("database-backups-replica"),
                    {
                        sourceDbInstanceArn: args.replicateDatabaseArn,
                        kmsKeyId: key.arn,
                        retentionPeriod: args.databaseBackupReplicationRetentionDays,
                    },
                    { parent: this, provider },
                );
            }
        }

        const copyVaultArn = this.copyVault?.arn;
        this.plan = new aws.backup.Plan(
            n.name("backup-plan"),
            {
                name: `${n.prefix}-backup-plan`,
                rules: pulumi
                    .all([this.vault.name, copyVaultArn ?? pulumi.output(undefined)])
                    .apply(([vault, copy]) => args.rules.map((r) => planRule(r, { name: vault, copyVaultArn: copy }))),
            },
            { parent: this },
        );

        const partition = partitionOf(args.region);
        const role = new aws.iam.Role(
            n.name("backup-role"),
            {
                assumeRolePolicy: serviceAssumeRolePolicy("backup.amazonaws.com"),
                description: `${n.prefix}: AWS Backup backs up and restores the stack's data`,
            },
            { parent: this },
        );
        const attachments = BACKUP_ROLE_MANAGED_POLICIES.map(
            (p, i) =>
                new aws.iam.RolePolicyAttachment(
                    n.name("backup-role", `managed-${i}`),
                    { role: role.name, policyArn: `arn:${partition}:iam::aws:policy/${p}` },
                    { parent: this },
                ),
        );
        this.selection = new aws.backup.Selection(
            n.name("backup-selection"),
            { name: `${n.prefix}-data`, planId: this.plan.id, iamRoleArn: role.arn, resources: args.resourceArns },
            { parent: this, dependsOn: attachments },
        );
        this.registerOutputs({ vaultName: this.vault.name, planId: this.plan.id });
    }
}
