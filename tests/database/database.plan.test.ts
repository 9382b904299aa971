import type { PlanDocument, PlanResource } from "../../plan";
import { runPlan, resourcesOfType, transitiveDependencies } from "../../plan";
import { configProblems, ingressInto, loadConfig } from "../helpers";
import { dailyOverlapsWeekly } from "../../components/config/database";
import { percentEncode, postgresUrl, RDS_PASSWORD_SPECIALS } from "../../components/database";
import { mockPassword } from "../../plan/mocks/random";
import { mockContext } from "../../plan/mocks";

const INSTANCE = "aws:rds/instance:Instance";
const SECRET = "[secret]";

function dataKeyArn(plan: PlanDocument): string {
    return String((plan.outputs.kmsKeyArns as Record<string, string>).data);
}
const isDatabaseChild = (r: PlanResource) => r.urn.includes("strata:database:Database$");
const instances = (plan: PlanDocument) => resourcesOfType(plan, INSTANCE).filter(isDatabaseChild);
const primaryOf = (plan: PlanDocument) => {
    const p = instances(plan).filter((r) => r.inputs.replicateSourceDb === undefined);
    expect(p).toHaveLength(1);
    return p[0];
};
const replicasOf = (plan: PlanDocument) => instances(plan).filter((r) => r.inputs.replicateSourceDb !== undefined);

