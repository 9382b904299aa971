/**
 * Writes the policy pack config of every stack file (the root stacks and the blueprints') to
 * policy/config/stacks/<stack id>.json: the environment's levels plus the stack's strata:exceptions as waivers.
 *
 *   npm run policy:config            # write the files
 *   npm run policy:config -- --check # exit 1 if a committed file is stale
 */
import * as fs from "fs";
import * as path from "path";
import { readProjectFile, readStackConfig } from "../plan/stackConfig";
import { exceptionsOfStackConfig, loadPolicyConfig, STACK_CONFIG_DIR, stackConfigFile, stackPolicyConfig } from "../policy/stackConfig";

const ROOT = path.resolve(__dirname, "..");

/** Every stack file of the repository: ./Pulumi.<stack>.yaml and blueprints/<name>/Pulumi.<stack>.yaml. */
export function stackFiles(root = ROOT): string[] {
    const inDir = (dir: string) =>
        fs
            .readdirSync(dir)
            .filter((f) => /^Pulumi\.[^.]+\.ya?ml$/.test(f))
            .map((f) => path.join(dir, f));
    const blueprints = path.join(root, "blueprints");
    return [
        ...inDir(root),
        ...fs
            .readdirSync(blueprints, { withFileTypes: true })
            .filter((d) => d.isDirectory())
            .flatMap((d) => inDir(path.join(blueprints, d.name))),
    ].sort();
}

/** The rendered pack config of one stack file. */
export function renderStackPolicyConfig(file: string, root = ROOT): string {
    const project = readProjectFile(root);
    const { config } = readStackConfig(project, file);
    const environment = config["strata:environment"] ?? "dev";
    return `${JSON.stringify(stackPolicyConfig(loadPolicyConfig(environment), exceptionsOfStackConfig(config)), null, 2)}\n`;
}

if (require.main === module) {
    const check = process.argv.includes("--check");
    fs.mkdirSync(STACK_CONFIG_DIR, { recursive: true });
    let stale = 0;
    for (const file of stackFiles()) {
        const out = stackConfigFile(ROOT, file);
        const rendered = renderStackPolicyConfig(file);
        if (check) {
            if (!fs.existsSync(out) || fs.readFileSync(out, "utf8") !== rendered) {
                console.error(`${path.relative(ROOT, out)} is stale: run npm run policy:config`);
                stale++;
            }
        } else {
            fs.writeFileSync(out, rendered);
            console.log(`wrote ${path.relative(ROOT, out)}`);
        }
    }
    if (stale > 0) process.exit(1);
}
