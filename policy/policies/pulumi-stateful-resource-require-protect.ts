import { resourcePolicy } from "../lib/metadata";

/** Resource types that hold data a replacement or delete would lose. */
export const STATEFUL_TYPES = [
    "aws:rds/instance:Instance",
    "aws:rds/cluster:Cluster",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketV2:BucketV2",
    "aws:ebs/volume:Volume",
    "aws:efs/fileSystem:FileSystem",
    "aws:dynamodb/table:Table",
    "aws:ecr/repository:Repository",
];

export const pulumiStatefulResourceRequireProtect = resourcePolicy({
    name: "pulumi-stateful-resource-require-protect",
    description: "Stateful resources must be created with Pulumi's `protect` option.",
    checks: `\`opts.protect\` is true on ${STATEFUL_TYPES.map((t) => "`" + t.split(":").pop() + "`").join(", ")} (RDS, ElastiCache, S3, EBS, EFS, DynamoDB, ECR).`,
    category: "data-protection",
    severity: "medium",
    controls: { other: ["Pulumi protect / retainOnDelete", "AWS Well-Architected REL09 (back up data)"] },
    validateResource: (args, reportViolation) => {
        if (!STATEFUL_TYPES.includes(args.type)) args.notApplicable(`'${args.type}' is not a stateful type`);
        if (!args.opts.protect) reportViolation("set the resource option protect: true (and retainOnDelete).");
    },
});