describe("Database (RDS PostgreSQL) in the prod plan", () => {
    let plan: PlanDocument;
    beforeAll(async () => {
        plan = await runPlan({ stack: "prod" });
    });

    test("primary: encrypted with the data key, Multi-AZ, 30-day backups, deletion protection, final snapshot, protected", () => {
        const db = primaryOf(plan);
        const key = dataKeyArn(plan);
        expect(key).toMatch(/^arn:aws:kms:/);
        expect(db.inputs).toMatchObject({
            engine: "postgres",
            engineVersion: "16",
            autoMinorVersionUpgrade: true,
            storageEncrypted: true,
            kmsKeyId: key,
            storageType: "gp3",
            multiAz: true,
            backupRetentionPeriod: 30,
            deletionProtection: true,
            skipFinalSnapshot: false,
            copyTagsToSnapshot: true,
            publiclyAccessible: false,
            iamDatabaseAuthenticationEnabled: true,
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: key,
            password: SECRET,
            tags: { DataClassification: "confidential" },
        });
        expect(String(db.inputs.finalSnapshotIdentifier)).toMatch(/^strata-prod-postgres-final-[0-9a-f]{8}$/);
        expect(db.inputs.maxAllocatedStorage as number).toBeGreaterThan(db.inputs.allocatedStorage as number);
        expect(db.inputs.monitoringInterval as number).toBeGreaterThan(0);
        expect(String(db.inputs.monitoringRoleArn)).toMatch(/^arn:aws:iam::123456789012:role\//);
        expect(db.options).toMatchObject({ protect: true, retainOnDelete: true });
    });

    test("two read replicas, encrypted with the data key, protected, after the primary, skipping the final snapshot", () => {
        const primary = primaryOf(plan);
        const replicas = replicasOf(plan);
        expect(replicas).toHaveLength(2);
        for (const r of replicas) {
            expect(r.inputs).toMatchObject({
                replicateSourceDb: primary.inputs.identifier,
                storageEncrypted: true,
                kmsKeyId: dataKeyArn(plan),
                parameterGroupName: primary.inputs.parameterGroupName,
                skipFinalSnapshot: true,
                deletionProtection: true,
            });
            expect(r.inputs.finalSnapshotIdentifier).toBeUndefined();
            expect(r.options.protect).toBe(true);
            expect(r.dependencies).toContain(primary.urn);
        }
        expect(plan.outputs.databaseReaderEndpoints).toEqual(replicas.map((r) => expect.stringContaining(String(r.inputs.identifier))));
    });

    test("parameter group: family from the major version, rds.force_ssl=1, auto-named and replaced create-before-delete", () => {
        const primary = primaryOf(plan);
        const groups = resourcesOfType(plan, "aws:rds/parameterGroup:ParameterGroup").filter(isDatabaseChild);
        expect(groups).toHaveLength(1);
        const pg = groups[0];
        expect(pg.inputs.family).toBe("postgres16");
        const params = pg.inputs.parameters as Array<{ name: string; value: string }>;
        expect(params).toEqual(expect.arrayContaining([expect.objectContaining({ name: "rds.force_ssl", value: "1" })]));
        expect(pg.inputs.name).toBeUndefined(); // auto-named, so a replacement can be created before the old group goes
        expect(pg.options.deleteBeforeReplace).toBe(false);
        expect(primary.dependencies).toContain(pg.urn);
    });

    test("log exports go to KMS-encrypted log groups named after the explicit identifier, created before the instance", () => {
        for (const db of instances(plan)) {
            const id = String(db.inputs.identifier);
            expect(db.inputs.enabledCloudwatchLogsExports).toEqual(["postgresql", "upgrade"]);
            for (const log of ["postgresql", "upgrade"]) {
                const group = resourcesOfType(plan, "aws:cloudwatch/logGroup:LogGroup").find(
                    (g) => g.inputs.name === `/aws/rds/instance/${id}/${log}`,
                );
                expect(group).toBeDefined();
                expect(group!.inputs.kmsKeyId).toBe((plan.outputs.kmsKeyArns as Record<string, string>).logs);
                expect(group!.inputs.retentionInDays as number).toBeGreaterThan(0);
                expect(db.dependencies).toContain(group!.urn);
            }
        }
    });

    test("master password: generated from characters RDS accepts, secret, stored in Secrets Manager under the data key", () => {
        const pw = resourcesOfType(plan, "random:index/randomPassword:RandomPassword").find((r) => r.name.endsWith("postgres-password"))!;
        expect(pw).toBeDefined();
        const specials = String(pw.inputs.overrideSpecial);
        for (const bad of ["/", "@", '"', " "]) expect(specials).not.toContain(bad);
        const secret = resourcesOfType(plan, "aws:secretsmanager/secret:Secret").find(isDatabaseChild)!;
        expect(secret.inputs.kmsKeyId).toBe(dataKeyArn(plan));
        const version = resourcesOfType(plan, "aws:secretsmanager/secretVersion:SecretVersion").find(isDatabaseChild)!;
        expect(version.inputs.secretString).toBe(SECRET);
        expect(String(plan.outputs.databaseSecretArn)).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:.+-[A-Za-z0-9]{6}$/);
        expect(plan.outputs.DATABASE_URL).toBe(SECRET);
    });

    test("security groups admit exactly port 5432 from the nodes' group (and the proxy's group, itself admitting only the nodes)", () => {
        const nodeSg = String(plan.outputs.nodeSecurityGroupId);
        const dbSg = String((primaryOf(plan).inputs.vpcSecurityGroupIds as string[])[0]);
        const proxy = resourcesOfType(plan, "aws:rds/proxy:Proxy").filter(isDatabaseChild);
        expect(proxy).toHaveLength(1);
        expect(proxy[0].inputs).toMatchObject({ requireTls: true, engineFamily: "POSTGRESQL" });
        const proxySg = String((proxy[0].inputs.vpcSecurityGroupIds as string[])[0]);

        const sg = resourcesOfType(plan, "aws:ec2/securityGroup:SecurityGroup").filter(isDatabaseChild);
        for (const g of sg) expect(g.inputs.ingress ?? []).toEqual([]);

        const dbRules = ingressInto(plan, dbSg);
        expect(dbRules.map((r) => r.source).sort()).toEqual([nodeSg, proxySg].sort());
        expect(ingressInto(plan, proxySg).map((r) => r.source)).toEqual([nodeSg]);
        for (const r of [...dbRules, ...ingressInto(plan, proxySg)]) {
            expect(r).toMatchObject({ protocol: "tcp", from: 5432, to: 5432 });
            expect(r.cidr).toBeUndefined();
        }
    });

    test("subnet group over the isolated subnets", () => {
        const sn = resourcesOfType(plan, "aws:rds/subnetGroup:SubnetGroup").filter(isDatabaseChild);
        expect(sn).toHaveLength(1);
        expect(sn[0].inputs.subnetIds).toEqual(plan.outputs.isolatedSubnetIds);
    });

    test("nothing in the database depends on EKS or Kubernetes resources", () => {
        const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
        for (const r of plan.resources.filter(isDatabaseChild)) {
            for (const dep of transitiveDependencies(plan, r.urn)) {
                const t = byUrn.get(dep)?.type ?? "";
                expect(`${r.name} -> ${t}`).not.toMatch(/-> (aws:eks\/|kubernetes:|strata:cluster:)/);
            }
        }
    });
});

