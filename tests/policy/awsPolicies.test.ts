/** Variants of the AWS policies of pack v2 beyond their one-property cases (casesAws.ts), and the unset-input table. */
import { API_DEFAULTS, apiDefault, describeInput, inputOrDefault } from "../../policy/lib/apiDefaults";
import { allowsAnyPrincipalUnconditionally, allowsStarOnStar, statements } from "../../policy/lib/iam";
import { check, res } from "./fake";

const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const messages = (name: string, ...r: ReturnType<typeof res>[]) => check(name, r, "dev").map((v) => v.message);

describe("policy/lib/iam statements", () => {
    it("reads a JSON string and an object alike; a single statement as a list of one", () => {
        const s = { Sid: "A", Effect: "Allow", Action: "*", Resource: "*" };
        expect(statements(doc(s))).toEqual(statements({ Statement: s }));
        expect(statements(doc(s))?.[0]).toMatchObject({ sid: "A", actions: ["*"], resources: ["*"], hasCondition: false });
    });
    it("cannot read an unknown or malformed document (undefined, never an empty grant)", () => {
        expect(statements("{not json")).toBeUndefined();
        expect(statements(undefined)).toBeUndefined();
    });
    it("star on star needs both, and an Allow", () => {
        const [s] = statements(doc({ Effect: "Allow", Action: ["s3:GetObject", "*"], Resource: ["*"] }))!;
        expect(allowsStarOnStar(s)).toBe(true);
        expect(allowsStarOnStar({ ...s, effect: "Deny" })).toBe(false);
        expect(allowsStarOnStar({ ...s, resources: ["arn:aws:s3:::b/*"] })).toBe(false);
        expect(allowsStarOnStar({ ...s, actions: ["s3:*"] })).toBe(false);
    });
    it('a public principal: the string "*" or {AWS: "*"}; a Condition narrows it', () => {
        for (const Principal of ["*", { AWS: "*" }, { AWS: ["arn:aws:iam::123456789012:root", "*"] }]) {
            const [s] = statements(doc({ Effect: "Allow", Principal, Action: "sqs:SendMessage" }))!;
            expect([Principal, allowsAnyPrincipalUnconditionally(s)]).toEqual([Principal, true]);
            expect(allowsAnyPrincipalUnconditionally({ ...s, hasCondition: true })).toBe(false);
        }
        const [svc] = statements(doc({ Effect: "Allow", Principal: { Service: "sns.amazonaws.com" }, Action: "sqs:SendMessage" }))!;
        expect(allowsAnyPrincipalUnconditionally(svc)).toBe(false);
    });
});

describe("aws-iam-policy-disallow-full-admin", () => {
    const ADMIN = { Effect: "Allow", Action: "*", Resource: "*" };
    it("judges aws.iam.Policy and a role's inlinePolicies, naming the inline policy", () => {
        expect(messages("aws-iam-policy-disallow-full-admin", res("aws:iam/policy:Policy", "p", { policy: doc(ADMIN) }))).toHaveLength(1);
        const role = res("aws:iam/role:Role", "r", { assumeRolePolicy: "{}", inlinePolicies: [{ name: "admin", policy: doc(ADMIN) }] });
        expect(messages("aws-iam-policy-disallow-full-admin", role)).toEqual([
            'inlinePolicies[0] (admin): statement allows Action "*" on Resource "*" (full administrator).',
        ]);
    });
});

describe("aws-resource-policy-disallow-public-principal", () => {
    const OPEN = { Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" };
    it.each([
        ["aws:kms/key:Key", "policy"],
        ["aws:s3/bucketPolicy:BucketPolicy", "policy"],
        ["aws:sqs/queue:Queue", "policy"],
        ["aws:sns/topic:Topic", "policy"],
        ["aws:sns/topicPolicy:TopicPolicy", "policy"],
    ])("%s: an unconditioned public grant is reported, a conditioned one is not", (type, input) => {
        expect(messages("aws-resource-policy-disallow-public-principal", res(type, "x", { [input]: doc(OPEN) }))).toHaveLength(1);
        const narrowed = { ...OPEN, Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } } };
        expect(messages("aws-resource-policy-disallow-public-principal", res(type, "x", { [input]: doc(narrowed) }))).toEqual([]);
    });
});

