import * as fs from "fs";
import { ConfigError, loadPlatformConfig, PlatformConfig } from "../components/config";
import * as path from "path";
import YAML from "yaml";
import { runPlan, PlanDocument, PlanResource } from "../plan";

export const ROOT = path.resolve(__dirname, "..");
export const STACKS = ["dev", "staging", "prod"] as const;

/** The plan of a root stack (cached per test file). */
export function planOf(stack: string): Promise<PlanDocument> {
    return runPlan({ root: ROOT, stack });
}

/** The plan of a stack file anywhere (blueprints, fixtures). */
export function planOfFile(configFile: string, program?: string): Promise<PlanDocument> {
    return runPlan({ root: ROOT, configFile: path.resolve(ROOT, configFile), program: program ? path.resolve(ROOT, program) : undefined });
}

export function ofType(plan: PlanDocument, type: string): PlanResource[] {
    return plan.resources.filter((r) => r.type === type);
}

export function one(plan: PlanDocument, type: string): PlanResource {
    const found = ofType(plan, type);
    if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
    return found[0];
}

/** The deploying role the shipped stacks name (strata:cluster.deployerPrincipalArn); test stacks get it unless they name an admin. */
export const TEST_DEPLOYER_ARN = "arn:aws:iam::123456789012:role/strata-deployer";

/** A cluster section with the test deployer added when it names no admin (the program requires one). */
function withClusterAdmin(cluster: unknown): unknown {
    if (typeof cluster === "string") {
        try {
            return JSON.stringify(withClusterAdmin(JSON.parse(cluster)));
        } catch {
            return cluster; // not JSON: left for the config loader to report
        }
    }
    const c = (cluster ?? {}) as Record<string, unknown>;
    if (typeof c !== "object" || Array.isArray(c) || c.deployerPrincipalArn !== undefined || (Array.isArray(c.adminPrincipalArns) && c.adminPrincipalArns.length > 0)) return cluster;
    return { ...c, deployerPrincipalArn: TEST_DEPLOYER_ARN };
}

/** Writes a temporary stack file and returns its path (with the test deployer as cluster admin unless it names one). */
export function tempStackFile(name: string, yaml: string): string {
    const dir = fs.mkdtempSync(path.join(require("os").tmpdir(), "strata-stack-"));
    const file = path.join(dir, `Pulumi.${name}.yaml`);
    const doc = YAML.parse(yaml) as { config?: Record<string, unknown> } | null;
    if (doc?.config) doc.config["strata:cluster"] = withClusterAdmin(doc.config["strata:cluster"]);
    fs.writeFileSync(file, doc?.config ? YAML.stringify(doc) : yaml);
    return file;
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

export type Inputs = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export const inputs = (r: PlanResource): Inputs => r.inputs as Inputs;

/** Ingress into a security group: source SG, protocol, ports and CIDR per rule, whether written as separate rules or legacy ones. */
export function ingressInto(plan: PlanDocument, sgId: string) {
    const rules: Array<{ source: unknown; protocol: unknown; from: unknown; to: unknown; cidr: unknown }> = [];
    for (const r of plan.resources.filter((x) => x.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
        if (r.inputs.securityGroupId !== sgId) continue;
        rules.push({ source: r.inputs.referencedSecurityGroupId, protocol: r.inputs.ipProtocol, from: r.inputs.fromPort, to: r.inputs.toPort, cidr: r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6 ?? r.inputs.prefixListId });
    }
    for (const r of plan.resources.filter((x) => x.type === "aws:ec2/securityGroupRule:SecurityGroupRule")) {
        if (r.inputs.securityGroupId === sgId && r.inputs.type === "ingress") rules.push({ source: r.inputs.sourceSecurityGroupId, protocol: r.inputs.protocol, from: r.inputs.fromPort, to: r.inputs.toPort, cidr: r.inputs.cidrBlocks });
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
