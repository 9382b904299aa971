import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import YAML from "yaml";
import type { PlatformConfig } from "../components/config";
import { ConfigError, loadPlatformConfig } from "../components/config";
import type { PlanDocument, PlanResource } from "../plan";
import { onlyResourceOfType, resourcesOfType, runPlan } from "../plan";

export { query, render } from "../plan";
export type { RenderResult, RenderOptions, ResourceQuery } from "../plan";

export const ROOT = path.resolve(__dirname, "..");
export const STACKS = ["dev", "staging", "prod"] as const;

/** The plan of a root stack (cached per test file). */
export function planOf(stack: string): Promise<PlanDocument> {
    return runPlan({ root: ROOT, stack });
}

/** The plan of a stack file anywhere (blueprints, fixtures, `stackFile({...})`). */
export function planOfFile(configFile: string, program?: string): Promise<PlanDocument> {
    return runPlan({ root: ROOT, configFile: path.resolve(ROOT, configFile), program: program ? path.resolve(ROOT, program) : undefined });
}

/** Resources of a type in a plan (plan/query.ts; `query(plan)` has the whole API). */
export function ofType(plan: PlanDocument, type: string): PlanResource[] {
    return resourcesOfType(plan, type);
}

/** The one resource of a type in a plan; throws unless there is exactly one. */
export function one(plan: PlanDocument, type: string): PlanResource {
    return onlyResourceOfType(plan, type);
}

/** The deploying role the shipped stacks name (strata:cluster.deployerPrincipalArn); test stacks get it unless they name an admin. */
export const TEST_DEPLOYER_ARN = "arn:aws:iam::123456789012:role/strata-deployer";

/**
 * The access route test stacks get unless they name one (the program requires one): a network path into the VPC, the
 * route that changes least else in a plan (one ingress rule on the cluster security group, no public endpoint).
 */
export const TEST_ACCESS_ROUTE = { route: "network", sourceCidrs: ["10.250.0.0/22"], reason: "test stacks: a VPN into the VPC" };

/** A cluster section with the test deployer and access route added where it names none (the program requires both). */
function withClusterAdmin(cluster: unknown): unknown {
    const c = withClusterDeployer(cluster);
    if (typeof c !== "object" || c === null || Array.isArray(c) || "access" in c) return c;
    return { ...c, access: TEST_ACCESS_ROUTE };
}

/** A cluster section with the test deployer added when it names no admin. */
function withClusterDeployer(cluster: unknown): unknown {
    if (typeof cluster === "string") {
        try {
            return JSON.stringify(withClusterAdmin(JSON.parse(cluster)));
        } catch {
            return cluster; // not JSON: left for the config loader to report
        }
    }
    const c = (cluster ?? {}) as Record<string, unknown>;
    if (
        typeof c !== "object" ||
        Array.isArray(c) ||
        c.deployerPrincipalArn !== undefined ||
        (Array.isArray(c.adminPrincipalArns) && c.adminPrincipalArns.length > 0)
    )
        return cluster;
    return { ...c, deployerPrincipalArn: TEST_DEPLOYER_ARN };
}

/** A stack file's YAML with the test deployer as cluster admin unless it names one. */
function withAdminInYaml(yaml: string): string {
    const doc = YAML.parse(yaml) as { config?: Record<string, unknown> } | null;
    if (!doc?.config) return yaml;
    doc.config["strata:cluster"] = withClusterAdmin(doc.config["strata:cluster"]);
    return YAML.stringify(doc);
}

/**
 * Writes `content` as `Pulumi.<name>.yaml` in a directory named by the hash of name and content, and returns its
 * path: the same stack file gets the same path in every run, so the plan cache (keyed by the file's path and the
 * sources) serves it again while nothing changed.
 */
function writeStackFile(name: string, content: string): string {
    const hash = crypto.createHash("sha256").update(name).update("\0").update(content).digest("hex").slice(0, 16);
    const dir = path.join(os.tmpdir(), "strata-stacks", hash);
    const file = path.join(dir, `Pulumi.${name}.yaml`);
    if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === content) return file;
    fs.mkdirSync(dir, { recursive: true });
    // Two jest workers may write the same file: write aside, then rename (atomic).
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
    return file;
}

/** Writes a temporary stack file from its YAML text and returns its path. Prefer `stackFile({...})`. */
export function tempStackFile(name: string, yaml: string): string {
    return writeStackFile(name, withAdminInYaml(yaml));
}

