import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { Tags } from "./tags";

export interface AwsProviderArgs {
    region: string;
    /** Default tags applied to every taggable resource created through this provider. */
    defaultTags: Tags;
    /** Refuse to deploy into another account than this one (the stack's `strata:accountId`), if set. */
    allowedAccountIds?: string[];
}

/**
 * The explicit, region-pinned, tagged AWS provider. Pulumi.yaml disables the default aws provider, so every
 * AWS resource must reach one of these, through `parent: this` inheritance or the `providers` option.
 */
export function createAwsProvider(name: string, args: AwsProviderArgs, opts?: pulumi.CustomResourceOptions): aws.Provider {
    return new aws.Provider(
        name,
        {
            region: args.region as aws.Region,
            defaultTags: { tags: args.defaultTags },
            allowedAccountIds: args.allowedAccountIds,
        },
        opts,
    );
}
