import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";
import { renderConfigDocs } from "../scripts/generate-config-docs";
import { regionPriceTableMarkdown } from "../plan/pricing/regions";

const read = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");

describe("docs change with the code", () => {
    test("docs/configuration.md is generated from the current schema (run `npm run generate`)", () => {
        expect(read("docs/configuration.md")).toBe(renderConfigDocs());
    });

    test("every component has its page, and every page names a component that exists", () => {
        // A component is a folder of components/ with an index.ts that declares a ComponentResource; its page is the
        // folder's name in kebab case (objectStore -> object-store.md).
        const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        const pages: Record<string, string> = Object.fromEntries(
            fs
                .readdirSync(path.join(ROOT, "components"), { withFileTypes: true })
                .filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, "components", d.name, "index.ts")))
                .filter((d) => /extends pulumi\.ComponentResource/.test(read(`components/${d.name}/index.ts`)))
                .map((d) => [`${kebab(d.name)}.md`, `components/${d.name}/index.ts`]),
        );
        expect(Object.keys(pages)).toEqual(expect.arrayContaining(["kms.md", "object-store.md", "service.md"]));
        expect(fs.readdirSync(path.join(ROOT, "docs/components")).sort()).toEqual(Object.keys(pages).sort());
        for (const [page, source] of Object.entries(pages)) {
            expect(fs.existsSync(path.join(ROOT, source))).toBe(true);
            const text = read(`docs/components/${page}`);
            expect([page, /##.*(Args|args)/.test(text) || /\| *arg/i.test(text) || /Args`/.test(text)]).toEqual([page, true]);
            expect([page, /```ts/.test(text)]).toEqual([page, true]); // an example
        }
    });

    test("the README quick start gives install, offline plan, tests and deploy, and CI runs exactly its test command", () => {
        const readme = read("README.md");
        for (const cmd of ["npm ci", "npm run plan -- --stack dev", "npm test", "pulumi login", "pulumi stack select dev", "pulumi up"]) {
            expect([cmd, readme.includes(cmd)]).toEqual([cmd, true]);
        }
        const ci = read(".ci/run");
        expect(ci).toMatch(/^npm ci\b/m);
        expect(ci).toMatch(/^npm test$/m);
    });

    test("docs/offline-plan.md carries the regional price multipliers of plan/pricing/regions.ts", () => {
        expect(read("docs/offline-plan.md")).toContain(regionPriceTableMarkdown());
    });

    test("the benchmark numbers in docs/benchmarks.md name the command that produced them", () => {
        expect(read("docs/benchmarks.md")).toContain("npm run -s benchmark");
    });
});
