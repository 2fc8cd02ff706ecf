import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, formatBytes, limitsSummary, resolveLimits } from './limits.ts';
import { languageVersion, SandboxInputError, validateJob, withGoMod, type Job } from './validate.ts';

const job = (files: Record<string, string>, extra: Partial<Job> = {}): Job => ({
  files,
  action: 'run',
  race: true,
  ...extra,
});
const code = (fn: () => void): string => {
  try {
    fn();
  } catch (error) {
    return error instanceof SandboxInputError ? error.code : 'other';
  }
  return 'ok';
};

describe('validateJob', () => {
  it('takes trace for run and test and refuses it for fmt and vet with a code', () => {
    const files = { 'main.go': 'package main' };
    expect(code(() => validateJob(job(files, { trace: true }), DEFAULT_LIMITS))).toBe('ok');
    expect(code(() => validateJob(job(files, { trace: true, action: 'test' }), DEFAULT_LIMITS))).toBe('ok');
    for (const action of ['fmt', 'vet'] as const) {
      expect(code(() => validateJob(job(files, { trace: true, action }), DEFAULT_LIMITS))).toBe(
        'trace_not_for_action',
      );
      expect(code(() => validateJob(job(files, { trace: false, action }), DEFAULT_LIMITS))).toBe('ok');
    }
  });

  it('accepts a normal package', () => {
    expect(
      code(() =>
        validateJob(
          job({ 'main.go': 'package main', 'go.mod': 'module x', 'data.txt': 'x' }),
          DEFAULT_LIMITS,
        ),
      ),
    ).toBe('ok');
  });
  it('refuses unsafe names', () => {
    for (const name of [
      '../a.go',
      'a/b.go',
      '.a.go',
      '-a.go',
      'a.c',
      'a.go\0',
      'a go.go',
      'A.GO',
      'x.syso',
    ]) {
      expect(
        code(() => validateJob(job({ [name]: 'package main', 'main.go': '' }), DEFAULT_LIMITS)),
        name,
      ).toBe('bad_file_name');
    }
  });
  it('enforces counts and sizes', () => {
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}.go`, 'package main']));
    expect(code(() => validateJob(job(many), DEFAULT_LIMITS))).toBe('too_many_files');
    expect(code(() => validateJob(job({ 'main.go': 'x'.repeat(256 * 1024 + 1) }), DEFAULT_LIMITS))).toBe(
      'source_too_large',
    );
    expect(
      code(() =>
        validateJob(job({ 'main.go': 'package main' }, { stdin: 'x'.repeat(64 * 1024 + 1) }), DEFAULT_LIMITS),
      ),
    ).toBe('stdin_too_large');
    expect(code(() => validateJob(job({ 'notes.txt': 'x' }), DEFAULT_LIMITS))).toBe('no_go_file');
    expect(code(() => validateJob(job({}), DEFAULT_LIMITS))).toBe('bad_request');
  });
});

describe('go.mod and limits', () => {
  it('writes a go.mod with the language version unless one was sent', () => {
    expect(languageVersion('go1.26.8')).toBe('1.26');
    expect(withGoMod({ 'main.go': '' }, 'go1.26.8')['go.mod']).toBe('module sandbox\n\ngo 1.26\n');
    expect(withGoMod({ 'main.go': '', 'go.mod': 'module mine\n' }, 'go1.26.8')['go.mod']).toBe(
      'module mine\n',
    );
  });
  it('merges overrides and reports units', () => {
    expect(resolveLimits({ runWallMs: 5000 }).runWallMs).toBe(5000);
    expect(() => resolveLimits({ pids: 0 })).toThrow();
    expect(limitsSummary(DEFAULT_LIMITS)).toMatchObject({
      runWallSeconds: 10,
      testWallSeconds: 20,
      memoryMiB: 512,
      outputKiB: 1024,
    });
    expect(formatBytes(1024 * 1024)).toBe('1 MiB');
  });
});
