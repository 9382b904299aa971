import { Backup } from "../../components/backup";
import type { RenderResult } from "../../plan";
import { render } from "../../plan";
import { loadConfig } from "../helpers";

const BACKUP_KEY = "arn:aws:kms:us-east-1:123456789012:key/backup-key";
const DB = "arn:aws:rds:us-east-1:123456789012:db:strata-prod-postgres";
const BUCKET = "arn:aws:s3:::strata-prod-user-data-1234567";

function renderBackup(environment: string, withDatabaseReplication = true) {
    const cfg = loadConfig({ "strata:environment": environment });
    const b = cfg.backup;
    return render(
        ({ awsProvider }) =>
            new Backup(
                cfg.naming.name("backup"),
                {
                    naming: cfg.naming,
                    environment: cfg.environment,
                    protection: cfg.protection,
                    defaultTags: cfg.defaultTags,
                    region: "us-east-1",
                    rules: b.rules,
                    copyRegion: b.copy ? "us-west-2" : undefined,
                    vaultLock: b.vaultLock,
                    resourceArns: [DB, BUCKET],
                    replicateDatabaseArn: withDatabaseReplication && b.replicateDatabaseBackups ? DB : undefined,
                    databaseBackupReplicationRetentionDays: b.databaseBackupReplicationRetentionDays,
                    kmsKeyArns: { backup: BACKUP_KEY },
                },
                { providers: { aws: awsProvider() } },
            ),
        { stack: environment },
    );
}

describe("Backup (component), prod", () => {
    let r: RenderResult<Backup>;
    beforeAll(async () => {
        r = await renderBackup("prod");
    });

    test("the vault: fixed name, the backup key, protected; locked in governance mode (no changeableForDays)", () => {
        const vault = r.one("aws:backup/vault:Vault", "strata-prod-backup-vault");
        expect(vault.inputs).toMatchObject({ name: "strata-prod-vault", kmsKeyArn: BACKUP_KEY });
        expect(vault.options.protect).toBe(true);
        const lock = r.one("aws:backup/vaultLockConfiguration:VaultLockConfiguration");
        expect(lock.inputs).toEqual({ backupVaultName: "strata-prod-vault", minRetentionDays: 7, maxRetentionDays: 400 });
    });

    test("the copy vault lives in the copy region under that region's own key", () => {
        const copy = r.one("aws:backup/vault:Vault", "strata-prod-backup-copy-vault");
        const key = r.one("aws:kms/key:Key", "strata-prod-kms-backup-copy");
        expect(copy.provider).toMatch(/strata-prod-aws-backup-copy::/);
        expect(key.provider).toBe(copy.provider);
        expect(copy.inputs.kmsKeyArn).toMatch(/^arn:aws:kms:us-west-2:123456789012:key\//);
        const provider = r.one("pulumi:providers:aws", "strata-prod-aws-backup-copy");
        expect(provider.inputs.region).toBe("us-west-2");
    });

    test("the plan copies the daily and monthly points to the copy vault, keeps at least 30 days", () => {
        const rules = r.one("aws:backup/plan:Plan").inputs.rules as Array<{
            ruleName: string;
            lifecycle: { deleteAfter: number };
            copyActions?: Array<{ destinationVaultArn: string }>;
        }>;
        expect(rules.filter((x) => x.copyActions).map((x) => [x.ruleName, x.copyActions![0].destinationVaultArn])).toEqual([
            ["daily", "arn:aws:backup:us-west-2:123456789012:backup-vault:strata-prod-copy-vault"],
            ["monthly", "arn:aws:backup:us-west-2:123456789012:backup-vault:strata-prod-copy-vault"],
        ]);
        expect(Math.max(...rules.map((x) => x.lifecycle.deleteAfter))).toBeGreaterThanOrEqual(30);
    });

    test("the selection holds exactly the given ARNs, through a role AWS Backup assumes with its managed policies", () => {
        const sel = r.one("aws:backup/selection:Selection");
        expect(sel.inputs.resources).toEqual([DB, BUCKET]);
        const role = r.one("aws:iam/role:Role", "strata-prod-backup-role");
        expect(JSON.parse(String(role.inputs.assumeRolePolicy)).Statement[0].Principal).toEqual({ Service: "backup.amazonaws.com" });
        expect(r.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((a) => a.inputs.policyArn)).toEqual([
            "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
            "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
            "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup",
            "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore",
        ]);
        // The selection waits for the role's permissions (CreateBackupSelection checks the role can be assumed).
        for (const a of r.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")) expect(sel.dependencies).toContain(a.urn);
    });

    test("the database's automated backups are replicated to the copy region with its key", () => {
        const rep = r.one("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication");
        expect(rep.inputs).toMatchObject({ sourceDbInstanceArn: DB, retentionPeriod: 7 });
        expect(rep.inputs.kmsKeyId).toMatch(/^arn:aws:kms:us-west-2:/);
        expect(rep.provider).toMatch(/strata-prod-aws-backup-copy::/);
    });
});

test("Backup (component), dev: one vault, no copy, no lock, no replication", async () => {
    const r = await renderBackup("dev");
    expect(r.ofType("aws:backup/vault:Vault").map((v) => v.inputs.name)).toEqual(["strata-dev-vault"]);
    expect(r.ofType("aws:backup/vaultLockConfiguration:VaultLockConfiguration")).toEqual([]);
    expect(r.ofType("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication")).toEqual([]);
});
