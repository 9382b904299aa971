import {
    S3_READ_ACTIONS,
    S3_WRITE_ACTIONS,
    SQS_CONSUME_ACTIONS,
    SQS_PRODUCE_ACTIONS,
    workloadPolicyStatements,
} from "../../components/service/iam";

const bucket = (name: string, access: "read" | "readwrite") => ({
    arn: `arn:aws:s3:::${name}`,
    objectsArn: `arn:aws:s3:::${name}/*`,
    access,
});
const queue = (name: string, access: "consume" | "produce" | "both") => ({ arn: `arn:aws:sqs:us-east-1:123456789012:${name}`, access });
const KEY = "arn:aws:kms:us-east-1:123456789012:key/1";
const bySid = (statements: ReturnType<typeof workloadPolicyStatements>) =>
    Object.fromEntries(statements.map((s) => [s.Sid, { Action: s.Action, Resource: s.Resource }]));

test("nothing declared: no statements (and no role)", () => {
    expect(workloadPolicyStatements("us-east-1", [], [], KEY)).toEqual([]);
});

test("buckets: list the buckets, read all objects, write only the read-write ones' objects", () => {
    const sids = bySid(workloadPolicyStatements("us-east-1", [bucket("a", "read"), bucket("b", "readwrite")], []));
    expect(sids).toEqual({
        ListDeclaredBuckets: { Action: ["s3:ListBucket"], Resource: ["arn:aws:s3:::a", "arn:aws:s3:::b"] },
        ReadDeclaredBuckets: { Action: S3_READ_ACTIONS, Resource: ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"] },
        WriteDeclaredBuckets: { Action: S3_WRITE_ACTIONS, Resource: ["arn:aws:s3:::b/*"] },
    });
    expect([S3_READ_ACTIONS, S3_WRITE_ACTIONS]).toEqual([["s3:GetObject"], ["s3:PutObject", "s3:DeleteObject"]]);
    expect(Object.keys(bySid(workloadPolicyStatements("us-east-1", [bucket("a", "read")], [])))).toEqual([
        "ListDeclaredBuckets",
        "ReadDeclaredBuckets",
    ]);
});

test.each([
    ["consume", ["ConsumeDeclaredQueues"]],
    ["produce", ["ProduceToDeclaredQueues"]],
    ["both", ["ConsumeDeclaredQueues", "ProduceToDeclaredQueues"]],
] as const)("a queue with access %s", (access, sids) => {
    const statements = workloadPolicyStatements("us-east-1", [], [queue("q", access)]);
    expect(statements.map((s) => s.Sid)).toEqual(sids);
    for (const s of statements) expect(s.Resource).toEqual(["arn:aws:sqs:us-east-1:123456789012:q"]);
    expect(statements.map((s) => s.Action)).toEqual(
        sids.map((sid) => (sid === "ConsumeDeclaredQueues" ? SQS_CONSUME_ACTIONS : SQS_PRODUCE_ACTIONS)),
    );
});

test.each([
    ["buckets only", [bucket("a", "read")], [], ["s3.eu-west-1.amazonaws.com"]],
    ["queues only", [], [queue("q", "consume")], ["sqs.eu-west-1.amazonaws.com"]],
    ["both", [bucket("a", "read")], [queue("q", "consume")], ["s3.eu-west-1.amazonaws.com", "sqs.eu-west-1.amazonaws.com"]],
])("the data key only through the services used (%s)", (_name, buckets, queues, via) => {
    const key = workloadPolicyStatements("eu-west-1", buckets, queues, KEY).find((s) => s.Sid === "DataKeyThroughS3AndSqs")!;
    expect([key.Effect, key.Action, key.Resource, key.Condition]).toEqual([
        "Allow",
        ["kms:Decrypt", "kms:GenerateDataKey"],
        KEY,
        { StringEquals: { "kms:ViaService": via } },
    ]);
});

test("without a data key, no KMS statement; every statement allows", () => {
    const statements = workloadPolicyStatements("us-east-1", [bucket("a", "readwrite")], [queue("q", "both")]);
    expect(statements.some((s) => s.Sid === "DataKeyThroughS3AndSqs")).toBe(false);
    expect(new Set(statements.map((s) => s.Effect))).toEqual(new Set(["Allow"]));
});
