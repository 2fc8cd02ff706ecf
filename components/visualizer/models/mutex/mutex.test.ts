import { describe, expect, test } from 'vitest';
import {
  describeMutexState,
  mutexEnabledEvents,
  mutexIsDeadlocked,
  newMutexState,
  stepMutex,
  type MutexEvent,
  type MutexState,
} from './mutex.ts';
import type { Effect, Narration } from '../types.ts';

function run(
  state: MutexState,
  events: MutexEvent[],
): { state: MutexState; narration: Narration[]; effects: Effect[] } {
  let s = state;
  const narration: Narration[] = [];
  const effects: Effect[] = [];
  for (const e of events) {
    const r = stepMutex(s, e);
    s = r.state;
    narration.push(...r.narration);
    effects.push(...r.effects);
  }
  return { state: s, narration, effects };
}
const step = (g: string): MutexEvent => ({ type: 'step', g });
const pcOf = (s: MutexState, id: string) => s.goroutines.find((g) => g.id === id)?.pc;

describe('sync.Mutex model (internal/sync/mutex.go)', () => {
  test('uncontended Lock takes the fast path: state 0 → 1, then Unlock → 0', () => {
    const s0 = newMutexState({ G1: ['lock', 'unlock'] });
    const a = stepMutex(s0, step('G1'));
    expect(a.state.word).toBe(1);
    expect(a.state.holder).toBe('G1');
    expect(a.narration[0]?.key).toBe('mutex.fastpath.acquired');
    const b = stepMutex(a.state, step('G1'));
    expect(b.state.word).toBe(0);
    expect(b.narration[0]?.key).toBe('mutex.unlock.fast');
    expect(pcOf(b.state, 'G1')).toBe('done');
  });

  test('a second goroutine registers as a waiter (state 1 + 8 = 9) and parks with reason sync.Mutex.Lock', () => {
    const s0 = newMutexState({ G1: ['lock', 'unlock'], G2: ['lock', 'unlock'] });
    const r = run(s0, [step('G1'), step('G2'), step('G2'), step('G2')]);
    expect(r.state.word).toBe(9);
    expect(describeMutexState(r.state.word)).toEqual({
      word: 9,
      locked: true,
      woken: false,
      starving: false,
      waiters: 1,
      bits: '00001001',
    });
    const parked = stepMutex(r.state, step('G2'));
    expect(parked.effects).toContainEqual({ kind: 'park', goroutine: 'G2', reason: 'sync.Mutex.Lock' });
    expect(parked.state.sema.waiters).toEqual(['G2']);
    expect(mutexEnabledEvents(parked.state).map((e) => e.goroutine)).toEqual(['G1']);
  });

  function contended(): MutexState {
    // G1 holds, G2 parked as the only waiter (state 9). Clock starts at 1000 ns.
    const s0 = newMutexState({
      G1: ['lock', 'unlock'],
      G2: ['lock', 'unlock'],
      G3: ['lock', 'unlock'],
      G4: ['tryLock', 'lock'],
    });
    return run(s0, [step('G1'), step('G2'), step('G2'), step('G2'), step('G2')]).state;
  }

  test('Unlock in normal mode sets woken and releases a waiter; a newcomer barges; the loser re-queues LIFO', () => {
    let s = contended();
    s = run(s, [step('G1')]).state; // AddInt32(-1): 9 → 8, unlockSlow
    expect(s.word).toBe(8);
    s = run(s, [step('G1')]).state; // CAS 8 → (8-8)|2 = 2
    expect(s.word).toBe(2);
    const released = stepMutex(s, step('G1')); // runtime_Semrelease(&m.sema, false, 2)
    expect(released.effects).toContainEqual({ kind: 'ready', goroutine: 'G2', by: 'G1', handoff: false });
    s = released.state;
    expect(pcOf(s, 'G2')).toBe('woken');
    // G3 arrives: fast path fails (state 2), computes new = 2|1 = 3, CAS acquires (barging).
    s = run(s, [step('G3'), step('G3'), step('G3')]).state;
    expect(s.word).toBe(3);
    expect(s.holder).toBe('G3');
    // G2 wakes in normal mode, awoke = true; new = (3|1) + 8 with woken cleared = 9; re-queued at the front.
    s = run(s, [step('G2'), step('G2')]).state;
    expect(s.goroutines.find((g) => g.id === 'G2')?.locals).toMatchObject({ awoke: true, new: 9 });
    s = run(s, [step('G2')]).state;
    expect(s.word).toBe(9);
    const parked = stepMutex(s, step('G2'));
    expect(parked.narration[0]?.params).toMatchObject({ lifo: true });
  });

  function starvingScenario(): MutexState {
    let s = contended();
    s = run(s, [step('G1'), step('G1'), step('G1')]).state; // G1 unlocks, wakes G2 (state 2)
    s = run(s, [step('G3'), step('G3'), step('G3')]).state; // G3 barges (state 3)
    s = run(s, [{ type: 'tick', ns: 2_000_000 }]).state; // G2 has now waited 2 ms
    s = run(s, [step('G2')]).state; // wakes: starving = true
    expect(s.goroutines.find((g) => g.id === 'G2')?.locals.starving).toBe(true);
    s = run(s, [step('G2')]).state; // new = ((3|1)+8)|4 &^ 2 = 13
    expect(s.goroutines.find((g) => g.id === 'G2')?.locals.new).toBe(13);
    s = run(s, [step('G2'), step('G2')]).state; // CAS 3 → 13, park LIFO
    expect(s.word).toBe(13);
    expect(describeMutexState(s.word)).toMatchObject({ locked: true, starving: true, waiters: 1 });
    return s;
  }

  test('a waiter that waited > 1 ms sets the starving bit on its next attempt', () => {
    starvingScenario();
  });

  test('starvation mode: newcomers queue at the tail; TryLock fails; Unlock hands off; delta keeps starving', () => {
    let s = starvingScenario();
    // G4: TryLock fails because the mutex is starving.
    s = run(s, [step('G4')]).state;
    expect(s.goroutines.find((g) => g.id === 'G4')?.tryLockResults).toEqual([false]);
    // G4 Lock: no grab, no spin: new = 13 + 8 = 21, queued at the tail behind G2 (LIFO at the front).
    s = run(s, [step('G4'), step('G4'), step('G4'), step('G4')]).state;
    expect(s.word).toBe(21);
    expect(s.sema.waiters).toEqual(['G2', 'G4']);
    let r = run(s, [step('G3')]); // AddInt32(-1): 21 → 20, starving → handoff; mutexLocked stays clear
    expect(r.state.word).toBe(20);
    r = run(r.state, [step('G3')]);
    expect(r.effects).toContainEqual({ kind: 'ready', goroutine: 'G2', by: 'G3', handoff: true });
    // G2 owns it: delta = 1 - 8 = -7, still starving (2 waiters, waited > 1 ms): 20 - 7 = 13.
    const owned = stepMutex(r.state, step('G2'));
    expect(owned.state.word).toBe(13);
    expect(owned.narration.map((x) => x.key)).toEqual(['mutex.handoff.acquired']);
    expect(owned.state.holder).toBe('G2');
    // G2 unlocks: 13 → 12, hand off to G4, who waited < 1 ms → exits starvation: 12 - 7 - 4 = 1.
    s = run(owned.state, [step('G2'), step('G2')]).state;
    const g4 = stepMutex(s, step('G4'));
    expect(g4.state.word).toBe(1);
    expect(g4.narration.map((x) => x.key)).toEqual(['mutex.handoff.acquired', 'mutex.starvation.exit']);
  });

  test('the last waiter exits starvation mode even if it waited > 1 ms', () => {
    let s = starvingScenario();
    s = run(s, [step('G3'), step('G3'), { type: 'tick', ns: 5_000_000 }]).state; // 12, handoff to G2
    const r = stepMutex(s, step('G2'));
    expect(r.state.word).toBe(1); // 12 + (1 - 8 - 4)
    expect(r.narration.map((x) => x.key)).toContain('mutex.starvation.exit');
  });

  test('Unlock of an unlocked mutex is a fatal error', () => {
    const r = run(newMutexState({ G1: ['unlock'] }), [step('G1')]);
    expect(r.state.failure?.printed).toBe('fatal error: sync: unlock of unlocked mutex');
    expect(mutexEnabledEvents(r.state)).toEqual([]);
  });

  test('spinning: with canSpin the waiter spins up to 4 times and sets the woken bit when there are waiters', () => {
    let s = contended(); // state 9, G2 parked
    s = run(s, [step('G3')]).state; // fast path fails, old = 9
    const spun = run(s, [{ type: 'step', g: 'G3', canSpin: true }]);
    expect(spun.state.word).toBe(11); // 9 | mutexWoken
    expect(spun.state.goroutines.find((g) => g.id === 'G3')?.locals).toMatchObject({ awoke: true, iter: 1 });
    const more = run(
      spun.state,
      Array.from({ length: 4 }, () => ({ type: 'step', g: 'G3', canSpin: true }) as const),
    );
    // iter reached active_spin = 4 after 3 more spins; the 4th step computes new instead.
    expect(more.state.goroutines.find((g) => g.id === 'G3')?.pc).toBe('cas');
  });

  test('TryLock succeeds on an unlocked mutex and fails on a locked one', () => {
    const r = run(newMutexState({ G1: ['tryLock'], G2: ['tryLock'] }), [step('G1'), step('G2')]);
    expect(r.state.word).toBe(1);
    expect(r.state.goroutines.map((g) => g.tryLockResults)).toEqual([[true], [false]]);
  });

  test('double Lock in one goroutine is a deadlock', () => {
    const r = run(newMutexState({ G1: ['lock', 'lock'] }), [
      step('G1'),
      step('G1'),
      step('G1'),
      step('G1'),
      step('G1'),
    ]);
    expect(r.state.word).toBe(9);
    expect(mutexIsDeadlocked(r.state)).toBe(true);
  });
});
