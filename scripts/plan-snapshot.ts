/**
 * Plans every stack file a user can plan (the root stacks and every blueprint) and writes one plan document per
 * stack file into a folder, for comparing a change's plans with the base branch's:
 *
 *   npm run -s plan:snapshot -- <out-dir>              # on the base, then on the change
 *   npm run -s plan:compare -- <before-dir> <after-dir>
 *
 * Further arguments keep only the stack files whose path contains one of them (e.g. `Pulumi.dev seed-004`).
 */
import * as fs from "fs";
import * as path from "path";
import { runPlan } from "../plan/run";

const ROOT = path.resolve(__dirname, "..");

export function stackFiles(root: string = ROOT): string[] {
    const files = fs
        .readdirSync(root)
        .filter((f) => /^Pulumi\..+\.ya?ml$/.test(f))
        .map((f) => path.join(root, f));
    const bp = path.join(root, "blueprints");
    for (const dir of fs.existsSync(bp) ? fs.readdirSync(bp).sort() : []) {
        const d = path.join(bp, dir);
        if (!fs.statSync(d).isDirectory()) continue;
        for (const f of fs.readdirSync(d).sort()) if (/^Pulumi\..+\.ya?ml$/.test(f)) files.push(path.join(d, f));
    }
    return files;
}

async function main(): Promise<void> {
    const out = process.argv[2];
    if (!out) {
        console.error("usage: plan-snapshot <out-dir>");
        process.exit(2);
    }
    fs.mkdirSync(out, { recursive: true });
    const only = process.argv.slice(3);
    for (const file of stackFiles().filter((f) => only.length === 0 || only.some((o) => path.relative(ROOT, f).includes(o)))) {
        const rel = path.relative(ROOT, file);
        const doc = await runPlan({ root: ROOT, configFile: file });
        const name = rel.replace(/[\\/]/g, "__");
        fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(doc, null, 1));
        console.log(`${rel}: ${doc.resources.length} resources`);
    }
}

if (require.main === module) {
    main().catch((err) => {
        console.error(err instanceof Error ? err.message : err);
        process.exit(1);
    });
}
