/**
 * `npm run report:code-shape`: prints the code's shape as issue #16 measures it — import cycles,
 * files over 300 lines, functions over 80 lines, browser imports into the server's folder — in the
 * project's own TypeScript outside tests and generated files. tests/unit/code-shape.test.ts keeps
 * every count at zero; this says where a failure is.
 */
import { MAX_FILE_LINES, MAX_FUNCTION_LINES } from './code-shape-measure.ts';
import { measureRepo } from './code-shape-repo.ts';

const shape = measureRepo(process.cwd());
console.log(`${shape.files} files; import cycles: ${shape.cycles.length}`);
for (const cycle of shape.cycles) console.log(`  ${cycle.join(' <-> ')}`);
console.log(`files over ${MAX_FILE_LINES} lines: ${shape.bigFiles.length}`);
for (const f of shape.bigFiles) console.log(`  ${String(f.lines).padStart(5)}  ${f.file}`);
console.log(`functions over ${MAX_FUNCTION_LINES} lines: ${shape.longFunctions.length}`);
for (const f of shape.longFunctions)
  console.log(`  ${String(f.lines).padStart(5)}  ${f.file}:${f.line}  ${f.name}`);
console.log(`browser imports into playground/: ${shape.browserIntoServer.length}`);
for (const i of shape.browserIntoServer) console.log(`  ${i}`);
