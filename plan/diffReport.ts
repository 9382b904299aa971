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

const cell = (s: string) => s.replace(/\|/g, "\\|");

/** A pull-request comment: summary, guard findings, then changes per component (replacements and deletions first). */
export function diffMarkdown(diff: PlanDiff, plans: { before: PlanDocument; after: PlanDocument }, violations: PlanViolation[]): string {
    const [counts, cost] = summaryLine(diff).split("; ");
    const out = [`### Strata plan: ${plans.after.stack}`, "", `**${counts}**; ${cost}`, ""];
    const lifecycle = violations.filter((v) => v.policy.startsWith("strata-lifecycle-"));
    if (lifecycle.length) {
        out.push("| level | guard | finding |", "|---|---|---|");
        for (const v of lifecycle) out.push(`| ${v.enforcementLevel} | \`${v.policy}\` | ${cell(v.message)} |`);
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
