import { describe, expect, it } from 'vitest';
import type { GradedTest } from '../../../contract/grade.ts';
import type { RunResult } from '../../../contract/run.ts';
import type { GradingRules } from '../../../contract/exercise/types.ts';
import { gradeSummaryText, testNote } from '../../../components/i18n/grade-texts.ts';
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

/** A goroutine of a deadlock dump, blocked in Lock called from the learner's bank.go. */
const TRANSFER_BLOCKED = {
  id: 7,
  state: 'sync.Mutex.Lock',
  frames: [
    { func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 46 },
    { func: 'bank.Transfer', file: 'bank.go', line: 45 },
  ],
};

/** The runner's verdicts as the runs below carry them: an English message and its summary. */
const RACE = {
  message: 'Data race detected.',
  summary: { code: 'race.one', params: { goroutines: 2 } },
} satisfies Partial<RunResult>;
const DEADLOCK = {
  message: 'Deadlock: all goroutines are blocked.',
  summary: { code: 'deadlock.blocked', params: { count: 2 } },
} satisfies Partial<RunResult>;
const COMPILE = {
  message: 'The code did not compile: 1 error.',
  summary: { code: 'compile.errors', params: { count: 1 } },
} satisfies Partial<RunResult>;
const OOM = {
  message: 'Out of memory.',
  summary: { code: 'memory_limit', params: {} },
} satisfies Partial<RunResult>;

