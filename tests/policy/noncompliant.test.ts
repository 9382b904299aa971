import * as childProcess from "child_process";
import * as path from "path";
import { runPlan } from "../../plan";
import type { PlanDocument } from "../../plan/types";

const ROOT = path.resolve(__dirname, "../..");
const PROGRAM = "tests/fixtures/noncompliant.ts";

describe("a deliberately non-compliant program", () => {
    let plan: PlanDocument;
    beforeAll(async () => {
        plan = await runPlan({ root: ROOT, program: path.join(ROOT, PROGRAM), stack: "dev" });
    });

    const urnOf = (type: string, name: string) => {
        const r = plan.resources.find((x) => x.type === type && x.name === name);
        if (!r) throw new Error(`no ${type} ${name} in the plan`);
        return r.urn;
    };
    const mandatory = (policy: string) =>
        plan.violations.filter((v) => v.policy === policy && v.enforcementLevel === "mandatory").map((v) => v.urn);

    it.each([
        ["an unencrypted bucket", "aws-s3-bucket-require-kms-encryption", "aws:s3/bucket:Bucket", "unencrypted-bucket"],
        [
            "an RDS instance without storage encryption",
            "aws-rds-instance-cluster-require-storage-encryption",
            "aws:rds/instance:Instance",
            "unencrypted-db",
        ],
        [
            "an ElastiCache group without transit encryption",
            "aws-elasticache-replicationgroup-require-transit-encryption",
            "aws:elasticache/replicationGroup:ReplicationGroup",
            "plaintext-cache",
        ],
        ["a resource missing required tags", "aws-resource-require-tags", "aws:sqs/queue:Queue", "untagged-queue"],
        [
            "a security group open to 0.0.0.0/0 on 5432",
            "aws-ec2-securitygroup-disallow-public-ingress",
            "aws:ec2/securityGroup:SecurityGroup",
            "open-db-sg",
        ],
        [
            "a launch template without IMDSv2",
            "aws-ec2-launchtemplate-require-imdsv2",
            "aws:ec2/launchTemplate:LaunchTemplate",
            "imdsv1-template",
        ],
    ])("reports %s as a mandatory violation against it", (_what, policy, type, name) => {
        expect(mandatory(policy)).toContain(urnOf(type, name));
    });

    it("blames only the resources that break each rule", () => {
        expect(mandatory("aws-rds-instance-cluster-require-storage-encryption")).toEqual([
            urnOf("aws:rds/instance:Instance", "unencrypted-db"),
        ]);
        expect(mandatory("aws-resource-require-tags")).toEqual([urnOf("aws:sqs/queue:Queue", "untagged-queue")]);
        expect(mandatory("aws-ec2-securitygroup-disallow-public-ingress")).toEqual([
            urnOf("aws:ec2/securityGroup:SecurityGroup", "open-db-sg"),
        ]);
        expect(mandatory("aws-s3-bucket-require-public-access-block")).toEqual([]);
    });

    it("makes the plan command exit 1", () => {
        const r = childProcess.spawnSync(
            process.execPath,
            [require.resolve("ts-node/dist/bin"), "--transpile-only", "plan/cli.ts", "--stack", "dev", "--program", PROGRAM],
            {
                cwd: ROOT,
                encoding: "utf8",
                env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
            },
        );
        expect(r.status).toBe(1);
        for (const name of ["unencrypted-bucket", "unencrypted-db", "plaintext-cache", "untagged-queue", "open-db-sg", "imdsv1-template"]) {
            expect(r.stdout + r.stderr).toContain(name);
        }
    });
});