describe("Database per environment", () => {
    test("dev: single-AZ, smaller, 7-day backups, no replicas, no proxy; still encrypted and TLS-only", async () => {
        const plan = await runPlan({ stack: "dev" });
        const prod = await runPlan({ stack: "prod" });
        const db = primaryOf(plan);
        expect(db.inputs).toMatchObject({
            multiAz: false,
            backupRetentionPeriod: 7,
            storageEncrypted: true,
            kmsKeyId: dataKeyArn(plan),
            instanceClass: "db.t4g.micro",
            password: SECRET,
        });
        expect(db.inputs.allocatedStorage as number).toBeLessThan(primaryOf(prod).inputs.allocatedStorage as number);
        expect(db.options.protect).toBe(false);
        expect(replicasOf(plan)).toHaveLength(0);
        expect(resourcesOfType(plan, "aws:rds/proxy:Proxy")).toHaveLength(0);
        const pg = resourcesOfType(plan, "aws:rds/parameterGroup:ParameterGroup").filter(isDatabaseChild)[0];
        expect(pg.inputs.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "rds.force_ssl", value: "1" })]));
        const dbSg = String((db.inputs.vpcSecurityGroupIds as string[])[0]);
        expect(ingressInto(plan, dbSg)).toEqual([
            { source: plan.outputs.nodeSecurityGroupId, protocol: "tcp", from: 5432, to: 5432, cidr: undefined },
        ]);
    });

    test("staging: Multi-AZ with deletion protection, not Pulumi-protected", async () => {
        const plan = await runPlan({ stack: "staging" });
        const db = primaryOf(plan);
        expect(db.inputs).toMatchObject({ multiAz: true, deletionProtection: true, storageEncrypted: true });
        expect(db.options.protect).toBe(false);
    });
});

