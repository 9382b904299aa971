import {
    auditBucketStatements,
    guardDutyFindingPattern,
    securityHubFindingPattern,
    securityHubStandardArn,
    trailArn,
    trailEventSelectors,
    trailName,
} from "../../components/audit";

const ACCOUNT = "123456789012";
const BUCKET = "arn:aws:s3:::strata-prod-audit-trail-1234567";
const TRAIL = "arn:aws:cloudtrail:us-east-1:123456789012:trail/strata-prod-trail";

describe("the trail's name and ARN", () => {
    test("a fixed name the policies can name before the trail exists, and its home-region ARN", () => {
        expect(trailName("strata-prod")).toBe("strata-prod-trail");
        expect(trailArn("us-east-1", ACCOUNT, "strata-prod-trail")).toBe(TRAIL);
        expect(trailArn("cn-north-1", ACCOUNT, "t")).toBe("arn:aws-cn:cloudtrail:cn-north-1:123456789012:trail/t");
    });
});

describe("auditBucketStatements", () => {
    const statements = auditBucketStatements({ bucketArn: BUCKET, accountId: ACCOUNT, trailArn: TRAIL, configDelivery: true });
    const bySid = (sid: string) => statements.find((s) => s.Sid === sid)!;

    test("CloudTrail checks the ACL of the bucket and writes under AWSLogs/<account>/, for this trail only", () => {
        expect(bySid("CloudTrailAclCheck")).toMatchObject({
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:GetBucketAcl",
            Resource: BUCKET,
            Condition: { StringEquals: { "aws:SourceArn": TRAIL } },
        });
        expect(bySid("CloudTrailWrite")).toMatchObject({
            Action: "s3:PutObject",
            Resource: `${BUCKET}/AWSLogs/${ACCOUNT}/*`,
            Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": TRAIL } },
        });
    });

    test("AWS Config checks, lists and writes under AWSLogs/<account>/Config/, for this account only", () => {
        for (const sid of ["ConfigAclCheck", "ConfigBucketExistenceCheck", "ConfigDelivery"]) {
            expect(bySid(sid).Principal).toEqual({ Service: "config.amazonaws.com" });
            expect(bySid(sid).Condition).toMatchObject({ StringEquals: { "aws:SourceAccount": ACCOUNT } });
        }
        expect(bySid("ConfigBucketExistenceCheck").Action).toBe("s3:ListBucket");
        expect(bySid("ConfigDelivery").Resource).toBe(`${BUCKET}/AWSLogs/${ACCOUNT}/Config/*`);
    });

    test("every grant is an Allow to a service principal: nobody else gains access", () => {
        for (const s of statements) {
            expect(s.Effect).toBe("Allow");
            expect(Object.keys(s.Principal as object)).toEqual(["Service"]);
        }
    });

    test("grants only what writes there: no trail, no CloudTrail statements; no recorder, no Config statements", () => {
        expect(auditBucketStatements({ bucketArn: BUCKET, accountId: ACCOUNT, configDelivery: true }).map((s) => s.Sid)).toEqual([
            "ConfigAclCheck",
            "ConfigBucketExistenceCheck",
            "ConfigDelivery",
        ]);
        expect(
            auditBucketStatements({ bucketArn: BUCKET, accountId: ACCOUNT, trailArn: TRAIL, configDelivery: false }).map((s) => s.Sid),
        ).toEqual(["CloudTrailAclCheck", "CloudTrailWrite"]);
    });
});

describe("trailEventSelectors", () => {
    test("management events always; S3 object events for exactly the data buckets, each as an object prefix", () => {
        const [management, data] = trailEventSelectors(["arn:aws:s3:::a", "arn:aws:s3:::b"]);
        expect(management.fieldSelectors).toEqual([{ field: "eventCategory", equals: ["Management"] }]);
        expect(data.fieldSelectors).toEqual([
            { field: "eventCategory", equals: ["Data"] },
            { field: "resources.type", equals: ["AWS::S3::Object"] },
            { field: "resources.ARN", startsWith: ["arn:aws:s3:::a/", "arn:aws:s3:::b/"] },
        ]);
    });

    test("no data buckets: management events only (the provider refuses an empty startsWith: MinItems 1)", () => {
        expect(trailEventSelectors([])).toHaveLength(1);
    });
});

describe("Security Hub and the findings that page someone", () => {
    test("standards ARNs are regional and account-less", () => {
        expect(securityHubStandardArn("eu-west-1", "cis-aws-foundations-benchmark/v/3.0.0")).toBe(
            "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
        );
    });

    test("GuardDuty findings of severity 7 (high) and above; Security Hub's new, active high and critical ones", () => {
        expect(guardDutyFindingPattern().detail).toEqual({ severity: [{ numeric: [">=", 7] }] });
        expect(guardDutyFindingPattern()["detail-type"]).toEqual(["GuardDuty Finding"]);
        expect(securityHubFindingPattern().detail.findings).toEqual({
            Severity: { Label: ["HIGH", "CRITICAL"] },
            Workflow: { Status: ["NEW"] },
            RecordState: ["ACTIVE"],
        });
    });
});
