import type * as pulumi from "@pulumi/pulumi";
import type { PolicyStatement } from "../iam";

export const S3_READ_ACTIONS = ["s3:GetObject"];
export const S3_WRITE_ACTIONS = ["s3:PutObject", "s3:DeleteObject"];
export const SQS_CONSUME_ACTIONS = [
    "sqs:ReceiveMessage",
    "sqs:DeleteMessage",
    "sqs:ChangeMessageVisibility",
    "sqs:GetQueueAttributes",
    "sqs:GetQueueUrl",
];
export const SQS_PRODUCE_ACTIONS = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"];

/** A declared bucket: its ARN, the ARN of its objects (`<arn>/*`) and the access the service declared. */
export interface BucketGrant {
    arn: pulumi.Input<string>;
    objectsArn: pulumi.Input<string>;
    access: "read" | "readwrite";
}

/** A declared queue: its ARN and the access the service declared. */
export interface QueueGrant {
    arn: pulumi.Input<string>;
    access: "consume" | "produce" | "both";
}

/**
 * The IAM statements a service's declared buckets and queues grant: exactly those ARNs, nothing else. List on the
 * buckets, read on their objects, write on the read-write ones' objects; consume and produce on the queues; the data
 * key only through S3 and SQS of the region (`kms:ViaService`). ARNs are passed through untouched.
 */
export function workloadPolicyStatements(
    region: string,
    buckets: BucketGrant[],
    queues: QueueGrant[],
    dataKeyArn?: pulumi.Input<string>,
): PolicyStatement[] {
    const statements: PolicyStatement[] = [];
    if (buckets.length > 0) {
        statements.push({ Sid: "ListDeclaredBuckets", Effect: "Allow", Action: ["s3:ListBucket"], Resource: buckets.map((b) => b.arn) });
        statements.push({
            Sid: "ReadDeclaredBuckets",
            Effect: "Allow",
            Action: S3_READ_ACTIONS,
            Resource: buckets.map((b) => b.objectsArn),
        });
        const writable = buckets.filter((b) => b.access === "readwrite");
        if (writable.length > 0) {
            statements.push({
                Sid: "WriteDeclaredBuckets",
                Effect: "Allow",
                Action: S3_WRITE_ACTIONS,
                Resource: writable.map((b) => b.objectsArn),
            });
        }
    }
    const consume = queues.filter((q) => q.access !== "produce");
    const produce = queues.filter((q) => q.access !== "consume");
    if (consume.length > 0)
        statements.push({
            Sid: "ConsumeDeclaredQueues",
            Effect: "Allow",
            Action: SQS_CONSUME_ACTIONS,
            Resource: consume.map((q) => q.arn),
        });
    if (produce.length > 0)
        statements.push({
            Sid: "ProduceToDeclaredQueues",
            Effect: "Allow",
            Action: SQS_PRODUCE_ACTIONS,
            Resource: produce.map((q) => q.arn),
        });
    if (dataKeyArn && (buckets.length > 0 || queues.length > 0)) {
        const via = [
            ...(buckets.length > 0 ? [`s3.${region}.amazonaws.com`] : []),
            ...(queues.length > 0 ? [`sqs.${region}.amazonaws.com`] : []),
        ];
        statements.push({
            Sid: "DataKeyThroughS3AndSqs",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: dataKeyArn,
            Condition: { StringEquals: { "kms:ViaService": via } },
        });
    }
    return statements;
}
