/**
 * Measures the house rules the renovation (issue #16) set: files over 300 lines, functions over 80
 * lines, relative-import cycles, and browser code importing the server's folders. Pure over the
 * sources it is given (path → text), so a test can feed it small cases; scripts/house/report.ts
 * and tests/unit/house-rules.test.ts feed it the repository.
 */
import { dirname, join, normalize } from 'node:path/posix';
import ts from 'typescript';

export const MAX_FILE_LINES = 300;
export const MAX_FUNCTION_LINES = 80;

export interface LongFunction {
  file: string;
  name: string;
  line: number;
  lines: number;
}

/** Lines of a text, not counting a final newline. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** The name a function goes by: its own, its variable's, its property's or its method's. */
function functionName(node: ts.Node, source: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(source);
  const parent = node.parent;
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent)
  ) {
    return parent.name.getText(source);
  }
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(source).slice(0, 40)})`;
  return '(anonymous)';
}

/** Every function, arrow function, method and accessor whose span is over the limit. */
export function longFunctions(file: string, text: string, limit = MAX_FUNCTION_LINES): LongFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessor(node) ||
      ts.isSetAccessor(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > limit) found.push({ file, name: functionName(node, source), line: start + 1, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** True when an import or export declaration brings in types only (erased when compiled). */
function typeOnly(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(statement)) {
    if (statement.isTypeOnly) return true;
    const clause = statement.exportClause;
    return (
      !!clause &&
      ts.isNamedExports(clause) &&
      clause.elements.length > 0 &&
      clause.elements.every((e) => e.isTypeOnly)
    );
  }
  const clause = statement.importClause;
  if (!clause) return false; // import './x.ts' runs x
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return (
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

/**
 * The relative module specifiers a file imports or re-exports, as repository paths; with
 * valuesOnly, only those that load code when the file runs (type-only imports are erased).
 */
export function relativeImports(file: string, text: string, valuesOnly = false): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const statement of source.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text.startsWith('.') &&
      !(valuesOnly && typeOnly(statement))
    ) {
      out.push(normalize(join(dirname(file), statement.moduleSpecifier.text)));
    }
  }
  return out;
}

/**
 * Import cycles among the given files, each as the files around it (one per set of files). With
 * valuesOnly, only cycles that load code at run time; otherwise type-only imports count too.
 */
export function importCycles(files: ReadonlyMap<string, string>, valuesOnly = false): string[][] {
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    graph.set(
      file,
      relativeImports(file, text, valuesOnly).filter((t) => files.has(t)),
    );
  }
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const walk = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(next)) walk(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) walk(file);
  return cycles;
}

/** Imports from browser code (components/) into the server's folder (playground/). */
export function browserImportsIntoServer(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    if (!file.startsWith('components/')) continue;
    for (const target of relativeImports(file, text)) {
      if (target.startsWith('playground/')) out.push(`${file} → ${target}`);
    }
  }
  return out;
}
