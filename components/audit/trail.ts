import { partitionOf } from "../catalogue/regions";
import type { PolicyStatement } from "../iam";

/**
 * The audit trail as data: its fixed name and ARN, what the audit bucket's policy grants CloudTrail and AWS Config,
 * and the event selectors. The component (./index.ts) creates resources from these.
 */

/** The trail's name: fixed, so the bucket and key policies can name the trail before it exists. */
export function trailName(prefix: string): string {
    return `${prefix}-trail`;
}

/** A trail's ARN in its home region (`arn:<partition>:cloudtrail:<region>:<account>:trail/<name>`). */
export function trailArn(region: string, accountId: string, name: string): string {
    return `arn:${partitionOf(region)}:cloudtrail:${region}:${accountId}:trail/${name}`;
}

/** The key prefix CloudTrail writes under when the trail sets no prefix (CloudTrail User Guide, "Finding your CloudTrail log files"). */
export function trailLogPrefix(accountId: string): string {
    return `AWSLogs/${accountId}/`;
}

/** The key prefix AWS Config delivers configuration history and snapshots under. */
export function configLogPrefix(accountId: string): string {
    return `AWSLogs/${accountId}/Config/`;
}

export interface AuditBucketPolicyInput {
    bucketArn: string;
    accountId: string;
    /** The trail's ARN, when the stack owns a trail writing here. */
    trailArn?: string;
    /** Whether AWS Config's delivery channel writes here. */
    configDelivery: boolean;
}

/**
 * The audit bucket's grants to the services that write into it, beyond the TLS-only and KMS-only statements every
 * bucket has:
 * - CloudTrail checks the bucket ACL and writes under `AWSLogs/<account>/`, for this trail only (`aws:SourceArn`;
 *   CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail"). CreateTrail fails with
 *   InsufficientS3BucketPolicyException without them, so the trail waits for the policy.
 * - AWS Config checks the ACL, lists the bucket and writes under `AWSLogs/<account>/Config/`, for this account only
 *   (AWS Config Developer Guide, "Permissions for the Amazon S3 Bucket for the AWS Config Delivery Channel").
 * Both services write with the `bucket-owner-full-control` canned ACL, which the statements require.
 */
export function auditBucketStatements(p: AuditBucketPolicyInput): PolicyStatement[] {
    const out: PolicyStatement[] = [];
    if (p.trailArn) {
        const fromTrail = { "aws:SourceArn": p.trailArn };
        out.push(
            {
                Sid: "CloudTrailAclCheck",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:GetBucketAcl",
                Resource: p.bucketArn,
                Condition: { StringEquals: fromTrail },
            },
            {
                Sid: "CloudTrailWrite",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: `${p.bucketArn}/${trailLogPrefix(p.accountId)}*`,
                Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", ...fromTrail } },
            },
        );
    }
    if (p.configDelivery) {
        const fromAccount = { "aws:SourceAccount": p.accountId };
        out.push(
            {
                Sid: "ConfigAclCheck",
                Effect: "Allow",
                Principal: { Service: "config.amazonaws.com" },
                Action: "s3:GetBucketAcl",
                Resource: p.bucketArn,
                Condition: { StringEquals: fromAccount },
            },
            {
                Sid: "ConfigBucketExistenceCheck",
                Effect: "Allow",
                Principal: { Service: "config.amazonaws.com" },
                Action: "s3:ListBucket",
                Resource: p.bucketArn,
                Condition: { StringEquals: fromAccount },
            },
            {
                Sid: "ConfigDelivery",
                Effect: "Allow",
                Principal: { Service: "config.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: `${p.bucketArn}/${configLogPrefix(p.accountId)}*`,
                Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", ...fromAccount } },
            },
        );
    }
    return out;
}

/**
 * The trail's advanced event selectors: every management event (read and write), and S3 object-level data events
 * for the given buckets (a trailing slash makes each ARN a prefix of that bucket's objects only). CloudTrail charges
 * data events from the first copy (aws.amazon.com/cloudtrail/pricing), so they are recorded for the data buckets
 * only, never for the audit bucket itself (which would log its own log deliveries).
 */
export function trailEventSelectors(dataBucketArns: string[]) {
    const management = {
        name: "Management events",
        fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }],
    };
    if (dataBucketArns.length === 0) return [management];
    return [
        management,
        {
            name: "S3 data events of the data buckets",
            fieldSelectors: [
                { field: "eventCategory", equals: ["Data"] },
                { field: "resources.type", equals: ["AWS::S3::Object"] },
                { field: "resources.ARN", startsWith: dataBucketArns.map((arn) => `${arn}/`) },
            ],
        },
    ];
}

/**
 * The audit key's statements for the trail and AWS Config (CloudTrail User Guide, "Configure AWS KMS key policies for
 * CloudTrail"; AWS Config Developer Guide, "Permissions for the KMS Key"): CloudTrail generates data keys for trails
 * of this account only (the encryption context names the trail, `aws:SourceArn` the calling trail) and describes
 * the key when the trail is created or updated; AWS Config encrypts deliveries for this account only. People of the
 * account read the logs through IAM (the administration statement delegates to IAM).
 */
export function auditKeyServiceStatements(c: { accountId: string; region: string }): PolicyStatement[] {
    const trails = `arn:${partitionOf(c.region)}:cloudtrail:*:${c.accountId}:trail/*`;
    return [
        {
            Sid: "CloudTrailEncryptsLogs",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:GenerateDataKey*",
            Resource: "*",
            Condition: {
                StringEquals: { "aws:SourceAccount": c.accountId },
                StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": trails },
                ArnLike: { "aws:SourceArn": trails },
            },
        },
        {
            Sid: "CloudTrailDescribesKey",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:DescribeKey",
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": c.accountId }, ArnLike: { "aws:SourceArn": trails } },
        },
        {
            Sid: "ConfigEncryptsDeliveries",
            Effect: "Allow",
            Principal: { Service: "config.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": c.accountId } },
        },
    ];
}
