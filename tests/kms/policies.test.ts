import fc from "fast-check";
import {
    accountRootArn,
    KEY_PURPOSES,
    KEY_SETTINGS,
    keyAdministrationStatement,
    keyPolicyStatements,
    kmsKeyNames,
    replicaKeyPolicyStatements,
    serviceEndpoint,
} from "../../components/kms/policies";

const ctx = { accountId: "123456789012", region: "us-east-1" };
type Stmt = {
    Sid?: string;
    Principal?: { AWS?: string; Service?: string };
    Condition?: Record<string, Record<string, unknown>>;
    Action?: unknown;
};

describe("key policies", () => {
    test.each([
        ["us-east-1", "arn:aws:iam::123456789012:root"],
        ["cn-north-1", "arn:aws-cn:iam::123456789012:root"],
        ["us-gov-west-1", "arn:aws-us-gov:iam::123456789012:root"],
    ])("the account administers every key through IAM (%s: %s)", (region, root) => {
        expect(accountRootArn({ ...ctx, region })).toBe(root);
        for (const purpose of KEY_PURPOSES) {
            expect(keyPolicyStatements(purpose, { ...ctx, region })[0]).toEqual(keyAdministrationStatement({ ...ctx, region }));
        }
        expect(keyAdministrationStatement({ ...ctx, region })).toMatchObject({
            Effect: "Allow",
            Principal: { AWS: root },
            Action: "kms:*",
            Resource: "*",
        });
    });

    test.each([
        ["cluster", "EksThroughService", ["eks.us-east-1.amazonaws.com"]],
        ["ebs", "Ec2VolumesThroughService", ["ec2.us-east-1.amazonaws.com", "autoscaling.us-east-1.amazonaws.com"]],
        [
            "data",
            "DataServices",
            ["rds", "elasticache", "s3", "sqs", "secretsmanager", "sns", "backup", "ecr"].map((s) => `${s}.us-east-1.amazonaws.com`),
        ],
    ] as const)("%s: use and grants through exactly its services, by this account only", (purpose, sid, via) => {
        const [, use, grants] = keyPolicyStatements(purpose, ctx) as Stmt[];
        expect([use.Sid, grants.Sid]).toEqual([sid, `${sid}Grants`]);
        for (const s of [use, grants]) {
            expect(s.Principal).toEqual({ AWS: "*" });
            expect(s.Condition!.StringEquals).toEqual({ "kms:CallerAccount": "123456789012", "kms:ViaService": via });
        }
        expect(use.Action).toEqual(["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]);
        expect(grants.Action).toEqual(["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]);
        expect(grants.Condition!.Bool).toEqual({ "kms:GrantIsForAWSResource": "true" });
    });

    test("logs: CloudWatch Logs of the region, for this account's log groups of the region only", () => {
        const [, logs] = keyPolicyStatements("logs", ctx) as Stmt[];
        expect(logs.Principal).toEqual({ Service: "logs.us-east-1.amazonaws.com" });
        expect(logs.Condition).toEqual({
            ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:123456789012:log-group:*" },
        });
    });

    test("the notifications key: CloudWatch alarms and EventBridge rules may encrypt for the alert topics of this account, the account through SNS", () => {
        const statements = keyPolicyStatements("notifications", ctx) as Stmt[];
        const cw = statements.find((s) => s.Sid === "AwsServicesPublishToEncryptedTopics")!;
        expect(cw.Principal!.Service).toEqual(["cloudwatch.amazonaws.com", "events.amazonaws.com"]);
        expect(cw.Action).toEqual(["kms:Decrypt", "kms:GenerateDataKey*"]);
        expect(cw.Condition).toEqual({ StringEquals: { "aws:SourceAccount": ctx.accountId } });
        expect(statements.find((s) => s.Sid === "SnsThroughService")!.Condition!.StringEquals["kms:ViaService"]).toEqual([
            serviceEndpoint("sns", ctx.region),
        ]);
    });

    test("the audit key: CloudTrail generates data keys for this account's trails only, AWS Config for this account only", () => {
        const statements = keyPolicyStatements("audit", ctx) as Stmt[];
        const trail = statements.find((s) => s.Sid === "CloudTrailEncryptsLogs")!;
        expect(trail.Principal).toEqual({ Service: "cloudtrail.amazonaws.com" });
        expect(trail.Action).toBe("kms:GenerateDataKey*");
        expect(trail.Condition).toEqual({
            StringEquals: { "aws:SourceAccount": ctx.accountId },
            StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${ctx.accountId}:trail/*` },
            ArnLike: { "aws:SourceArn": `arn:aws:cloudtrail:*:${ctx.accountId}:trail/*` },
        });
        expect(statements.find((s) => s.Sid === "CloudTrailDescribesKey")!.Action).toBe("kms:DescribeKey");
        const config = statements.find((s) => s.Sid === "ConfigEncryptsDeliveries")!;
        expect(config.Principal).toEqual({ Service: "config.amazonaws.com" });
        expect(config.Condition).toEqual({ StringEquals: { "aws:SourceAccount": ctx.accountId } });
    });

    test("the EBS key names no service-linked role (it may not exist yet in a fresh account)", () => {
        expect(JSON.stringify(keyPolicyStatements("ebs", ctx))).not.toMatch(/AWSServiceRole/);
    });

    test("the S3 replica key: administered by the account, used through S3 of its own region only, no grants", () => {
        const statements = replicaKeyPolicyStatements({ accountId: "123456789012", region: "us-west-2" }) as Stmt[];
        expect(statements.map((s) => s.Sid)).toEqual(["AccountAdministersKeyThroughIam", "S3ThroughService"]);
        expect(statements[1].Condition).toEqual({
            StringEquals: { "kms:CallerAccount": "123456789012", "kms:ViaService": "s3.us-west-2.amazonaws.com" },
        });
    });

    test("property: no statement lets a principal outside the account use a key", () => {
        fc.assert(
            fc.property(
                fc.stringMatching(/^\d{12}$/),
                fc.constantFrom("us-east-1", "eu-west-1", "ap-south-1"),
                fc.constantFrom(...KEY_PURPOSES),
                (accountId, region, purpose) => {
                    for (const s of [
                        ...keyPolicyStatements(purpose, { accountId, region }),
                        ...replicaKeyPolicyStatements({ accountId, region }),
                    ] as Stmt[]) {
                        if (s.Principal?.AWS === "*") expect(s.Condition!.StringEquals["kms:CallerAccount"]).toBe(accountId);
                        else if (s.Principal?.AWS) expect(s.Principal.AWS).toBe(`arn:aws:iam::${accountId}:root`);
                        else if (s.Principal?.Service === serviceEndpoint("logs", region)) expect(s.Condition!.ArnLike).toBeTruthy();
                        // Any other service principal acts for this account only (confused-deputy guard).
                        else expect(s.Condition!.StringEquals["aws:SourceAccount"]).toBe(accountId);
                    }
                },
            ),
        );
    });
});

describe("key settings and names", () => {
    test("symmetric encrypt/decrypt keys, rotated every 365 days", () => {
        expect(KEY_SETTINGS).toEqual({
            enableKeyRotation: true,
            rotationPeriodInDays: 365,
            keyUsage: "ENCRYPT_DECRYPT",
            customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        });
    });

    test.each([
        [["data"], ["kms", "data"], ["kms", "data", "alias"], "alias/strata-prod-data"],
        [["data", "replica"], ["kms", "data", "replica"], ["kms", "data", "replica", "alias"], "alias/strata-prod-data-replica"],
    ])("kmsKeyNames(%j)", (parts, key, alias, aliasName) => {
        expect(kmsKeyNames("strata-prod", ...parts)).toEqual({ key, alias, aliasName });
    });
});