describe("aws-ec2-instance-launchtemplate-disallow-public-ip", () => {
    it("an instance asking for a public address is reported; unset (the subnet's default) is not", () => {
        const inst = (extra: Record<string, unknown>) =>
            res("aws:ec2/instance:Instance", "i", { ami: "ami-0123", instanceType: "t3.micro", ...extra });
        expect(messages("aws-ec2-instance-launchtemplate-disallow-public-ip", inst({ associatePublicIpAddress: true }))).toEqual([
            "associatePublicIpAddress must not be true.",
        ]);
        expect(messages("aws-ec2-instance-launchtemplate-disallow-public-ip", inst({}))).toEqual([]);
    });
});

describe("aws-ebs-volume-instance-require-encryption", () => {
    it("an instance without rootBlockDevice is told the device is undeclared, not that it is unencrypted", () => {
        const inst = res("aws:ec2/instance:Instance", "i", { ami: "ami-0123", instanceType: "t3.micro" });
        expect(messages("aws-ebs-volume-instance-require-encryption", inst)).toEqual([
            "rootBlockDevice is not declared (the AMI's root volume would be used as it is); declare it with encrypted: true.",
        ]);
    });
});

describe("unset inputs are the API defaults (policy/lib/apiDefaults.ts)", () => {
    it("holds one entry per type and input, each with a source", () => {
        const keys = API_DEFAULTS.map((d) => `${d.type} ${d.input}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const d of API_DEFAULTS)
            expect([d.type, d.input, d.source]).toEqual([d.type, d.input, expect.stringMatching(/API Reference|User Guide/)]);
    });
    it("reads a set input as set and an unset one as the default", () => {
        expect(inputOrDefault("aws:rds/instance:Instance", { backupRetentionPeriod: 7 }, "backupRetentionPeriod")).toBe(7);
        expect(inputOrDefault("aws:rds/instance:Instance", {}, "backupRetentionPeriod")).toBe(1);
        expect(inputOrDefault("aws:rds/cluster:Cluster", { storageEncrypted: null }, "storageEncrypted")).toBe(false);
        expect(describeInput("aws:rds/cluster:Cluster", {}, "backupRetentionPeriod")).toBe("unset (API default 1)");
        expect(apiDefault("aws:elasticache/replicationGroup:ReplicationGroup", "snapshotRetentionLimit")?.value).toBe(0);
        expect(() => inputOrDefault("aws:rds/instance:Instance", {}, "noSuchInput")).toThrow(/no API default/);
    });
    it("an RDS instance with no backupRetentionPeriod is judged as 1 day, not 0", () => {
        const db = res("aws:rds/instance:Instance", "db", { engine: "postgres" });
        expect(messages("aws-rds-elasticache-require-backup-retention", db)).toEqual([
            "backupRetentionPeriod is unset (API default 1); at least 7 days required.",
        ]);
    });
});

describe("aws-lb-listener-require-tls12", () => {
    const L = "aws:lb/listener:Listener";
    const name = "aws-lb-listener-require-tls12";
    it("an HTTPS listener without sslPolicy gets the API default, TLS 1.0, and is reported", () => {
        expect(messages(name, res(L, "l", { port: 443, protocol: "HTTPS", defaultActions: [{ type: "forward" }] }))).toEqual([
            "sslPolicy is unset (API default ELBSecurityPolicy-2016-08); use a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06.",
        ]);
    });
    it("an HTTP listener that forwards, or redirects to HTTP, is reported; TCP is not judged", () => {
        expect(messages(name, res(L, "l", { port: 80, protocol: "HTTP", defaultActions: [{ type: "forward" }] }))).toHaveLength(1);
        const toHttp = [{ type: "redirect", redirect: { protocol: "HTTP", port: "8080" } }];
        expect(messages(name, res(L, "l", { port: 80, protocol: "HTTP", defaultActions: toHttp }))).toHaveLength(1);
        expect(messages(name, res(L, "l", { port: 5432, protocol: "TCP", defaultActions: [{ type: "forward" }] }))).toEqual([]);
    });
});

describe("aws-s3-bucketreplicationconfig-require-replica-kms-key", () => {
    it("a rule that does not select SSE-KMS objects is reported", () => {
        const rule = {
            id: "r",
            status: "Enabled",
            destination: {
                bucket: "arn:aws:s3:::b",
                encryptionConfiguration: { replicaKmsKeyId: "arn:aws:kms:us-west-2:123456789012:key/k" },
            },
        };
        expect(
            messages(
                "aws-s3-bucketreplicationconfig-require-replica-kms-key",
                res("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "rc", { bucket: "b", rules: [rule] }),
            ),
        ).toEqual([expect.stringMatching(/rule 'r': sourceSelectionCriteria\.sseKmsEncryptedObjects\.status must be "Enabled"/)]);
    });
});
