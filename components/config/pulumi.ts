import * as pulumi from "@pulumi/pulumi";
import type { PlatformConfig } from "./load";
import { loadPlatformConfig } from "./load";

/**
 * Reads and validates this stack's configuration from Pulumi (the only place besides index.ts that reads
 * Pulumi config). Prints each config warning with pulumi.log.warn. Throws a ConfigError, which Pulumi prints without a stack trace, before any resource exists.
 */
export function loadStackConfig(): PlatformConfig {
    const config = loadPlatformConfig(pulumi.runtime.allConfig(), { project: pulumi.getProject(), stack: pulumi.getStack() });
    for (const w of config.warnings) void pulumi.log.warn(w);
    return config;
}
