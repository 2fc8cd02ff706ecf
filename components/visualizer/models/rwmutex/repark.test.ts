// A woken RWMutex waiter that finds no semaphore count stays in semacquire1's loop: it queues again and
// parks, as Go does, instead of the model throwing.
import { describe, expect, test } from 'vitest';
import { narrationText } from '../../i18n/narrate.ts';
import { newRWMutexState, rwmutexEnabledEvents, stepRWMutex, type RWMutexState } from './rwmutex.ts';

const run = (s: RWMutexState, ids: string[]): RWMutexState =>
  ids.reduce((x, g) => stepRWMutex(x, { type: 'step', g }).state, s);
const g = (s: RWMutexState, id: string) => s.goroutines.find((x) => x.id === id)!;

/** W holds the write lock, R1 parked in RLock; W's Unlock releases readerSem once and wakes R1. */
function readerWoken(): RWMutexState {
  let s = run(newRWMutexState({ W: ['lock', 'unlock'], R1: ['rlock', 'runlock'] }), ['W', 'W']);
  expect(g(s, 'W').writeHeld).toBe(true);
  s = run(s, ['R1', 'R1']); // readerCount + 1 < 0 → runtime_SemacquireRWMutexR parks it
  expect(g(s, 'R1').pc).toBe('parked');
  s = run(s, ['W', 'W']); // Unlock: readerCount += 2^30 → 1; Semrelease(&rw.readerSem) once
  expect(g(s, 'R1').pc).toBe('woken');
  expect(s.readerSem.count).toBe(1);
  return s;
}

describe('RWMutex: a woken waiter without a semaphore count re-parks', () => {
  test('with the count there, the woken reader takes it and RLock returns', () => {
    const s = run(readerWoken(), ['R1']);
    expect(g(s, 'R1').readHeld).toBe(1);
    expect(s.readerSem.count).toBe(0);
  });

  test('with the count gone, it queues at the back of readerSem and parks again [sync.RWMutex.RLock]', () => {
    const woken = readerWoken();
    // The count went to another acquirer before R1 ran (semrelease1 does not hand it over: handoff=false).
    const taken: RWMutexState = { ...woken, readerSem: { ...woken.readerSem, count: 0 } };
    const r = stepRWMutex(taken, { type: 'step', g: 'R1' });
    expect(r.state.failure).toBeNull();
    expect(g(r.state, 'R1')).toMatchObject({ pc: 'parked', blockedOn: 'readerSem', readHeld: 0 });
    expect(r.state.readerSem).toEqual({ count: 0, waiters: ['R1'] });
    expect(r.effects).toContainEqual({ kind: 'park', goroutine: 'R1', reason: 'sync.RWMutex.RLock' });
    expect(rwmutexEnabledEvents(r.state).map((e) => e.goroutine)).not.toContain('R1');
    const [said] = r.narration;
    expect(said?.key).toBe('rw.sema.repark');
    expect(narrationText('en', said!)).toContain('parks once more');
    expect(narrationText('zh-cn', said!)).toContain('再次休眠');
  });
});
