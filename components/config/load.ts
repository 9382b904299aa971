import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ConfigError, formatZodError, keyPath, showValue, suggest, unwrapSchema } from "./errors";
import type { Environment } from "./environment";
import { ENVIRONMENTS } from "./environment";
import type { PlatformSettings } from "./schema";
import { CHECKS, platformSchema, TOP_LEVEL_KEYS } from "./schema";
import { secretEnvConfigKeys } from "./services";
import { imagePullSecretConfigKeys, pullThroughCacheConfigKeys } from "./registry";
import { UPSTREAMS, credentialsProblem } from "../registry/pullThroughCache";
import { foreignKeyProblems } from "./keys";
import { monitoringSecretConfigKeys } from "./monitoring";
import { Naming, namingPrefix } from "../naming";
import type { Tags } from "../tags";
import { buildDefaultTags } from "../tags";
import { AWS_REGIONS, isKnownRegion } from "../catalogue/regions";
import { prodSafetyProblems } from "./prodSafety";
import { today } from "../exceptions";

/** Where a stack runs: from Pulumi (project, stack) and `aws:region`. */
export interface StackContext {
    project: string;
    stack: string;
    region: string;
}

/** Validated configuration with presets applied, plus what every component needs to name and tag things. */
export interface PlatformConfig extends PlatformSettings {
    context: StackContext;
    /** `<strata:name>-<stack>` naming helper. */
    naming: Naming;
    /** Default tags for the AWS providers. */
    defaultTags: Tags;
    /** Values of the config keys services reference in `secretEnv` (and Alertmanager receivers name), as Pulumi secrets. */
    secretValues: Record<string, pulumi.Output<string>>;
    /** Accepted settings the user should know about, one line each (key, value, why, the fix): printed, never failing. */
    warnings: string[];
}

/**
 * Decodes raw Pulumi config (every value a string; objects and arrays as JSON) for one top-level key, by the
 * type its schema expects.
 */
function decode(schema: z.ZodTypeAny | undefined, raw: string): unknown {
    const base = schema ? unwrapSchema(schema) : undefined;
    if (base instanceof z.ZodObject || base instanceof z.ZodArray || base instanceof z.ZodRecord) {
        try {
            return JSON.parse(raw);
        } catch {
            return raw; // zod then reports "is a string; expected object"
        }
    }
    if (base instanceof z.ZodNumber) return /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
    if (base instanceof z.ZodBoolean) return raw === "true" ? true : raw === "false" ? false : raw;
    return raw;
}

/**
 * The config keys the services' `secretEnv` names, read from the raw value before validation: they are the user's
 * secrets (`pulumi config set --secret llmApiKey` puts one in the project's namespace, `strata:llmApiKey`), not
 * misspelt keys.
 */
function secretKeysNamed(raw: Record<string, string>): Set<string> {
    const keys = new Set<string>();
    try {
        const services = JSON.parse(raw["strata:services"] ?? "{}") as Record<
            string,
            { secretEnv?: Record<string, unknown>; imagePullSecret?: unknown }
        >;
        for (const s of Object.values(services ?? {})) {
            for (const k of Object.values(s?.secretEnv ?? {})) if (typeof k === "string") keys.add(k);
            if (typeof s?.imagePullSecret === "string") keys.add(s.imagePullSecret);
        }
    } catch {
        // Not JSON: the schema reports it.
    }
    try {
        const ptc = (
            JSON.parse(raw["strata:registry"] ?? "{}") as { pullThroughCache?: Record<string, { credentialsConfigKey?: unknown }> }
        )?.pullThroughCache;
        for (const u of Object.values(ptc ?? {})) if (typeof u?.credentialsConfigKey === "string") keys.add(u.credentialsConfigKey);
    } catch {
        // Not JSON: the schema reports it.
    }
    return keys;
}

/** Unknown top-level `strata:` keys, with "did you mean"; keys a secretEnv names are the user's secrets. */
function unknownStrataKeyProblems(raw: Record<string, string>, secrets: ReadonlySet<string>): string[] {
    return Object.keys(raw)
        .filter((k) => k.startsWith("strata:") && !TOP_LEVEL_KEYS.includes(k.slice("strata:".length)) && !secrets.has(k))
        .map((fullKey) => {
            const hint = suggest(fullKey.slice("strata:".length), TOP_LEVEL_KEYS);
            return `${fullKey}: unknown key${hint ? ` (did you mean "strata:${hint}"?)` : ""}; allowed keys: ${TOP_LEVEL_KEYS.map((k) => `strata:${k}`).join(", ")}`;
        });
}

/**
 * Validates a stack's configuration. `raw` is every config value of the stack as Pulumi gives it
 * (`namespace:key` -> string). Throws a ConfigError listing every problem; registers nothing.
 */
