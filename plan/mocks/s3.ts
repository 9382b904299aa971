import type * as pulumi from "@pulumi/pulumi";
import type { MockContext, MockModule, ResourceMockResult } from "./types";

/**
 * The bucket's region: the `region` input (AWS provider v7 resource-level region) or the stack's. Mocks do not
 * see which provider a resource uses, so a replica bucket made through a second-region provider reports the
 * stack's region in its regional domain name unless it sets `region`.
 */
function regionOf(args: pulumi.runtime.MockResourceArgs, ctx: MockContext): string {
    return typeof args.inputs.region === "string" ? args.inputs.region : ctx.region;
}

/** Sub-resources of a bucket (encryption, versioning, policy, ...): the provider uses the bucket name as id. */
function byBucket(args: pulumi.runtime.MockResourceArgs): ResourceMockResult {
    return { id: String(args.inputs.bucket), state: { region: args.inputs.region } };
}

/**
 * Object lock on a bucket needs versioning enabled first: "Before you lock any objects, you must enable S3 Versioning
 * and Object Lock" and, for an existing bucket, versioning must be on ("Configuring S3 Object Lock", Amazon S3 User
 * Guide; PutObjectLockConfiguration answers InvalidBucketState otherwise).
 */
function objectLockConfiguration(args: pulumi.runtime.MockResourceArgs, ctx: MockContext): ResourceMockResult {
    const bucket = String(args.inputs.bucket);
    if (ctx.registry.get(`s3Versioning:${bucket}`)?.status !== "Enabled") {
        throw new Error(`InvalidBucketState: Versioning must be 'Enabled' on the bucket ${bucket} to apply an Object Lock configuration`);
    }
    return byBucket(args);
}

/** S3 buckets and their configuration resources. Auto-named buckets get `<logical name>-<7 hex>`, like Pulumi's. */
export const s3: MockModule = {
    resources: {
        "aws:s3/bucket:Bucket": (args, ctx) => {
            const name = String(args.inputs.bucket ?? `${args.name}-${ctx.hex(args.name, 7)}`).toLowerCase();
            const region = regionOf(args, ctx);
            return {
                id: name,
                state: {
                    bucket: name,
                    arn: `arn:${ctx.partition}:s3:::${name}`,
                    bucketDomainName: `${name}.s3.amazonaws.com`,
                    bucketRegionalDomainName: `${name}.s3.${region}.amazonaws.com`,
                    hostedZoneId: "Z3AQBSTGFYJSTF",
                    region,
                    forceDestroy: args.inputs.forceDestroy ?? false,
                    objectLockEnabled: args.inputs.objectLockEnabled ?? false,
                },
            };
        },
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": byBucket,
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls": byBucket,
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": byBucket,
        "aws:s3/bucketVersioning:BucketVersioning": (args, ctx) => {
            const config = args.inputs.versioningConfiguration as { status?: string } | undefined;
            ctx.registry.set(`s3Versioning:${String(args.inputs.bucket)}`, { status: config?.status });
            return byBucket(args);
        },
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": byBucket,
        "aws:s3/bucketPolicy:BucketPolicy": byBucket,
        "aws:s3/bucketLogging:BucketLogging": byBucket,
        "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration": objectLockConfiguration,
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig": byBucket,
    },
};
