import { partitionOf } from "../catalogue/regions";
import type { PolicyStatement } from "../iam";
import { conditionalServiceAssumeRolePolicy } from "../iam";
import { serviceEndpoint } from "../kms/policies";

/**
 * The log archive as data: CloudWatch Logs groups whose records must outlive CloudWatch's retention (the EKS audit log,
 * the WAF log) are copied by a subscription filter into a Firehose stream per source, which writes them into the audit
 * bucket under `logs/<source>/`, encrypted with the audit key. CloudWatch Logs sends subscription data gzip-compressed
 * already (Amazon CloudWatch Logs User Guide, "Subscription filters with Amazon Data Firehose"), so the stream does not
 * compress again.
 */

/** The sources whose logs are archived, by key (the stream's name and the bucket prefix carry it). */
export const ARCHIVE_SOURCES = ["eks", "waf"] as const;
export type ArchiveSource = (typeof ARCHIVE_SOURCES)[number];

/** A source's delivery stream name (Firehose names: 1-64 letters, digits, `_ . -`). */
export function archiveStreamName(prefix: string, source: ArchiveSource): string {
    return `${prefix}-archive-${source}`;
}

/** Where a source's records land in the audit bucket (by arrival date), and where Firehose puts records it could not deliver. */
export function archivePrefixes(source: ArchiveSource): { prefix: string; errorOutputPrefix: string } {
    return {
        prefix: `logs/${source}/!{timestamp:yyyy/MM/dd}/`,
        errorOutputPrefix: `logs-errors/${source}/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/`,
    };
}

/**
 * What Firehose's role may do (Amazon Data Firehose Developer Guide, "Grant Firehose access to an Amazon S3
 * destination"): write under `logs/` and `logs-errors/` of the audit bucket, list and locate it, and use the audit key
 * through S3 for objects of that bucket only.
 */
export function firehoseDeliveryStatements(p: { bucketArn: string; kmsKeyArn: string; region: string }): PolicyStatement[] {
    return [
        {
            Sid: "LocateBucket",
            Effect: "Allow",
            Action: ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
            Resource: p.bucketArn,
        },
        {
            Sid: "WriteArchive",
            Effect: "Allow",
            Action: ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload"],
            Resource: [`${p.bucketArn}/logs/*`, `${p.bucketArn}/logs-errors/*`],
        },
        {
            Sid: "EncryptArchive",
            Effect: "Allow",
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Resource: p.kmsKeyArn,
            Condition: {
                StringEquals: { "kms:ViaService": serviceEndpoint("s3", p.region) },
                StringLike: { "kms:EncryptionContext:aws:s3:arn": `${p.bucketArn}/*` },
            },
        },
    ];
}

/**
 * The role CloudWatch Logs assumes to put subscription records into the streams: trusted by CloudWatch Logs for this
 * account's log groups only (`aws:SourceArn`), allowed to put records into these streams only.
 */
export function logsTrustPolicy(region: string, accountId: string): string {
    return conditionalServiceAssumeRolePolicy("logs.amazonaws.com", {
        StringLike: { "aws:SourceArn": `arn:${partitionOf(region)}:logs:${region}:${accountId}:*` },
    });
}

export function logsToFirehoseStatements(streamArns: string[]): PolicyStatement[] {
    return [
        { Sid: "PutSubscriptionRecords", Effect: "Allow", Action: ["firehose:PutRecord", "firehose:PutRecordBatch"], Resource: streamArns },
    ];
}
