import * as path from "path";
import { preflight } from "./preflight";
import { readProjectFile, readStackConfig } from "./stackConfig";
import { ConfigError } from "../components/errors";
import { loadPlatformConfig } from "../components/config/load";

export interface ValidateOptions {
    /** Project root (where Pulumi.yaml is). */
    root: string;
    stack?: string;
    configFile?: string;
}

export interface ValidateResult {
    /** One line per problem (the key, the value, what is allowed); empty when the stack's configuration is valid. */
    problems: string[];
    stack?: string;
    environment?: string;
    region?: string;
    /** Accepted settings worth a warning (the same lines the program prints with pulumi.log.warn). */
    warnings?: string[];
}

/**
 * Validates a stack's configuration the way the program does before it registers anything (the same schema and
 * checks, `loadPlatformConfig`), without starting the mock runtime or loading the program: the fast path of
 * `npm run plan -- --validate`.
 */
export function validateStack(o: ValidateOptions): ValidateResult {
    const root = path.resolve(o.root);
    const checked = preflight({ root, stack: o.stack, configFile: o.configFile });
    if (checked.problems.length > 0) return { problems: checked.problems, stack: checked.stack };
    const project = readProjectFile(root);
    const stackConfig = readStackConfig(project, checked.configFile, checked.stack);
    try {
        const cfg = loadPlatformConfig(stackConfig.config, { project: project.name, stack: stackConfig.stack });
        return { problems: [], stack: stackConfig.stack, environment: cfg.environment, region: cfg.context.region, warnings: cfg.warnings };
    } catch (err) {
        if (ConfigError.is(err)) return { problems: err.problems, stack: stackConfig.stack };
        throw err;
    }
}