export function loadPlatformConfig(raw: Record<string, string>, ctx: { project: string; stack: string }): PlatformConfig {
    // Every misspelt key is named first: a typo of a required key would otherwise read as "required".
    const secrets = secretKeysNamed(raw);
    const problems: string[] = [
        ...foreignKeyProblems(Object.keys(raw), TOP_LEVEL_KEYS, secrets),
        ...unknownStrataKeyProblems(raw, secrets),
    ];

    const region = raw["aws:region"];
    if (region === undefined)
        problems.push(`aws:region: is required (for example us-east-1); set it with 'pulumi config set aws:region us-east-1'`);
    else if (!isKnownRegion(region)) {
        const hint = suggest(region, AWS_REGIONS);
        problems.push(
            `aws:region: ${showValue(region)} is not an AWS region${hint ? ` (did you mean "${hint}"?)` : ""}; regions: ${AWS_REGIONS.join(", ")}`,
        );
    }

    const envRaw = raw["strata:environment"];
    if (envRaw === undefined) {
        problems.push(`strata:environment: is required; set it to one of: ${ENVIRONMENTS.join(", ")}`);
        throw new ConfigError(problems);
    }
    if (!(ENVIRONMENTS as readonly string[]).includes(envRaw)) {
        problems.push(
            `strata:environment: ${showValue(envRaw)} is not allowed; expected one of: ${ENVIRONMENTS.map((e) => JSON.stringify(e)).join(", ")}`,
        );
        throw new ConfigError(problems);
    }
    const env = envRaw as Environment;
    const schema = platformSchema(env);
    const shape = schema.shape as Record<string, z.ZodTypeAny>;

    const input: Record<string, unknown> = {};
    for (const [fullKey, value] of Object.entries(raw)) {
        if (!fullKey.startsWith("strata:")) continue;
        const key = fullKey.slice("strata:".length);
        if (key in shape) input[key] = decode(shape[key], value);
    }

    const parsed = schema.safeParse(input);
    if (!parsed.success) {
        problems.push(...formatZodError(parsed.error, input, schema));
        throw new ConfigError(problems);
    }
    const settings = parsed.data;

    let naming: Naming | undefined;
    const prefix = namingPrefix(settings.name, ctx.stack);
    try {
        naming = new Naming(prefix);
    } catch {
        problems.push(
            `strata:name: together with the stack name "${ctx.stack}" gives the prefix "${prefix}", which is not a valid resource name prefix (lower-case letters, digits, hyphens, starting with a letter)`,
        );
    }
    const warnings: string[] = [];
    if (naming && region !== undefined) {
        const line = (path: Array<string | number>, message: string) =>
            `${keyPath(path)}: ${message.startsWith("!") ? message.slice(1) : message}`;
        const report = (path: Array<string | number>, message: string) => {
            problems.push(line(path, message));
        };
        const warn = (path: Array<string | number>, message: string) => {
            warnings.push(line(path, message));
        };
        const context = { region, stack: ctx.stack, configKeys: new Set(Object.keys(raw)), naming, warn };
        for (const c of CHECKS) c.check(settings, report, context);
        // Settings that weaken what staging and prod promise need an exception naming the policy they would violate.
        // (An unreadable STRATA_TODAY is reported by the cluster's version check.)
        const day = today();
        if (day !== undefined) problems.push(...prodSafetyProblems(settings, naming, day));
        // A cache's credentials are <user>:<token> (the secret JSON's username and accessToken): the shape is checked
        // here, where the value is known, and the message never repeats it.
        for (const u of UPSTREAMS) {
            const key = settings.registry.pullThroughCache?.[u]?.credentialsConfigKey;
            if (key === undefined || raw[key] === undefined) continue;
            if (credentialsProblem(raw[key]))
                report(
                    ["registry", "pullThroughCache", u, "credentialsConfigKey"],
                    `!the value of "${key}" is not <user>:<token>; set it with 'pulumi config set --secret ${key} <user>:<token>'`,
                );
        }
    }
    if (problems.length > 0) throw new ConfigError(problems);

    return {
        ...settings,
        context: { project: ctx.project, stack: ctx.stack, region: region! },
        naming: naming!,
        warnings,
        secretValues: Object.fromEntries(
            [
                ...secretEnvConfigKeys(settings.services),
                ...imagePullSecretConfigKeys(settings.services),
                ...pullThroughCacheConfigKeys(settings.registry),
                ...monitoringSecretConfigKeys(settings.monitoring),
            ].map((k) => [k, pulumi.secret(raw[k])]),
        ),
        defaultTags: buildDefaultTags({
            project: settings.name,
            environment: settings.environment,
            owner: settings.owner,
            costCenter: settings.costCenter,
            extra: settings.tags,
        }),
    };
}

/** The same validation, from a plain object of `strata:` settings (for consumers' programs and tests). */
export function resolveSettings(env: Environment, settings: Record<string, unknown>): PlatformSettings {
    const schema = platformSchema(env);
    const parsed = schema.safeParse({ ...settings, environment: env });
    if (!parsed.success) throw new ConfigError(formatZodError(parsed.error, settings, schema));
    return parsed.data;
}
