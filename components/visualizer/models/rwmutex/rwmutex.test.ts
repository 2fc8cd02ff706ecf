import { describe, expect, test } from 'vitest';
import { narrationText } from '../../i18n/narrate.ts';
import {
  describeReaderCount,
  explainRWDeadlock,
  newRWMutexState,
  rwmutexEnabledEvents,
  rwmutexIsDeadlocked,
  rwmutexMaxReaders,
  stepRWMutex,
  type RWMutexState,
} from './rwmutex.ts';
import type { Effect } from '../types.ts';

function run(state: RWMutexState, ids: string[]): { state: RWMutexState; effects: Effect[] } {
  let s = state;
  const effects: Effect[] = [];
  for (const g of ids) {
    const r = stepRWMutex(s, { type: 'step', g });
    s = r.state;
    effects.push(...r.effects);
  }
  return { state: s, effects };
}
const pc = (s: RWMutexState, id: string) => s.goroutines.find((g) => g.id === id)?.pc;

describe('sync.RWMutex model (sync/rwmutex.go)', () => {
  test('readers, a pending writer, a blocked new reader, then the writer proceeds and releases the reader', () => {
    const s0 = newRWMutexState({
      R1: ['rlock', 'runlock'],
      R2: ['rlock', 'runlock'],
      W: ['lock', 'unlock'],
      R3: ['rlock', 'runlock'],
    });
    let s = run(s0, ['R1', 'R2']).state;
    expect(s.readerCount).toBe(2);

    const w = run(s, ['W', 'W', 'W']); // w.Lock, announce, readerWait += 2 and park
    s = w.state;
    expect(s.readerCount).toBe(2 - rwmutexMaxReaders);
    expect(s.readerCount).toBe(-1073741822);
    expect(describeReaderCount(s.readerCount)).toMatchObject({
      writerPending: true,
      readers: 2,
      text: '2 − 2^30',
    });
    expect(s.readerWait).toBe(2);
    expect(w.effects).toContainEqual({ kind: 'park', goroutine: 'W', reason: 'sync.RWMutex.Lock' });

    const r3 = run(s, ['R3', 'R3']);
    s = r3.state;
    expect(s.readerCount).toBe(3 - rwmutexMaxReaders);
    expect(r3.effects).toContainEqual({ kind: 'park', goroutine: 'R3', reason: 'sync.RWMutex.RLock' });

    s = run(s, ['R1', 'R1']).state;
    expect(s.readerWait).toBe(1);
    expect(pc(s, 'W')).toBe('parked');
    const last = run(s, ['R2', 'R2']);
    s = last.state;
    expect(s.readerWait).toBe(0);
    expect(last.effects).toContainEqual({ kind: 'ready', goroutine: 'W', by: 'R2', handoff: false });

    s = run(s, ['W']).state; // wakes, owns the write lock
    expect(s.goroutines.find((g) => g.id === 'W')?.writeHeld).toBe(true);
    s = run(s, ['W']).state; // Unlock: readerCount += 2^30 → 1 (R3 was blocked)
    expect(s.readerCount).toBe(1);
    const rel = run(s, ['W']);
    expect(rel.effects).toContainEqual({ kind: 'ready', goroutine: 'R3', by: 'W', handoff: false });
    s = run(rel.state, ['W', 'R3']).state;
    expect(s.w.locked).toBe(false);
    expect(s.goroutines.find((g) => g.id === 'R3')?.readHeld).toBe(1);
    s = run(s, ['R3']).state;
    expect(s.readerCount).toBe(0);
    expect(rwmutexEnabledEvents(s)).toEqual([]);
  });

  test('a second writer waits on the inner Mutex w with reason sync.Mutex.Lock', () => {
    const r = run(newRWMutexState({ W1: ['lock', 'unlock'], W2: ['lock'] }), ['W1', 'W1', 'W2']);
    expect(r.effects).toContainEqual({ kind: 'park', goroutine: 'W2', reason: 'sync.Mutex.Lock' });
    const after = run(r.state, ['W1', 'W1', 'W1', 'W2', 'W2']);
    expect(after.state.goroutines.find((g) => g.id === 'W2')?.writeHeld).toBe(true);
    expect(after.state.readerCount).toBe(-rwmutexMaxReaders);
  });

  test('recursive RLock deadlocks once a writer is pending between the two RLocks', () => {
    const s0 = newRWMutexState({ G1: ['rlock', 'rlock', 'runlock', 'runlock'], G2: ['lock', 'unlock'] });
    const s = run(s0, ['G1', 'G2', 'G2', 'G2', 'G1', 'G1']).state;
    expect(s.readerCount).toBe(2 - rwmutexMaxReaders);
    expect(rwmutexIsDeadlocked(s)).toBe(true);
    const why = explainRWDeadlock(s);
    expect(why?.kind).toBe('recursive-rlock');
    expect(why?.narration.map((n) => narrationText('en', n))).toEqual([
      'G1 waits in RLock behind pending writer G2 while it already holds 1 read lock(s).',
      'G2 waits in Lock for reader(s) G1 to call RUnlock (readerWait = 1).',
      'No goroutine can proceed: fatal error: all goroutines are asleep - deadlock!',
    ]);
  });

  test('without a writer in between, recursive RLock happens to work (which is why the bug hides)', () => {
    const s = run(newRWMutexState({ G1: ['rlock', 'rlock', 'runlock', 'runlock'] }), [
      'G1',
      'G1',
      'G1',
      'G1',
    ]).state;
    expect(s.readerCount).toBe(0);
    expect(rwmutexIsDeadlocked(s)).toBe(false);
  });

  test('RLock then Lock in the same goroutine (upgrade) deadlocks', () => {
    const s = run(newRWMutexState({ G1: ['rlock', 'lock'] }), ['G1', 'G1', 'G1', 'G1']).state;
    expect(rwmutexIsDeadlocked(s)).toBe(true);
    expect(explainRWDeadlock(s)?.kind).toBe('lock-upgrade');
  });

  test('RUnlock and Unlock of an unlocked RWMutex are fatal errors', () => {
    const a = run(newRWMutexState({ G1: ['runlock'] }), ['G1', 'G1']).state;
    expect(a.failure?.printed).toBe('fatal error: sync: RUnlock of unlocked RWMutex');
    const b = run(newRWMutexState({ G1: ['unlock'] }), ['G1']).state;
    expect(b.failure?.printed).toBe('fatal error: sync: Unlock of unlocked RWMutex');
  });

  test('readers that leave between announce and readerWait.Add let the writer through without parking', () => {
    const s0 = newRWMutexState({ R1: ['rlock', 'runlock'], W: ['lock'] });
    // R1 reads; W announces (r = 1); R1 leaves first, making readerWait −1; W adds 1 → 0 and does not park.
    const s = run(s0, ['R1', 'W', 'W', 'R1', 'R1']).state;
    expect(s.readerWait).toBe(-1);
    const w = run(s, ['W']);
    expect(w.state.readerWait).toBe(0);
    expect(w.state.goroutines.find((g) => g.id === 'W')?.writeHeld).toBe(true);
    expect(w.effects.some((e) => e.kind === 'park')).toBe(false);
  });
});
