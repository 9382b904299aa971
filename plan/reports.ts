/**
 * The plan's policy findings as files CI systems read: SARIF 2.1.0 for GitHub code scanning (`--sarif <file>`) and
 * JUnit XML for test report viewers (`--junit <file>`). Pure functions of the plan document and the pack's metadata.
 */
import * as crypto from "crypto";
import type { Log, ReportingDescriptor, Result } from "sarif";
import type { PlanDocument, PlanViolation } from "./types";
import type { StrataPolicy } from "../policy/lib/metadata";
import { nameOfUrn } from "../components/exceptions";

export interface ReportOptions {
    /** The stack file the findings are reported against (a path relative to the repository root, with `/`). */
    stackFile: string;
    /** The 1-based line of the stack file the results point at (its `config:` line). Default 1. */
    line?: number;
    /** The pack's policies (their metadata becomes SARIF rules and JUnit test cases). */
    policies: readonly StrataPolicy[];
    /** The tool version to report. */
    version: string;
}

/** GitHub code scanning reads `security-severity` (0-10) to rank alerts. */
const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

function controlsOf(p: StrataPolicy): string[] {
    const c = p.controls;
    return [
        ...(c.cis ?? []).map((x) => `CIS ${x}`),
        ...(c.fsbp ?? []).map((x) => `FSBP ${x}`),
        ...(c.checkov ?? []),
        ...((c as { cdkNag?: string[] }).cdkNag ?? []),
        ...(c.other ?? []),
    ];
}

function rule(p: StrataPolicy): ReportingDescriptor {
    const controls = controlsOf(p);
    return {
        id: p.name,
        shortDescription: { text: p.description },
        fullDescription: { text: p.checks.replace(/`/g, "") },
        help: {
            text: `${p.checks.replace(/`/g, "")}\nControls: ${controls.join(", ") || "none"}.\nTo deviate, add an entry to strata:exceptions { rule: "${p.name}", target, reason, expires }.`,
            markdown: `${p.checks}\n\n**Controls:** ${controls.join(", ") || "none"}\n\nTo deviate, add to \`strata:exceptions\`: \`{ rule: "${p.name}", target: "<resource name or glob>", reason: "<why>", expires: "<YYYY-MM-DD>" }\`.`,
        },
        defaultConfiguration: { level: p.enforcementLevel === "advisory" ? "warning" : "error" },
        properties: { tags: [p.category, ...controls], "security-severity": SECURITY_SEVERITY[p.severity] ?? "5.5", precision: "high" },
    };
}

/** A stable id of a finding across runs: the policy and the resource's URN. */
function fingerprint(v: PlanViolation): string {
    return crypto
        .createHash("sha256")
        .update(`${v.policy}\u0000${v.urn ?? "(stack)"}`)
        .digest("hex")
        .slice(0, 32);
}

/** The plan's findings as a SARIF 2.1.0 log: one rule per policy, one result per violation. */
export function sarifReport(plan: PlanDocument, o: ReportOptions): Log {
    const rules = o.policies.map(rule);
    const index = new Map(rules.map((r, i) => [r.id, i]));
    // Findings of the engine and the plan itself (default providers, capacity) are rules too, without pack metadata.
    for (const v of plan.violations) {
        if (index.has(v.policy)) continue;
        index.set(v.policy, rules.length);
        rules.push({ id: v.policy, shortDescription: { text: v.policy }, defaultConfiguration: { level: "error" } });
    }
    const results: Result[] = plan.violations.map((v) => ({
        ruleId: v.policy,
        ruleIndex: index.get(v.policy)!,
        level: v.enforcementLevel === "mandatory" ? "error" : "warning",
        message: { text: `${v.urn ? `${nameOfUrn(v.urn)}: ` : ""}${v.message}` },
        locations: [
            {
                physicalLocation: { artifactLocation: { uri: o.stackFile }, region: { startLine: o.line ?? 1 } },
                logicalLocations: v.urn
                    ? [{ name: nameOfUrn(v.urn), fullyQualifiedName: v.urn, kind: "resource" }]
                    : [{ name: plan.stack, kind: "module" }],
            },
        ],
        partialFingerprints: { "strataFinding/v1": fingerprint(v) },
    }));
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: { driver: { name: "strata-policy-pack", version: o.version, rules } },
                automationDetails: { id: `strata-plan/${plan.stack}/` },
                results,
            },
        ],
    };
}

function xml(s: string): string {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/**
 * The plan's findings as JUnit XML: one test case per policy (class name: its category); a mandatory violation is a
 * failure listing the resources, advisories are reported in the case's output, waived findings are skipped cases.
 */
export function junitReport(plan: PlanDocument, o: ReportOptions): string {
    const byPolicy = new Map<string, PlanViolation[]>();
    for (const v of plan.violations) byPolicy.set(v.policy, [...(byPolicy.get(v.policy) ?? []), v]);
    const waived = new Map<string, number>();
    for (const e of plan.exceptions?.entries ?? []) for (const w of e.waived) waived.set(w.policy, (waived.get(w.policy) ?? 0) + 1);
    const names = [...o.policies.map((p) => p.name), ...[...byPolicy.keys()].filter((k) => !o.policies.some((p) => p.name === k))];
    const category = new Map(o.policies.map((p) => [p.name, p.category]));
    let failures = 0;
    const cases = names.map((name) => {
        const found = byPolicy.get(name) ?? [];
        const mandatory = found.filter((v) => v.enforcementLevel === "mandatory");
        const lines = (vs: PlanViolation[]) => vs.map((v) => `${v.urn ? nameOfUrn(v.urn) : "(stack)"}: ${v.message}`).join("\n");
        const head = `    <testcase classname="${xml(`strata.${category.get(name) ?? "plan"}`)}" name="${xml(name)}" file="${xml(o.stackFile)}">`;
        const body: string[] = [];
        if (mandatory.length > 0) {
            failures++;
            body.push(
                `      <failure message="${xml(`${mandatory.length} mandatory violation(s)`)}" type="mandatory">${xml(lines(mandatory))}</failure>`,
            );
        }
        const advisory = found.filter((v) => v.enforcementLevel !== "mandatory");
        if (advisory.length > 0) body.push(`      <system-out>${xml(`advisory:\n${lines(advisory)}`)}</system-out>`);
        if (waived.has(name) && found.length === 0)
            body.push(`      <skipped message="${xml(`${waived.get(name)} finding(s) waived by strata:exceptions`)}"/>`);
        return body.length === 0 ? `${head}</testcase>` : [head, ...body, "    </testcase>"].join("\n");
    });
    const skipped = names.filter((n) => waived.has(n) && !byPolicy.has(n)).length;
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="strata-plan" tests="${names.length}" failures="${failures}" skipped="${skipped}">`,
        `  <testsuite name="${xml(`policies: ${plan.stack}`)}" tests="${names.length}" failures="${failures}" skipped="${skipped}" errors="0">`,
        ...cases,
        "  </testsuite>",
        "</testsuites>",
        "",
    ].join("\n");
}
