/**
 * Issue #19 §6: the sync.Mutex and sync.RWMutex models against copies of Go's own code. The case
 * generator replays thousands of move lists through the TypeScript models (every mutex/rwmutex
 * scenario, seeded random schedules, every schedule of short programs) and records the state after
 * each move; `go test` in tests/conformance replays the same moves through the Go copies under a
 * deterministic scheduler, compares every state, and reads the real runtime's state words for the
 * three predict levels. A failure shows Go's output: the case, the move, both states.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'lockstep-conformance-'));
const cases = join(work, 'cases.json');
let generated = '';

beforeAll(async () => {
  const { stdout } = await exec(process.execPath, [join(root, 'scripts/conformance-cases.ts'), cases], {
    cwd: root,
  });
  generated = stdout;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the generator writes thousands of cases', () => {
  const count = Number(/^(\d+) cases/.exec(generated)?.[1]);
  expect(count).toBeGreaterThan(2000);
});

test('the Go copies of mutex.go and rwmutex.go step exactly as the models do, and the real runtime answers the predict levels', async () => {
  const run = await exec('go', ['test', '-count=1', '-v', './...'], {
    cwd: join(root, 'tests/conformance'),
    env: { ...process.env, CONFORMANCE_CASES: cases },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((e: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`go test failed:\n${e.stdout ?? ''}\n${e.stderr ?? e.message}`);
  });
  for (const name of [
    'TestCopiesMatchTheModels',
    'TestComparisonCatchesADifference',
    'TestRealMutexWaiter',
    'TestRealMutexStarving',
    'TestRealRWMutexReaderCount',
  ])
    expect(run.stdout).toContain(`--- PASS: ${name}`);
  expect(run.stdout).toMatch(/compared \d{5,} states/);
});
