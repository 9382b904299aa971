import * as fs from "fs";
import * as path from "path";
import YAML from "yaml";
import { ROOT, allStackFiles } from "./helpers";
import { renderPulumiYaml } from "../scripts/generate-pulumi-yaml";
import { TOP_LEVEL_KEYS } from "../components/config/schema";
import * as components from "../components";

// The Pulumi CLI rejects a Pulumi.yaml that breaks these rules, and then every command fails.
const project = YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

describe("Pulumi.yaml", () => {
    test("is what the generator makes from the config schema (run `npm run generate` after changing the schema)", () => {
        const current = fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8");
        expect(renderPulumiYaml(current)).toBe(current);
    });

    test("runs index.ts: package.json's main/exports name the library, so without `main` pulumi up would deploy nothing", () => {
        expect(project.name).toBe("strata");
        expect(project.runtime.name ?? project.runtime).toBe("nodejs");
        expect(project.main).toBe("index.ts");
        expect(fs.existsSync(path.join(ROOT, project.main))).toBe(true);
        expect(pkg.main).not.toBe("index.ts");
    });

    test("disables the default aws and kubernetes providers", () => {
        expect(project.config["pulumi:disable-default-providers"]).toEqual({ value: ["aws", "kubernetes"] });
    });

    test("declares every strata: key with a description, a CLI-accepted type, and a default where a stack may leave it out", () => {
        const declared = Object.keys(project.config).filter((k) => k.startsWith("strata:"));
        expect(declared.sort()).toEqual(TOP_LEVEL_KEYS.map((k) => `strata:${k}`).sort());
        for (const [key, decl] of Object.entries(project.config as Record<string, Record<string, unknown>>)) {
            expect(decl.value !== undefined && decl.default !== undefined).toBe(false);
            if (!key.startsWith("strata:")) {
                expect(Object.keys(decl)).toEqual(["value"]); // other namespaces: values only
                continue;
            }
            expect(typeof decl.description).toBe("string");
            if (decl.type !== undefined) {
                expect(["string", "integer", "boolean", "array"]).toContain(decl.type);
                if (decl.type === "array") expect(decl.items).toEqual({ type: expect.stringMatching(/^(string|integer|boolean)$/) });
            } else {
                // object-valued: no `type` (never `type: object`)
                expect(decl.default).toEqual(expect.any(Object));
            }
            if (key !== "strata:environment") expect(decl.default !== undefined || decl.value !== undefined).toBe(true);
        }
    });

    test("every stack file (root and blueprints) sets strata:environment and aws:region", () => {
        const files = allStackFiles();
        expect(files.length).toBeGreaterThanOrEqual(3);
        for (const file of files) {
            const doc = YAML.parse(fs.readFileSync(file, "utf8"));
            expect([file, doc.config["strata:environment"]]).toEqual([file, expect.stringMatching(/^(dev|staging|prod)$/)]);
            expect([file, doc.config["aws:region"]]).toEqual([file, expect.stringMatching(/^[a-z]{2}-[a-z]+-\d$/)]);
        }
    });
});

describe("the default stacks deploy seed 000", () => {
    test.each(["dev", "staging", "prod"])("Pulumi.%s.yaml is the seed 000 blueprint's, but for the system name", (env) => {
        const root = YAML.parse(fs.readFileSync(path.join(ROOT, `Pulumi.${env}.yaml`), "utf8")).config;
        const seed = YAML.parse(fs.readFileSync(path.join(ROOT, `blueprints/seed-000-visa-agent/Pulumi.${env}.yaml`), "utf8")).config;
        delete seed["strata:name"];
        delete root["strata:name"];
        expect(root).toEqual(seed);
    });
});

describe("package", () => {
    test("builds the component library with type declarations, and keeps TypeScript below 7", () => {
        expect(pkg.name).toBe("@strata/platform");
        expect(pkg.types).toMatch(/\.d\.ts$/);
        expect(pkg.exports["."].types).toMatch(/\.d\.ts$/);
        expect(
            Number(
                String(pkg.devDependencies.typescript)
                    .replace(/^[^\d]*/, "")
                    .split(".")[0],
            ),
        ).toBeLessThan(7);
        const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"));
        expect(tsconfig.compilerOptions.module).toBe("commonjs");
        expect(tsconfig.compilerOptions.paths).toBeUndefined();
    });

    test("exports the components by name", () => {
        const lib = components as unknown as Record<string, unknown>;
        for (const name of ["Platform", "Network", "KmsKeys", "loadPlatformConfig", "ConfigError", "Naming"])
            expect([name, typeof lib[name]]).toEqual([name, "function"]);
    });
});
