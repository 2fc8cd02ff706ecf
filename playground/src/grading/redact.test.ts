import { describe, expect, it } from 'vitest';
import { HIDDEN_SOURCE_MARK } from '../../../contract/grade.ts';
import { hiddenLines, redactRun, REDACTED } from './redact.ts';
import { runResult, testCase } from './run-fixture.ts';

const HIDDEN = {
  'hidden_test.go':
    'package c\n\nfunc TestSecret(t *testing.T) {\n\tif got := compute(); got != 42 {\n\t}\n}\n',
};

describe('redactRun', () => {
  it('ignores short, common lines', () => {
    expect(hiddenLines(HIDDEN)).toEqual([
      'if got := compute(); got != 42 {',
      'func TestSecret(t *testing.T) {',
    ]);
  });

  it('removes verbatim hidden lines from every text a learner sees', () => {
    const leaked = 'dump: func TestSecret(t *testing.T) {\n\tif got := compute(); got != 42 {\n';
    const run = runResult('ok', [testCase('TestA', 'pass', { output: leaked })], {
      stdout: leaked,
      stderr: leaked,
    });
    const out = redactRun(run, HIDDEN);
    for (const text of [out.stdout, out.stderr, out.tests[0]?.output ?? '']) {
      expect(text).not.toContain('compute()');
      expect(text).toContain(REDACTED);
    }
  });

  it('marks the removed lines with the mark in no language that the browser words', () => {
    const leaked = 'func TestSecret(t *testing.T) {\n';
    const out = redactRun(runResult('ok', [], { stdout: leaked }), HIDDEN);
    expect(REDACTED).toBe(HIDDEN_SOURCE_MARK);
    expect(out.stdout).toBe(`${HIDDEN_SOURCE_MARK}\n`);
  });

  it('returns the run unchanged when there is nothing hidden', () => {
    const run = runResult('ok', []);
    expect(redactRun(run, {})).toBe(run);
  });
});
