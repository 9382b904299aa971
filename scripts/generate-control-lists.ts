/**
 * Regenerates the bundled control lists the policy tests check mappings against (CI has no network, so the JSON
 * files are committed):
 *
 *   policy/controls/checkov.json  every Checkov check of the terraform AWS resource checks, the terraform AWS graph
 *                                 checks (CKV2_AWS_*, YAML) and the Kubernetes checks: id, name, path in the repository
 *   policy/controls/cdk-nag.json  the AwsSolutions rule ids of a cdk-nag npm package (lib/packs/aws-solutions.js)
 *
 *   git clone --bare https://github.com/bridgecrewio/checkov /tmp/checkov.git
 *   (cd /tmp && npm pack cdk-nag@3.0.2 && tar xzf cdk-nag-3.0.2.tgz)      # unpacks into /tmp/package
 *   npx ts-node --transpile-only scripts/generate-control-lists.ts --checkov /tmp/checkov.git --cdk-nag /tmp/package
 *
 * Either option may be given alone (only that list is rewritten). The checkov lists are read at the git dir's HEAD
 * with `git ls-tree` / `git show` (a bare clone works); the commit read is recorded in the file.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";

export const CONTROLS_DIR = path.join(__dirname, "..", "policy", "controls");

/** The checkov directories read, and how their checks are written. */
const CHECKOV_DIRS: { dir: string; format: "python" | "yaml" }[] = [
    { dir: "checkov/terraform/checks/resource/aws", format: "python" },
    { dir: "checkov/terraform/checks/graph_checks/aws", format: "yaml" },
    { dir: "checkov/kubernetes/checks/resource/k8s", format: "python" },
    // CKV2_K8S_* (one of them, RequireAllPodsToHaveNetworkPolicy, is mapped by a policy).
    { dir: "checkov/kubernetes/checks/graph_checks", format: "yaml" },
];

export interface CheckovCheck {
    id: string;
    name: string;
    path: string;
}

const STRING = String.raw`(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')`;

/** The `id = "..."` / `name = "..."` pairs of a Python check module, in order (one module may define several). */
export function pythonChecks(source: string, file: string): CheckovCheck[] {
    const ids = [...source.matchAll(new RegExp(String.raw`\bid\s*=\s*` + STRING, "g"))].map((m) => m[1] ?? m[2]);
    // A name is one literal or a parenthesised run of adjacent literals (Python joins them).
    const literals = (key: string): string[] =>
        [...source.matchAll(new RegExp(String.raw`\b${key}\s*=\s*(\(\s*(?:` + STRING + String.raw`\s*)+\)|` + STRING + ")", "g"))].map(
            (m) => [...m[1].matchAll(new RegExp(STRING, "g"))].map((s) => s[1] ?? s[2]).join(""),
        );
    // Most modules assign `name = "..."`; a few pass `name=description` (a `description = "..."` literal).
    let names = literals("name");
    const checkIds = ids.filter((id) => /^CKV2?_[A-Z0-9]+_\d+$/.test(id));
    if (checkIds.length === 0) return [];
    if (names.length < checkIds.length) names = literals("description");
    if (names.length < checkIds.length) throw new Error(`${file}: ${checkIds.length} ids but ${names.length} names`);
    return checkIds.map((id, i) => ({ id, name: names[i], path: file }));
}

/**
 * A module that only parameterises a base class, `super().__init__(check_id="CKV_AWS_24", port=22)`: the name is the
 * base class's `name = f"... {port}"` (or `"... %d" % port`) with the argument put in.
 */
export function subclassCheck(source: string, file: string, read: (path: string) => string): CheckovCheck[] {
    const call = /super\(\).__init__\(check_id="(CKV2?_[A-Z0-9]+_\d+)"((?:,\s*\w+=[^,)]+)*)\)/.exec(source);
    const base = /from (checkov\.[\w.]+) import\s*\\?\s*(\w+)/.exec(source.replace(/from checkov\.common[^\n]*\n/g, ""));
    if (!call || !base) return [];
    const args = Object.fromEntries([...call[2].matchAll(/(\w+)=([^,)]+)/g)].map((m) => [m[1], m[2].trim()]));
    const baseSource = read(base[1].replace(/\./g, "/") + ".py");
    const m = /\bname\s*=\s*f?"([^"]*)"(?:\s*%\s*(\w+))?/.exec(baseSource);
    if (!m) throw new Error(`${file}: no name in its base class ${base[2]}`);
    let name = m[1].replace(/\{(\w+)\}/g, (_, k: string) => args[k] ?? `{${k}}`);
    if (m[2]) name = name.replace(/%d|%s/, args[m[2]] ?? m[2]);
    return [{ id: call[1], name, path: file }];
}

