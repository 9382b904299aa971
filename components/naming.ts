/**
 * One naming helper for every resource: `<prefix>-<component>-<role>`, where the prefix is `<strata:name>-<stack>`.
 * Names AWS limits are checked here, so a name that is too long fails in config validation rather than ten
 * minutes into a deploy. Pulumi's auto-naming appends "-" and 7 random characters to a logical name.
 */
export const AUTONAME_SUFFIX_LENGTH = 8;

/** AWS name limits (characters) for the names Strata sets or lets Pulumi derive. */
export const AWS_NAME_LIMITS = {
    /** RDS DB instance identifier: 1-63, letters, digits, hyphens, starts with a letter. */
    rdsIdentifier: 63,
    /** ElastiCache replication group id: 1-40, lower-case, starts with a letter. */
    elasticacheReplicationGroupId: 40,
    /** S3 bucket name: 3-63, lower-case. */
    s3Bucket: 63,
    /** IAM role name: 64. */
    iamRole: 64,
    /** EKS cluster name: 100. */
    eksCluster: 100,
    /** EKS node group name: 63. */
    eksNodeGroup: 63,
    /** Security group name: 255. */
    securityGroup: 255,
    /** KMS alias (after "alias/"): 256. */
    kmsAlias: 250,
    /** SQS queue name: 80 (".fifo" included). */
    sqsQueue: 80,
    /** RDS / ElastiCache parameter and subnet group names: 255. */
    dbSubnetGroup: 255,
    /** Secrets Manager secret name: 512. */
    secret: 512,
    /** CloudWatch log group name: 512. */
    logGroup: 512,
    /** WAF web ACL name: 128. */
    wafWebAcl: 128,
    /** Load balancer name (ALB): 32. */
    loadBalancer: 32,
    /** CodeBuild project name: 2-150 (CodeBuild API reference, CreateProject `name`). */
    codebuildProject: 150,
    /** ECR repository name: 2-256 (ECR API reference, CreateRepository `repositoryName`). */
    ecrRepository: 256,
    /** Amazon MQ broker name: 1-50 letters, digits, hyphens and underscores (Amazon MQ API reference, CreateBroker `brokerName`). */
    mqBrokerName: 50,
} as const;

export type AwsNameKind = keyof typeof AWS_NAME_LIMITS;

/** Thrown for a name over its AWS limit (config validation turns these into ConfigErrors). */
export class NameTooLongError extends Error {
    constructor(
        public readonly kind: AwsNameKind,
        public readonly value: string,
        public readonly limit: number,
    ) {
        super(`${kind} name "${value}" is ${value.length} characters; AWS allows ${limit}`);
    }
}

export class Naming {
    /** @param prefix `<strata:name>-<stack>`, lower-case letters, digits and hyphens. */
    constructor(public readonly prefix: string) {
        if (!/^[a-z][a-z0-9-]*$/.test(prefix) || prefix.includes("--") || prefix.endsWith("-")) {
            throw new Error(`naming prefix "${prefix}" must be lower-case letters, digits and single hyphens, starting with a letter`);
        }
    }

    /** Logical (Pulumi) name: `<prefix>-<parts...>`. Auto-named physical names derive from it. */
    public name(...parts: string[]): string {
        return [this.prefix, ...parts.filter((p) => p.length > 0)].join("-");
    }

    /** An explicit physical name of a given kind, checked against the AWS limit. */
    public physical(kind: AwsNameKind, ...parts: string[]): string {
        const value = this.name(...parts);
        assertNameFits(kind, value, false);
        return value;
    }

    /** A logical name whose physical name Pulumi auto-generates (adds 8 characters), checked against the limit. */
    public autoNamed(kind: AwsNameKind, ...parts: string[]): string {
        const value = this.name(...parts);
        assertNameFits(kind, value, true);
        return value;
    }
}

/** Checks a name (plus Pulumi's random suffix when auto-named) against the AWS limit of its kind. */
export function assertNameFits(kind: AwsNameKind, value: string, autoNamed: boolean): void {
    const limit = AWS_NAME_LIMITS[kind];
    const length = value.length + (autoNamed ? AUTONAME_SUFFIX_LENGTH : 0);
    if (length > limit) throw new NameTooLongError(kind, autoNamed ? `${value}-xxxxxxx` : value, limit);
}

/** The naming prefix of a stack: `<name>-<stack>`, lower-cased, runs of other characters folded to one hyphen. */
export function namingPrefix(name: string, stack: string): string {
    return `${name}-${stack}`
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/-+/g, "-")
        .replace(/^-|-$/g, "");
}
