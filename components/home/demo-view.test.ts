import { describe, expect, test } from 'vitest';
import type { Race } from '../../contract/run.ts';
import { demoLines, MAIN_GOROUTINE, reportText } from './demo-view.ts';

const SOURCE = 'package main\n\nfunc main() {\n\tx := 0\n\tgo func() { x++ }()\n\tx++\n}\n';
const RACE: Race = {
  accesses: [
    {
      op: 'read',
      goroutine: 7,
      stack: [
        { func: 'runtime.racereadpc', file: 'race.go', line: 1 },
        { func: 'main.main.func1', file: 'main.go', line: 5 },
      ],
    },
    { op: 'write', goroutine: MAIN_GOROUTINE, stack: [{ func: 'main.main', file: 'main.go', line: 6 }] },
  ],
  goroutines: [{ id: 7, createdAt: [{ func: 'main.main', file: 'main.go', line: 5 }] }],
};

describe('demoLines', () => {
  test('attaches both accesses and the creation site to the lines the report names', () => {
    const lines = demoLines(SOURCE, 'main.go', [RACE]);
    expect(lines).toHaveLength(7);
    expect(lines[4]!.marks).toEqual([
      { kind: 'race-current', op: 'read', goroutine: 7, n: 1 },
      { kind: 'created', goroutine: 7 },
    ]);
    expect(lines[5]!.marks).toEqual([{ kind: 'race-previous', op: 'write', goroutine: 0, n: 2 }]);
    expect(lines.filter((l) => l.marks.length > 0).map((l) => l.line)).toEqual([5, 6]);
    expect(lines[3]!.tokens.map((t) => t.text).join('')).toBe('\tx := 0');
  });

  test('a run without races marks nothing', () => {
    expect(demoLines(SOURCE, 'main.go', []).every((l) => l.marks.length === 0)).toBe(true);
  });
});

describe('reportText', () => {
  test('keeps the report between the race detector’s rules and drops the rest', () => {
    const stderr =
      'noise\n==================\nWARNING: DATA RACE\n==================\nFound 1 data race(s)\n';
    expect(reportText(stderr)).toBe('==================\nWARNING: DATA RACE\n==================');
    expect(reportText(' plain \n')).toBe('plain');
  });
});
