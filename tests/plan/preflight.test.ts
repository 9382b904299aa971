import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { environmentProblems, preflight, stackFileShapeProblems, stackNameProblems, yamlProblems } from "../../plan/preflight";
import { main } from "../../plan/cli";
import { validateStack } from "../../plan/validate";

const ROOT = path.resolve(__dirname, "../..");

/** Writes `content` as `name` in a fresh temporary folder and returns its path. */
function temp(name: string, content: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-preflight-"));
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
}

/** Runs the CLI in-process and captures what it writes. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const out = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
    const err = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
    try {
        const code = await main(args);
        return { code, stdout, stderr };
    } finally {
        out.mockRestore();
        err.mockRestore();
    }
}

describe("yamlProblems", () => {
    test.each([
        ["a syntax error", "config:\n  aws:region: [us-east-1\n", /:3:1: .*Flow sequence/],
        ["a duplicate key", "config:\n  a: 1\n  a: 2\n", /:3:3: Map keys must be unique/],
        ["a tab", "config:\n\tstrata:environment: dev\n", /:2:1: Tabs are not allowed as indentation/],
    ])("%s is one line with its line and column", (_what, text, expected) => {
        const { problems, doc } = yamlProblems("Pulumi.dev.yaml", text);
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(/^Pulumi\.dev\.yaml:\d+:\d+: /);
        expect(problems[0]).toMatch(expected);
        expect(problems[0]).not.toMatch(/\n/);
        expect(doc).toBeUndefined();
    });

    test("valid YAML has no problems", () => {
        expect(yamlProblems("f", "config:\n  a: 1\n").problems).toEqual([]);
    });
});

describe("stackFileShapeProblems", () => {
    test.each([
        [null, "the file is empty"],
        [["a", "b"], "the file is a list"],
        ["hello", "the file is a single string value"],
        [{ config: ["a"] }, "`config` is a list"],
        [{ config: "x" }, "`config` is a single string value"],
        [{}, "no `config:` key"],
    ])("%j: %s", (content, expected) => {
        const problems = stackFileShapeProblems("Pulumi.dev.yaml", content);
        expect(problems).toHaveLength(1);
        expect(problems[0]).toContain(expected);
        expect(problems[0]).toContain("a stack file is a mapping with a `config:` mapping");
    });

    test("a misspelt top-level key is named with a suggestion, once", () => {
        expect(stackFileShapeProblems("f", { confg: { "strata:environment": "dev" } })).toEqual([
            'f: unknown top-level key "confg" (did you mean "config"?); allowed: config, secretsprovider, encryptedkey, encryptionsalt, environment',
        ]);
    });

    test("the keys Pulumi's stack files have are accepted", () => {
        expect(stackFileShapeProblems("f", { config: {}, secretsprovider: "awskms://x", encryptedkey: "k", environment: ["e"] })).toEqual(
            [],
        );
    });
});

describe("stack names", () => {
    test("--stack and the file name must agree", () => {
        expect(stackNameProblems("Pulumi.prod.yaml", "/x/Pulumi.prod.yaml", "dev").problems).toEqual([
            '--stack dev disagrees with the stack file Pulumi.prod.yaml, which is stack "prod": drop one or make them agree',
        ]);
        expect(stackNameProblems("Pulumi.prod.yaml", "/x/Pulumi.prod.yaml", "prod")).toEqual({ stack: "prod", problems: [] });
        expect(stackNameProblems("Pulumi.prod.yaml", "/x/Pulumi.prod.yaml")).toEqual({ stack: "prod", problems: [] });
    });

    test("a file not named Pulumi.<stack>.yaml needs --stack", () => {
        expect(stackNameProblems("my.yaml", "/x/my.yaml").problems[0]).toMatch(/cannot tell the stack name .*pass --stack <name>/);
        expect(stackNameProblems("my.yaml", "/x/my.yaml", "qa")).toEqual({ stack: "qa", problems: [] });
    });

    test("a stack named like an environment plans that environment", () => {
        expect(environmentProblems("f", "prod", { "strata:environment": "dev" })).toEqual([
            'strata:environment: "dev" disagrees with the stack name "prod" (f); a stack named after an environment must set that environment, or give the stack another name',
        ]);
        expect(environmentProblems("f", "prod", { "strata:environment": "prod" })).toEqual([]);
        expect(environmentProblems("f", "qa", { "strata:environment": "prod" })).toEqual([]);
        // A bad environment value is the schema's to explain.
        expect(environmentProblems("f", "prod", { "strata:environment": "production" })).toEqual([]);
    });
});

describe("preflight", () => {
    test("a missing stack lists the stacks there", () => {
        expect(preflight({ root: ROOT, stack: "nosuch" }).problems).toEqual([
            "--stack nosuch: no stack file Pulumi.nosuch.yaml; stacks here: dev, prod, staging",
        ]);
    });

    test("a directory or missing file given as --config-file, and a missing program", () => {
        const dir = path.dirname(temp("x", ""));
        expect(preflight({ root: ROOT, configFile: dir }).problems).toEqual([`--config-file ${dir}: is a directory, not a stack file`]);
        expect(preflight({ root: ROOT, configFile: "nope/Pulumi.dev.yaml" }).problems).toEqual([
            "--config-file nope/Pulumi.dev.yaml: no such file",
        ]);
        expect(preflight({ root: ROOT, stack: "dev", program: "nope.ts" }).problems).toEqual(["--program nope.ts: no such file"]);
    });

    test("the shipped stacks pass", () => {
        for (const s of ["dev", "staging", "prod"]) expect(preflight({ root: ROOT, stack: s })).toMatchObject({ problems: [], stack: s });
    });
});

describe("the CLI: every input error exits 2 with one line per problem and no stack trace", () => {
    const cases: Array<[string, () => string[], RegExp]> = [
        ["a YAML syntax error", () => ["--config-file", temp("Pulumi.dev.yaml", "config:\n  aws:region: [x\n")], /Pulumi\.dev\.yaml:3:1: /],
        ["a duplicate key", () => ["--config-file", temp("Pulumi.dev.yaml", "config:\n  a: 1\n  a: 2\n")], /Map keys must be unique/],
        ["a tab", () => ["--config-file", temp("Pulumi.dev.yaml", "config:\n\ta: 1\n")], /Tabs are not allowed/],
        ["an empty file", () => ["--config-file", temp("Pulumi.dev.yaml", "")], /the file is empty/],
        ["a list", () => ["--config-file", temp("Pulumi.dev.yaml", "- a\n")], /the file is a list/],
        ["a misspelt top key", () => ["--config-file", temp("Pulumi.dev.yaml", "confg:\n  a: 1\n")], /did you mean "config"/],
        ["an unknown stack", () => ["--stack", "nosuch"], /no stack file Pulumi\.nosuch\.yaml/],
        ["a missing --config-file", () => ["--config-file", "/nonexistent/Pulumi.dev.yaml"], /no such file/],
        ["a directory as --config-file", () => ["--config-file", os.tmpdir()], /is a directory/],
        ["a missing --program", () => ["--stack", "dev", "--program", "nope.ts"], /--program .*nope\.ts: no such file/],
        ["--stack against the file's name", () => ["--stack", "dev", "--config-file", "Pulumi.prod.yaml"], /--stack dev disagrees/],
        [
            "an environment against the stack name",
            () => ["--config-file", temp("Pulumi.prod.yaml", "config:\n  strata:environment: dev\n")],
            /strata:environment: "dev" disagrees with the stack name "prod"/,
        ],
        ["an unknown flag", () => ["--stak", "dev"], /unknown argument --stak/],
    ];

    test.each(cases)("%s", async (_what, args, expected) => {
        const r = await cli(args());
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(expected);
        expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
        expect(r.stdout).toBe("");
    });

    test("with --json the error is a JSON document on stdout", async () => {
        const r = await cli(["--stack", "nosuch", "--json"]);
        expect(r.code).toBe(2);
        expect(JSON.parse(r.stdout)).toEqual({
            ok: false,
            error: "configuration",
            problems: ["--stack nosuch: no stack file Pulumi.nosuch.yaml; stacks here: dev, prod, staging"],
        });
    });
});

describe("--validate: the configuration checked without running the program", () => {
    test("a valid stack", async () => {
        expect(validateStack({ root: ROOT, stack: "prod" })).toEqual({
            problems: [],
            stack: "prod",
            environment: "prod",
            region: "us-east-1",
            // A count in us-east-1 can land on use1-az3, where EKS cannot place its network interfaces: accepted, warned.
            warnings: [expect.stringMatching(/^strata:network\.availabilityZones: 3 zones are the first 3 .*use1-az3/)],
        });
        const r = await cli(["--validate", "--stack", "staging"]);
        expect(r).toEqual({
            code: 0,
            stdout: "Stack staging: configuration valid (staging, us-east-1)\n",
            stderr: expect.stringMatching(/^Warning: strata:network\.availabilityZones: 2 zones are the first 2 .*use1-az3\n$/),
        });
    });

    test("a schema error names the key, exit 2, and --json carries the problems", async () => {
        const file = temp(
            "Pulumi.dev.yaml",
            "config:\n  aws:region: us-east-1\n  strata:environment: dev\n  strata:database:\n    instanceClass: db.x9.huge\n",
        );
        const r = await cli(["--validate", "--json", "--config-file", file]);
        expect(r.code).toBe(2);
        const doc = JSON.parse(r.stdout) as { ok: boolean; problems: string[] };
        expect(doc.ok).toBe(false);
        expect(doc.problems.some((p) => p.startsWith('strata:database.instanceClass: "db.x9.huge"'))).toBe(true);
    });
});
