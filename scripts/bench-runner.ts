/**
 * Runner benchmarks (a script, not a test): p50/p95 of the common requests against the real
 * server on loopback, beside the bare toolchain doing the same work, and throughput at 1, 4 and
 * 16 concurrent clients. Prints a Markdown report for docs/performance.md.
 * Lockstep and the bare toolchain alternate request by request, so both see the same machine
 * (shared vCPUs drift by ±20% over minutes), with a pause between requests like a learner's.
 * Traced run and test beside the same requests untraced (the cost of trace: true).
 * Usage: npm run bench:runner [-- --iterations 15 --pace 500]; BENCH_DATA_DIR=<dir> reuses a warm data dir.
 */
import { spawn, execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { RunRequest, RunResult } from '../contract/run.ts';
import { waitForWarmServer } from './bench-server.ts';
import { percentile, tracingRows } from './bench-trace.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4391);
const BASE = `http://127.0.0.1:${PORT}`;
function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const N = option('--iterations', 15);
// A learner reads the output before running again; --pace 0 sends requests back to back.
const PACE_MS = option('--pace', 500);

const execFileAsync = promisify(execFile);
const HELLO = (n: number) =>
  `package main\n\nimport (\n\t"fmt"\n\t"sync"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\ttotal := 0\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 4; i++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tmu.Lock()\n\t\t\ttotal += ${n}\n\t\t\tmu.Unlock()\n\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(total)\n}\n`;
const PKG = (n: number) => ({
  'go.mod': 'module counter\n\ngo 1.24\n',
  'counter.go': `package counter\n\nimport "sync"\n\ntype Counter struct {\n\tmu sync.Mutex\n\tn  int\n}\n\nfunc (c *Counter) Add(d int) {\n\tc.mu.Lock()\n\tc.n += d\n\tc.mu.Unlock()\n}\n\nfunc (c *Counter) Value() int {\n\tc.mu.Lock()\n\tdefer c.mu.Unlock()\n\treturn c.n + ${n} - ${n}\n}\n`,
  'counter_test.go':
    'package counter\n\nimport (\n\t"sync"\n\t"testing"\n)\n\nfunc TestAdd(t *testing.T) {\n\tvar c Counter\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 8; i++ {\n\t\twg.Add(1)\n\t\tgo func() { defer wg.Done(); c.Add(1) }()\n\t}\n\twg.Wait()\n\tif c.Value() != 8 {\n\t\tt.Fatal(c.Value())\n\t}\n}\n',
});

let salt = Date.now() % 100000;

async function post(
  body: RunRequest,
  client: string,
): Promise<{ status: number; result?: RunResult; ms: number }> {
  const t = performance.now();
  const res = await fetch(`${BASE}/api/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lockstep-client': client },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as RunResult;
  return { status: res.status, result: res.status === 200 ? json : undefined, ms: performance.now() - t };
}

const pause = (): Promise<void> => new Promise((r) => setTimeout(r, PACE_MS));

async function series(name: string, make: (i: number) => RunRequest, expect: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    times.push(await once(name, make(i), expect));
    await pause();
  }
  return times;
}

async function once(name: string, body: RunRequest, expect: string): Promise<number> {
  const r = await post(body, 'bench');
  if (r.result?.status !== expect)
    throw new Error(`${name}: expected ${expect}, got ${r.status} ${r.result?.status}`);
  return r.ms;
}

/** Lockstep and the bare toolchain on fresh sources, alternating; returns both series. */
async function paired(
  name: string,
  request: () => RunRequest,
  expect: string,
  files: () => Record<string, string>,
  cmd: [string, string[]][],
): Promise<[number[], number[]]> {
  const ours: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < N; i++) {
    ours.push(await once(name, request(), expect));
    await pause();
    bareTimes.push(bareOnce(files(), cmd));
    await pause();
  }
  return [ours, bareTimes];
}

/** The same work without Lockstep: a temporary module, the user's warm GOCACHE. */
function bareOnce(fs: Record<string, string>, cmd: [string, string[]][]): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  if (!fs['go.mod']) fs['go.mod'] = 'module sandbox\n\ngo 1.24\n';
  for (const [f, text] of Object.entries(fs)) writeFileSync(join(dir, f), text);
  const t = performance.now();
  for (const [c, args] of cmd) {
    execFileSync(c, args, {
      cwd: dir,
      stdio: 'ignore',
      env: { ...process.env, GORACE: 'atexit_sleep_ms=0', GOFLAGS: '-mod=mod' },
    });
  }
  const ms = performance.now() - t;
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

async function throughput(clients: number, seconds: number): Promise<string> {
  const deadline = performance.now() + seconds * 1000;
  const lat: number[] = [];
  let ok = 0;
  let limited = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < deadline) {
        const r = await post({ action: 'run', files: { 'main.go': HELLO(salt++) } }, `client-${c}`).catch(
          () => ({ status: 0, ms: 0 }),
        );
        if (r.status === 200) {
          ok++;
          lat.push(r.ms);
        } else if (r.status === 429) {
          limited++;
          await new Promise((res) => setTimeout(res, 500));
        } else errors++;
      }
    }),
  );
  const rps = ok / seconds;
  return `| ${clients} | ${ok} | ${rps.toFixed(2)} | ${limited} | ${errors} | ${percentile(lat, 50).toFixed(0)} | ${percentile(lat, 95).toFixed(0)} |`;
}

/**
 * The bare toolchain under the same load: as many clients, each building and running a fresh
 * program as soon as its last one finished, through as many slots as the server has (its default
 * concurrency is the number of cores). What the machine itself allows, next to what Lockstep does.
 */
async function bareThroughput(clients: number, seconds: number): Promise<string> {
  const deadline = performance.now() + seconds * 1000;
  const lat: number[] = [];
  let free = cpus().length;
  const waiting: (() => void)[] = [];
  const acquire = (): Promise<void> =>
    free > 0 ? (free--, Promise.resolve()) : new Promise<void>((r) => waiting.push(r));
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const dir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
        writeFileSync(join(dir, 'go.mod'), 'module sandbox\n\ngo 1.24\n');
        writeFileSync(join(dir, 'main.go'), HELLO(salt++));
        const t = performance.now();
        await acquire();
        try {
          const env = { ...process.env, GORACE: 'atexit_sleep_ms=0' };
          await execFileAsync('go', ['build', '-race', '-o', 'prog', '.'], { cwd: dir, env });
          await execFileAsync('./prog', [], { cwd: dir, env });
        } finally {
          release();
        }
        lat.push(performance.now() - t);
        rmSync(dir, { recursive: true, force: true });
      }
    }),
  );
  return `| ${clients}, bare toolchain | ${lat.length} | ${(lat.length / seconds).toFixed(2)} | — | — | ${percentile(lat, 50).toFixed(0)} | ${percentile(lat, 95).toFixed(0)} |`;
}

/** A fresh hello program (a new salt each call, so no binary is reused). */
const helloFiles = (): Record<string, string> => ({ 'main.go': HELLO(salt++) });

/** The latency rows: each request kind beside the bare toolchain doing the same work. */
async function requestRows(): Promise<[string, number[], number[] | null][]> {
  const fixed = HELLO(1);
  await post({ action: 'run', files: { 'main.go': fixed } }, 'bench');
  const rows: [string, number[], number[] | null][] = [];
  rows.push([
    'unchanged example (binary reuse)',
    await series('unchanged', () => ({ action: 'run', files: { 'main.go': fixed } }), 'ok'),
    null,
  ]);
  const hello = helloFiles;
  const [edited, bareRun] = await paired('edited', () => ({ action: 'run', files: hello() }), 'ok', hello, [
    ['go', ['build', '-race', '-o', 'prog', '.']],
    ['./prog', []],
  ]);
  rows.push(['edited program (-race build + run)', edited, bareRun]);
  const [test, bareTest] = await paired(
    'test',
    () => ({ action: 'test', files: PKG(salt++) }),
    'ok',
    () => PKG(salt++),
    [['go', ['test', '-race', '-count=1', '.']]],
  );
  rows.push(['go test -race, small package', test, bareTest]);
  const [vet, bareVet] = await paired('vet', () => ({ action: 'vet', files: hello() }), 'ok', hello, [
    ['go', ['vet', '.']],
  ]);
  rows.push(['go vet', vet, bareVet]);
  const [fmt, bareFmt] = await paired('fmt', () => ({ action: 'fmt', files: hello() }), 'ok', hello, [
    ['gofmt', ['-l', '.']],
  ]);
  rows.push(['gofmt', fmt, bareFmt]);

  return rows;
}

async function main(): Promise<void> {
  // BENCH_DATA_DIR reuses a warm data dir (kept afterwards): a cold -race warm-up can pass the
  // build's wall clock on a loaded machine, and the figures are about warm requests anyway.
  const given = process.env.BENCH_DATA_DIR;
  const dataDir = given ?? mkdtempSync(join(tmpdir(), 'lockstep-bench-'));
  const server: ChildProcess = spawn(process.execPath, ['playground/src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      LOCKSTEP_DATA_DIR: dataDir,
      LOCKSTEP_SITE_DIR: process.env.LOCKSTEP_SITE_DIR ?? 'dist',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForWarmServer(BASE, 100);
    const rows = await requestRows();
    const tracing = await tracingRows({ post, once, pause, iterations: N }, [
      ['edited program, trace: true', () => ({ action: 'run', files: helloFiles() })],
      ['go test -race, small package, trace: true', () => ({ action: 'test', files: PKG(salt++) })],
    ]);

    const goVersion = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
    const lines = [
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${goVersion}, Node ${process.versions.node}; warm build cache; ${N} iterations each, alternating with the bare toolchain, ${PACE_MS} ms between requests.`,
      '',
      '| request | p50 ms | p95 ms | bare toolchain p50 ms | ratio (p50) |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...rows.map(
        ([name, xs, b]) =>
          `| ${name} | ${percentile(xs, 50).toFixed(0)} | ${percentile(xs, 95).toFixed(0)} | ${b ? percentile(b, 50).toFixed(0) : '—'} | ${b ? (percentile(xs, 50) / percentile(b, 50)).toFixed(2) : '—'} |`,
      ),
      '',
      ...tracing,
      '',
      `Throughput (edited programs, 20 s per level; 429 is the per-client queue limit working as designed; each level is followed by the bare toolchain under the same load through ${cpus().length} slots):`,
      '',
      '| clients | runs ok | runs/s | 429 | errors | p50 ms | p95 ms |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ];
    for (const clients of [1, 4, 16]) {
      lines.push(await throughput(clients, 20));
      lines.push(await bareThroughput(clients, 20));
    }
    console.log(lines.join('\n'));
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (given === undefined) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
