/**
 * Sets one service's image in a stack file, keeping every comment and the layout: only the value of
 * `strata:services.<service>.image` changes (the release workflow, `.github/workflows/release-image.yml`, runs it in
 * its pull request to the platform repository).
 *
 *   npm run -s set-image -- --stack-file Pulumi.prod.yaml --service api --image sha256:<64 hex>
 *
 * The service must be in the file's `strata:services` with `ecr: true`: its image is a tag or a digest in the stack's
 * own ECR repository. The image is `sha256:` and 64 lower-case hex digits (the OCI image spec's sha256 digest,
 * `descriptor.md`) or a tag other than latest (the distribution reference grammar). Exit 0 with one line saying what
 * changed; exit 2 with one line naming the key, the value and what is allowed.
 */
import * as fs from "fs";
import YAML, { isMap, isScalar } from "yaml";
import type { YAMLMap } from "yaml";
import { parseImageReference } from "../components/imageReference";

export class SetImageError extends Error {}

export interface SetImageResult {
    text: string;
    previous?: string;
    changed: boolean;
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;
const ALLOWED_IMAGE =
    "sha256: followed by 64 lower-case hex digits, or a tag (1-128 letters, digits, _ . -, not starting with . or -) other than latest";

/** Why `image` cannot be a service's ECR image, or undefined when it can. */
export function imageProblem(image: string): string | undefined {
    if (image.startsWith("sha256:")) return DIGEST.test(image) ? undefined : "is not a sha256 digest";
    if (image === "latest") return "is the tag latest, which is not pinned";
    // A bare tag: valid when `<any repository>:<tag>` parses and has exactly that tag.
    const ref = parseImageReference(`x:${image}`);
    return "error" in ref || ref.tag !== image ? "is neither a digest nor a tag" : undefined;
}

/** The stack file's text with the service's image set; refuses (SetImageError) what the release must not write. */
export function setImage(text: string, file: string, service: string, image: string): SetImageResult {
    const key = `strata:services.${service}`;
    const problem = imageProblem(image);
    if (problem) throw new SetImageError(`${key}.image: "${image}" ${problem}; allowed: ${ALLOWED_IMAGE}`);
    const doc = YAML.parseDocument(text);
    if (doc.errors.length) {
        const e = doc.errors[0];
        const at = e.linePos?.[0];
        throw new SetImageError(`${file}: not YAML (${at ? `line ${at.line}, column ${at.col}: ` : ""}${e.message.split("\n")[0]})`);
    }
    const services = doc.getIn(["config", "strata:services"], true);
    if (!isMap(services))
        throw new SetImageError(`strata:services: not a mapping in ${file}; allowed: a stack file whose config sets strata:services`);
    const names = services.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key));
    const svc = services.get(service, true);
    if (svc === undefined) throw new SetImageError(`${key}: not in ${file}; allowed: one of ${names.join(", ")}`);
    if (!isMap(svc)) throw new SetImageError(`${key}: not a mapping in ${file}; allowed: a service's settings`);
    const ecr = svc.get("ecr", true);
    if (!isScalar(ecr) || ecr.value !== true)
        throw new SetImageError(
            `${key}.ecr: is ${isScalar(ecr) ? JSON.stringify(ecr.value) : "not set"} in ${file}; allowed: true (the image lives in the stack's own ECR repository)`,
        );
    const value = YAML.stringify(image).trimEnd();
    const node = svc.get("image", true);
    if (node === undefined) return insertImage(text, file, key, svc as YAMLMap, value);
    if (!isScalar(node) || typeof node.value !== "string" || !node.range)
        throw new SetImageError(`${key}.image: not a plain value in ${file} (an alias or a mapping); allowed: a string to replace`);
    const previous = node.value;
    if (previous === image) return { text, previous, changed: false };
    const [start, end] = node.range;
    return { text: `${text.slice(0, start)}${value}${text.slice(end)}`, previous, changed: true };
}

/** `image:` added as the service's first key, at its keys' indentation (a block mapping only). */
function insertImage(text: string, file: string, key: string, svc: YAMLMap, value: string): SetImageResult {
    const first = svc.items[0]?.key;
    if (svc.flow || !isScalar(first) || !first.range)
        throw new SetImageError(
            `${key}.image: not set in ${file}, and the service is not a block mapping to add it to; allowed: add image: to it first`,
        );
    const lineStart = text.lastIndexOf("\n", first.range[0] - 1) + 1;
    const indent = text.slice(lineStart, first.range[0]);
    if (!/^ *$/.test(indent))
        throw new SetImageError(`${key}.image: not set in ${file}, and the service's keys do not start their lines; add image: first`);
    return { text: `${text.slice(0, lineStart)}${indent}image: ${value}\n${text.slice(lineStart)}`, changed: true };
}

const USAGE = "usage: npm run -s set-image -- --stack-file <Pulumi.<stack>.yaml> --service <name> --image <sha256:<64 hex> | tag>";

function parse(argv: string[]): { stackFile: string; service: string; image: string } {
    const flags: Record<string, string> = {};
    for (let i = 0; i < argv.length; i += 2) {
        const [flag, v] = [argv[i], argv[i + 1]];
        if (!["--stack-file", "--service", "--image"].includes(flag)) throw new SetImageError(`${flag}: unknown argument; ${USAGE}`);
        if (v === undefined || v.startsWith("--")) throw new SetImageError(`${flag} needs a value; ${USAGE}`);
        flags[flag] = v;
    }
    for (const f of ["--stack-file", "--service", "--image"])
        if (flags[f] === undefined) throw new SetImageError(`${f} is required; ${USAGE}`);
    return { stackFile: flags["--stack-file"], service: flags["--service"], image: flags["--image"] };
}

export function main(argv: string[]): number {
    try {
        const a = parse(argv);
        let text: string;
        try {
            text = fs.readFileSync(a.stackFile, "utf8");
        } catch (err) {
            const code = (err as NodeJS.ErrnoException).code;
            throw new SetImageError(
                `--stack-file ${a.stackFile}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (err as Error).message}; allowed: a Pulumi.<stack>.yaml stack file`,
            );
        }
        const r = setImage(text, a.stackFile, a.service, a.image);
        if (r.changed) fs.writeFileSync(a.stackFile, r.text);
        const key = `strata:services.${a.service}.image`;
        process.stdout.write(
            r.changed
                ? `${a.stackFile}: ${key}: ${r.previous ?? "(not set)"} -> ${a.image}\n`
                : `${a.stackFile}: ${key} is already ${a.image}\n`,
        );
        return 0;
    } catch (err) {
        if (err instanceof SetImageError) {
            process.stderr.write(`${err.message}\n`);
            return 2;
        }
        throw err;
    }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
