import * as fs from "fs";
import * as path from "path";
import YAML from "yaml";

/** What `Pulumi.yaml` says about the project. */
export interface ProjectFile {
    name: string;
    main?: string;
    config: Record<string, { type?: string; description?: string; default?: unknown; value?: unknown; items?: unknown; secret?: boolean }>;
}

export function readProjectFile(root: string): ProjectFile {
    const file = path.join(root, "Pulumi.yaml");
    const doc = YAML.parse(fs.readFileSync(file, "utf8")) as { name: string; main?: string; config?: Record<string, unknown> };
    const config: ProjectFile["config"] = {};
    for (const [k, v] of Object.entries(doc.config ?? {})) {
        // Shorthand `key: value` means { value }.
        config[k] = v !== null && typeof v === "object" && !Array.isArray(v) ? (v as ProjectFile["config"][string]) : { value: v };
    }
    return { name: doc.name, main: doc.main, config };
}

/** The program a plan runs: the given file, else Pulumi.yaml's `main`, else index.ts (as the Pulumi CLI picks it). */
export function programFile(root: string, project: { main?: string }, program?: string): string {
    return path.resolve(root, program ?? project.main ?? "index.ts");
}

/** A stack's configuration as the Pulumi CLI hands it to a program: `namespace:key` -> string. */
export interface StackConfig {
    stack: string;
    config: Record<string, string>;
    /** Keys whose values are secrets (secure values in the stack file, replaced by placeholders). */
    secretKeys: string[];
}

/** Placeholder for a `secure:` value: the plan never needs (or has) the decryption key. */
export const SECURE_PLACEHOLDER = "plan-placeholder-secret-value";

function qualify(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

function encode(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** The stack name of a `Pulumi.<name>.yaml` file. */
export function stackNameOf(file: string): string | undefined {
    const m = /^Pulumi\.(.+)\.ya?ml$/.exec(path.basename(file));
    return m ? m[1] : undefined;
}

/**
 * Builds a stack's configuration like the CLI: the project's `value`s and declared `default`s, then the stack
 * file's values (keys without a namespace belong to the project); `secure:` values become placeholder secrets.
 */
export function readStackConfig(project: ProjectFile, file: string, stack?: string): StackConfig {
    const name = stack ?? stackNameOf(file);
    if (!name) throw new Error(`cannot tell the stack name from ${file}; pass --stack`);
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [k, decl] of Object.entries(project.config)) {
        const key = qualify(k, project.name);
        if (decl.value !== undefined) config[key] = encode(decl.value);
        else if (decl.default !== undefined) config[key] = encode(decl.default);
    }
    const doc = (YAML.parse(fs.readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
    for (const [k, v] of Object.entries(doc.config ?? {})) {
        const key = qualify(k, project.name);
        if (
            v !== null &&
            typeof v === "object" &&
            !Array.isArray(v) &&
            "secure" in (v as object) &&
            Object.keys(v as object).length === 1
        ) {
            config[key] = SECURE_PLACEHOLDER;
            secretKeys.push(key);
        } else {
            config[key] = encode(v);
        }
    }
    return { stack: name, config, secretKeys };
}
