import { describe, expect, it } from 'vitest';
import type { RunRequest, RunResult } from '../contract/run.ts';
import { exercise } from '../exercises/fixture.ts';
import { gradeSubmission, type Runner } from './grader.ts';
import { runResult, testCase } from './run-fixture.ts';

/** A runner that answers the given results in turn and records the requests. */
function fakeRunner(results: RunResult[]): Runner & { requests: RunRequest[]; clients: string[] } {
  const requests: RunRequest[] = [];
  const clients: string[] = [];
  return {
    requests,
    clients,
    async run(request, client) {
      requests.push(request);
      clients.push(client);
      const next = results.shift();
      if (!next) throw new Error('no more results');
      return next;
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
    ]);
    expect(runner.clients).toEqual(['tab1']);
    expect(g).toMatchObject({ exerciseId: 'tiny-counter', verdict: 'pass', score: 3, maxScore: 3, runs: 1 });
    expect(g.explanation).toBe('锁为访问排序。');
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
});
