/**
 * Makes dist/policy a policy pack a consumer can run from the installed package:
 *   pulumi preview --policy-pack node_modules/@strata/platform/dist/policy \
 *     --policy-pack-config node_modules/@strata/platform/policy/config/prod.json
 * It copies PulumiPolicy.yaml and writes a package.json whose entry point is the compiled pack (dist/policy/index.js);
 * the pack's dependencies resolve from the consumer's node_modules.
 */
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const out = path.join(root, "dist/policy");
const source = JSON.parse(fs.readFileSync(path.join(root, "policy/package.json"), "utf8")) as {
    name: string;
    version: string;
    description: string;
    dependencies: Record<string, string>;
};
if (!fs.existsSync(path.join(out, "index.js"))) throw new Error("dist/policy/index.js is missing: run tsc -p tsconfig.build.json first");
fs.copyFileSync(path.join(root, "policy/PulumiPolicy.yaml"), path.join(out, "PulumiPolicy.yaml"));
const pkg = {
    name: source.name,
    version: source.version,
    description: source.description,
    private: true,
    main: "index.js",
    dependencies: source.dependencies,
};
fs.writeFileSync(path.join(out, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
