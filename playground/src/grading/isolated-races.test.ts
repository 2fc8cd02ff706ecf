import { describe, expect, it } from 'vitest';
import type { Race } from '../contract/run.ts';
import { onlyTests, testsToIsolate, withIsolatedRaces } from './isolated-races.ts';
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

  it('marks a test that races alone, adds its reports, and leaves clean ones alone', () => {
    const alone = runResult('race', [testCase('TestB', 'fail', { race: true })], { races: [race(10)] });
    const merged = withIsolatedRaces(first, [{ name: 'TestB', result: alone }]);
    expect(merged.tests.find((t) => t.name === 'TestB')).toMatchObject({ status: 'pass', race: true });
    expect(merged.races).toHaveLength(2);
    const clean = runResult('ok', [testCase('TestB', 'pass')]);
    expect(withIsolatedRaces(first, [{ name: 'TestB', result: clean }])).toBe(first);
  });
});