describe('gradeRun', () => {
  it('passes a clean run with full score', () => {
    const g = gradeRun(RULES, runResult('ok', all('pass')));
    expect(g).toMatchObject({ verdict: 'pass', score: 6, maxScore: 6, status: 'ok' });
    expect(g.summary).toEqual({ code: 'passRace', params: { n: 3 } });
    expect(g.message).toBe('All 3 tests pass with the race detector on.');
    expect(g.tests.map((t) => [t.name, t.status, t.score, t.hidden, t.note, t.message])).toEqual([
      ['TestA', 'pass', 2, false, undefined, ''],
      ['TestB', 'pass', 1, false, undefined, ''],
      ['TestHidden', 'pass', 3, true, undefined, ''],
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
    expect(g.tests[1]).toMatchObject({
      status: 'fail',
      score: 0,
      note: { code: 'failed', params: { lines: 'b_test.go:9: got 1, want 2' } },
      message: 'b_test.go:9: got 1, want 2',
    });
    expect(g.summary).toEqual({ code: 'failed', params: { failed: 1, n: 3 } });
    expect(g.message).toBe('1 of 3 tests did not pass.');
  });

  it('gives 0 to a test during which a race was reported, even if it passed', () => {
    const raced = testCase('TestA', 'pass', { race: true });
    const run = runResult('race', [raced, testCase('TestB', 'pass'), testCase('TestHidden', 'pass')], RACE);
    const g = gradeRun(RULES, run);
    expect(g.tests[0]).toMatchObject({
      status: 'pass',
      score: 0,
      race: true,
      note: { code: 'race', params: {} },
    });
    expect(g.tests[0]?.message).toContain('data race');
    expect(g).toMatchObject({ verdict: 'fail', score: 4 });
    // The race explains the failures: the run's own summary goes with the grade's.
    expect(g.summary).toEqual({ code: 'failed', params: { failed: 1, n: 3 }, why: RACE.summary });
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
    expect(g.summary).toEqual({ code: 'pass', params: { n: 3 } });
  });

  it('fails a run whose tests all pass but whose status is not ok (a race outside any test)', () => {
    const g = gradeRun(RULES, runResult('race', all('pass'), RACE));
    expect(g).toMatchObject({ verdict: 'fail', score: 6 });
    expect(g.summary).toEqual({ code: 'statusNotOk', params: { status: 'race' }, why: RACE.summary });
    expect(g.message).toContain('Every test passed, but the run ended with status race.');
  });

  it('scores every test 0 when the code does not compile', () => {
    const g = gradeRun(RULES, runResult('compile_error', [], COMPILE));
    expect(g).toMatchObject({ verdict: 'fail', score: 0 });
    for (const t of g.tests) {
      expect(t).toMatchObject({ status: 'missing', note: { code: 'notRun.compile', why: COMPILE.summary } });
      expect(t.message).toBe('Not run. The code did not compile: 1 error.');
    }
  });

  it('explains a deadlocked test and the ones it kept from running, pointing at the learner file', () => {
    const stuck = testCase('TestA', 'timeout');
    const run = runResult('deadlock', [stuck], { ...DEADLOCK, goroutines: [TRANSFER_BLOCKED] });
    const g = gradeRun(RULES, run, ['bank.go']);
    expect(g.tests[0]).toMatchObject({ status: 'timeout', score: 0 });
    // Where the learner's code waits is facts (file, line, function, state), not a sentence.
    expect(g.tests[0]?.note).toEqual({
      code: 'neverFinished',
      params: {},
      blocked: [{ file: 'bank.go', line: 45, func: 'Transfer', state: 'sync.Mutex.Lock' }],
      why: DEADLOCK.summary,
    });
    expect(g.tests[0]?.message).toBe(
      'Never finished. Waiting in your code: bank.go:45 in Transfer (sync.Mutex.Lock). Deadlock: all goroutines are blocked.',
    );
    expect(g.tests[2]).toMatchObject({
      status: 'missing',
      note: { code: 'notRun.stopped', params: { status: 'deadlock' } },
      message: 'Not run: the test binary stopped before reaching it (deadlock).',
    });
    expect(g.verdict).toBe('fail');
  });

  it('keeps its English wording for a stopped, timed-out or skipped test', () => {
    const timedOut = gradeRun(RULES, runResult('timeout', [testCase('TestA', 'timeout')]));
    expect(timedOut.tests[0]?.note).toEqual({ code: 'neverFinished', params: {} });
    expect(timedOut.tests[0]?.message).toBe('Never finished. The runner stopped the test binary.');
    const killed = gradeRun(RULES, runResult('memory_limit', [testCase('TestA', 'timeout')], OOM));
    expect(killed.tests[0]?.note).toEqual({ code: 'stopped', params: {}, why: OOM.summary });
    expect(killed.tests[0]?.message).toBe('Stopped while running. Out of memory.');
    const skipped = gradeRun(
      RULES,
      runResult('test_failed', [testCase('TestA', 'skip'), testCase('TestB', 'fail')]),
    );
    expect(skipped.tests.map((t) => t.note?.code)).toEqual(['skipped', 'noMessage', 'notRun.stopped']);
    expect(skipped.tests.map((t) => t.message)).toEqual([
      'Skipped.',
      'The test failed without a message.',
      'Not run: the test binary stopped before reaching it (test_failed).',
    ]);
  });

  it('reports an exercise error when a graded test is missing from a clean run', () => {
    const g = gradeRun(RULES, runResult('ok', [testCase('TestA', 'pass'), testCase('TestB', 'pass')]));
    expect(g.verdict).toBe('error');
    expect(g.summary).toEqual({ code: 'error', params: {}, tests: ['TestHidden'] });
    expect(g.message).toContain('TestHidden did not run');
    expect(g.tests[2]?.note).toEqual({ code: 'notRun.noSuchTest', params: {} });
    expect(g.tests[2]?.message).toContain('misconfigured');
  });
});

/** The grade's codes as the browser words them in Chinese (components/i18n/grade-texts.ts). */
describe('gradeRun as a zh-cn reader sees it', () => {
  const zh = (run: RunResult, rules: GradingRules = RULES, files: string[] = []) => {
    const g = gradeRun(rules, run, files);
    return {
      summary: gradeSummaryText('zh-cn', g.summary),
      notes: g.tests.map((t: GradedTest) => testNote('zh-cn', t)),
      verdict: g.verdict,
    };
  };

  it('summarises a pass in Chinese, with and without the race detector', () => {
    expect(zh(runResult('ok', all('pass'))).summary).toBe('在开启竞态检测器的情况下，全部 3 个测试通过。');
    expect(zh(runResult('ok', all('pass')), { ...RULES, race: false }).summary).toBe('全部 3 个测试通过。');
  });

  it("says in Chinese that a race was reported during a test, and words the run's summary in Chinese too", () => {
    const raced = testCase('TestA', 'pass', { race: true });
    const failing = testCase('TestB', 'fail', {
      race: true,
      output: '=== RUN   TestB\n    b_test.go:9: got 1, want 2\n--- FAIL: TestB (0.00s)\n',
    });
    const g = zh(runResult('race', [raced, failing, testCase('TestHidden', 'pass')], RACE));
    expect(g.notes[0]).toBe('这个测试运行期间报告了数据竞争（见竞态报告）。');
    expect(g.notes[1]).toBe('这个测试运行期间报告了数据竞争（见竞态报告）。\nb_test.go:9: got 1, want 2');
    expect(g.summary).toBe(
      '3 个测试中有 2 个未通过。检测到数据竞争：2 个 goroutine 在没有同步的情况下访问了同一块内存。',
    );
  });

  it('explains a failing test that printed nothing, and a skipped one', () => {
    const g = zh(
      runResult('test_failed', [
        testCase('TestA', 'fail'),
        testCase('TestB', 'skip', {
          output: '=== RUN   TestB\n    b_test.go:3: needs Linux\n--- SKIP: TestB\n',
        }),
        testCase('TestHidden', 'skip'),
      ]),
    );
    expect(g.notes).toEqual([
      '测试失败了，但没有输出任何信息。',
      '已跳过：b_test.go:3: needs Linux',
      '已跳过。',
    ]);
    expect(g.summary).toBe('3 个测试中有 3 个未通过。');
  });

  it('explains a deadlock in Chinese, pointing at the learner file, and the tests it kept from running', () => {
    const goroutines = [
      TRANSFER_BLOCKED,
      {
        id: 8,
        state: 'chan send',
        frames: [{ func: 'bank.(*Ledger).Post', file: 'ledger.go', line: 12 }],
      },
    ];
    const run = runResult('deadlock', [testCase('TestA', 'timeout')], { ...DEADLOCK, goroutines });
    const g = zh(run, RULES, ['bank.go', 'ledger.go']);
    expect(g.notes[0]).toBe(
      '测试没有运行完。卡在你的代码中：bank.go:45 处的 Transfer（sync.Mutex.Lock）；ledger.go:12 处的 Post（chan send）。死锁：所有 goroutine 都在休眠，互相等待（被阻塞的 goroutine：2 个）。',
    );
    expect(g.notes[1]).toBe('未运行：测试二进制在运行到这个测试之前就停止了（死锁）。');
    expect(g.summary).toBe(
      '3 个测试中有 3 个未通过。死锁：所有 goroutine 都在休眠，互相等待（被阻塞的 goroutine：2 个）。',
    );
  });

  it('uses Chinese words of its own when the run gave no summary', () => {
    const timedOut = zh(runResult('timeout', [testCase('TestA', 'timeout')]));
    expect(timedOut.notes[0]).toBe('测试没有运行完。运行器中止了测试二进制。');
    const killed = zh(runResult('memory_limit', [testCase('TestA', 'timeout')]));
    expect(killed.notes[0]).toBe('运行中被中止。运行器中止了测试二进制。');
    const notCompiled = zh(runResult('compile_error', []));
    expect(notCompiled.notes[0]).toBe('未运行。代码未能通过编译。');
  });

  it("words the compiler's summary in Chinese after the Chinese framing", () => {
    const g = zh(runResult('compile_error', [], COMPILE));
    expect(g.notes).toEqual(Array(3).fill('未运行。代码没有通过编译，编译错误 1 处。'));
    expect(g.summary).toBe('3 个测试中有 3 个未通过。代码没有通过编译，编译错误 1 处。');
  });

  it('reports a passing run with a bad status, and a misconfigured exercise, in Chinese', () => {
    const raced = zh(runResult('race', all('pass'), RACE));
    expect(raced.summary).toBe(
      '所有测试都通过了，但这次运行没有正常结束：数据竞争。检测到数据竞争：2 个 goroutine 在没有同步的情况下访问了同一块内存。',
    );
    const broken = zh(runResult('ok', [testCase('TestA', 'pass')]));
    expect(broken.verdict).toBe('error');
    expect(broken.summary).toBe(
      '这个练习无法评分：测试已经结束，TestB、TestHidden 却没有运行。请报告这个问题。',
    );
    expect(broken.notes[1]).toBe('未运行：包中没有这个名字的测试（练习的配置有误）。');
  });
});
