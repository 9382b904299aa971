import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";
import { renderConfigDocs } from "../scripts/generate-config-docs";

const read = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8");

describe("docs change with the code", () => {
    test("docs/configuration.md is generated from the current schema (run `npm run generate`)", () => {
        expect(read("docs/configuration.md")).toBe(renderConfigDocs());
    });

    test("every component has its page, and every page names a component that exists", () => {
        const pages: Record<string, string> = {
            "kms.md": "components/kms/index.ts",
            "network.md": "components/network/index.ts",
            "cluster.md": "components/cluster/index.ts",
            "database.md": "components/database/index.ts",
            "cache.md": "components/cache/index.ts",
            "object-store.md": "components/objectStore/index.ts",
            "queue.md": "components/queue/index.ts",
            "service.md": "components/service/index.ts",
            "waf.md": "components/waf/index.ts",
        };
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

    test("the benchmark numbers in docs/benchmarks.md name the command that produced them", () => {
        expect(read("docs/benchmarks.md")).toContain("npm run -s benchmark");
    });
});
