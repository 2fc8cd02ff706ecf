import { describe, expect, test } from 'vitest';
import {
  layout,
  lineOf,
  newFalseSharingState,
  sharedLines,
  stepFalseSharing,
  type FalseSharingEvent,
  type FalseSharingState,
} from './false-sharing.ts';

const counters = [
  { name: 'a', size: 8 },
  { name: 'b', size: 8 },
];
// Core 0 increments a, core 1 increments b, alternating, 4 times each.
const alternating: FalseSharingEvent[] = Array.from({ length: 8 }, (_, i) => ({
  type: 'write',
  core: i % 2,
  variable: i % 2 ? 'b' : 'a',
}));
const run = (s: FalseSharingState, events: FalseSharingEvent[]) =>
  events.reduce((x, e) => stepFalseSharing(x, e).state, s);

describe('false sharing (MESI-simplified)', () => {
  test('packed: two 8-byte counters share line 0; padded: separate lines', () => {
    expect(layout(counters, { pad: false })).toEqual([
      { name: 'a', offset: 0, size: 8 },
      { name: 'b', offset: 8, size: 8 },
    ]);
    expect(layout(counters, { pad: true })).toEqual([
      { name: 'a', offset: 0, size: 8 },
      { name: 'b', offset: 64, size: 8 },
    ]);
    const packed = newFalseSharingState(layout(counters, { pad: false }));
    expect(sharedLines(packed)).toEqual({ 0: ['a', 'b'] });
    expect(lineOf(newFalseSharingState(layout(counters, { pad: true })), 'b')).toBe(1);
  });

  test('writes to different variables in one line invalidate and transfer the line every time', () => {
    const s = run(newFalseSharingState(layout(counters, { pad: false })), alternating);
    expect(s.counters).toEqual({ hits: 0, misses: 8, invalidations: 7, transfers: 7 });
    expect(s.lines[0]).toEqual(['I', 'M']);
  });

  test('padding removes the invalidations: after the first miss every write hits', () => {
    const s = run(newFalseSharingState(layout(counters, { pad: true })), alternating);
    expect(s.counters).toEqual({ hits: 6, misses: 2, invalidations: 0, transfers: 0 });
    expect(s.lines).toEqual({ 0: ['M', 'I'], 1: ['I', 'M'] });
  });

  test('with 128-byte lines, 64 bytes of padding is not enough', () => {
    const vars = layout(counters, { pad: true, lineSize: 64 });
    const s = run(newFalseSharingState(vars, { lineSize: 128 }), alternating);
    expect(s.counters.invalidations).toBe(7);
  });

  test('reads share a line; a write then invalidates the readers', () => {
    const s = run(newFalseSharingState(layout(counters, { pad: false }), { cores: 3 }), [
      { type: 'read', core: 0, variable: 'a' },
      { type: 'read', core: 1, variable: 'b' },
      { type: 'write', core: 2, variable: 'a' },
      { type: 'read', core: 0, variable: 'a' },
    ]);
    expect(s.lines[0]).toEqual(['S', 'I', 'S']);
    expect(s.counters).toEqual({ hits: 0, misses: 4, invalidations: 2, transfers: 1 });
  });
});
