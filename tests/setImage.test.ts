import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import YAML from "yaml";
import { imageProblem, main, setImage, SetImageError } from "../scripts/set-image";

const DIGEST = `sha256:${"0123456789abcdef".repeat(4)}`;
const OLD = `sha256:${"f".repeat(64)}`;
const STACK = `# Prod: the platform team's stack file.
config:
  aws:region: us-east-1
  strata:environment: prod
  strata:services:
    # The API: released by the api repository's workflow.
    api:
      ecr: true
      image: "${OLD}" # set by the release workflow
      port: 8080
      env:
        LOG_LEVEL: info
    worker:
      ecr: true
      image: v1.2.3
    web:
      image: nginxinc/nginx-unprivileged:1.27-alpine   # an external image
      probes:
      - path: /
    fresh:
      ecr: true
      port: 9000
`;

const set = (service: string, image: string, text = STACK) => setImage(text, "Pulumi.prod.yaml", service, image);
const refusal = (f: () => unknown) => {
    try {
        f();
    } catch (err) {
        expect(err).toBeInstanceOf(SetImageError);
        return (err as Error).message;
    }
    throw new Error("not refused");
};

describe("setImage", () => {
    test("changes only that value: comments, quoting style around it, order and every other line stay", () => {
        const r = set("api", DIGEST);
        expect(r).toMatchObject({ changed: true, previous: OLD });
        const before = STACK.split("\n");
        const after = r.text.split("\n");
        expect(after).toHaveLength(before.length);
        const changed = before.flatMap((l, i) => (l === after[i] ? [] : [[l, after[i]]]));
        expect(changed).toEqual([
            [`      image: "${OLD}" # set by the release workflow`, `      image: ${DIGEST} # set by the release workflow`],
        ]);
        expect(YAML.parse(r.text).config["strata:services"].api.image).toBe(DIGEST);
    });

    test("a tag that YAML would read as a number or a boolean is quoted, so it stays a string", () => {
        for (const tag of ["1.2", "true", "1e3"]) {
            const r = set("worker", tag);
            expect(YAML.parse(r.text).config["strata:services"].worker.image).toBe(tag);
            expect(r.text).toContain(`      image: "${tag}"\n`);
        }
        expect(set("worker", "v2.0.0").text).toContain("      image: v2.0.0\n");
    });

    test("the same image again is no change", () => {
        expect(set("worker", "v1.2.3")).toEqual({ text: STACK, previous: "v1.2.3", changed: false });
    });

    test("a service without image gets it as its first key at its keys' indentation", () => {
        const r = set("fresh", DIGEST);
        expect(r.text).toContain(`    fresh:\n      image: ${DIGEST}\n      ecr: true\n      port: 9000\n`);
        expect(r.text.replace(`      image: ${DIGEST}\n`, "")).toBe(STACK);
    });

    test("refuses a service not in strata:services, naming the key and the services there", () => {
        expect(refusal(() => set("billing", DIGEST))).toBe(
            "strata:services.billing: not in Pulumi.prod.yaml; allowed: one of api, worker, web, fresh",
        );
    });

    test("refuses a service whose image is not in the stack's repository (no ecr: true)", () => {
        expect(refusal(() => set("web", DIGEST))).toBe(
            "strata:services.web.ecr: is not set in Pulumi.prod.yaml; allowed: true (the image lives in the stack's own ECR repository)",
        );
    });

    test.each([
        ["sha256:ABC", "is not a sha256 digest"],
        [`sha256:${"A".repeat(64)}`, "is not a sha256 digest"],
        [`sha256:${"a".repeat(63)}`, "is not a sha256 digest"],
        ["latest", "is the tag latest, which is not pinned"],
        ["-v1", "is neither a digest nor a tag"],
        ["repo:v1", "is neither a digest nor a tag"],
        [`${"a".repeat(129)}`, "is neither a digest nor a tag"],
        ["", "is neither a digest nor a tag"],
    ])("refuses the image %j: %s", (image, why) => {
        expect(refusal(() => set("api", image))).toBe(
            `strata:services.api.image: "${image}" ${why}; allowed: sha256: followed by 64 lower-case hex digits, or a tag (1-128 letters, digits, _ . -, not starting with . or -) other than latest`,
        );
    });

    test("accepts a digest and tags up to 128 characters", () => {
        expect(imageProblem(DIGEST)).toBeUndefined();
        expect(imageProblem("a".repeat(128))).toBeUndefined();
        expect(imageProblem("_build.1-rc")).toBeUndefined();
    });

    test("refuses a file without strata:services, and one that is not YAML", () => {
        expect(refusal(() => set("api", DIGEST, "config:\n  aws:region: us-east-1\n"))).toMatch(
            /^strata:services: not a mapping in Pulumi.prod.yaml/,
        );
        expect(refusal(() => set("api", DIGEST, "config: [\n"))).toMatch(/^Pulumi.prod.yaml: not YAML \(line \d+, column \d+: /);
    });
});

describe("set-image CLI", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "set-image-"));
    const file = path.join(dir, "Pulumi.prod.yaml");
    let out = "";
    let err = "";
    beforeEach(() => {
        fs.writeFileSync(file, STACK);
        out = err = "";
        jest.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
        jest.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
    });
    afterEach(() => jest.restoreAllMocks());

    test("writes the file and says what changed", () => {
        expect(main(["--stack-file", file, "--service", "api", "--image", DIGEST])).toBe(0);
        expect(out).toBe(`${file}: strata:services.api.image: ${OLD} -> ${DIGEST}\n`);
        expect(YAML.parse(fs.readFileSync(file, "utf8")).config["strata:services"].api.image).toBe(DIGEST);
    });

    test("refusals exit 2 with one line and leave the file as it was", () => {
        expect(main(["--stack-file", file, "--service", "web", "--image", DIGEST])).toBe(2);
        expect(err.trim().split("\n")).toEqual([expect.stringMatching(/^strata:services\.web\.ecr: /)]);
        expect(fs.readFileSync(file, "utf8")).toBe(STACK);
    });

    test("a missing file, a directory, a missing or unknown flag: exit 2, one line each", () => {
        const cases: Array<[string[], RegExp]> = [
            [
                ["--stack-file", path.join(dir, "Pulumi.nope.yaml"), "--service", "api", "--image", DIGEST],
                /Pulumi\.nope\.yaml: no such file; allowed: a Pulumi/,
            ],
            [["--stack-file", dir, "--service", "api", "--image", DIGEST], /: is a directory; allowed/],
            [["--stack-file", file, "--service", "api"], /^--image is required; usage: /],
            [["--stack-file", file, "--service", "--image", DIGEST], /^--service needs a value; /],
            [["--stack", file], /^--stack: unknown argument; /],
        ];
        for (const [argv, message] of cases) {
            err = "";
            expect(main(argv)).toBe(2);
            expect(err).toMatch(message);
            expect(err.trim().split("\n")).toHaveLength(1);
        }
    });
});
