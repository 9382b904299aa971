import type { RegistryArgs } from "../../components/registry";
import { Registry } from "../../components/registry";
import { render } from "../../plan";
import { loadConfig } from "../helpers";

export const DATA_KEY = "arn:aws:kms:us-east-1:123456789012:key/data-key";

/** Renders the Registry alone with an environment's settings, the data key and whatever `extra` adds or overrides. */
export function renderRegistry(environment: string, extra: Partial<RegistryArgs> = {}) {
    const cfg = loadConfig({ "strata:environment": environment });
    return render(
        ({ awsProvider }) =>
            new Registry(
                cfg.naming.name("registry"),
                {
                    naming: cfg.naming,
                    environment: cfg.environment,
                    protection: cfg.protection,
                    defaultTags: cfg.defaultTags,
                    untaggedExpiryDays: cfg.registry.untaggedExpiryDays,
                    keepTaggedImages: cfg.registry.keepTaggedImages,
                    kmsKeyArns: { data: DATA_KEY },
                    ...extra,
                },
                { providers: { aws: awsProvider() } },
            ),
        { stack: environment },
    );
}
