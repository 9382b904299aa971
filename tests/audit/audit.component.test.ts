import { Audit } from "../../components/audit";
import type { RenderResult } from "../../plan";
import { render } from "../../plan";
import { loadConfig } from "../helpers";

const AUDIT_KEY = "arn:aws:kms:us-east-1:123456789012:key/audit-key";
const TOPIC = "arn:aws:sns:us-east-1:123456789012:strata-prod-alerts";
const DATA_BUCKETS = ["arn:aws:s3:::strata-prod-user-data-1234567", "arn:aws:s3:::strata-prod-workflow-results-7654321"];

function renderAudit(environment: string, overrides: Record<string, unknown> = {}) {
    const cfg = loadConfig({ "strata:environment": environment, ...overrides });
    return render(
        ({ awsProvider }) =>
            new Audit(
                cfg.naming.name("audit"),
                {
                    naming: cfg.naming,
                    environment: cfg.environment,
                    protection: cfg.protection,
                    defaultTags: cfg.defaultTags,
                    ...cfg.audit,
                    region: "us-east-1",
                    dataBucketArns: DATA_BUCKETS,
                    kmsKeyArns: { audit: AUDIT_KEY },
                    alertTopicArn: TOPIC,
                    archiveLogGroups: { eks: { name: "/aws/eks/strata-prod-eks/cluster" }, waf: { name: "aws-waf-logs-strata-prod" } },
                },
                { providers: { aws: awsProvider() } },
            ),
        { stack: environment },
    );
}

