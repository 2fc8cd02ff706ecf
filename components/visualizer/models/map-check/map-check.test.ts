import { describe, expect, test } from 'vitest';
import {
  mapEnabledEvents,
  mapFatal,
  mapUndetectedRace,
  newMapState,
  stepMap,
  type MapState,
} from './map-check.ts';

function run(state: MapState, ids: string[]): MapState {
  return ids.reduce((s, g) => stepMap(s, { type: 'step', g }).state, state);
}
const writers = () =>
  newMapState({
    G1: [{ kind: 'write', key: 'a', value: '1' }],
    G2: [{ kind: 'write', key: 'b', value: '2' }],
  });

describe('built-in map concurrent-write check (internal/runtime/maps)', () => {
  test('serial writes never trip the check', () => {
    const s = run(writers(), ['G1', 'G1', 'G1', 'G1', 'G2', 'G2', 'G2', 'G2']);
    expect(s.failure).toBeNull();
    expect(s.entries).toEqual({ a: '1', b: '2' });
    expect(s.writing).toBe(0);
    expect(s.raceObserved).toBe(false);
    expect(mapEnabledEvents(s)).toEqual([]);
  });

  test('a writer that sees writing = 1 on entry dies with "concurrent map writes"', () => {
    const s = run(writers(), ['G1', 'G1', 'G2']);
    expect(mapFatal(s)?.printed).toBe('fatal error: concurrent map writes');
    expect(mapFatal(s)?.goroutine).toBe('G2');
  });

  test('two writers that both passed the entry check: XOR brings writing back to 0, the exit check fires', () => {
    const s = run(writers(), ['G1', 'G2', 'G1', 'G2']);
    expect(s.writing).toBe(0);
    const end = run(s, ['G1', 'G1']);
    expect(mapFatal(end)?.printed).toBe('fatal error: concurrent map writes');
    expect(mapFatal(end)?.goroutine).toBe('G1');
  });

  test('a read during a write: "concurrent map read and map write"', () => {
    const s0 = newMapState(
      { W: [{ kind: 'write', key: 'a', value: '2' }], R: [{ kind: 'read', key: 'a' }] },
      { a: '1' },
    );
    expect(mapFatal(run(s0, ['W', 'W', 'R']))?.printed).toBe(
      'fatal error: concurrent map read and map write',
    );
  });

  test('best-effort: a reader that checked before the writer toggled is not caught', () => {
    const s0 = newMapState(
      { W: [{ kind: 'write', key: 'a', value: '2' }], R: [{ kind: 'read', key: 'a' }] },
      { a: '1' },
    );
    const s = run(s0, ['R', 'W', 'W', 'W', 'R', 'W']);
    expect(s.failure).toBeNull();
    expect(s.goroutines.find((g) => g.id === 'R')?.seen).toEqual(['2']);
    expect(mapUndetectedRace(s)).toBe(true);
  });

  test('a write during range: "concurrent map iteration and map write"', () => {
    const s0 = newMapState({ I: [{ kind: 'range' }], W: [{ kind: 'delete', key: 'b' }] }, { a: '1', b: '2' });
    const s = run(s0, ['I', 'I', 'W', 'W', 'I']);
    expect(mapFatal(s)?.printed).toBe('fatal error: concurrent map iteration and map write');
  });

  test('concurrent readers alone are fine', () => {
    const s0 = newMapState(
      { R1: [{ kind: 'read', key: 'a' }], R2: [{ kind: 'read', key: 'a' }] },
      { a: '1' },
    );
    const s = run(s0, ['R1', 'R2', 'R2', 'R1']);
    expect(s.failure).toBeNull();
    expect(s.raceObserved).toBe(false);
  });
});
