import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StepOutcome } from '../sandbox/plan/outcome.ts';
import { formattedFiles, gofmtRejected } from './gofmt.ts';

const W = '/sandbox/src';
interface Capture {
  step: { exitCode: number; stdout: string; stderr: string };
  filesAfterFormat: Record<string, string>;
}
const capture = (name: string): Capture =>
  JSON.parse(readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8')) as Capture;
const step = (c: Capture, extra: Partial<StepOutcome> = {}): StepOutcome => ({
  ...c.step,
  signal: null,
  outputLimited: false,
  timedOut: false,
  memoryLimited: false,
  stalled: false,
  durationMs: 1,
  ...extra,
});

describe('gofmt -w', () => {
  it('names the files with syntax errors, and only those (data.go is not a.go)', () => {
    const c = capture('fmt_write.json');
    expect([...gofmtRejected(c.step.stderr, W)]).toEqual(['data.go']);
    expect(gofmtRejected("/sandbox/src/main.go:6:18: missing ','\n", W)).toEqual(new Set(['main.go']));
  });

  it('returns the files it formatted, leaving out the one it could not parse', () => {
    const c = capture('fmt_write.json');
    const files = formattedFiles(step(c), c.filesAfterFormat, W);
    expect(Object.keys(files ?? {}).sort()).toEqual(['a.go', 'main.go']);
    expect(files?.['a.go']).toBe('package main\n\nfunc a() {\n\tx := 1\n\t_ = x\n}\n');
  });

  it('returns every file of a clean run', () => {
    const c = capture('fmt_write_clean.json');
    expect(formattedFiles(step(c), c.filesAfterFormat, W)).toEqual(c.filesAfterFormat);
  });

  it('returns nothing when gofmt did not run or the sandbox stopped it', () => {
    const c = capture('fmt_write_clean.json');
    expect(formattedFiles(undefined, c.filesAfterFormat, W)).toBeUndefined();
    expect(formattedFiles(step(c), undefined, W)).toBeUndefined();
    expect(formattedFiles(step(c, { timedOut: true, exitCode: -1 }), c.filesAfterFormat, W)).toBeUndefined();
  });
});
