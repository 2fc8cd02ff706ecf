import { describe, expect, it } from 'vitest';
import type { RunRequest, RunResult } from '../../../contract/run.ts';
import { exercise } from '../../../contract/exercise/fixture.ts';
import { gradeSubmission, type Runner } from './grader.ts';
import { HIDDEN_SOURCE_MARK } from '../../../contract/grade.ts';
import { gradeSummaryText, hiddenSourceWorded, testNote } from '../../../components/i18n/grade-texts.ts';
import { END_TEST_FILE, NOT_COUNTED, UNVERIFIED } from './end-test.ts';
import { runResult, testCase } from './run-fixture.ts';

/** A result the fake runner returns as is: the binary ended before the grader's end test. */
const endedEarly = new WeakSet<RunResult>();

/**
 * A runner that answers the given results in turn and records the requests. Like a real test
 * binary, it also reports the grader's end test as passed, unless the result is in endedEarly.
 */
function fakeRunner(
  results: RunResult[],
): Runner & { requests: RunRequest[]; clients: string[]; hooks: Parameters<Runner['run']>[2][] } {
  const requests: RunRequest[] = [];
  const clients: string[] = [];
  const hooks: Parameters<Runner['run']>[2][] = [];
  return {
    requests,
    clients,
    hooks,
    async run(request, client, given) {
      requests.push(request);
      clients.push(client);
      hooks.push(given);
      const next = results.shift();
      if (!next) throw new Error('no more results');
      const end = /func (Test\w+)\(/.exec(request.files[END_TEST_FILE] ?? '')?.[1];
      if (endedEarly.has(next) || end === undefined) return next;
      const ran = testCase(end, 'pass');
      return { ...next, stdout: next.stdout + ran.output, tests: [...next.tests, ran] };
    },
  };
}

const pass = () => runResult('ok', [testCase('TestVisible', 'pass'), testCase('TestHidden', 'pass')]);
const fail = () =>
  runResult('test_failed', [testCase('TestVisible', 'fail'), testCase('TestHidden', 'pass')]);

describe('gradeSubmission', () => {
  it('runs action test with -race on the merged files and returns the explanation on success', async () => {
    const runner = fakeRunner([pass()]);
    const g = await gradeSubmission(
      runner,
      exercise(),
      { 'c.go': 'package c // mine' },
      { client: 'tab1', locale: 'zh-cn' },
    );
    expect(runner.requests[0]).toMatchObject({ action: 'test', race: true });
    expect(Object.keys(runner.requests[0]?.files ?? {}).sort()).toEqual([
      'c.go',
      'c_test.go',
      'go.mod',
      'hidden_test.go',
      END_TEST_FILE,
    ]);
    expect(runner.requests[0]?.files[END_TEST_FILE]).toMatch(
      /^package c\n[\s\S]*func Test[0-9A-F]{24}\(t \*testing\.T\) \{\}/,
    );
    expect(g.run.tests.map((t) => t.name)).toEqual(['TestVisible', 'TestHidden']);
    expect(g.run.stdout).toBe(
      '=== RUN   TestVisible\n--- PASS: TestVisible (0.00s)\n=== RUN   TestHidden\n--- PASS: TestHidden (0.00s)\n',
    );
    expect(runner.clients).toEqual(['tab1']);
    expect(g).toMatchObject({ exerciseId: 'tiny-counter', verdict: 'pass', score: 3, maxScore: 3, runs: 1 });
    expect(g.explanation).toBe('锁为访问排序。');
  });

  it('streams nothing: the end test and the hidden tests never reach a learner as they run', async () => {
    const runner = fakeRunner([pass()]);
    await gradeSubmission(runner, exercise(), {}, { client: 'c' });
    // Only the returned run is shown, without the end test and with hidden source masked; no output hook is given.
    expect(runner.hooks.map((h) => Object.keys(h))).toEqual([['signal']]);
  });

  it("gives the caller's hooks to every run of the grade, with its signal", async () => {
    const ex = exercise();
    ex.grading.count = 2;
    const runner = fakeRunner([pass(), pass()]);
    const onQueue = (): void => undefined;
    const onPhase = (): void => undefined;
    const signal = new AbortController().signal;
    await gradeSubmission(runner, ex, {}, { client: 'c', signal, hooks: { onQueue, onPhase } });
    expect(runner.hooks).toEqual([
      { onQueue, onPhase, signal },
      { onQueue, onPhase, signal },
    ]);
  });

  it('repeats up to count runs and stops at the first that does not pass, without an explanation', async () => {
    const ex = exercise();
    ex.grading.count = 3;
    const runner = fakeRunner([pass(), fail(), pass()]);
    const g = await gradeSubmission(runner, ex, {}, { client: 'c' });
    expect(runner.requests).toHaveLength(2);
    expect(g).toMatchObject({ verdict: 'fail', runs: 2, score: 2 });
    expect(g.explanation).toBeUndefined();
  });

  it('removes hidden source the learner printed from the run it returns', async () => {
    const leak = 'stolen: // SECRET-HIDDEN-SOURCE and more\n';
    const runner = fakeRunner([
      runResult('ok', [testCase('TestVisible', 'pass'), testCase('TestHidden', 'pass')], { stdout: leak }),
    ]);
    const g = await gradeSubmission(runner, exercise(), {}, { client: 'c' });
    expect(JSON.stringify(g)).not.toContain('SECRET-HIDDEN-SOURCE');
  });

  it('refuses files that are not editable before anything runs', async () => {
    const runner = fakeRunner([]);
    await expect(
      gradeSubmission(runner, exercise(), { 'hidden_test.go': 'x' }, { client: 'c' }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
    expect(runner.requests).toHaveLength(0);
  });

  it('gives no points for passes printed by a binary that ended before the end test', async () => {
    // What learner code can do: print "--- PASS" lines for every test, then exit 0.
    const forged = pass();
    endedEarly.add(forged);
    const g = await gradeSubmission(fakeRunner([forged]), exercise(), {}, { client: 'c' });
    expect(g).toMatchObject({ verdict: 'fail', score: 0, summary: UNVERIFIED });
    expect(g.message).toMatch(/ended before its last test/);
    expect(g.tests.every((t) => t.score === 0 && t.note === NOT_COUNTED)).toBe(true);
  });

  it('keeps the points of tests that passed before the runner itself stopped a deadlock', async () => {
    const stuck = runResult('deadlock', [testCase('TestVisible', 'pass'), testCase('TestHidden', 'timeout')]);
    endedEarly.add(stuck);
    const g = await gradeSubmission(fakeRunner([stuck]), exercise(), {}, { client: 'c' });
    expect(g.verdict).toBe('fail');
    expect(g.score).toBeGreaterThan(0);
    expect(g.summary).not.toEqual(UNVERIFIED);
  });

  it('a zh-cn grading: codes the browser words in Chinese, a refusal in Chinese, and the mark of removed source', async () => {
    const zh = { client: 'c', locale: 'zh-cn' } as const;
    const failed = await gradeSubmission(fakeRunner([fail()]), exercise(), {}, zh);
    expect(gradeSummaryText('zh-cn', failed.summary)).toBe('2 个测试中有 1 个未通过。');
    expect(testNote('zh-cn', failed.tests[0]!)).toBe('测试失败了，但没有输出任何信息。');
    // The grade's own texts do not depend on the request's locale: it only picks the explanation.
    expect(failed.message).toBe('1 of 2 tests did not pass.');

    const forged = pass();
    endedEarly.add(forged);
    const unverified = await gradeSubmission(fakeRunner([forged]), exercise(), {}, zh);
    expect(gradeSummaryText('zh-cn', unverified.summary)).toMatch(/^不得分：/);
    expect(unverified.tests.every((t) => testNote('zh-cn', t).startsWith('不计分：'))).toBe(true);

    // A refusal is a code with its params, worded in the learner's language by the client
    // (components/i18n/error-text.test.ts asserts these params' Chinese words).
    await expect(gradeSubmission(fakeRunner([]), exercise(), { 'x.go': 'x' }, zh)).rejects.toMatchObject({
      code: 'file_not_allowed',
      params: { file: 'x.go', allowed: ['c.go'] },
    });

    const leak = 'stolen: // SECRET-HIDDEN-SOURCE and more\n';
    const leaked = runResult('ok', [testCase('TestVisible', 'pass'), testCase('TestHidden', 'pass')], {
      stdout: leak,
    });
    const redacted = await gradeSubmission(fakeRunner([leaked]), exercise(), {}, zh);
    expect(redacted.run.stdout).toContain(HIDDEN_SOURCE_MARK);
    expect(hiddenSourceWorded('zh-cn', redacted.run.stdout)).toContain('[已移除隐藏测试的源码]');
  });

  it('uses a new end-test name for every grading', async () => {
    const runner = fakeRunner([pass(), pass()]);
    await gradeSubmission(runner, exercise(), {}, { client: 'c' });
    await gradeSubmission(runner, exercise(), {}, { client: 'c' });
    const names = runner.requests.map((r) => r.files[END_TEST_FILE]);
    expect(names[0]).not.toBe(names[1]);
  });

  it('grades the runs as the runner classified them and never edits them', async () => {
    const first = runResult(
      'race',
      [
        testCase('TestVisible', 'pass'),
        testCase('TestHidden', 'fail', {
          output:
            '=== RUN   TestHidden\n    hidden_test.go:5: // SECRET-HIDDEN-SOURCE\n--- FAIL: TestHidden (0.00s)\n',
        }),
      ],
      { races: [{ accesses: [], goroutines: [] }], message: 'Data race detected.' },
    );
    // TestVisible passed clean beside a reported race: the grader runs it alone, and it races there.
    const alone = runResult('race', [testCase('TestVisible', 'pass', { race: true })], {
      races: [{ accesses: [], goroutines: [] }],
    });
    const runner = fakeRunner([first, alone]);
    const returned: { result: RunResult; copy: RunResult }[] = [];
    const recording: Runner = {
      run: async (...args) => {
        const result = await runner.run(...args);
        returned.push({ result, copy: structuredClone(result) });
        return result;
      },
    };
    const g = await gradeSubmission(recording, exercise(), {}, { client: 'c' });
    expect(runner.requests).toHaveLength(2);
    // The grade counts the race TestVisible showed alone, and masks the hidden line it quotes.
    expect(g.tests[0]).toMatchObject({ name: 'TestVisible', race: true, score: 0 });
    expect(g.tests[1]?.note).toEqual({
      code: 'failed',
      params: { lines: `hidden_test.go:5: ${HIDDEN_SOURCE_MARK}` },
    });
    expect(testNote('en', g.tests[1]!)).toBe('hidden_test.go:5: [hidden test source removed]');
    expect(JSON.stringify(g.tests[1])).not.toContain('SECRET');
    // The run shown is a new value from the first run as classified, with the race TestVisible
    // showed alone drawn too (the learner sees the race the grade counted).
    expect(g.run).toMatchObject({ status: 'race', message: 'Data race detected.' });
    expect(g.run.races).toEqual([...first.races, ...alone.races]);
    expect(g.run.tests.map((t) => [t.name, t.status, t.race])).toEqual([
      ['TestVisible', 'pass', true],
      ['TestHidden', 'fail', false],
    ]);
    // Nothing the runner returned was changed afterwards.
    expect(returned).toHaveLength(2);
    for (const { result, copy } of returned) expect(result).toEqual(copy);
    expect(returned[0]?.result.tests.at(-1)?.name).toMatch(/^Test[0-9A-F]{24}$/);
  });
});
