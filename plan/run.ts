import * as childProcess from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ExecutePlanOptions } from "./harness";
import { programFile, readProjectFile } from "./stackConfig";
import type { PlanDocument } from "./types";
import { preflight } from "./preflight";
import { configErrorMessage } from "../components/errors";

export interface RunPlanOptions extends ExecutePlanOptions {
    /** Extra environment for the plan process. */
    env?: NodeJS.ProcessEnv;
}

/** The planned program's configuration is invalid (the CLI exits 2 with these problems). */
export class PlanConfigurationError extends Error {
    constructor(
        public readonly problems: string[],
        message: string,
        /** URNs registered before the error besides the stack (none: validation runs first). */
        public readonly registered: string[] = [],
    ) {
        super(message);
        this.name = "PlanConfigurationError";
    }
}

/** The planned program failed for another reason (a bug, a missing mock): message and stack of the program. */
export class PlanProgramError extends Error {
    constructor(
        message: string,
        public readonly programStack?: string,
    ) {
        super(message);
        this.name = "PlanProgramError";
    }
}

const cache = new Map<string, Promise<PlanDocument>>();

/** Environment variables the planned program or its mocks read: plans that differ in them are different plans. */
export const PLAN_ENV_KEYS = ["STRATA_TODAY", "STRATA_PLAN_CALLER_ARN"] as const;

/** The plan-relevant environment of a run: the extra env given, over this process's. */
function planEnv(extra?: NodeJS.ProcessEnv): Record<string, string | undefined> {
    return Object.fromEntries(PLAN_ENV_KEYS.map((k) => [k, extra?.[k] ?? process.env[k]]));
}

const HASHED = /\.(ts|js|json|ya?ml)$/;
const SKIP_DIRS = new Set(["node_modules", ".git", "dist", ".scratch", "coverage", "tests", "docs"]);

/** A hash of every source, config and lock file under the root: a plan depends on nothing else. */
function sourceHash(root: string, extra: string[]): string {
    const h = crypto.createHash("sha256");
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            if (entry.isDirectory()) {
                if (!SKIP_DIRS.has(entry.name)) walk(path.join(dir, entry.name));
            } else if (HASHED.test(entry.name)) {
                const f = path.join(dir, entry.name);
                h.update(f).update(fs.readFileSync(f));
            }
        }
    };
    walk(root);
    for (const f of extra) if (fs.existsSync(f)) h.update(f).update(fs.readFileSync(f));
    return h.digest("hex");
}

/**
 * With STRATA_PLAN_CACHE=<dir> (the test suite sets it), plans are shared across processes through files named
 * by the hash of the options and of every source file, so a test file reuses a plan another one computed.
 */
function diskCached(
    opts: ExecutePlanOptions,
    env: Record<string, string | undefined>,
    compute: () => Promise<PlanDocument>,
): Promise<PlanDocument> {
    const dir = process.env.STRATA_PLAN_CACHE;
    if (!dir) return compute();
    const extra = [opts.configFile, opts.program].filter((f): f is string => !!f).map((f) => path.resolve(opts.root ?? ".", f));
    // The program's tree and this package's own (a consumer's program may live elsewhere than the components).
    const own = path.resolve(__dirname, "..");
    const root = path.resolve(opts.root ?? process.cwd());
    const hash = crypto.createHash("sha256").update(JSON.stringify(opts)).update(JSON.stringify(env)).update(sourceHash(root, extra));
    if (own !== root) hash.update(sourceHash(own, []));
    const file = path.join(dir, `${hash.digest("hex")}.json`);
    if (fs.existsSync(file)) return Promise.resolve(JSON.parse(fs.readFileSync(file, "utf8")) as PlanDocument);
    return compute().then((doc) => {
        fs.mkdirSync(dir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify(doc));
        fs.renameSync(tmp, file);
        return doc;
    });
}

/**
 * Runs a program under Pulumi's mock runtime in a fresh Node.js process (programs register resources once per
 * process, so each plan gets its own) and returns the plan document. TypeScript programs are compiled with
 * ts-node in transpile-only mode, as `pulumi up` would run them. Results are cached per options within a process.
 */
export function runPlan(options: RunPlanOptions = {}): Promise<PlanDocument> {
    const root = path.resolve(options.root ?? process.cwd());
    const opts: ExecutePlanOptions = { ...options, root };
    delete (opts as RunPlanOptions).env;
    const env = planEnv(options.env);
    const key = JSON.stringify([opts, env]);
    const hit = cache.get(key);
    if (hit) return hit;
    // Inputs the program cannot be run with (a missing or malformed stack file, stack names that disagree) are
    // configuration errors, found before a process starts.
    const checked = preflight({ root, stack: opts.stack, configFile: opts.configFile, program: opts.program });
    if (checked.problems.length > 0)
        return Promise.reject(new PlanConfigurationError(checked.problems, configErrorMessage(checked.problems)));
    const p = diskCached(opts, env, () => spawnPlan(opts, options.env));
    cache.set(key, p);
    p.catch(() => cache.delete(key));
    return p;
}

function isTypeScriptProgram(opts: ExecutePlanOptions): boolean {
    const root = opts.root ?? process.cwd();
    try {
        return /\.tsx?$/.test(programFile(root, readProjectFile(root), opts.program));
    } catch {
        return false;
    }
}

function spawnPlan(opts: ExecutePlanOptions, env?: NodeJS.ProcessEnv): Promise<PlanDocument> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-plan-"));
    const resultFile = path.join(dir, "result.json");
    const compiled = __filename.endsWith(".js") && fs.existsSync(path.join(__dirname, "worker.js"));
    const worker = path.join(__dirname, compiled ? "worker.js" : "worker.ts");
    const nodeArgs = compiled ? [] : ["-r", require.resolve("ts-node/register/transpile-only")];
    // A TypeScript program (given, or Pulumi.yaml's main, or index.ts) needs ts-node from the consumer's project.
    if (compiled && isTypeScriptProgram(opts)) {
        try {
            nodeArgs.push("-r", require.resolve("ts-node/register/transpile-only", { paths: [opts.root ?? process.cwd()] }));
        } catch {
            // a TypeScript program needs ts-node in the consumer's project; the require below will say so.
        }
    }
    return new Promise((resolve, reject) => {
        const child = childProcess.spawn(process.execPath, [...nodeArgs, worker, JSON.stringify(opts), resultFile], {
            cwd: opts.root,
            env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true", ...env },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        child.stdout.on("data", (d) => (output += d));
        child.stderr.on("data", (d) => (output += d));
        child.on("error", reject);
        child.on("close", (code) => {
            try {
                if (!fs.existsSync(resultFile)) {
                    reject(new PlanProgramError(`plan process exited with code ${code} and no result:\n${output}`));
                    return;
                }
                const result = JSON.parse(fs.readFileSync(resultFile, "utf8"));
                if (result.ok) resolve(result.plan as PlanDocument);
                else if (result.kind === "config") reject(new PlanConfigurationError(result.problems, result.message, result.registered));
                else reject(new PlanProgramError(`${result.message}\n${output}`, result.stack));
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    });
}