describe("Database config validation", () => {
    const load = (database: object, env = "prod") => loadConfig({ "strata:environment": env, "strata:database": database });
    const problems = (database: object) => configProblems({ "strata:environment": "prod", "strata:database": database });

    test("an unknown instance class names the key, the value and the allowed classes", () => {
        const [p] = problems({ instanceClass: "db.x9.huge" });
        expect(p).toMatch(
            /^strata:database\.instanceClass: "db\.x9\.huge" is not a known RDS instance class; known: .*db\.t4g\.{micro.*db\.m7g\.{large/,
        );
    });

    test("a maintenance window overlapping the backup window is refused", () => {
        const [p] = problems({ backupWindow: "03:00-04:00", maintenanceWindow: "wed:03:30-wed:04:30" });
        expect(p).toContain('strata:database.maintenanceWindow: "wed:03:30-wed:04:30" overlaps');
        expect(p).toContain("strata:database.backupWindow");
        expect(p).toContain("allowed:");
        // across midnight too
        expect(problems({ backupWindow: "23:30-00:30", maintenanceWindow: "mon:00:00-mon:01:00" })[0]).toMatch(
            /maintenanceWindow.*overlaps/,
        );
        expect(() => load({ backupWindow: "03:00-04:00", maintenanceWindow: "wed:04:00-wed:05:00" })).not.toThrow();
    });

    test("window overlap arithmetic", () => {
        expect(dailyOverlapsWeekly("03:00-04:00", "sun:05:00-sun:06:00")).toBe(false);
        expect(dailyOverlapsWeekly("03:00-04:00", "sun:03:59-sun:05:00")).toBe(true);
        expect(dailyOverlapsWeekly("23:00-01:00", "sun:00:30-sun:02:00")).toBe(true);
        expect(dailyOverlapsWeekly("22:00-23:00", "sat:23:30-sun:00:30")).toBe(false);
        expect(dailyOverlapsWeekly("00:00-00:30", "sun:23:45-mon:00:15")).toBe(true);
    });

    test("a minor engine version, a too-small storage ceiling and overriding rds.force_ssl are refused", () => {
        expect(problems({ engineVersion: "16.3" })[0]).toMatch(
            /^strata:database\.engineVersion: "16\.3" is not a PostgreSQL major version.*allowed: 13, 14, 15, 16, 17/,
        );
        expect(problems({ allocatedStorage: 200, maxAllocatedStorage: 100 })[0]).toMatch(
            /^strata:database\.maxAllocatedStorage: 100 is below/,
        );
        expect(problems({ parameters: { "rds.force_ssl": "0" } })[0]).toMatch(
            /^strata:database\.parameters\.rds\.force_ssl: is set by Strata/,
        );
    });

    test("RDS identifiers over 63 characters fail in config validation", () => {
        const p = configProblems(
            { "strata:environment": "prod", "strata:name": "abcdefghijklmnopqrst", "strata:cache": { enabled: false } },
            "production-eu-central-and-some-more",
        );
        expect(p).toContainEqual(
            expect.stringMatching(
                /^strata:database\.readReplicas: gives the rdsIdentifier name ".*postgres-replica-2" \(\d+ characters, AWS allows 63\)/,
            ),
        );
    });

    test("a bad instance class is a configuration error naming the key and what is allowed", () => {
        expect(configProblems({ "strata:environment": "prod", "strata:database": { instanceClass: "db.x9.huge" } }).join("\n")).toContain(
            'strata:database.instanceClass: "db.x9.huge" is not a known RDS instance class; known:',
        );
    });
});

describe("DATABASE_URL encoding", () => {
    test("percent-encodes every reserved character, including the ones encodeURIComponent leaves", () => {
        expect(percentEncode("a-b.c_d~e")).toBe("a-b.c_d~e");
        expect(percentEncode("!#$%&*()-_=+[]{}<>:?")).toBe("%21%23%24%25%26%2A%28%29-_%3D%2B%5B%5D%7B%7D%3C%3E%3A%3F");
        expect(percentEncode("p@ss/w rd'")).toBe("p%40ss%2Fw%20rd%27");
    });

    test("the URL round-trips through a URL parser and requires TLS", () => {
        const password = "Ab1!#$%&*()-_=+[]{}<>:?";
        const url = postgresUrl({ username: "strata_admin", password, host: "db.example.internal", port: 5432, database: "app" });
        expect(url).toMatch(/^postgresql:\/\/strata_admin:[A-Za-z0-9%._~-]+@db\.example\.internal:5432\/app\?sslmode=require$/);
        const parsed = new URL(url);
        expect(decodeURIComponent(parsed.password)).toBe(password);
        expect(parsed.hostname).toBe("db.example.internal");
        expect(parsed.searchParams.get("sslmode")).toBe("require");
    });

    test("mock passwords honour the RDS special-character set", () => {
        const ctx = mockContext("us-east-1", "strata", "test");
        for (let i = 0; i < 20; i++) {
            const pw = mockPassword(
                `pw${i}`,
                { length: 32, special: true, overrideSpecial: RDS_PASSWORD_SPECIALS, minSpecial: 2, minUpper: 2 },
                ctx,
            );
            expect(pw).toHaveLength(32);
            expect(pw).toMatch(/^[A-Za-z0-9!#$%&*()\-_=+[\]{}<>:?]+$/);
            expect(pw.replace(/[A-Za-z0-9]/g, "").length).toBeGreaterThanOrEqual(2);
        }
    });
});