describe("Audit (component), prod", () => {
    let r: RenderResult<Audit>;
    beforeAll(async () => {
        r = await renderAudit("prod");
    });

    test("the trail: all regions, global events, log file validation, the audit key, into the audit bucket", () => {
        const trail = r.one("aws:cloudtrail/trail:Trail");
        const bucket = r.one("aws:s3/bucket:Bucket", "strata-prod-audit-trail");
        expect(trail.inputs).toMatchObject({
            name: "strata-prod-trail",
            isMultiRegionTrail: true,
            includeGlobalServiceEvents: true,
            enableLogFileValidation: true,
            enableLogging: true,
            kmsKeyId: AUDIT_KEY,
        });
        expect(trail.propertyDependencies.s3BucketName).toEqual([bucket.urn]);
        expect(trail.options.protect).toBe(true);
    });

    test("the trail waits for the bucket policy that lets it write (CreateTrail checks it) and for the object lock", () => {
        const trail = r.one("aws:cloudtrail/trail:Trail");
        const deps = r.dependenciesOf(trail).map((d) => d.type);
        expect(deps).toContain("aws:s3/bucketPolicy:BucketPolicy");
        expect(deps).toContain("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration");
    });

    test("data events of the data buckets, never of the audit bucket itself", () => {
        const selectors = r.one("aws:cloudtrail/trail:Trail").inputs.advancedEventSelectors as Array<{
            fieldSelectors: Array<{ field: string; startsWith?: string[] }>;
        }>;
        const arns = selectors[1].fieldSelectors.find((f) => f.field === "resources.ARN")!.startsWith;
        expect(arns).toEqual(DATA_BUCKETS.map((a) => `${a}/`));
    });

    test("the audit bucket: audit key, object lock in governance mode for ten years, lifecycle to Deep Archive, confidential", () => {
        const sse = r.one(
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "strata-prod-audit-trail",
        );
        expect(JSON.stringify(sse.inputs.rules)).toContain(AUDIT_KEY);
        const lock = r.one("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", "strata-prod-audit-trail");
        expect(lock.inputs.rule).toEqual({ defaultRetention: { mode: "GOVERNANCE", days: 3653 } });
        const lifecycle = JSON.stringify(
            r.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "strata-prod-audit-trail").inputs,
        );
        expect(lifecycle).toContain('"storageClass":"DEEP_ARCHIVE"');
        expect(lifecycle).toContain('"days":3653');
        const bucket = r.one("aws:s3/bucket:Bucket", "strata-prod-audit-trail");
        expect(bucket.inputs.tags).toMatchObject({ DataClassification: "confidential", Purpose: "audit" });
        expect(bucket.options).toMatchObject({ protect: true, retainOnDelete: true });
    });

    test("the bucket policy grants CloudTrail (this trail) and AWS Config (this account), after TLS-only and KMS-only denies", () => {
        const doc = JSON.parse(String(r.one("aws:s3/bucketPolicy:BucketPolicy", "strata-prod-audit-trail").inputs.policy));
        const sids = doc.Statement.map((s: { Sid: string }) => s.Sid);
        expect(sids).toEqual([
            "DenyInsecureTransport",
            "DenyOutdatedTls",
            "DenyUploadsWithoutKms",
            "DenyUploadsWithAnotherKey",
            "CloudTrailAclCheck",
            "CloudTrailWrite",
            "ConfigAclCheck",
            "ConfigBucketExistenceCheck",
            "ConfigDelivery",
        ]);
        const write = doc.Statement.find((s: { Sid: string }) => s.Sid === "CloudTrailWrite");
        expect(write.Condition.StringEquals["aws:SourceArn"]).toBe("arn:aws:cloudtrail:us-east-1:123456789012:trail/strata-prod-trail");
    });

    test("AWS Config: a recorder of every supported type through its role, a delivery channel to the bucket under the audit key, recording on last", () => {
        const recorder = r.one("aws:cfg/recorder:Recorder");
        expect(recorder.inputs.recordingGroup).toEqual({ allSupported: true, includeGlobalResourceTypes: true });
        const channel = r.one("aws:cfg/deliveryChannel:DeliveryChannel");
        expect(channel.inputs).toMatchObject({
            s3KmsKeyArn: AUDIT_KEY,
            snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
        });
        expect(r.dependenciesOf(channel).map((d) => d.urn)).toContain(recorder.urn);
        const status = r.one("aws:cfg/recorderStatus:RecorderStatus");
        expect(status.inputs.isEnabled).toBe(true);
        expect(r.dependenciesOf(status).map((d) => d.urn)).toContain(channel.urn);
        const attachment = r.one("aws:iam/rolePolicyAttachment:RolePolicyAttachment");
        expect(attachment.inputs.policyArn).toBe("arn:aws:iam::aws:policy/service-role/AWS_ConfigRole");
        const role = JSON.parse(String(r.byName("strata-prod-config-role", "aws:iam/role:Role").inputs.assumeRolePolicy));
        expect(role.Statement[0].Principal).toEqual({ Service: "config.amazonaws.com" });
    });

    test("GuardDuty: a detector publishing every 15 minutes, with S3, EKS audit log and RDS login protection; no runtime agent", () => {
        const detector = r.one("aws:guardduty/detector:Detector");
        expect(detector.inputs).toEqual({ enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" });
        const features = r.ofType("aws:guardduty/detectorFeature:DetectorFeature").map((f) => [f.inputs.name, f.inputs.status]);
        expect(features.sort()).toEqual([
            ["EKS_AUDIT_LOGS", "ENABLED"],
            ["RDS_LOGIN_EVENTS", "ENABLED"],
            ["S3_DATA_EVENTS", "ENABLED"],
        ]);
    });

    test("Security Hub: no default standards, FSBP v1.0.0 and CIS v3.0.0 subscribed after the hub, after the recorder", () => {
        const hub = r.one("aws:securityhub/account:Account");
        expect(hub.inputs).toMatchObject({ enableDefaultStandards: false, controlFindingGenerator: "SECURITY_CONTROL" });
        expect(r.dependenciesOf(hub).map((d) => d.type)).toContain("aws:cfg/recorder:Recorder");
        const subscriptions = r.ofType("aws:securityhub/standardsSubscription:StandardsSubscription");
        expect(subscriptions.map((s) => s.inputs.standardsArn).sort()).toEqual([
            "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0",
            "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
        ]);
        for (const s of subscriptions) expect(r.dependenciesOf(s).map((d) => d.urn)).toContain(hub.urn);
    });

    test("high and critical findings of GuardDuty and Security Hub go to the alert topic", () => {
        const targets = r.ofType("aws:cloudwatch/eventTarget:EventTarget");
        expect(targets.map((t) => t.inputs.arn)).toEqual([TOPIC, TOPIC]);
        const patterns = r.ofType("aws:cloudwatch/eventRule:EventRule").map((x) => JSON.parse(String(x.inputs.eventPattern)).source[0]);
        expect(patterns.sort()).toEqual(["aws.guardduty", "aws.securityhub"]);
    });
});

describe("Audit (component), prod: the log archive", () => {
    let r: RenderResult<Audit>;
    beforeAll(async () => {
        r = await renderAudit("prod");
    });

    test("a Firehose stream per archived log group into the audit bucket under logs/<source>/, encrypted with the audit key", () => {
        const streams = r.ofType("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream");
        expect(streams.map((s) => s.inputs.name).sort()).toEqual(["strata-prod-archive-eks", "strata-prod-archive-waf"]);
        const eks = streams.find((s) => s.inputs.name === "strata-prod-archive-eks")!;
        expect(eks.inputs.serverSideEncryption).toEqual({ enabled: true, keyType: "CUSTOMER_MANAGED_CMK", keyArn: AUDIT_KEY });
        expect(eks.inputs.extendedS3Configuration).toMatchObject({
            prefix: "logs/eks/!{timestamp:yyyy/MM/dd}/",
            compressionFormat: "UNCOMPRESSED",
            kmsKeyArn: AUDIT_KEY,
        });
        const bucket = r.one("aws:s3/bucket:Bucket");
        expect(r.transitiveDependenciesOf(eks).has(bucket.urn)).toBe(true);
        expect(r.dependenciesOf(eks).map((d) => d.type)).toContain("aws:s3/bucketPolicy:BucketPolicy");
    });

    test("a subscription filter on each log group sends every record (empty pattern) through a role CloudWatch Logs assumes", () => {
        const filters = r.ofType("aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter");
        expect(filters.map((f) => [f.inputs.logGroup, f.inputs.filterPattern]).sort()).toEqual([
            ["/aws/eks/strata-prod-eks/cluster", ""],
            ["aws-waf-logs-strata-prod", ""],
        ]);
        const logsRole = r.byName("strata-prod-archive-logs", "aws:iam/role:Role");
        const trust = JSON.parse(String(logsRole.inputs.assumeRolePolicy)).Statement[0];
        expect([trust.Principal, trust.Condition]).toEqual([
            { Service: "logs.amazonaws.com" },
            { StringLike: { "aws:SourceArn": "arn:aws:logs:us-east-1:123456789012:*" } },
        ]);
        const put = JSON.parse(String(r.byName("strata-prod-archive-logs", "aws:iam/rolePolicy:RolePolicy").inputs.policy)).Statement[0];
        expect(put.Action).toEqual(["firehose:PutRecord", "firehose:PutRecordBatch"]);
        expect(put.Resource).toHaveLength(2);
    });

    test("Firehose's role: assumed for this account only, writes under logs/ of the audit bucket with the audit key through S3", () => {
        const trust = JSON.parse(String(r.byName("strata-prod-archive-firehose", "aws:iam/role:Role").inputs.assumeRolePolicy))
            .Statement[0];
        expect(trust.Condition).toEqual({ StringEquals: { "sts:ExternalId": "123456789012" } });
        const doc = JSON.parse(String(r.byName("strata-prod-archive-firehose", "aws:iam/rolePolicy:RolePolicy").inputs.policy));
        const write = doc.Statement.find((x: { Sid: string }) => x.Sid === "WriteArchive");
        expect(write.Resource.every((x: string) => /\/logs(-errors)?\/\*$/.test(x))).toBe(true);
        const kms = doc.Statement.find((x: { Sid: string }) => x.Sid === "EncryptArchive");
        expect(kms.Condition.StringEquals["kms:ViaService"]).toBe("s3.us-east-1.amazonaws.com");
    });
});

describe("Audit (component), dev: the trail only", () => {
    let r: RenderResult<Audit>;
    beforeAll(async () => {
        r = await renderAudit("dev");
    });

    test("a trail into a 90-day audit bucket without object lock; no singletons and no findings rules", () => {
        expect(r.one("aws:cloudtrail/trail:Trail").inputs.enableLogFileValidation).toBe(true);
        expect(r.ofType("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration")).toEqual([]);
        expect(JSON.stringify(r.one("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs)).toContain('"days":90');
        for (const type of [
            "aws:guardduty/detector:Detector",
            "aws:securityhub/account:Account",
            "aws:cfg/recorder:Recorder",
            "aws:cloudwatch/eventRule:EventRule",
            "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        ])
            expect(r.ofType(type)).toEqual([]);
        // Without AWS Config the bucket policy grants CloudTrail only.
        const doc = JSON.parse(String(r.one("aws:s3/bucketPolicy:BucketPolicy").inputs.policy));
        expect(doc.Statement.map((s: { Sid: string }) => s.Sid)).not.toContain("ConfigDelivery");
    });
});

describe("Audit (component): adopting the account's singletons", () => {
    test("adopt creates no singleton and changes none of its settings; the findings rules still forward to the topic", async () => {
        const r = await renderAudit("staging", {
            "strata:audit": { guardDuty: { mode: "adopt" }, securityHub: { mode: "adopt" }, config: { mode: "adopt" } },
        });
        for (const type of ["aws:guardduty/detector:Detector", "aws:securityhub/account:Account", "aws:cfg/recorder:Recorder"])
            expect(r.ofType(type)).toEqual([]);
        expect(r.ofType("aws:cloudwatch/eventRule:EventRule")).toHaveLength(2);
        // An adopted detector is read, never changed: its owner decides its protection plans.
        expect(r.ofType("aws:guardduty/detectorFeature:DetectorFeature")).toEqual([]);
    });
});
