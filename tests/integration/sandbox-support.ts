/**
 * Test support for tests/integration/sandbox*.test.ts: one sandbox with small limits, warmed once, in the
 * data dir the integration suites share, kept between runs so the Go build cache stays warm.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createSandbox,
  type Job,
  type RawOutcome,
  type Sandbox,
} from '../../playground/src/sandbox/index.ts';

/** The data dir of the integration suites, shared with harness.ts (its cache survives between runs on purpose). */
export const DATA_DIR = resolve('.data/it');

/** Small limits so limit tests are fast. */
export const TEST_LIMITS = {
  runWallMs: 5_000,
  testWallMs: 8_000,
  memoryBytes: 256 * 1024 * 1024,
  pids: 128,
  outputBytes: 64 * 1024,
};

/** A sandbox shared by one test file; warm it in beforeAll. */
export function testSandbox(): Sandbox {
  return createSandbox({ dataDir: DATA_DIR, limits: TEST_LIMITS });
}

/** The source of a program in tests/integration/hostile/. */
export function hostileSource(name: string): string {
  return readFileSync(join(import.meta.dirname, 'hostile', name), 'utf8');
}

/** A one-file program. */
export function program(source: string, extra: Partial<Job> = {}): Job {
  return { files: { 'main.go': source }, action: 'run', race: true, ...extra };
}

/** Job dirs currently present (should be none between jobs). */
export function leftoverJobs(): string[] {
  return readdirSync(join(DATA_DIR, 'jobs')).filter(
    (name) => name.startsWith(`job-${process.pid}-`) && !name.includes('-pool-'),
  );
}

/** cgroups of this process still present, except those of launchers waiting for a job (by design). */
export function leftoverCgroups(): string[] {
  const waiting = new Set(waitingLauncherCgroups());
  return ourCgroups().filter((dir) => !waiting.has(dir));
}

/** Groups whose only member is a launcher waiting for its job (launcher-pool.ts). */
export function waitingLauncherCgroups(): string[] {
  return ourCgroups().filter((dir) => {
    let pids: string[];
    try {
      pids = readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean);
    } catch {
      return false;
    }
    return pids.length === 1 && commandLine(Number(pids[0])).includes('lockstep-wait');
  });
}

/** A process's argv joined by spaces ('' when it is gone). */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** cgroups of this process (or of the server with that pid) under the v1 memory/pids or v2 parents. */
export function ourCgroups(ownerPid = process.pid): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith(`lockstep-${ownerPid}-`)) found.push(join(dir, name));
      else if (depth < 4) walk(join(dir, name), depth + 1);
    }
  };
  walk('/sys/fs/cgroup', 0);
  return found;
}

/** Short description of an outcome for assertion messages. */
export function summary(o: RawOutcome): string {
  return JSON.stringify({
    ...o,
    run: o.run && { ...o.run, stdout: o.run.stdout.slice(0, 400), stderr: o.run.stderr.slice(0, 1500) },
  });
}
