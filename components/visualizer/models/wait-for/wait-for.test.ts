import { describe, expect, test } from 'vitest';
import { narrationText } from '../../i18n/narrate.ts';
import { waitForModel } from './index.ts';
import {
  blockers,
  describeCycle,
  findCycle,
  newWaitForState,
  stepWaitFor,
  type WaitForEvent,
  type WaitForState,
} from './wait-for.ts';

const run = (events: WaitForEvent[], from: WaitForState = newWaitForState(['A', 'B'])): WaitForState =>
  events.reduce((s, e) => stepWaitFor(s, e).state, from);

describe('wait-for graph', () => {
  test('AB/BA lock order: the cycle is found and described', () => {
    const s = run([
      { type: 'lock', g: 'G1', lock: 'A' },
      { type: 'lock', g: 'G2', lock: 'B' },
      { type: 'lock', g: 'G1', lock: 'B' },
      { type: 'lock', g: 'G2', lock: 'A' },
    ]);
    const cycle = findCycle(s);
    expect(cycle).toEqual([
      { g: 'G1', holds: [{ lock: 'A' }], waitsFor: 'B', mode: 'write' },
      { g: 'G2', holds: [{ lock: 'B' }], waitsFor: 'A', mode: 'write' },
    ]);
    expect(narrationText('en', describeCycle(cycle!))).toBe(
      'G1 holds A and waits for B; G2 holds B and waits for A',
    );
  });

  test('same lock order: waiting but no cycle, and the lock is granted on release', () => {
    let s = run([
      { type: 'lock', g: 'G1', lock: 'A' },
      { type: 'lock', g: 'G1', lock: 'B' },
      { type: 'lock', g: 'G2', lock: 'A' },
    ]);
    expect(blockers(s, 'G2')).toEqual(['G1']);
    expect(findCycle(s)).toBeNull();
    s = run(
      [
        { type: 'unlock', g: 'G1', lock: 'B' },
        { type: 'unlock', g: 'G1', lock: 'A' },
      ],
      s,
    );
    expect(s.locks.A?.writer).toBe('G2');
  });

  test('recursive RLock with a pending writer is a cycle through one lock', () => {
    const s = run([
      { type: 'lock', g: 'G1', lock: 'A', mode: 'read' },
      { type: 'lock', g: 'G2', lock: 'A', mode: 'write' },
      { type: 'lock', g: 'G1', lock: 'A', mode: 'read' },
    ]);
    expect(narrationText('en', describeCycle(findCycle(s)!))).toBe(
      'G1 holds A (read) and waits for A (read); G2 waits for A',
    );
  });

  test('a held read lock is a fact the deadlock note and the lane status word in each language', () => {
    const s = run([
      { type: 'lock', g: 'G1', lock: 'B' },
      { type: 'lock', g: 'G1', lock: 'A', mode: 'read' },
      { type: 'lock', g: 'G2', lock: 'A', mode: 'write' },
      { type: 'lock', g: 'G1', lock: 'A', mode: 'read' },
    ]);
    expect(findCycle(s)?.[0]?.holds).toEqual([{ lock: 'A', read: true }, { lock: 'B' }]);
    expect(waitForModel.deadlockNotes?.('en', s)).toEqual([
      'Deadlock: G1 holds A (read), B and waits for A; G2 waits for A.',
    ]);
    expect(waitForModel.deadlockNotes?.('zh-cn', s)).toEqual([
      '死锁：G1 持有 A（读）、B，等待 A；G2 等待 A。',
    ]);
    const lane = { id: 'G1', code: [], program: [] };
    expect(waitForModel.cursor?.(s, lane, 3)?.holds).toEqual([{ lock: 'A', read: true }, { lock: 'B' }]);
  });

  test('a three-goroutine cycle', () => {
    const s = run(
      [
        { type: 'lock', g: 'G1', lock: 'A' },
        { type: 'lock', g: 'G2', lock: 'B' },
        { type: 'lock', g: 'G3', lock: 'C' },
        { type: 'lock', g: 'G1', lock: 'B' },
        { type: 'lock', g: 'G2', lock: 'C' },
        { type: 'lock', g: 'G3', lock: 'A' },
      ],
      newWaitForState(['A', 'B', 'C']),
    );
    expect(findCycle(s)?.map((c) => c.g)).toEqual(['G1', 'G2', 'G3']);
  });
});

test('RLock then Lock in one goroutine (upgrade) is a self-cycle', () => {
  const s = run([
    { type: 'lock', g: 'G1', lock: 'A', mode: 'read' },
    { type: 'lock', g: 'G1', lock: 'A', mode: 'write' },
  ]);
  expect(narrationText('en', describeCycle(findCycle(s)!))).toBe('G1 holds A (read) and waits for A');
});
