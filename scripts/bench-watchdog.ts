/**
 * The deadlock watchdog's speed (a script, not a test): how long after a program gets stuck the
 * runner answers `deadlock`, under -race, against the real server. Each stuck program is paired
 * with a baseline that does the same work and exits where the other blocks; the two alternate
 * request by request, so the difference of their run times is the verdict's latency on the same
 * machine at the same moment. Also checks that programs that only wait for time are never called
 * deadlocked. Prints a Markdown table for docs/performance.md.
 * Usage: npm run bench:watchdog [-- --iterations 5]; BENCH_DATA_DIR=<dir> reuses a warm data dir.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { RunRequest, RunResult } from '../contract/run.ts';
import { waitForWarmServer } from './bench-server.ts';
import { percentile } from './bench-trace.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4392);
const BASE = `http://127.0.0.1:${PORT}`;
const at = process.argv.indexOf('--iterations');
const N = at > 0 ? Number(process.argv[at + 1]) : 5;

const main = (imports: string[], body: string): RunRequest => ({
  action: 'run',
  files: {
    'main.go': `package main\n\nimport (\n${imports.map((i) => `\t"${i}"\n`).join('')})\n\n${body}`,
  },
});

/** A stuck program, its baseline (the same work, exiting where the stuck one blocks), and when it gets stuck. */
const PAIRS: { name: string; stuck: RunRequest; baseline: RunRequest; stuckAfterMs: number }[] = [
  {
    name: 'double Lock',
    stuck: main(
      ['fmt', 'sync'],
      'func main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tfmt.Println("locked once")\n\tmu.Lock()\n}\n',
    ),
    baseline: main(
      ['fmt', 'sync'],
      'func main() {\n\tvar mu sync.Mutex\n\tmu.Lock()\n\tfmt.Println("locked once")\n}\n',
    ),
    stuckAfterMs: 0,
  },
  {
    name: 'AB/BA',
    stuck: main(
      ['sync', 'time'],
      'func main() {\n\tvar a, b sync.Mutex\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\tgo func() { defer wg.Done(); a.Lock(); time.Sleep(50 * time.Millisecond); b.Lock() }()\n\tgo func() { defer wg.Done(); b.Lock(); time.Sleep(50 * time.Millisecond); a.Lock() }()\n\twg.Wait()\n}\n',
    ),
    baseline: main(
      ['sync', 'time'],
      'func main() {\n\tvar a, b sync.Mutex\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\tgo func() { defer wg.Done(); a.Lock(); time.Sleep(50 * time.Millisecond) }()\n\tgo func() { defer wg.Done(); b.Lock(); time.Sleep(50 * time.Millisecond) }()\n\twg.Wait()\n}\n',
    ),
    stuckAfterMs: 50,
  },
  {
    name: 'WaitGroup never Done',
    stuck: main(
      ['sync'],
      'func main() {\n\tvar wg sync.WaitGroup\n\twg.Add(2)\n\tgo func() { wg.Done() }()\n\twg.Wait()\n}\n',
    ),
    baseline: main(
      ['sync'],
      'func main() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() { wg.Done() }()\n\twg.Wait()\n}\n',
    ),
    stuckAfterMs: 0,
  },
  {
    name: 'unbuffered send, no receiver',
    stuck: main(['fmt'], 'func main() {\n\tch := make(chan int)\n\tfmt.Println("sending")\n\tch <- 1\n}\n'),
    baseline: main(
      ['fmt'],
      'func main() {\n\tch := make(chan int, 1)\n\tfmt.Println("sending")\n\tch <- 1\n}\n',
    ),
    stuckAfterMs: 0,
  },
  {
    name: 'a test that deadlocks (go test -race)',
    stuck: {
      action: 'test',
      files: {
        'go.mod': 'module stuck\n\ngo 1.24\n',
        'stuck_test.go':
          'package stuck\n\nimport "testing"\n\nfunc TestStuck(t *testing.T) {\n\tch := make(chan int)\n\t<-ch\n}\n',
      },
    },
    baseline: {
      action: 'test',
      files: {
        'go.mod': 'module stuck\n\ngo 1.24\n',
        'stuck_test.go':
          'package stuck\n\nimport "testing"\n\nfunc TestStuck(t *testing.T) {\n\tch := make(chan int, 1)\n\tch <- 1\n\t<-ch\n}\n',
      },
    },
    stuckAfterMs: 0,
  },
];