/** A stack file's config: keys without a namespace belong to the project (`strata:`); any YAML value. */
export type StackConfigValues = Record<string, unknown>;

/**
 * Writes a temporary `Pulumi.<stack>.yaml` from an object and returns its path:
 * `stackFile({ environment: "dev", "aws:region": "eu-west-1", queues: { queues: {} } })`. Keys without a namespace get
 * `strata:`; `aws:region` is us-east-1 unless given; the stack is named after the environment unless `stack` is given.
 */
export function stackFile(config: StackConfigValues, options: { stack?: string } = {}): string {
    const values: Record<string, unknown> = { "aws:region": "us-east-1" };
    for (const [k, v] of Object.entries(config)) values[k.includes(":") ? k : `strata:${k}`] = v;
    const environment = values["strata:environment"];
    const stack = options.stack ?? (typeof environment === "string" ? environment : "dev");
    values["strata:cluster"] = withClusterAdmin(values["strata:cluster"]);
    return writeStackFile(stack, YAML.stringify({ config: values }));
}

/** Every stack file a user can plan: the root stacks and the blueprints. */
export function allStackFiles(): string[] {
    const files = STACKS.map((s) => path.join(ROOT, `Pulumi.${s}.yaml`));
    const bp = path.join(ROOT, "blueprints");
    if (fs.existsSync(bp)) {
        for (const dir of fs.readdirSync(bp)) {
            const d = path.join(bp, dir);
            if (!fs.statSync(d).isDirectory()) continue;
            for (const f of fs.readdirSync(d)) if (/^Pulumi\..+\.ya?ml$/.test(f)) files.push(path.join(d, f));
        }
    }
    return files;
}

/**
 * Loosely typed inputs for assertions deep into provider shapes (tags, rules, manifests). Prefer
 * `query(plan).inputs<T>(r)` or `json<T>(r, key)` with the shape the test expects.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kept for the existing tests that read deep provider input shapes
export type Inputs = Record<string, any>;
export const inputs = (r: PlanResource): Inputs => r.inputs as Inputs;

/** Ingress into a security group: source SG, protocol, ports and CIDR per rule, whether written as separate rules or legacy ones. */
export function ingressInto(plan: PlanDocument, sgId: string) {
    const rules: Array<{ source: unknown; protocol: unknown; from: unknown; to: unknown; cidr: unknown }> = [];
    for (const r of plan.resources.filter((x) => x.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
        if (r.inputs.securityGroupId !== sgId) continue;
        rules.push({
            source: r.inputs.referencedSecurityGroupId,
            protocol: r.inputs.ipProtocol,
            from: r.inputs.fromPort,
            to: r.inputs.toPort,
            cidr: r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6 ?? r.inputs.prefixListId,
        });
    }
    for (const r of plan.resources.filter((x) => x.type === "aws:ec2/securityGroupRule:SecurityGroupRule")) {
        if (r.inputs.securityGroupId === sgId && r.inputs.type === "ingress")
            rules.push({
                source: r.inputs.sourceSecurityGroupId,
                protocol: r.inputs.protocol,
                from: r.inputs.fromPort,
                to: r.inputs.toPort,
                cidr: r.inputs.cidrBlocks,
            });
    }
    return rules;
}

/**
 * Validates a stack's configuration as the program does: `values` are `namespace:key` -> value, objects JSON-encoded
 * the way Pulumi hands them over; `aws:region` us-east-1 and `strata:environment` dev unless given; the stack name is
 * the environment unless given.
 */
export function loadConfig(values: Record<string, unknown>, stack?: string): PlatformConfig {
    const raw: Record<string, string> = { "aws:region": "us-east-1", "strata:environment": "dev" };
    const withAdmin = { ...values, "strata:cluster": withClusterAdmin(values["strata:cluster"]) };
    for (const [k, v] of Object.entries(withAdmin)) raw[k] = typeof v === "string" ? v : JSON.stringify(v);
    return loadPlatformConfig(raw, { project: "strata", stack: stack ?? raw["strata:environment"] });
}

/** The ConfigError problems `fn` throws, one line each; [] when it throws none. Other errors propagate. */
export function problemsOf(fn: () => unknown): string[] {
    try {
        fn();
        return [];
    } catch (err) {
        if (!ConfigError.is(err)) throw err;
        return err.problems;
    }
}

/** The ConfigError problems of a configuration (see loadConfig); [] when it is valid. */
export function configProblems(values: Record<string, unknown>, stack?: string): string[] {
    return problemsOf(() => loadConfig(values, stack));
}
