// The lane a sync.Mutex goroutine shows: lockSlow's locals exactly while it is inside lockSlow, and who
// runs before it after a handoff.
import { describe, expect, test } from 'vitest';
import { mutexCursor } from './cursor.ts';
import { newMutexState, stepMutex, type MutexEvent, type MutexState } from './mutex.ts';

const step = (g: string, canSpin?: boolean): MutexEvent => ({ type: 'step', g, canSpin });
const run = (s: MutexState, events: MutexEvent[]): MutexState =>
  events.reduce((x, e) => stepMutex(x, e).state, s);
const locals = (s: MutexState, g: string) => mutexCursor(s, g)?.lockSlow;

describe('mutex lanes: lockSlow locals', () => {
  const s0 = newMutexState({ G1: ['lock', 'unlock'], G2: ['lock', 'unlock'], G3: ['lock', 'unlock'] });

  test('outside lockSlow (before a call, on the fast path, finished) there are no locals', () => {
    expect(locals(s0, 'G1')).toBeNull();
    const s = run(s0, [step('G1')]); // fast path: holds the mutex, not in lockSlow
    expect(locals(s, 'G1')).toBeNull();
    expect(mutexCursor(s, 'G1')?.holds).toEqual([{ lock: 'mu' }]);
    expect(mutexCursor(s0, 'G9')).toBeNull();
  });

  test('a waiter shows its locals from entering lockSlow until it returns, parked included', () => {
    let s = run(s0, [step('G1'), step('G2')]); // G2's fast path fails: lockSlow begins
    expect(locals(s, 'G2')).toEqual({
      starving: false,
      waitStartTime: 0,
      awoke: false,
      iter: 0,
      queueLifo: false,
    });
    s = run(s, [step('G2'), step('G2')]); // new computed; CAS registers it: waitStartTime = now (1000)
    expect(locals(s, 'G2')).toEqual({
      starving: false,
      waitStartTime: 1000,
      awoke: false,
      iter: 0,
      queueLifo: false,
    });
    s = run(s, [step('G2')]); // parks at the back
    expect(mutexCursor(s, 'G2')).toMatchObject({ status: 'blocked', reason: 'sync.Mutex.Lock' });
    expect(locals(s, 'G2')?.queueLifo).toBe(false);
    s = run(s, [step('G1'), step('G1'), step('G1')]); // G1 unlocks and wakes G2
    expect(locals(s, 'G2')?.queueLifo).toBe(true); // it has waited before: it will queue at the front
    s = run(s, [step('G3'), step('G3'), step('G3'), { type: 'tick', ns: 2_000_000 }, step('G2')]);
    expect(locals(s, 'G2')).toEqual({
      starving: true,
      waitStartTime: 1000,
      awoke: true,
      iter: 0,
      queueLifo: true,
    });
    s = run(s, [step('G2'), step('G2'), step('G2')]); // new |= mutexStarving; CAS; parks LIFO
    expect(locals(s, 'G2')).toMatchObject({ starving: true, queueLifo: true });
    expect(s.sema.waiters).toEqual(['G2']);
  });

  test('spinning counts iter and sets awoke when it takes the woken bit', () => {
    let s = run(s0, [step('G1'), step('G2'), step('G2'), step('G2'), step('G2'), step('G3')]);
    s = run(s, [step('G3', true), step('G3', true)]);
    expect(locals(s, 'G3')).toMatchObject({ iter: 2, awoke: true, waitStartTime: 0 });
  });

  test('after a handoff on one P, every other runnable lane says the woken waiter runs first', () => {
    const s1 = newMutexState({
      G1: ['lock', 'unlock'],
      G2: ['lock', 'unlock'],
      G3: ['lock', 'unlock', 'work'],
    });
    let s = run(s1, [step('G1'), step('G2'), step('G2'), step('G2'), step('G2')]);
    s = run(s, [step('G1'), step('G1'), step('G1'), step('G3'), step('G3'), step('G3')]);
    s = run(s, [{ type: 'tick', ns: 2_000_000 }, step('G2'), step('G2'), step('G2'), step('G2')]);
    s = run(s, [step('G3'), step('G3')]); // G3 unlocks in starvation mode and hands off to G2
    expect(mutexCursor(s, 'G3')?.runsAfter).toBe('G2');
    expect(mutexCursor(s, 'G2')?.runsAfter).toBeNull();
    expect(mutexCursor(s, 'G1')?.runsAfter).toBeNull(); // finished
    s = run(s, [step('G2')]);
    expect(mutexCursor(s, 'G3')?.runsAfter).toBeNull();
  });
});
