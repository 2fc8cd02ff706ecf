import { describe, expect, it } from 'vitest';
import type { Race } from '../../../contract/run.ts';
import { onlyTests, racedAlone, testsToIsolate, withIsolatedRaces } from './isolated-races.ts';
import { gradeRun } from './grade.ts';
import { runResult, testCase } from './run-fixture.ts';

const race = (line: number): Race => ({
  accesses: [
    { op: 'write', goroutine: 7, stack: [{ func: 'c.Inc', file: 'c.go', line }] },
    { op: 'write', goroutine: 8, stack: [{ func: 'c.Inc', file: 'c.go', line }] },
  ],
  goroutines: [],
});

describe('isolated re-runs for races the detector reported only once', () => {
  const first = runResult(
    'race',
    [
      testCase('TestA', 'fail', { race: true }),
      testCase('TestB', 'pass'),
      testCase('TestC', 'fail'),
      testCase('TestUngraded', 'pass'),
    ],
    { races: [race(10)] },
  );

  it('re-runs only graded tests that passed cleanly, and only when the run reported races', () => {
    expect(testsToIsolate(first, ['TestA', 'TestB', 'TestC'])).toEqual(['TestB']);
    expect(testsToIsolate({ ...first, races: [] }, ['TestA', 'TestB', 'TestC'])).toEqual([]);
  });

  it('selects exactly one test by an anchored, escaped pattern', () => {
    expect(onlyTests('TestB')).toBe('^TestB$');
    expect(onlyTests('Test.B')).toBe('^Test\\.B$');
    expect(onlyTests('TestB', 'Test0f')).toBe('^(TestB|Test0f)$');
  });

  it('names a test that races alone, and leaves clean ones alone', () => {
    const alone = runResult('race', [testCase('TestB', 'fail', { race: true })], { races: [race(10)] });
    expect(racedAlone([{ name: 'TestB', result: alone }])).toEqual(new Set(['TestB']));
    const clean = runResult('ok', [testCase('TestB', 'pass')]);
    expect(racedAlone([{ name: 'TestB', result: clean }])).toEqual(new Set());
  });

  it('shows the learner a new run with the test that raced alone marked and its reports added', () => {
    const before = structuredClone(first);
    const alone = runResult('race', [testCase('TestB', 'fail', { race: true })], { races: [race(10)] });
    const merged = withIsolatedRaces(first, [{ name: 'TestB', result: alone }]);
    expect(merged.tests.find((t) => t.name === 'TestB')).toMatchObject({ status: 'pass', race: true });
    expect(merged.races).toHaveLength(2);
    expect(first).toEqual(before);
    const clean = runResult('ok', [testCase('TestB', 'pass')]);
    expect(withIsolatedRaces(first, [{ name: 'TestB', result: clean }])).toBe(first);
  });

  it('the grade counts a test that raced alone as racing, and the run stays as classified', () => {
    const before = structuredClone(first);
    const rules = {
      race: true,
      count: 1,
      timeBudgetMs: 1000,
      tests: ['TestA', 'TestB', 'TestC'].map((name) => ({ name, weight: 1, hidden: false })),
    };
    const g = gradeRun(rules, first, [], { racedAlone: new Set(['TestB']) });
    expect(g.tests.find((t) => t.name === 'TestB')).toMatchObject({ status: 'pass', race: true, score: 0 });
    expect(gradeRun(rules, first).tests.find((t) => t.name === 'TestB')).toMatchObject({
      race: false,
      score: 1,
    });
    expect(first).toEqual(before);
  });
});
