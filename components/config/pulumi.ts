import * as pulumi from "@pulumi/pulumi";
import type { PlatformConfig } from "./load";
import { loadPlatformConfig } from "./load";

/**
 * Reads and validates this stack's configuration from Pulumi (the only place besides index.ts that reads
 * Pulumi config). Throws a ConfigError, which Pulumi prints without a stack trace, before any resource exists.
 */
export function loadStackConfig(): PlatformConfig {
    return loadPlatformConfig(pulumi.runtime.allConfig(), { project: pulumi.getProject(), stack: pulumi.getStack() });
}
