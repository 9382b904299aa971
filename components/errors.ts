import * as pulumi from "@pulumi/pulumi";

/** The message of a configuration error: the one problem, or a count and one line per problem. */
export function configErrorMessage(problems: readonly string[]): string {
    return problems.length === 1
        ? `Invalid Strata configuration: ${problems[0]}`
        : `Invalid Strata configuration (${problems.length} problems):\n${problems.map((p) => `  - ${p}`).join("\n")}`;
}

/**
 * A mistake in stack configuration. It extends pulumi.RunError, so the Pulumi CLI prints its message
 * without a stack trace, and the offline plan exits with code 2.
 */
export class ConfigError extends pulumi.RunError {
    /** One line per problem, each naming the full key, the bad value and what is allowed. */
    public readonly problems: string[];
    public readonly isConfigError = true;

    constructor(problems: string[]) {
        super(configErrorMessage(problems));
        this.problems = problems;
        this.name = "ConfigError";
    }

    /** True for ConfigErrors, also across module copies (the plan may load a second copy of this file). */
    static is(err: unknown): err is ConfigError {
        return typeof err === "object" && err !== null && (err as { isConfigError?: unknown }).isConfigError === true;
    }
}
