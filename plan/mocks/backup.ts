import type { MockModule } from "./types";

/**
 * AWS Backup and RDS backup replication, with the identifiers the services return: a vault is named by its name
 * (`arn:aws:backup:<region>:<account>:backup-vault:<name>`), a plan and a selection by UUID, a replicated automated
 * backup by its `arn:aws:rds:<region>:<account>:auto-backup:ab-...` ARN (AWS Backup API reference, CreateBackupVault,
 * CreateBackupPlan and CreateBackupSelection; RDS API reference, StartDBInstanceAutomatedBackupsReplication).
 */
const uuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

export const backup: MockModule = {
    resources: {
        "aws:backup/vault:Vault": (args, ctx) => {
            const name = String(args.inputs.name);
            return { id: name, state: { name, arn: ctx.arn("backup", `backup-vault:${name}`), recoveryPoints: 0 } };
        },
        "aws:backup/plan:Plan": (args, ctx) => {
            const id = uuid(ctx.hex(`plan/${args.name}`, 32));
            return { id, state: { arn: ctx.arn("backup", `backup-plan:${id}`), version: ctx.hex(`plan-version/${args.name}`, 48) } };
        },
        "aws:backup/selection:Selection": (args, ctx) => ({ id: uuid(ctx.hex(`selection/${args.name}`, 32)) }),
        "aws:backup/vaultLockConfiguration:VaultLockConfiguration": (args, ctx) => ({
            id: String(args.inputs.backupVaultName),
            state: { backupVaultArn: ctx.arn("backup", `backup-vault:${String(args.inputs.backupVaultName)}`) },
        }),
        "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": (args, ctx) => {
            const arn = ctx.arn("rds", `auto-backup:ab-${ctx.hex(`ab/${args.name}`, 26)}`);
            return { id: arn, state: { arn } };
        },
    },
};
