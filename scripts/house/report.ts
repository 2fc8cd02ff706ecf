/**
 * `npm run report:house`: prints the house rules' figures (issue #16) for the working tree — files
 * over 300 lines, functions over 80 lines, import cycles, browser imports into the server — and
 * exits 1 when any rule is broken, so the same numbers can be read by a person or a script.
 */
import {
  MAX_FILE_LINES,
  MAX_FUNCTION_LINES,
  browserImportsIntoServer,
  importCycles,
  lineCount,
  longFunctions,
} from './measure.ts';
import { houseSources } from './sources.ts';

const files = houseSources(process.cwd());
const longFiles = [...files].filter(([, text]) => lineCount(text) > MAX_FILE_LINES);
const longFns = [...files].flatMap(([file, text]) => longFunctions(file, text));
const cycles = importCycles(files);
const runtimeCycles = importCycles(files, true);
const intoServer = browserImportsIntoServer(files);

console.log(`${files.size} files of house code`);
console.log(`\nfiles over ${MAX_FILE_LINES} lines: ${longFiles.length}`);
for (const [file, text] of longFiles) console.log(`  ${lineCount(text)}  ${file}`);
console.log(`\nfunctions over ${MAX_FUNCTION_LINES} lines: ${longFns.length}`);
for (const f of longFns) console.log(`  ${f.lines}  ${f.file}:${f.line} ${f.name}`);
console.log(`\nimport cycles: ${cycles.length} (${runtimeCycles.length} of them load code at run time)`);
for (const c of cycles) {
  const runtime = runtimeCycles.some((r) => r.length === c.length && r.every((f) => c.includes(f)));
  console.log(`  ${runtime ? '[run time] ' : '[types] '}${[...c, c[0]].join(' → ')}`);
}
console.log(`\nbrowser imports into playground/: ${intoServer.length}`);
for (const i of intoServer) console.log(`  ${i}`);
process.exitCode = longFiles.length + longFns.length + cycles.length + intoServer.length > 0 ? 1 : 0;
