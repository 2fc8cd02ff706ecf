import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAIN_GOROUTINE_ID, parseRaceReports, raceGoroutineCount } from './race.ts';

const W = '/sandbox/src';
const fixture = (name: string): string => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');

describe('parseRaceReports', () => {
  it('counter++ from two goroutines in a loop closure: read then previous write', () => {
    const races = parseRaceReports(fixture('race_counter.txt'), W);
    expect(races).toEqual(JSON.parse(fixture('race_counter.json')));
  });

  it('maps "main goroutine" to id 0 and keeps finished goroutines', () => {
    const [race, ...rest] = parseRaceReports(fixture('race_readwrite.txt'), W);
    expect(rest).toHaveLength(0);
    expect(race?.accesses.map((a) => [a.op, a.goroutine])).toEqual([
      ['read', MAIN_GOROUTINE_ID],
      ['write', 8],
    ]);
    expect(race?.accesses[0]?.stack).toEqual([{ func: 'main.main', file: 'main.go', line: 15 }]);
    expect(race?.accesses[1]?.stack).toEqual([{ func: 'main.main.func1', file: 'main.go', line: 12 }]);
    expect(race?.goroutines).toEqual([
      { id: 8, createdAt: [{ func: 'main.main', file: 'main.go', line: 11 }] },
    ]);
  });

  it('keeps deep stacks through a helper in order, top first', () => {
    const [race] = parseRaceReports(fixture('race_helper.txt'), W);
    expect(race?.accesses[0]?.stack.map((f) => `${f.func}@${f.line}`)).toEqual([
      'main.(*Account).Deposit@13',
      'main.worker@19',
      'main.main.gowrap2@28',
    ]);
    expect(race?.accesses[1]?.stack.map((f) => `${f.func}@${f.line}`)).toEqual([
      'main.(*Account).Deposit@13',
      'main.worker@19',
      'main.main.gowrap1@27',
    ]);
    expect(race?.goroutines.map((g) => [g.id, g.createdAt[0]?.line])).toEqual([
      [9, 28],
      [8, 27],
    ]);
  });

  it('returns every report of a program with two races', () => {
    const races = parseRaceReports(fixture('race_two.txt'), W);
    expect(races).toHaveLength(2);
    expect(races.map((r) => r.accesses.map((a) => `${a.op}:${a.goroutine}:${a.stack[0]?.line}`))).toEqual([
      ['write:9:19', 'write:0:22'],
      ['write:8:15', 'write:0:21'],
    ]);
    expect(raceGoroutineCount(races)).toBe(3);
  });

  it('keeps the runtime map frames of a map race', () => {
    const [race] = parseRaceReports(fixture('race_map.txt'), W);
    expect(race?.accesses[0]?.op).toBe('write');
    expect(race?.accesses[0]?.stack[0]).toEqual({
      func: 'runtime.mapassign_faststr',
      file: 'internal/runtime/maps/runtime_faststr.go',
      line: 263,
    });
    expect(race?.accesses[1]?.stack[0]?.func).toBe('runtime.mapaccess1_faststr');
    expect(race?.accesses[1]?.stack[1]).toEqual({ func: 'main.main.func2', file: 'main.go', line: 18 });
  });

  it('keeps an access whose stack could not be restored, with an empty stack', () => {
    const [race] = parseRaceReports(fixture('race_norestore.txt'), W);
    expect(race?.accesses).toEqual([
      { op: 'read', goroutine: 0, stack: [{ func: 'main.main', file: 'main.go', line: 15 }] },
      { op: 'write', goroutine: 8, stack: [] },
    ]);
  });

  it('reads the reports printed before a concurrent map fatal error', () => {
    expect(parseRaceReports(fixture('concmap_iter_race.txt'), W)).toHaveLength(3);
    expect(parseRaceReports(fixture('concmap_writes_plain.txt'), W)).toEqual([]);
  });

  it('returns a report cut off by the output limit with what it has', () => {
    const cut = fixture('race_counter.txt').split('Goroutine 9')[0] ?? '';
    const [race] = parseRaceReports(cut, W);
    expect(race?.accesses).toHaveLength(2);
    expect(race?.goroutines).toEqual([]);
  });

  it('returns nothing for output without a report', () => {
    expect(parseRaceReports('hello\n==================\n', W)).toEqual([]);
  });
});
