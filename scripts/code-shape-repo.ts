/**
 * Measures the repository's own TypeScript (outside tests, test suites and generated files) with
 * code-shape-measure.ts: what `npm run report:code-shape` prints and tests/unit/code-shape.test.ts
 * holds at zero.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  browserImportsIntoServer,
  importCycles,
  lineCount,
  longFunctions,
  MAX_FILE_LINES,
  relativeImports,
  type LongFunction,
} from './code-shape-measure.ts';

const ROOTS = ['playground', 'contract', 'components', 'scripts', 'integrations'];

export interface CodeShape {
  files: number;
  cycles: string[][];
  bigFiles: { file: string; lines: number }[];
  longFunctions: LongFunction[];
  browserIntoServer: string[];
}

/** The measured files: .ts, not tests (*.test.ts, *-suite.ts, any tests/ folder), not generated. */
function sourceFiles(root: string, dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['node_modules', 'tests', 'testdata'].includes(entry.name)) files.push(...sourceFiles(root, path));
    } else if (/\.ts$/.test(entry.name) && !/(\.test|\.generated|-suite)\.ts$/.test(entry.name)) {
      files.push(path);
    }
  }
  return files;
}

/** Measures the code under root (the repository's top folder). */
export function measureRepo(root: string): CodeShape {
  const files = ROOTS.flatMap((dir) => sourceFiles(root, dir)).sort();
  const texts = new Map(files.map((file) => [file, readFileSync(join(root, file), 'utf8')]));
  const imports = new Map(files.map((file) => [file, relativeImports(file, texts.get(file)!)]));
  return {
    files: files.length,
    cycles: importCycles(imports),
    bigFiles: files
      .map((file) => ({ file: relative('.', file), lines: lineCount(texts.get(file)!) }))
      .filter((f) => f.lines > MAX_FILE_LINES)
      .sort((a, b) => b.lines - a.lines),
    longFunctions: files
      .flatMap((file) => longFunctions(file, texts.get(file)!))
      .sort((a, b) => b.lines - a.lines),
    browserIntoServer: browserImportsIntoServer(imports),
  };
}
