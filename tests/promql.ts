/**
 * PromQL checks for tests: every problem of an expression (syntax errors as error nodes of the lezer tree, type errors
 * from @prometheus-io/codemirror-promql's Parser analysis: the bare grammar never throws), and the metric names it selects.
 */
import { EditorState } from "@codemirror/state";
import { ensureSyntaxTree } from "@codemirror/language";
import { PromQLExtension } from "@prometheus-io/codemirror-promql";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Parser } = require("@prometheus-io/codemirror-promql/dist/cjs/parser") as {
    Parser: new (state: EditorState) => { analyze(): void; getDiagnostics(): Array<{ message: string }> };
};

const extension = new PromQLExtension().asExtension();

/** Every problem of an expression: syntax errors (error nodes of the tree) and type errors (the parser's analysis). */
export function promqlProblems(expr: string): string[] {
    const state = EditorState.create({ doc: expr, extensions: extension });
    const problems: string[] = [];
    fullTree(state).iterate({
        enter: (node) => {
            if (node.type.isError) problems.push(`syntax error at ${node.from}`);
        },
    });
    const parser = new Parser(state);
    parser.analyze();
    problems.push(...parser.getDiagnostics().map((d) => d.message));
    return problems;
}

/**
 * The whole syntax tree of a state. CodeMirror parses within a time budget (`syntaxTree` returns what a budget of a few
 * milliseconds reached, which on a loaded machine is part of the expression): parse to the end, however long it takes.
 */
function fullTree(state: EditorState) {
    const tree = ensureSyntaxTree(state, state.doc.length, 60_000);
    if (!tree) throw new Error("the PromQL parser did not finish");
    return tree;
}

/** The metric names an expression selects (VectorSelector identifiers of the tree). */
export function metricsOf(expr: string): string[] {
    const state = EditorState.create({ doc: expr, extensions: extension });
    const names = new Set<string>();
    fullTree(state).iterate({
        enter: (node) => {
            if (node.name === "Identifier" && node.node.parent?.name === "VectorSelector") names.add(expr.slice(node.from, node.to));
        },
    });
    return [...names];
}
