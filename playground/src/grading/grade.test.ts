import { describe, expect, it } from 'vitest';
import type { GradingRules } from '../exercises/types.ts';
import { gradeRun } from './grade.ts';
import { runResult, testCase } from './run-fixture.ts';

const RULES: GradingRules = {
  race: true,
  count: 1,
  timeBudgetMs: 2000,
  tests: [
    { name: 'TestA', weight: 2, hidden: false },
    { name: 'TestB', weight: 1, hidden: false },
    { name: 'TestHidden', weight: 3, hidden: true },
  ],
};

const all = (status: 'pass' | 'fail') => ['TestA', 'TestB', 'TestHidden'].map((n) => testCase(n, status));

describe('gradeRun', () => {
  it('passes a clean run with full score', () => {
    const g = gradeRun(RULES, runResult('ok', all('pass')));
    expect(g).toMatchObject({ verdict: 'pass', score: 6, maxScore: 6, status: 'ok' });
    expect(g.message).toBe('All 3 tests pass with the race detector on.');
    expect(g.tests.map((t) => [t.name, t.status, t.score, t.hidden, t.message])).toEqual([
      ['TestA', 'pass', 2, false, ''],
      ['TestB', 'pass', 1, false, ''],
      ['TestHidden', 'pass', 3, true, ''],
    ]);
  });

  it('gives 0 to a failing test, with what it printed', () => {
    const failing = testCase('TestB', 'fail', {
      output: '=== RUN   TestB\n    b_test.go:9: got 1, want 2\n--- FAIL: TestB (0.00s)\n',
    });
    const g = gradeRun(
      RULES,
      runResult('test_failed', [testCase('TestA', 'pass'), failing, testCase('TestHidden', 'pass')]),
    );
    expect(g).toMatchObject({ verdict: 'fail', score: 5, maxScore: 6 });
    expect(g.tests[1]).toMatchObject({ status: 'fail', score: 0, message: 'b_test.go:9: got 1, want 2' });
    expect(g.message).toBe('1 of 3 tests did not pass.');
  });

  it('gives 0 to a test during which a race was reported, even if it passed', () => {
    const raced = testCase('TestA', 'pass', { race: true });
    const g = gradeRun(
      RULES,
      runResult('race', [raced, testCase('TestB', 'pass'), testCase('TestHidden', 'pass')], {
        message: 'Data race detected.',
      }),
    );
    expect(g.tests[0]).toMatchObject({ status: 'pass', score: 0, race: true });
    expect(g.tests[0]?.message).toContain('data race');
    expect(g).toMatchObject({ verdict: 'fail', score: 4 });
    expect(g.message).toBe('1 of 3 tests did not pass. Data race detected.');
  });

  it('counts a race without -race required as a pass for that test', () => {
    const rules = { ...RULES, race: false };
    const g = gradeRun(
      rules,
      runResult(
        'ok',
        all('pass').map((t) => ({ ...t, race: true })),
      ),
    );
    expect(g.verdict).toBe('pass');
  });

  it('fails a run whose tests all pass but whose status is not ok (a race outside any test)', () => {
    const g = gradeRun(RULES, runResult('race', all('pass'), { message: 'Data race detected.' }));
    expect(g).toMatchObject({ verdict: 'fail', score: 6 });
    expect(g.message).toContain('Every test passed, but the run ended with status race.');
  });

  it('scores every test 0 when the code does not compile', () => {
    const g = gradeRun(
      RULES,
      runResult('compile_error', [], { message: 'The code did not compile: 1 error.' }),
    );
    expect(g).toMatchObject({ verdict: 'fail', score: 0 });
    expect(
      g.tests.every(
        (t) => t.status === 'missing' && t.message === 'Not run. The code did not compile: 1 error.',
      ),
    ).toBe(true);
  });

  it('explains a deadlocked test and the ones it kept from running, pointing at the learner file', () => {
    const stuck = testCase('TestA', 'timeout');
    const goroutines = [
      {
        id: 7,
        state: 'sync.Mutex.Lock',
        frames: [
          { func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 46 },
          { func: 'bank.Transfer', file: 'bank.go', line: 45 },
        ],
      },
    ];
    const run = runResult('deadlock', [stuck], {
      message: 'Deadlock: all goroutines are blocked.',
      goroutines,
    });
    const g = gradeRun(RULES, run, ['bank.go']);
    expect(g.tests[0]).toMatchObject({ status: 'timeout', score: 0 });
    expect(g.tests[0]?.message).toBe(
      'Never finished. Waiting in your code: bank.go:45 in Transfer (sync.Mutex.Lock). Deadlock: all goroutines are blocked.',
    );
    expect(g.tests[2]).toMatchObject({
      status: 'missing',
      message: 'Not run: the test binary stopped before reaching it (deadlock).',
    });
    expect(g.verdict).toBe('fail');
  });

  it('reports an exercise error when a graded test is missing from a clean run', () => {
    const g = gradeRun(RULES, runResult('ok', [testCase('TestA', 'pass'), testCase('TestB', 'pass')]));
    expect(g.verdict).toBe('error');
    expect(g.message).toContain('TestHidden did not run');
    expect(g.tests[2]?.message).toContain('misconfigured');
  });
});
