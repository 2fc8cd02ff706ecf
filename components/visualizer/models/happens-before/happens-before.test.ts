import { describe, expect, test } from 'vitest';
import {
  applyHappensBeforeEffect,
  hasDataRace,
  newHappensBeforeState,
  raceReport,
  stepHappensBefore,
  visibleWrites,
  type HappensBeforeEvent,
  type HappensBeforeState,
} from './happens-before.ts';
import { newMutexState, stepMutex } from '../mutex/mutex.ts';

const run = (events: HappensBeforeEvent[], s: HappensBeforeState = newHappensBeforeState(['G1', 'G2'])) =>
  events.reduce((x, e) => stepHappensBefore(x, e).state, s);

describe('happens-before with vector clocks', () => {
  test('write; Unlock → Lock; read: ordered, no race, and the read sees that write', () => {
    const s = run([
      { type: 'lock', g: 'G1', mutex: 'mu' },
      { type: 'write', g: 'G1', variable: 'x', value: '42' },
      { type: 'unlock', g: 'G1', mutex: 'mu' },
      { type: 'lock', g: 'G2', mutex: 'mu' },
      { type: 'read', g: 'G2', variable: 'x' },
    ]);
    expect(hasDataRace(s)).toBe(false);
    expect(s.clocks.G2).toEqual({ G1: 1, G2: 1 });
    expect(s.edges).toEqual([{ kind: 'unlock→lock', sync: 'mu', from: ['G1'], to: 'G2' }]);
    const seen = visibleWrites(s, 1);
    expect(seen.visible.map((w) => w.value)).toEqual(['42']);
    expect(seen.racing).toEqual([]);
  });

  test('the same accesses without the lock are a data race', () => {
    const s = run([
      { type: 'write', g: 'G1', variable: 'x', value: '42' },
      { type: 'read', g: 'G2', variable: 'x' },
    ]);
    expect(s.races).toEqual([{ variable: 'x', previous: 0, current: 1 }]);
    expect(raceReport(s, s.races[0]!)).toEqual([
      'WARNING: DATA RACE',
      'Read at x by goroutine 2:',
      'Previous write at x by goroutine 1:',
    ]);
    expect(visibleWrites(s, 1).racing.map((w) => w.value)).toEqual(['42']);
  });

  test('a write after Unlock is not protected: it races with the next holder', () => {
    const s = run([
      { type: 'unlock', g: 'G1', mutex: 'mu' },
      { type: 'write', g: 'G1', variable: 'x' },
      { type: 'lock', g: 'G2', mutex: 'mu' },
      { type: 'read', g: 'G2', variable: 'x' },
    ]);
    expect(hasDataRace(s)).toBe(true);
  });

  test('concurrent reads never race', () => {
    expect(
      hasDataRace(
        run([
          { type: 'read', g: 'G1', variable: 'x' },
          { type: 'read', g: 'G2', variable: 'x' },
        ]),
      ),
    ).toBe(false);
  });

  test('channel send → receive and go statement edges order accesses', () => {
    const s = run(
      [
        { type: 'write', g: 'G1', variable: 'cfg' },
        { type: 'go', parent: 'G1', child: 'G2' },
        { type: 'read', g: 'G2', variable: 'cfg' },
        { type: 'write', g: 'G2', variable: 'result' },
        { type: 'send', g: 'G2', ch: 'done' },
        { type: 'recv', g: 'G1', ch: 'done' },
        { type: 'read', g: 'G1', variable: 'result' },
      ],
      newHappensBeforeState(['G1']),
    );
    expect(hasDataRace(s)).toBe(false);
    expect(s.edges.map((e) => e.kind)).toEqual(['go', 'send→receive']);
  });

  test('WaitGroup: every Done happens before Wait returns (ReleaseMerge)', () => {
    const s = run(
      [
        { type: 'go', parent: 'G1', child: 'G2' },
        { type: 'go', parent: 'G1', child: 'G3' },
        { type: 'write', g: 'G2', variable: 'a' },
        { type: 'done', g: 'G2', wg: 'wg' },
        { type: 'write', g: 'G3', variable: 'b' },
        { type: 'done', g: 'G3', wg: 'wg' },
        { type: 'waitReturn', g: 'G1', wg: 'wg' },
        { type: 'read', g: 'G1', variable: 'a' },
        { type: 'read', g: 'G1', variable: 'b' },
      ],
      newHappensBeforeState(['G1']),
    );
    expect(hasDataRace(s)).toBe(false);
    expect(s.edges.at(-1)).toEqual({ kind: 'done→wait', sync: 'wg', from: ['G2', 'G3'], to: 'G1' });
  });

  test("the Mutex model's acquire/release effects drive the clocks", () => {
    let hb = newHappensBeforeState(['G1', 'G2']);
    let mu = newMutexState({ G1: ['lock', 'unlock'], G2: ['lock'] });
    const stepBoth = (g: string) => {
      const r = stepMutex(mu, { type: 'step', g });
      mu = r.state;
      for (const e of r.effects) hb = applyHappensBeforeEffect(hb, e).state;
    };
    stepBoth('G1');
    hb = stepHappensBefore(hb, { type: 'write', g: 'G1', variable: 'x' }).state;
    stepBoth('G1');
    stepBoth('G2');
    hb = stepHappensBefore(hb, { type: 'read', g: 'G2', variable: 'x' }).state;
    expect(hasDataRace(hb)).toBe(false);
  });
});
