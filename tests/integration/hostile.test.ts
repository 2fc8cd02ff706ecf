/**
 * Hostile programs against the real sandbox: each must end with an expected status within its
 * limit + 2 s, the server must stay healthy, a benign run started alongside must succeed, and
 * nothing may be left on disk.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRunner, mainProgram, type Runner } from './harness.ts';
import type { RunStatus } from '../../playground/src/contract/run.ts';

const RUN_LIMIT_MS = 5_000;
const BUILD_LIMIT_MS = 30_000;
const source = (name: string) => readFileSync(join(import.meta.dirname, 'hostile', name), 'utf8');

interface Case {
  file: string;
  statuses: RunStatus[];
  /** Text the output must contain (what the program saw). */
  output?: RegExp;
  /** Wall-clock budget: the limit that should stop it, plus 2 s. */
  budgetMs: number;
}

const RUN_BUDGET = RUN_LIMIT_MS + 2_000 + 3_000; // + a cold -race link of the program
const CASES: Case[] = [
  {
    file: 'fork_bomb.go',
    statuses: ['ok', 'exit_error', 'panic', 'timeout', 'memory_limit'],
    budgetMs: RUN_BUDGET,
  },
  { file: 'memory_bomb.go', statuses: ['memory_limit'], budgetMs: RUN_BUDGET },
  { file: 'goroutines_100k.go', statuses: ['ok', 'memory_limit'], budgetMs: RUN_BUDGET },
  { file: 'infinite_loop.go', statuses: ['timeout'], budgetMs: RUN_BUDGET },
  { file: 'busy_all_cores.go', statuses: ['timeout'], budgetMs: RUN_BUDGET },
  { file: 'output_flood.go', statuses: ['output_limit'], output: /output truncated/i, budgetMs: RUN_BUDGET },
  { file: 'huge_line.go', statuses: ['output_limit'], budgetMs: RUN_BUDGET },
  { file: 'net_dial.go', statuses: ['ok'], output: /network: all blocked/, budgetMs: RUN_BUDGET },
  { file: 'host_files.go', statuses: ['ok'], output: /host files: none readable/, budgetMs: RUN_BUDGET },
  { file: 'server_env.go', statuses: ['ok'], output: /environment: clean/, budgetMs: RUN_BUDGET },
  { file: 'write_outside_tmp.go', statuses: ['ok'], output: /all refused/, budgetMs: RUN_BUDGET },
  { file: 'fill_tmp.go', statuses: ['ok'], output: /stopped after \d+ MiB/, budgetMs: RUN_BUDGET },
  { file: 'kill_all.go', statuses: ['ok', 'exit_error'], budgetMs: RUN_BUDGET },
  { file: 'ptrace.go', statuses: ['ok'], output: /ptrace: refused/, budgetMs: RUN_BUDGET },
  { file: 'cgo.go', statuses: ['compile_error'], output: /cgo/i, budgetMs: 5_000 },
  { file: 'embed_outside.go', statuses: ['compile_error'], budgetMs: BUILD_LIMIT_MS + 2_000 },
  { file: 'linkname.go', statuses: ['compile_error', 'ok'], budgetMs: BUILD_LIMIT_MS + 2_000 },
  { file: 'exec_shell.go', statuses: ['ok'], output: /exec: no shell/, budgetMs: RUN_BUDGET },
  {
    file: 'compile_bomb.go',
    statuses: ['compile_error', 'timeout', 'memory_limit'],
    budgetMs: BUILD_LIMIT_MS + 2_000,
  },
];

let runner: Runner;

beforeAll(async () => {
  process.env.LOCKSTEP_CANARY = 'server-secret-canary';
  runner = await startRunner({ LOCKSTEP_RUN_TIMEOUT_MS: String(RUN_LIMIT_MS), LOCKSTEP_CONCURRENCY: '2' });
  await runner.waitWarm();
  // Warm the race build cache once so budgets measure limits, not a cold toolchain.
  const warm = await runner.run(mainProgram('package main\nfunc main() {}\n'));
  expect(warm.body.status).toBe('ok');
}, 240_000);

afterAll(async () => {
  delete process.env.LOCKSTEP_CANARY;
  await runner?.close();
});

describe('hostile programs', () => {
  test.each(CASES)(
    '$file ends as $statuses within its budget',
    async ({ file, statuses, output, budgetMs }) => {
      const benign = runner.run(
        mainProgram('package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("benign") }\n'),
        'benign',
      );
      const started = performance.now();
      const res = await runner.run(mainProgram(source(file)), `hostile-${file}`);
      const elapsed = performance.now() - started;
      expect(res.statusCode).toBe(200);
      const text = `${res.body.stdout}\n${res.body.stderr}\n${res.body.message ?? ''}`;
      expect(statuses, `${file}: got ${res.body.status}\n${text.slice(0, 2000)}`).toContain(res.body.status);
      if (output) expect(text).toMatch(output);
      expect(elapsed).toBeLessThan(budgetMs);
      const b = await benign;
      expect(b.body.status).toBe('ok');
      expect(b.body.stdout).toBe('benign\n');
      const health = await runner.health();
      expect(health.sandbox.available).toBe(true);
      await expect.poll(() => runner.leftovers(), { timeout: 3_000 }).toEqual([]);
    },
    60_000,
  );

  test('go.mod replace, require and toolchain directives download nothing and fail clearly', async () => {
    const res = await runner.run({
      action: 'run',
      files: {
        'main.go': 'package main\n\nimport "example.com/evil"\n\nfunc main() { evil.Run() }\n',
        'go.mod':
          'module sandbox\n\ngo 1.24\n\ntoolchain go1.99.0\n\nrequire example.com/evil v1.0.0\n\nreplace example.com/evil => ../../../../tmp/evil\n',
      },
    });
    expect(res.body.status).toBe('compile_error');
    expect(res.body.stderr + (res.body.message ?? '')).not.toMatch(/downloading/);
  }, 60_000);

  test('a go.mod asking for a newer toolchain does not switch toolchains', async () => {
    const res = await runner.run({
      action: 'run',
      files: { 'main.go': 'package main\nfunc main() {}\n', 'go.mod': 'module sandbox\n\ngo 1.99\n' },
    });
    expect(res.body.status).toBe('compile_error');
    expect(res.body.stderr).toMatch(/go1\.99|requires go|toolchain/i);
  }, 60_000);

  test.each([
    ['../escape.go'],
    ['sub/dir.go'],
    ['/abs.go'],
    ['.hidden.go'],
    ['main.go\u0000.txt'],
    ['link -> /etc/passwd.go'],
    ['main.exe'],
  ])('the file name %j is refused with 400', async (name) => {
    const res = await runner.post({ action: 'run', files: { [name]: 'package main\nfunc main() {}\n' } });
    expect(res.statusCode).toBe(400);
    expect(res.json.error).toBe('bad_request');
    expect(String(res.json.message)).toMatch(/file|name|pattern|match/i);
  });

  test('10,000 files are refused with a clear 4xx before any work', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) files[`f${i}.go`] = 'package main\n';
    const res = await runner.post({ action: 'run', files });
    expect([400, 413]).toContain(res.statusCode);
    expect(String(res.json.message)).toMatch(/files|large|KiB/i);
    await expect.poll(() => runner.leftovers(), { timeout: 3_000 }).toEqual([]);
  });
});
