import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORGED_NOTE, parseTestEvents } from './test2json.ts';

const W = '/sandbox/src';
const fixture = (name: string): string => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');
const brief = (stream: string): string[] =>
  parseTestEvents(stream, W).tests.map((t) => `${t.name}:${t.status}${t.race ? ':race' : ''}`);

describe('parseTestEvents', () => {
  it('reads pass, fail, skip, subtests and a racy test in start order', () => {
    expect(brief(fixture('test_mixed.txt'))).toEqual([
      'TestInc:pass',
      'TestWrong:fail',
      'TestSkipped:skip',
      'TestTable:fail',
      'TestTable/one:pass',
      'TestTable/two:fail',
      'TestRacy:fail:race',
      'TestAfterRace:pass',
    ]);
  });

  it('keeps each test its own output', () => {
    const run = parseTestEvents(fixture('test_mixed.txt'), W);
    expect(run.tests.find((t) => t.name === 'TestWrong')?.output).toBe(
      '=== RUN   TestWrong\n    counter_test.go:24: incremented once\n    counter_test.go:26: Value() = 1, want 2\n--- FAIL: TestWrong (0.00s)\n',
    );
    const racy = run.tests.find((t) => t.name === 'TestRacy')?.output ?? '';
    expect(racy).toContain('WARNING: DATA RACE');
    expect(racy).toContain('testing.go:1712: race detected during execution of test');
    expect(run.packageOutput).toBe('FAIL\nFAIL\tsandbox\t0.013s\n');
    expect(run.packageResult).toBe('fail');
    expect(run.buildFailed).toBe(false);
  });

  it('parses the race reported during a test, with test-file frames', () => {
    const [race, ...more] = parseTestEvents(fixture('test_mixed.txt'), W).races;
    expect(more).toEqual([]);
    expect(race?.accesses.map((a) => `${a.op}:${a.goroutine}`)).toEqual(['read:25', 'write:26']);
    expect(race?.accesses[0]?.stack).toEqual([
      { func: 'sandbox.(*Counter).IncRacy', file: 'counter.go', line: 12 },
      { func: 'sandbox.TestRacy.func1', file: 'counter_test.go', line: 56 },
    ]);
    expect(race?.goroutines[0]?.createdAt[1]).toEqual({
      func: 'testing.tRunner',
      file: 'testing/testing.go',
      line: 2036,
    });
  });

  it('reports a test hung past -timeout as timeout, with the time until the stream ended', () => {
    const run = parseTestEvents(fixture('test_hang.txt'), W);
    expect(run.tests.map((t) => `${t.name}:${t.status}:${t.elapsedMs}`)).toEqual([
      'TestFirst:pass:0',
      'TestHangs:timeout:2006',
    ]);
    expect(run.tests[1]?.output).toContain('panic: test timed out after 2s');
  });

  it('reads a build failure from the build events', () => {
    const run = parseTestEvents(fixture('test_compile.txt'), W);
    expect(run.tests).toEqual([]);
    expect(run.buildFailed).toBe(true);
    expect(run.buildOutput.split('\n')[0]).toBe('# sandbox [sandbox.test]');
    expect(run.packageOutput).toBe('FAIL\tsandbox [build failed]\n');
  });

  it('fails a panicking test and keeps the panic in its output', () => {
    const run = parseTestEvents(fixture('test_panic.txt'), W);
    expect(run.tests.map((t) => `${t.name}:${t.status}`)).toEqual(['TestOK:pass', 'TestPanics:fail']);
    expect(run.tests[1]?.output).toContain('panic: assignment to entry in nil map [recovered, repanicked]');
  });

  it('converts Elapsed seconds to ms and marks the parent of a racy subtest', () => {
    const ev = (o: object): string => JSON.stringify({ Package: 'sandbox', ...o });
    const stream = [
      ev({ Action: 'run', Test: 'TestX' }),
      ev({ Action: 'run', Test: 'TestX/a' }),
      ev({ Action: 'output', Test: 'TestX/a', Output: 'WARNING: DATA RACE\n' }),
      ev({ Action: 'fail', Test: 'TestX/a', Elapsed: 0.25 }),
      ev({ Action: 'fail', Test: 'TestX', Elapsed: 1.5 }),
    ].join('\n');
    expect(parseTestEvents(stream, W).tests.map((t) => [t.name, t.elapsedMs, t.race])).toEqual([
      ['TestX', 1500, true],
      ['TestX/a', 250, true],
    ]);
  });

  it('keeps non-JSON lines as package output instead of failing', () => {
    const stream =
      'go: downloading nothing\n{"Action":"run","Test":"TestA"}\n{not json\n{"Action":"pass","Test":"TestA","Elapsed":0.001}\n';
    const run = parseTestEvents(stream, W);
    expect(run.tests.map((t) => `${t.name}:${t.status}:${t.elapsedMs}`)).toEqual(['TestA:pass:1']);
    expect(run.packageOutput).toBe('go: downloading nothing\n{not json\n');
    expect(parseTestEvents('', W).tests).toEqual([]);
  });
});

describe('framing printed by the program itself', () => {
  it('fails a test whose real failure is followed by an imitated pass', () => {
    const run = parseTestEvents(fixture('test_forged.txt'), W);
    expect(run.tests.map((t) => `${t.name}:${t.status}`)).toEqual(['TestAdd:fail', 'TestLater:pass']);
    expect(run.tests[0]?.output.endsWith(FORGED_NOTE)).toBe(true);
    expect(run.tests[1]?.output).not.toContain(FORGED_NOTE);
  });

  it('cannot tell imitated passes before an early exit from real ones (the grader can)', () => {
    // grading/end-test.ts: a grader-made test that runs last never appears in this stream.
    expect(brief(fixture('test_forged_exit.txt'))).toEqual(['TestAdd:pass', 'TestLater:pass']);
  });
});

describe('a test binary killed while a test runs', () => {
  it('the running test is a timeout, not a failure; finished tests keep their status', () => {
    const stream = fixture('test_killed.json');
    const run = parseTestEvents(stream, '/sandbox/src');
    const byName = Object.fromEntries(run.tests.map((t) => [t.name, t.status]));
    expect(byName).toEqual({ TestFirst: 'pass', TestHangs: 'timeout' });
  });
});
