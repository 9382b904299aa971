import * as fs from "fs";
import * as path from "path";
import YAML from "yaml";
import { stackNameOf } from "./stackConfig";
import { suggest } from "../components/config/errors";

/**
 * Checks of a plan's inputs that need no program: the project file, the stack file (exists, is a file, is YAML, is a
 * mapping with a `config:` mapping), the stack name (from `--stack` and the file name, which must agree), the program
 * file. Each problem is one line a user can act on, naming the file (and line) or the flag; nothing here throws for
 * bad input, so the CLI exits 2 without a stack trace.
 */

/** Top-level keys of a Pulumi stack settings file (Pulumi docs, "Project and stack settings: Pulumi.<stack>.yaml"). */
export const STACK_FILE_KEYS = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"] as const;

/** The environments whose names, used as stack names, must match the stack's `strata:environment`. */
const ENVIRONMENT_NAMES = ["dev", "staging", "prod"];

export interface PreflightOptions {
    root: string;
    stack?: string;
    configFile?: string;
    program?: string;
}

export interface Preflight {
    problems: string[];
    /** The stack name the plan will use (when it can be told). */
    stack?: string;
    /** The resolved stack file. */
    configFile: string;
}

const display = (root: string, file: string) => {
    const rel = path.relative(root, file);
    return rel && !rel.startsWith("..") ? rel : file;
};

/** Problems of a YAML text: syntax errors with their line and column, one line each. */
export function yamlProblems(label: string, text: string): { problems: string[]; doc?: YAML.Document.Parsed } {
    const doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: true });
    const problems = doc.errors.map((e) => {
        const at = e.linePos?.[0] ? `:${e.linePos[0].line}:${e.linePos[0].col}` : "";
        const message = e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
        return `${label}${at}: ${message} (not valid YAML)`;
    });
    return { problems, doc: problems.length ? undefined : doc };
}

/** What kind of YAML value a parsed document's root is, in words. */
function kindOf(value: unknown): string {
    if (value === null || value === undefined) return "empty";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "a mapping";
    return `a single ${typeof value} value`;
}

/** Problems of a stack file's content (its shape, before any key is validated). */
export function stackFileShapeProblems(label: string, content: unknown): string[] {
    const expected = "a stack file is a mapping with a `config:` mapping of `namespace:key: value` entries";
    if (content === null || content === undefined || typeof content !== "object" || Array.isArray(content))
        return [`${label}: the file is ${kindOf(content)}; ${expected}`];
    const problems: string[] = [];
    for (const key of Object.keys(content)) {
        if ((STACK_FILE_KEYS as readonly string[]).includes(key)) continue;
        const guess = suggest(key, STACK_FILE_KEYS);
        problems.push(
            `${label}: unknown top-level key "${key}"${guess ? ` (did you mean "${guess}"?)` : ""}; allowed: ${STACK_FILE_KEYS.join(", ")}`,
        );
    }
    const config = (content as Record<string, unknown>).config;
    if (config === undefined) {
        if (problems.length === 0) problems.push(`${label}: no \`config:\` key; ${expected}`);
    } else if (config === null || typeof config !== "object" || Array.isArray(config))
        problems.push(`${label}: \`config\` is ${kindOf(config)}; ${expected}`);
    return problems;
}

/**
 * The stack name a run uses: `--stack`, else the `<name>` of `Pulumi.<name>.yaml`. A flag that names another stack than
 * the file, or a file name that names none, is a problem (a plan of prod labelled dev would mislead every reader).
 */
export function stackNameProblems(label: string, file: string, flag?: string): { stack?: string; problems: string[] } {
    const fromFile = stackNameOf(file);
    if (flag !== undefined && fromFile !== undefined && flag !== fromFile)
        return {
            stack: flag,
            problems: [`--stack ${flag} disagrees with the stack file ${label}, which is stack "${fromFile}": drop one or make them agree`],
        };
    if (flag === undefined && fromFile === undefined)
        return { problems: [`${label}: cannot tell the stack name (the file is not named Pulumi.<stack>.yaml); pass --stack <name>`] };
    return { stack: flag ?? fromFile, problems: [] };
}

/**
 * A stack named like an environment plans that environment: `strata:environment` must agree with it (a file named
 * Pulumi.prod.yaml that says dev would be deployed to the prod stack with dev's protections).
 */
export function environmentProblems(label: string, stack: string | undefined, config: Record<string, unknown>): string[] {
    const env = config["strata:environment"] ?? config.environment;
    if (!stack || !ENVIRONMENT_NAMES.includes(stack) || typeof env !== "string" || !ENVIRONMENT_NAMES.includes(env) || env === stack)
        return [];
    return [
        `strata:environment: "${env}" disagrees with the stack name "${stack}" (${label}); a stack named after an environment must set that environment, or give the stack another name`,
    ];
}

/** Runs every check; an empty `problems` means the program may run. */
export function preflight(o: PreflightOptions): Preflight {
    const root = path.resolve(o.root);
    const problems: string[] = [];
    const projectFile = path.join(root, "Pulumi.yaml");
    if (!fs.existsSync(projectFile))
        problems.push(`${projectFile}: no Pulumi.yaml in the project root (run the plan from the project's folder)`);
    else problems.push(...yamlProblems("Pulumi.yaml", fs.readFileSync(projectFile, "utf8")).problems);

    const configFile = path.resolve(root, o.configFile ?? `Pulumi.${o.stack ?? "dev"}.yaml`);
    const label = display(root, configFile);
    const named = stackNameProblems(label, configFile, o.stack);
    const isFile = fs.existsSync(configFile) && fs.statSync(configFile).isFile();
    if (isFile) problems.push(...named.problems);
    if (!fs.existsSync(configFile)) {
        const stacks = fs.existsSync(root)
            ? fs
                  .readdirSync(root)
                  .map((f) => stackNameOf(f))
                  .filter((s): s is string => !!s)
            : [];
        problems.push(
            o.configFile
                ? `--config-file ${o.configFile}: no such file`
                : `--stack ${o.stack ?? "dev"}: no stack file ${label}${stacks.length ? `; stacks here: ${stacks.join(", ")}` : ""}`,
        );
    } else if (!fs.statSync(configFile).isFile()) problems.push(`--config-file ${o.configFile ?? label}: is a directory, not a stack file`);
    else {
        const parsed = yamlProblems(label, fs.readFileSync(configFile, "utf8"));
        problems.push(...parsed.problems);
        if (parsed.doc) {
            const content = parsed.doc.toJS() as unknown;
            const shape = stackFileShapeProblems(label, content);
            problems.push(...shape);
            if (shape.length === 0)
                problems.push(...environmentProblems(label, named.stack, (content as { config: Record<string, unknown> }).config));
        }
    }
    if (o.program !== undefined) {
        const program = path.resolve(root, o.program);
        if (!fs.existsSync(program)) problems.push(`--program ${o.program}: no such file`);
        else if (!fs.statSync(program).isFile()) problems.push(`--program ${o.program}: is a directory, not a program file`);
    }
    return { problems, stack: named.stack, configFile };
}
