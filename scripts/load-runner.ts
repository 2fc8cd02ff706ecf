/**
 * Bounded loopback load (a script, not a test): 50 clients for 60 s with mixed actions against a
 * real server started here. Reports status counts (there must be no 5xx) and the server's RSS over
 * time (it must stay flat). Only 127.0.0.1 is ever contacted; the loop stops by itself.
 * Usage: npm run bench:load [-- --clients 50 --seconds 60]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunRequest } from '../contract/run.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4392);
const BASE = `http://127.0.0.1:${PORT}`;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 50);
const SECONDS = arg('seconds', 60);

const REQUESTS: ((n: number) => RunRequest)[] = [
  () => ({
    action: 'run',
    files: { 'main.go': 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("same") }\n' },
  }),
  (n) => ({
    action: 'run',
    files: { 'main.go': `package main\n\nimport "fmt"\n\nfunc main() { fmt.Println(${n}) }\n` },
  }),
  () => ({
    action: 'run',
    files: {
      'main.go':
        'package main\n\nimport "sync"\n\nfunc main() {\n\tx := 0\n\tvar wg sync.WaitGroup\n\tfor i := 0; i < 2; i++ {\n\t\twg.Add(1)\n\t\tgo func() { defer wg.Done(); x++ }()\n\t}\n\twg.Wait()\n}\n',
    },
  }),
  (n) => ({
    action: 'vet',
    files: { 'main.go': `package main\n\nimport "fmt"\n\nfunc main() { fmt.Printf("%d\\n", ${n}) }\n` },
  }),
  (n) => ({ action: 'fmt', files: { 'main.go': `package main\nfunc main(){ _ = ${n} }\n` } }),
  (n) => ({
    action: 'test',
    files: {
      'go.mod': 'module p\n\ngo 1.24\n',
      'p.go': `package p\n\nfunc F() int { return ${n} }\n`,
      'p_test.go': `package p\n\nimport "testing"\n\nfunc TestF(t *testing.T) {\n\tif F() != ${n} {\n\t\tt.Fatal()\n\t}\n}\n`,
    },
  }),
  () => ({ action: 'run', files: { 'bad.go': 'package main\n\nfunc main() { x := }\n' } }),
];

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-load-'));
  const server = spawn(process.execPath, ['playground/src/server.ts'], {
    env: { ...process.env, PORT: String(PORT), LOG_LEVEL: 'warn', LOCKSTEP_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const counts = new Map<string, number>();
  const rss: number[] = [];
  try {
    for (let i = 0; ; i++) {
      try {
        const h = (await (await fetch(`${BASE}/api/health`)).json()) as { cache: { state: string } };
        if (h.cache.state === 'warm' || h.cache.state === 'failed') break;
      } catch {
        /* starting */
      }
      if (i > 120) throw new Error('server did not become ready');
      await new Promise((r) => setTimeout(r, 1000));
    }
    const heap: number[] = [];
    const sampler = setInterval(() => {
      rss.push(rssMiB(server.pid!));
      void fetch(`${BASE}/api/health`)
        .then((r) => r.json() as Promise<{ server: { heapUsedMiB: number } }>)
        .then(
          (h) => heap.push(h.server.heapUsedMiB),
          () => undefined,
        );
    }, 5000);
    const deadline = performance.now() + SECONDS * 1000;
    let n = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        while (performance.now() < deadline) {
          const body = REQUESTS[(n++ + c) % REQUESTS.length]!(n);
          let key: string;
          try {
            const res = await fetch(`${BASE}/api/run`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-lockstep-client': `load-${c}` },
              body: JSON.stringify(body),
              signal: AbortSignal.timeout(60_000),
            });
            const json = (await res.json()) as { status?: string };
            key = res.status === 200 ? `200 ${json.status}` : String(res.status);
            if (res.status === 429) await new Promise((r) => setTimeout(r, 1000));
          } catch (error) {
            key = `network error: ${(error as Error).name}`;
          }
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }),
    );
    clearInterval(sampler);
    rss.push(rssMiB(server.pid!));
    const fiveXX = [...counts].filter(([k]) => /^5/.test(k)).reduce((s, [, v]) => s + v, 0);
    console.log(`Load: ${CLIENTS} clients × ${SECONDS} s, mixed run/test/vet/fmt/compile-error requests`);
    console.log(
      [...counts]
        .sort()
        .map(([k, v]) => `  ${k}: ${v}`)
        .join('\n'),
    );
    console.log(`  5xx: ${fiveXX}`);
    console.log(`  server RSS MiB every 5 s: ${rss.map((r) => r.toFixed(0)).join(' ')}`);
    console.log(`  server JS heap in use, MiB, every 5 s: ${heap.join(' ')}`);
    if (fiveXX > 0) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
