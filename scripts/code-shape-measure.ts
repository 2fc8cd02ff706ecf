/**
 * The code's shape as issue #16 measures it: files over 300 lines, functions over 80 lines (function
 * declarations, function expressions, arrow functions, methods, constructors and accessors; the
 * lines of the body, braces included), and cycles among relative imports (type-only ones count:
 * they still tie two files together). Pure: takes the files' texts, returns the findings;
 * code-shape.ts reads the files and prints.
 */
import ts from 'typescript';
import { dirname, join, normalize } from 'node:path';

export const MAX_FILE_LINES = 300;
export const MAX_FUNCTION_LINES = 80;

export interface LongFunction {
  file: string;
  /** 1-based line where the body starts. */
  line: number;
  name: string;
  lines: number;
}

/** Lines of a text as an editor counts them (a final newline ends the last line, it adds none). */
export function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** The name a reader would look for: the declaration's own, or the variable or property it is assigned to. */
function functionName(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  return '(anonymous)';
}

/** Every function in `text` whose body spans more than `max` lines, longest first. */
export function longFunctions(file: string, text: string, max = MAX_FUNCTION_LINES): LongFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      const body = fn.body!;
      const first = source.getLineAndCharacterOfPosition(body.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(body.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max) found.push({ file, line: first + 1, name: functionName(fn, source), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.sort((a, b) => b.lines - a.lines);
}

/** The files a module imports or re-exports by a relative path, resolved against its own folder. */
export function relativeImports(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const targets: string[] = [];
  for (const statement of source.statements) {
    const specifier =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.'))
      targets.push(normalize(join(dirname(file), specifier.text)));
  }
  return targets;
}

/** Groups of files that import each other in a circle (Tarjan's strongly connected components). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const connect = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      onStack.delete(member);
      group.push(member);
      if (member === file) break;
    }
    if (group.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) connect(file);
  return cycles;
}

/** Imports from browser code (components/) into the server's folder (playground/), as "from → to". */
export function browserImportsIntoServer(imports: ReadonlyMap<string, readonly string[]>): string[] {
  return [...imports]
    .filter(([file]) => file.startsWith('components/'))
    .flatMap(([file, targets]) =>
      targets.filter((t) => t.startsWith('playground/')).map((t) => `${file} → ${t}`),
    );
}
