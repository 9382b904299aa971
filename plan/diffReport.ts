/** Readable forms of a plan diff: the terminal summary and a pull-request comment in Markdown. */
import type { PlanDocument, PlanViolation } from "./types";
import type { ChangeAction, PlanDiff, ResourceChange } from "./diff";
import { componentOf } from "./guard";

/** Replacements and deletions first: they are what a reviewer must see. */
const ORDER: ChangeAction[] = ["replace", "delete", "create", "update", "same"];

const SYMBOL: Record<ChangeAction, string> = { replace: "+-", delete: "-", create: "+", update: "~", same: " " };

const usd = (n: number) =>
    `${n < 0 ? "-" : "+"}$${Math.abs(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function detail(c: ResourceChange): string {
    if (c.action === "replace") {
        const dbr = c.deleteBeforeReplace
            ? c.deleteBeforeReplaceExplicit
                ? ", delete before replace"
                : ", delete before replace (fixed name)"
            : "";
        return `replace: ${c.replaceReasons.join(", ")}${dbr}`;
    }
    if (c.action === "update") return c.changedInputs.length ? `update: ${c.changedInputs.join(", ")}` : "update: options";
    return c.action;
}

function sorted(changes: ResourceChange[]): ResourceChange[] {
    return [...changes].sort((a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action) || a.urn.localeCompare(b.urn));
}

function groups(diff: PlanDiff, plans: { before: PlanDocument; after: PlanDocument }): Map<string, ResourceChange[]> {
    const byComponent = new Map<string, ResourceChange[]>();
    for (const c of diff.changes) {
        if (c.action === "same") continue;
        const component = componentOf(c.urn, c.action === "delete" ? plans.before : plans.after);
        byComponent.set(component, [...(byComponent.get(component) ?? []), c]);
    }
    // Components with a replacement or deletion first.
    const rank = (list: ResourceChange[]) => Math.min(...list.map((c) => ORDER.indexOf(c.action)));
    return new Map([...byComponent.entries()].sort((a, b) => rank(a[1]) - rank(b[1]) || a[0].localeCompare(b[0])));
}

function summaryLine(diff: PlanDiff): string {
    const s = diff.summary;
    return `${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete, ${s.same} unchanged; monthly cost ${usd(diff.monthlyUsdDelta)}`;
}

/** The terminal summary of a diff. */
export function summarizeDiff(diff: PlanDiff, plans: { before: PlanDocument; after: PlanDocument }, violations: PlanViolation[]): string {
    const lines = [`Changes against ${diff.against}: ${summaryLine(diff)}`];
    for (const [component, list] of groups(diff, plans)) {
        lines.push(`  ${component}`);
        for (const c of sorted(list)) lines.push(`    ${SYMBOL[c.action].padEnd(2)} ${c.type} ${c.name}  ${detail(c)}`);
    }
    const lifecycle = violations.filter((v) => v.policy.startsWith("strata-lifecycle-"));
    if (lifecycle.length) {
        lines.push("", "Lifecycle guard:");
        for (const v of lifecycle) lines.push(`  [${v.enforcementLevel}] ${v.policy}: ${v.message}`);
    }
    return lines.join("\n");
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

const money = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The cost items whose monthly figure differs between the plans, largest change first. */
export function costChanges(plans: { before: PlanDocument; after: PlanDocument }): Array<{
    urn: string;
    type: string;
    before: number;
    after: number;
    delta: number;
    basis: string;
}> {
    // An earlier plan document from an older commit may lack items: nothing to compare then.
    const before = new Map((plans.before.cost.items ?? []).map((i) => [i.urn, i]));
    const after = new Map((plans.after.cost.items ?? []).map((i) => [i.urn, i]));
    const out = [];
    for (const urn of new Set([...before.keys(), ...after.keys()])) {
        const b = before.get(urn);
        const a = after.get(urn);
        const delta = (a?.monthlyUsd ?? 0) - (b?.monthlyUsd ?? 0);
        if (Math.abs(delta) < 0.005) continue;
        out.push({
            urn,
            type: (a ?? b)!.type,
            before: b?.monthlyUsd ?? 0,
            after: a?.monthlyUsd ?? 0,
            delta,
            basis: (a ?? b)!.basis,
        });
    }
    return out.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.urn.localeCompare(y.urn));
}

/**
 * The findings a reviewer must see: every mandatory one (each fails the plan, exit 1), the lifecycle guard's advisory
 * ones (they are about this change), and advisory policy findings the earlier plan did not have.
 */
export function reviewFindings(before: PlanDocument, violations: PlanViolation[]): PlanViolation[] {
    const key = (v: PlanViolation) => `${v.policy}\u0000${v.urn ?? ""}`;
    const earlier = new Set((before.violations ?? []).map(key));
    const rank = (v: PlanViolation) => (v.enforcementLevel === "mandatory" ? 0 : 1);
    return violations
        .filter((v) => v.enforcementLevel === "mandatory" || v.policy.startsWith("strata-lifecycle-") || !earlier.has(key(v)))
        .sort((a, b) => rank(a) - rank(b));
}

/** Show at most this many cost lines in a comment; the rest are counted. */
const COST_LINES = 15;

/**
 * A pull-request comment: the verdict (blocked by mandatory findings or not), the change counts, the monthly cost
 * before and after with the items that changed, the findings, then the changes per component (replacements and
 * deletions first).
 */
export function diffMarkdown(diff: PlanDiff, plans: { before: PlanDocument; after: PlanDocument }, violations: PlanViolation[]): string {
    const [counts] = summaryLine(diff).split("; ");
    const findings = reviewFindings(plans.before, violations);
    const mandatory = findings.filter((f) => f.enforcementLevel === "mandatory");
    const out = [`### Strata plan: ${plans.after.stack}`, ""];
    if (mandatory.length) {
        const guard = mandatory.filter((f) => f.policy.startsWith("strata-lifecycle-")).length;
        out.push(
            `**Blocked: ${mandatory.length} mandatory finding${mandatory.length === 1 ? "" : "s"}** (${guard} from the lifecycle guard, ${mandatory.length - guard} from policies); the plan exits 1.`,
            "",
        );
    }
    out.push(
        `**${counts}**`,
        "",
        `Monthly cost: ${money(plans.before.cost.monthlyUsd)} -> ${money(plans.after.cost.monthlyUsd)} (**${usd(diff.monthlyUsdDelta)}**)`,
        "",
    );
    const costs = costChanges(plans);
    if (costs.length) {
        out.push(`<details><summary>Cost changes (${costs.length})</summary>`, "");
        out.push("| resource | type | before | after | change | basis |", "|---|---|---:|---:|---:|---|");
        for (const c of costs.slice(0, COST_LINES))
            out.push(
                `| ${cell(c.urn.split("::").pop() ?? c.urn)} | \`${c.type}\` | ${money(c.before)} | ${money(c.after)} | ${usd(c.delta)} | ${cell(c.basis)} |`,
            );
        if (costs.length > COST_LINES) out.push("", `and ${costs.length - COST_LINES} smaller changes.`);
        out.push("", "</details>", "");
    }
    if (findings.length) {
        out.push("| level | policy | resource | finding |", "|---|---|---|---|");
        for (const v of findings)
            out.push(`| ${v.enforcementLevel} | \`${v.policy}\` | ${cell(v.urn?.split("::").pop() ?? "")} | ${cell(v.message)} |`);
        out.push("");
    }
    const g = groups(diff, plans);
    if (g.size === 0) out.push("No resource changes.");
    for (const [component, list] of g) {
        out.push(
            `<details${list.some((c) => c.action === "replace" || c.action === "delete") ? " open" : ""}><summary><b>${component}</b> (${list.length})</summary>`,
            "",
        );
        out.push("| | type | name | change |", "|---|---|---|---|");
        for (const c of sorted(list)) out.push(`| ${c.action} | \`${c.type}\` | ${cell(c.name)} | ${cell(detail(c))} |`);
        out.push("", "</details>", "");
    }
    return out.join("\n");
}
