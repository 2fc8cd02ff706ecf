/**
 * npm run bench:timelines (a script, not a test): every lesson example — the folders in
 * content/snippets/ and the ```go fences of content/docs/ (both locales; the same code in two
 * places is run once), collected as check:snippets collects them — run with trace: true on the
 * real runner's sandbox (its -race build, run and converter steps, as POST /api/run runs them),
 * each with its declared action (run or test; the course has no fmt/vet examples) and race
 * setting. Per example: the timeline JSON's bytes as the converter wrote it, its events, and the
 * converter step's wall time in its sandbox, which RunResult does not carry (hence the sandbox
 * in this process rather than the HTTP API). Flags anything over issue #18's budgets (200 KB,
 * 50 ms). Prints Markdown for docs/performance.md: the summary, then every row.
 * Uses LOCKSTEP_DATA_DIR (default .data/it, the integration tests' warm build cache).
 * Arguments narrow the run: `npm run bench:timelines -- locks/` runs examples whose id has one.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { loadFenceSnippets, loadSnippetFolders, type Snippet } from '../integrations/snippets/collect.ts';
import { loadConfig } from '../playground/src/config.ts';
import { classify } from '../playground/src/parsers/status.ts';
import { traceResult } from '../playground/src/parsers/trace.ts';
import { createSandbox, type Sandbox } from '../playground/src/sandbox/index.ts';
import { limitsFromConfig } from '../playground/src/sandboxed-run-service.ts';
import { timelineEvents } from './synthetic-timeline.ts';
import { percentile } from './bench-trace.ts';
import { merged, misses, summaryLines, tableLines, type ExampleFigure } from './timeline-figures.ts';

/** The examples, the same code in several places (an English page and its Chinese twin) once. */
function examples(only: string[]): { snippet: Snippet; places: number }[] {
  const all = [...loadSnippetFolders('content/snippets'), ...loadFenceSnippets('content/docs')].filter(
    (s) => only.length === 0 || only.some((o) => s.id.includes(o)),
  );
  const byCode = new Map<string, { snippet: Snippet; places: number }>();
  for (const snippet of all) {
    const key = JSON.stringify([snippet.files, snippet.action, snippet.race]);
    const seen = byCode.get(key);
    if (seen) seen.places++;
    else byCode.set(key, { snippet, places: 1 });
  }
  return [...byCode.values()];
}

async function traced(sandbox: Sandbox, snippet: Snippet, places: number): Promise<ExampleFigure> {
  const files = snippet.files;
  const raw = await sandbox.execute({ files, action: snippet.action, race: snippet.race, trace: true });
  const trace = traceResult(raw.trace);
  const step = raw.trace && 'converter' in raw.trace ? raw.trace.converter : null;
  const timeline = trace && 'timeline' in trace ? trace.timeline : null;
  return {
    id: snippet.id,
    places,
    action: snippet.action,
    status: classify(raw, 0, files).status,
    trace: timeline ? 'timeline' : trace && 'missing' in trace ? trace.missing : 'absent',
    jsonBytes: step ? Buffer.byteLength(step.stdout, 'utf8') : 0,
    events: timeline ? timelineEvents(timeline) : null,
    truncated: timeline?.truncated?.cause ?? null,
    convertMs: step ? step.durationMs : null,
    convertRuns: step ? [step.durationMs] : [],
    runMs: raw.run?.durationMs ?? 0,
  };
}

/** The emptiest traced program: its conversion step is mostly the sandbox's own start. */
const EMPTY: Snippet = {
  id: 'func main() {}',
  location: 'bench:timelines',
  title: undefined,
  action: 'run',
  expect: 'ok',
  race: true,
  files: { 'main.go': 'package main\n\nfunc main() {}\n' },
};
const FLOOR_RUNS = 5;
/** Runs more of an example whose first conversion was over 50 ms: one run on a shared machine proves little. */
const AGAIN = 2;

/** The conversion step of EMPTY, FLOOR_RUNS times: what any example's figure costs before its trace. */
async function floor(sandbox: Sandbox): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < FLOOR_RUNS; i++) times.push((await traced(sandbox, EMPTY, 1)).convertMs ?? NaN);
  return times;
}

/** Waits for the build cache (the figures are about warm runs), up to ten minutes. */
async function warm(sandbox: Sandbox): Promise<void> {
  void sandbox.warm();
  for (let i = 0; i < 1200 && !['warm', 'failed'].includes(sandbox.warmState().state); i++)
    await new Promise((r) => setTimeout(r, 500));
}

async function main(): Promise<number> {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    LOCKSTEP_DATA_DIR: process.env.LOCKSTEP_DATA_DIR ?? '.data/it',
  });
  const sandbox = createSandbox({
    dataDir: config.LOCKSTEP_DATA_DIR,
    unsafeNoSandbox: config.LOCKSTEP_UNSAFE_NO_SANDBOX,
    limits: limitsFromConfig(config),
  });
  try {
    const probe = await sandbox.probe();
    if (!probe.available) {
      console.error(`bench:timelines: code cannot run here: ${probe.reason}`);
      return 2;
    }
    await warm(sandbox);
    const list = examples(process.argv.slice(2));
    const load = [loadavg()];
    const floors = await floor(sandbox);
    const figures: ExampleFigure[] = [];
    for (const [i, { snippet, places }] of list.entries()) {
      figures.push(await traced(sandbox, snippet, places));
      if (process.stderr.isTTY) process.stderr.write(`\r${i + 1}/${list.length} ${snippet.id}\x1b[K`);
    }
    for (const [i, f] of figures.entries()) {
      if (!misses(f).includes('50 ms')) continue;
      const again: ExampleFigure[] = [];
      for (let k = 0; k < AGAIN; k++) again.push(await traced(sandbox, list[i]!.snippet, list[i]!.places));
      figures[i] = merged(f, again);
    }
    floors.push(...(await floor(sandbox)));
    load.push(loadavg());
    const goVersion = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
    console.log(
      [
        `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${goVersion}, Node ${process.versions.node}; ` +
          `load average (1 min) ${load.map((l) => l[0]!.toFixed(1)).join(' at the start, ')} at the end; one example at a time.`,
        '',
        `The floor: converting the trace of \`func main() {}\` took ${percentile(floors, 50).toFixed(0)} ms p50 (${floors.map((x) => x.toFixed(0)).join(', ')} ms; ${FLOOR_RUNS} before the examples, ${FLOOR_RUNS} after) — the converter's sandbox starting, not its work.`,
        '',
        `Examples whose first conversion took over 50 ms were run ${AGAIN} more times; their figure is the least of the runs (all in brackets).`,
        '',
        ...summaryLines(figures),
        '',
        'Every example:',
        '',
        ...tableLines(figures),
      ].join('\n'),
    );
    return 0;
  } finally {
    await sandbox.close();
  }
}

process.exitCode = await main();