/** Programs that only wait for time: never a deadlock. */
const WAITERS: { name: string; request: RunRequest }[] = [
  {
    name: 'time.Sleep(1500 ms)',
    request: main(['time'], 'func main() {\n\ttime.Sleep(1500 * time.Millisecond)\n}\n'),
  },
  {
    name: 'WaitGroup released by time.AfterFunc(1500 ms)',
    request: main(
      ['sync', 'time'],
      'func main() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\ttime.AfterFunc(1500*time.Millisecond, wg.Done)\n\twg.Wait()\n}\n',
    ),
  },
  {
    name: '<-time.After(1500 ms)',
    request: main(['time'], 'func main() {\n\t<-time.After(1500 * time.Millisecond)\n}\n'),
  },
];

let client = 0;
async function post(body: RunRequest): Promise<RunResult> {
  const res = await fetch(`${BASE}/api/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lockstep-client': `watchdog-${client++}` },
    body: JSON.stringify({ ...body, race: true }),
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  return (await res.json()) as RunResult;
}

async function rows(): Promise<string[]> {
  const out: string[] = [];
  for (const pair of PAIRS) {
    const latency: number[] = [];
    const stuckRuns: number[] = [];
    const baseRuns: number[] = [];
    for (let i = 0; i < N; i++) {
      const stuck = await post(pair.stuck);
      const base = await post(pair.baseline);
      const stuckOk =
        stuck.status === 'deadlock' || (pair.stuck.action === 'test' && stuck.status === 'timeout');
      if (!stuckOk) throw new Error(`${pair.name}: expected deadlock, got ${stuck.status}`);
      if (base.status !== 'ok') throw new Error(`${pair.name} baseline: expected ok, got ${base.status}`);
      stuckRuns.push(stuck.timings.runMs);
      baseRuns.push(base.timings.runMs);
      latency.push(stuck.timings.runMs - base.timings.runMs - pair.stuckAfterMs);
    }
    out.push(
      `| ${pair.name} | ${percentile(stuckRuns, 50).toFixed(0)} | ${percentile(baseRuns, 50).toFixed(0)} | ${percentile(latency, 50).toFixed(0)} | ${Math.max(...latency).toFixed(0)} |`,
    );
  }
  return out;
}

async function waiterRows(): Promise<string[]> {
  const out: string[] = [];
  for (const w of WAITERS) {
    const statuses: string[] = [];
    for (let i = 0; i < N; i++) statuses.push((await post(w.request)).status);
    const ok = statuses.filter((s) => s === 'ok').length;
    out.push(
      `| ${w.name} | ${ok} of ${statuses.length} ok | ${statuses.filter((s) => s === 'deadlock').length} |`,
    );
  }
  return out;
}

async function run(): Promise<void> {
  const given = process.env.BENCH_DATA_DIR;
  const dataDir = given ?? mkdtempSync(join(tmpdir(), 'lockstep-watchdog-'));
  const server: ChildProcess = spawn(process.execPath, ['playground/src/server.ts'], {
    env: { ...process.env, PORT: String(PORT), LOG_LEVEL: 'warn', LOCKSTEP_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForWarmServer(BASE, 120);
    const goVersion = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
    const lines = [
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${goVersion}; -race, warm build cache; ${N} pairs each, stuck and baseline alternating.`,
      '',
      '| stuck program | stuck run p50 ms | baseline run p50 ms | verdict after getting stuck, p50 ms | max ms |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...(await rows()),
      '',
      '| waits only for time | verdicts | called deadlock |',
      '| --- | --- | ---: |',
      ...(await waiterRows()),
    ];
    console.log(lines.join('\n'));
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (given === undefined) rmSync(dataDir, { recursive: true, force: true });
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