export function yamlCheck(source: string, file: string): CheckovCheck[] {
    let meta: { id?: string; name?: string } | undefined;
    try {
        meta = (parseYaml(source) as { metadata?: { id?: string; name?: string } } | null)?.metadata;
    } catch {
        // A few files are not strict YAML (a quoted name broken over lines): read the two keys by line then.
        const key = (k: string): string | undefined => new RegExp(String.raw`^\s+${k}:\s*"?([^"\n]*)`, "m").exec(source)?.[1]?.trim();
        meta = { id: key("id"), name: key("name") };
    }
    if (!meta?.id) return [];
    return [{ id: meta.id, name: meta.name ?? "", path: file }];
}

function git(gitDir: string, ...args: string[]): string {
    return execFileSync("git", ["--git-dir", gitDir, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

export function readCheckov(gitDir: string): { commit: string; checks: CheckovCheck[] } {
    const commit = git(gitDir, "rev-parse", "HEAD").trim();
    const checks: CheckovCheck[] = [];
    for (const { dir, format } of CHECKOV_DIRS) {
        const files = git(gitDir, "ls-tree", "--name-only", `${commit}:${dir}`)
            .split("\n")
            .filter((f) => (format === "python" ? f.endsWith(".py") && f !== "__init__.py" : /\.ya?ml$/.test(f)));
        for (const f of files) {
            const file = `${dir}/${f}`;
            const source = git(gitDir, "show", `${commit}:${file}`);
            const sub = format === "python" ? subclassCheck(source, file, (p) => git(gitDir, "show", `${commit}:${p}`)) : [];
            checks.push(...(sub.length > 0 ? sub : format === "python" ? pythonChecks(source, file) : yamlCheck(source, file)));
        }
    }
    const seen = new Map<string, CheckovCheck>();
    for (const c of checks) if (!seen.has(c.id)) seen.set(c.id, c);
    const sorted = [...seen.values()].sort((a, b) => compareIds(a.id, b.id));
    return { commit, checks: sorted };
}

/** CKV_AWS_9 before CKV_AWS_10: prefix, then number. */
function compareIds(a: string, b: string): number {
    const [pa, na] = splitId(a);
    const [pb, nb] = splitId(b);
    return pa === pb ? na - nb : pa < pb ? -1 : 1;
}

function splitId(id: string): [string, number] {
    const m = /^(.*)_(\d+)$/.exec(id);
    return m ? [m[1], Number(m[2])] : [id, 0];
}

export interface CdkNagRule {
    id: string;
    info: string;
}

/** The AwsSolutions rules of an unpacked cdk-nag package: `ruleSuffixOverride` and `info` of each `applyRule`. */
export function readCdkNag(packageDir: string): { version: string; rules: CdkNagRule[] } {
    const version = (JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string }).version;
    const source = fs.readFileSync(path.join(packageDir, "lib", "packs", "aws-solutions.js"), "utf8");
    const rules: CdkNagRule[] = [];
    for (const m of source.matchAll(/ruleSuffixOverride:\s*'([^']+)',\s*info:\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)) {
        const id = `AwsSolutions-${m[1]}`;
        const info = (m[2] ?? m[3]).replace(/\\(['"])/g, "$1");
        if (!rules.some((r) => r.id === id)) rules.push({ id, info });
    }
    if (rules.length === 0) throw new Error(`no rules found in ${packageDir}/lib/packs/aws-solutions.js`);
    return { version, rules: rules.sort((a, b) => compareIds(a.id.replace(/(\d+)$/, "_$1"), b.id.replace(/(\d+)$/, "_$1"))) };
}

function main(argv: string[]): void {
    const opt = (name: string): string | undefined => {
        const i = argv.indexOf(name);
        return i >= 0 ? argv[i + 1] : undefined;
    };
    const checkovDir = opt("--checkov");
    const cdkNagDir = opt("--cdk-nag");
    if (!checkovDir && !cdkNagDir) {
        console.error("usage: generate-control-lists.ts [--checkov <checkov git dir>] [--cdk-nag <unpacked cdk-nag package>]");
        process.exit(2);
    }
    fs.mkdirSync(CONTROLS_DIR, { recursive: true });
    if (checkovDir) {
        const { commit, checks } = readCheckov(checkovDir);
        const out = {
            source: "https://github.com/bridgecrewio/checkov",
            commit,
            directories: CHECKOV_DIRS.map((d) => d.dir),
            checks,
        };
        fs.writeFileSync(path.join(CONTROLS_DIR, "checkov.json"), JSON.stringify(out, null, 2) + "\n");
        console.log(`checkov.json: ${checks.length} checks at ${commit}`);
    }
    if (cdkNagDir) {
        const { version, rules } = readCdkNag(cdkNagDir);
        const out = { source: "https://www.npmjs.com/package/cdk-nag", version, pack: "AwsSolutions", rules };
        fs.writeFileSync(path.join(CONTROLS_DIR, "cdk-nag.json"), JSON.stringify(out, null, 2) + "\n");
        console.log(`cdk-nag.json: ${rules.length} rules of cdk-nag ${version}`);
    }
}

if (require.main === module) main(process.argv.slice(2));
