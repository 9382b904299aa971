/**
 * Amazon Resource Names: `arn:<partition>:<service>:<region>:<account>:<resource>` (AWS Identity and Access Management
 * User Guide, "IAM identifiers" / the AWS General Reference's ARN format). Global services (IAM) leave the region
 * empty; the partition is `aws`, `aws-cn` or `aws-us-gov`.
 */
import type { AwsPartition } from "./catalogue/regions";
import { partitionOf } from "./catalogue/regions";

export interface Arn {
    partition: string;
    service: string;
    region: string;
    account: string;
    resource: string;
}

const PARTITIONS: readonly string[] = ["aws", "aws-cn", "aws-us-gov"];

/** Splits an ARN into its six parts, or says what is wrong with its shape. */
export function parseArn(text: string): Arn | { error: string } {
    const parts = text.split(":");
    if (parts.length < 6 || parts[0] !== "arn") return { error: "is not an ARN (arn:<partition>:<service>:<region>:<account>:<resource>)" };
    const [, partition, service, region, account, ...rest] = parts;
    if (!PARTITIONS.includes(partition))
        return { error: `names the partition "${partition}"; AWS partitions are ${PARTITIONS.join(", ")}` };
    if (!/^[a-z0-9-]+$/.test(service)) return { error: `names the service "${service}", which is not a service namespace` };
    if (account !== "" && !/^\d{12}$/.test(account)) return { error: `names the account "${account}"; an account ID is 12 digits` };
    return { partition, service, region, account, resource: rest.join(":") };
}

/** What an ARN in a config key must name. */
export interface ArnExpectation {
    /** Service namespaces allowed (`acm`, `iam`, `codeconnections`). */
    services: readonly string[];
    /** The stack's region: the ARN's partition must be its partition. */
    stackRegion: string;
    /**
     * `same`: the resource must be in the stack's region (an ALB uses only certificates of its own region); `none`: a
     * global resource, the region part empty (IAM); `any`: not checked.
     */
    region: "same" | "none" | "any";
}

/** Why an ARN does not fit what the key needs, in one sentence, or undefined when it does. */
export function arnProblem(text: string, want: ArnExpectation): string | undefined {
    const arn = parseArn(text);
    if ("error" in arn) return arn.error;
    const partition: AwsPartition = partitionOf(want.stackRegion);
    if (!want.services.includes(arn.service))
        return `is an ARN of the service "${arn.service}"; this key takes ${want.services.join(" or ")} ARNs`;
    if (arn.partition !== partition)
        return `is in the partition "${arn.partition}", but the stack's region ${want.stackRegion} is in "${partition}": use arn:${partition}:...`;
    if (want.region === "same" && arn.region !== want.stackRegion)
        return `is in the region "${arn.region}", but the stack deploys to ${want.stackRegion}; it must be in the same region`;
    if (want.region === "none" && arn.region !== "") return `names the region "${arn.region}"; ${arn.service} ARNs have none`;
    return undefined;
}
