import { describe, expect, test } from 'vitest';
import {
  legacySyncMapContents,
  newLegacySyncMap,
  stepLegacySyncMap,
  syncMapLegacyInfo,
  type LegacySyncMapEvent,
  type LegacySyncMapState,
} from './syncmap-legacy.ts';

function run(
  events: LegacySyncMapEvent[],
  from = newLegacySyncMap(),
): { state: LegacySyncMapState; keys: string[] } {
  let s = from;
  const keys: string[] = [];
  for (const e of events) {
    const r = stepLegacySyncMap(s, e);
    s = r.state;
    keys.push(...r.narration.map((n) => n.key));
  }
  return { state: s, keys };
}

describe('legacy sync.Map (Go ≤ 1.23 sync/map.go)', () => {
  test('is labelled Go ≤ 1.23', () => {
    expect(syncMapLegacyInfo.goVersions).toBe('Go ≤ 1.23');
    expect(syncMapLegacyInfo.title).toContain('Go ≤ 1.23');
  });

  test('new keys go to dirty; loads miss until misses reach len(dirty), then dirty is promoted', () => {
    const stored = run([
      { type: 'store', key: 'a', value: '1' },
      { type: 'store', key: 'b', value: '2' },
      { type: 'store', key: 'c', value: '3' },
    ]).state;
    expect(stored.read).toEqual({ m: {}, amended: true });
    expect(Object.keys(stored.dirty ?? {})).toEqual(['a', 'b', 'c']);

    const twoMisses = run(
      [
        { type: 'load', key: 'a' },
        { type: 'load', key: 'b' },
      ],
      stored,
    );
    expect(twoMisses.state.misses).toBe(2);
    expect(twoMisses.state.last).toEqual({ op: 'load', key: 'b', value: '2', ok: true });

    const third = run([{ type: 'load', key: 'c' }], twoMisses.state);
    expect(third.keys).toEqual(['legacy.load.slow', 'legacy.promote']);
    expect(third.state.misses).toBe(0);
    expect(third.state.dirty).toBeNull();
    expect(third.state.read.amended).toBe(false);
    expect(Object.keys(third.state.read.m)).toEqual(['a', 'b', 'c']);

    expect(run([{ type: 'load', key: 'a' }], third.state).keys).toEqual(['legacy.load.fast']);
  });

  test('a miss on an absent key also counts', () => {
    const s = run([
      { type: 'store', key: 'a', value: '1' },
      { type: 'load', key: 'zzz' },
    ]);
    expect(s.keys).toContain('legacy.promote'); // misses 1 ≥ len(dirty) 1
    expect(s.state.last).toEqual({ op: 'load', key: 'zzz', value: null, ok: false });
  });

  test('deleted entries are expunged when dirty is rebuilt, and un-expunged by a later Store', () => {
    const promoted = run([
      { type: 'store', key: 'a', value: '1' },
      { type: 'store', key: 'b', value: '2' },
      { type: 'range' },
    ]).state;
    expect(promoted.dirty).toBeNull();
    const deleted = run([{ type: 'delete', key: 'a' }], promoted).state;
    expect(deleted.entries[deleted.read.m.a!]).toEqual({ kind: 'nil' });
    const rebuilt = run([{ type: 'store', key: 'c', value: '3' }], deleted);
    expect(rebuilt.keys).toEqual(['legacy.dirtyLocked', 'legacy.store.new']);
    expect(rebuilt.state.entries[rebuilt.state.read.m.a!]).toEqual({ kind: 'expunged' });
    expect(Object.keys(rebuilt.state.dirty ?? {})).toEqual(['b', 'c']);
    const back = run([{ type: 'store', key: 'a', value: '9' }], rebuilt.state);
    expect(back.keys).toEqual(['legacy.store.unexpunge']);
    expect(legacySyncMapContents(back.state)).toEqual({ a: '9', b: '2', c: '3' });
  });

  test('updating a key already in read takes the lock-free path', () => {
    const s = run([
      { type: 'store', key: 'a', value: '1' },
      { type: 'range' },
      { type: 'store', key: 'a', value: '2' },
    ]);
    expect(s.keys.at(-1)).toBe('legacy.store.fast');
    expect(legacySyncMapContents(s.state)).toEqual({ a: '2' });
  });
});
