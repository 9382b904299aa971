import { resourcePolicy } from "../lib/metadata";
import { TAGGABLE_AWS_TYPES } from "../lib/taggableTypes.generated";
import { providerDefaultTags, tagMap } from "../lib/values";

export const DEFAULT_REQUIRED_TAGS = ["Project", "Environment", "Owner", "CostCenter", "ManagedBy"];

export interface RequireTagsConfig {
    /** Tag keys every taggable AWS resource must carry with a non-empty value. */
    requiredTags: string[];
    /** The stack's `strata:environment`: the `Environment` tag must equal it (unchecked when unset). */
    environment?: string;
}

export const awsResourceRequireTags = resourcePolicy({
    name: "aws-resource-require-tags",
    description: "Every taggable AWS resource must carry the required tags, and Environment must match the stack's environment.",
    checks:
        "For each type in the generated taggable list (policy/lib/taggableTypes.generated.ts, from @pulumi/aws's type " +
        "definitions), merges the provider's default tags (`args.provider.props.defaultTags`, a JSON string; only for types " +
        "with a `tagsAll` output) with the resource's own `tags`, and requires each of `requiredTags` (config) with a " +
        "non-empty value; `Environment` must equal the `environment` config value, which policy/config/<env>.json sets.",
    category: "tagging",
    severity: "medium",
    controls: { other: ['FSBP tagging controls ("<resource> should be tagged")', "AWS tagging best practices (cost allocation)"] },
    configSchema: {
        properties: {
            requiredTags: { type: "array", items: { type: "string" }, default: DEFAULT_REQUIRED_TAGS },
            environment: { type: "string", enum: ["dev", "staging", "prod"] },
        },
    },
    validateResource: (args, reportViolation) => {
        const defaultTagsApply = TAGGABLE_AWS_TYPES[args.type];
        if (defaultTagsApply === undefined) args.notApplicable(`'${args.type}' is not a taggable AWS resource type`);
        const config = args.getConfig<RequireTagsConfig>();
        const required = config.requiredTags ?? DEFAULT_REQUIRED_TAGS;
        const tags = { ...(defaultTagsApply ? providerDefaultTags(args.provider) : {}), ...tagMap(args.props.tags) };
        const missing = required.filter((k) => !(typeof tags[k] === "string" && tags[k].trim().length > 0));
        if (missing.length > 0) {
            const via = defaultTagsApply
                ? "its own tags or the provider's default tags"
                : "its own tags (default tags do not reach this type)";
            reportViolation(`missing required tag(s) ${missing.join(", ")} (checked ${via}).`);
        }
        if (config.environment && tags.Environment !== undefined && tags.Environment !== config.environment) {
            reportViolation(`tag Environment is '${tags.Environment}' but this stack's environment is '${config.environment}'.`);
        }
    },
});
