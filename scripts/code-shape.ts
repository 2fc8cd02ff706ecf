/**
 * Prints the code's shape (issue #16): import cycles, files over 300 lines and functions over 80
 * lines in the project's own TypeScript outside tests and generated files. A report, not a gate:
 * it exits 0 whatever it finds. Run from the repository root: `node scripts/code-shape.ts`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  importCycles,
  lineCount,
  longFunctions,
  MAX_FILE_LINES,
  MAX_FUNCTION_LINES,
  relativeImports,
} from './code-shape-measure.ts';

const ROOTS = ['playground', 'contract', 'components', 'scripts', 'integrations'];

/** The measured files: .ts, not tests (*.test.ts, any tests/ folder), not generated (*.generated.ts). */
function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'tests') files.push(...sourceFiles(path));
    } else if (/\.ts$/.test(entry.name) && !/\.(test|generated)\.ts$/.test(entry.name)) {
      files.push(path);
    }
  }
  return files;
}

const files = ROOTS.flatMap(sourceFiles).sort();
const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));

const cycles = importCycles(new Map(files.map((file) => [file, relativeImports(file, texts.get(file)!)])));
console.log(`${files.length} files; import cycles: ${cycles.length}`);
for (const cycle of cycles) console.log(`  ${cycle.join(' <-> ')}`);

const bigFiles = files
  .map((file) => ({ file, lines: lineCount(texts.get(file)!) }))
  .filter((f) => f.lines > MAX_FILE_LINES)
  .sort((a, b) => b.lines - a.lines);
console.log(`files over ${MAX_FILE_LINES} lines: ${bigFiles.length}`);
for (const f of bigFiles) console.log(`  ${String(f.lines).padStart(5)}  ${f.file}`);

const functions = files
  .flatMap((file) => longFunctions(file, texts.get(file)!))
  .sort((a, b) => b.lines - a.lines);
console.log(`functions over ${MAX_FUNCTION_LINES} lines: ${functions.length}`);
for (const f of functions) console.log(`  ${String(f.lines).padStart(5)}  ${f.file}:${f.line}  ${f.name}`);
