import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

export interface EncryptedLogGroupArgs {
    /** The exact log group name. Services that write to a fixed name (EKS, RDS, WAF) need it set explicitly. */
    logGroupName: string;
    retentionInDays: number;
    /** The logs KMS key (its policy lets CloudWatch Logs use it). */
    kmsKeyArn: pulumi.Input<string>;
    tags?: Record<string, string>;
}

/**
 * A CloudWatch log group with retention and KMS encryption: the one way Strata creates log groups, for flow logs,
 * EKS control-plane logs, RDS exports, ElastiCache logs and WAF logs.
 */
export function encryptedLogGroup(name: string, args: EncryptedLogGroupArgs, opts: pulumi.CustomResourceOptions): aws.cloudwatch.LogGroup {
    return new aws.cloudwatch.LogGroup(
        name,
        {
            name: args.logGroupName,
            retentionInDays: args.retentionInDays,
            kmsKeyId: args.kmsKeyArn,
            tags: args.tags,
        },
        opts,
    );
}
