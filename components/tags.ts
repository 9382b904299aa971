import type { Environment } from "./config/environment";

/** The tags every taggable AWS resource carries (through the provider's default tags or explicitly). */
export const REQUIRED_TAG_KEYS = ["Project", "Environment", "Owner", "CostCenter", "ManagedBy"] as const;

/** Data stores carry one more: the class of the data they hold (seed 000's classes). */
export const DATA_CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];
export const DATA_CLASSIFICATION_TAG = "DataClassification";

export type Tags = Record<string, string>;

/**
 * The characters AWS accepts in tag keys and values: letters, numbers and spaces representable in UTF-8, and
 * `_ . : / = + - @` (the pattern `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$` of the Tag key and value in the Resource Groups
 * Tagging API reference; "Tag naming limits and requirements" in the AWS tagging guide). Emoji and most punctuation
 * are refused by the services' TagResource calls, so mid-deploy.
 */
export const AWS_TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
/** Maximum lengths of a tag key and value (same sources). */
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;

export interface TagInputs {
    project: string;
    environment: Environment;
    owner: string;
    costCenter: string;
    /** Extra tags from `strata:tags`; they may not override the required ones. */
    extra?: Tags;
}

/** The default tags of the stack's AWS providers. */
export function buildDefaultTags(inputs: TagInputs): Tags {
    return {
        ...(inputs.extra ?? {}),
        Project: inputs.project,
        Environment: inputs.environment,
        Owner: inputs.owner,
        CostCenter: inputs.costCenter,
        ManagedBy: "pulumi",
    };
}

/** Tags for a data store: its DataClassification, plus the base tags where the provider's default tags do not reach. */
export function dataStoreTags(classification: DataClassification, extra: Tags = {}): Tags {
    return { ...extra, [DATA_CLASSIFICATION_TAG]: classification };
}

/**
 * Tags as EC2 launch template tag specifications / ASG tags want them: provider default tags do not reach the
 * instances and volumes a launch template starts, so they are written out explicitly.
 */
export function tagSpecifications(tags: Tags, resourceTypes: string[] = ["instance", "volume", "network-interface"]) {
    return resourceTypes.map((resourceType) => ({ resourceType, tags: { ...tags } }));
}
