// The sticky `starvedOnce` fact and the `starvedThenNormal` predicate: starvation mode entered at some
// step and left again by lockSlow's handoff exit (internal/sync/mutex.go: the last waiter clears it).
import { describe, expect, test } from 'vitest';
import { mutexModel } from './index.ts';
import { newMutexState, stepMutex, type MutexEvent, type MutexState } from './mutex.ts';

const step = (g: string): MutexEvent => ({ type: 'step', g });
const run = (s: MutexState, events: MutexEvent[]): MutexState =>
  events.reduce((x, e) => stepMutex(x, e).state, s);
const back = (m: MutexState) => mutexModel.predicates!.starvedThenNormal!(m, { kind: 'starvedThenNormal' });

describe('starvedOnce', () => {
  test('is set with the starving bit, kept after the handoff clears the bit, and then the predicate holds', () => {
    const s0 = newMutexState({ G1: ['lock', 'unlock'], G2: ['lock', 'unlock'], G3: ['lock', 'unlock'] });
    expect(s0.starvedOnce).toBe(false);
    // G1 locks; G2 queues; G1's Unlock wakes G2; G3 barges in; 2 ms pass; G2 wakes starving and requeues.
    let s = run(s0, [step('G1'), step('G2'), step('G2'), step('G2'), step('G2')]);
    s = run(s, [step('G1'), step('G1'), step('G1'), step('G3'), step('G3'), step('G3')]);
    expect(back(s)).toBe(false);
    s = run(s, [{ type: 'tick', ns: 2_000_000 }, step('G2'), step('G2'), step('G2'), step('G2')]);
    expect(s.word).toBe(13); // locked | starving | one waiter
    expect(s.starvedOnce).toBe(true);
    expect(back(s)).toBe(false); // still starving
    s = run(s, [step('G3'), step('G3'), step('G2')]); // handoff; G2 is the last waiter and exits starvation
    expect(s.word).toBe(1);
    expect(s.starvedOnce).toBe(true);
    expect(back(s)).toBe(true);
  });

  test('time matters to the clock only once some goroutine has queued', () => {
    const s0 = newMutexState({ G1: ['lock', 'unlock'], G2: ['lock', 'unlock'] });
    expect(mutexModel.clockMatters!(s0)).toBe(false);
    const queued = run(s0, [step('G1'), step('G2'), step('G2'), step('G2')]);
    expect(mutexModel.clockMatters!(queued)).toBe(true);
    expect(mutexModel.clockNow!(run(queued, [{ type: 'tick', ns: 5 }]))).toBe(1005);
  });
});
