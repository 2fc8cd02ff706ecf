// The starvation-mode handoff as Go schedules it: semrelease1 readies the waiter into runnext and, holding
// the ticket, calls goyield, so on a single P no other goroutine runs between the handoff and the waiter.
import { describe, expect, test } from 'vitest';
import { mutexEnabledEvents, newMutexState, stepMutex, type MutexEvent, type MutexState } from './mutex.ts';

const step = (g: string): MutexEvent => ({ type: 'step', g });
const run = (s: MutexState, events: MutexEvent[]): MutexState =>
  events.reduce((x, e) => stepMutex(x, e).state, s);

/** G3 holds a starving mutex with G2 parked (waited 2 ms); G4 is about to Lock; GOMAXPROCS = `procs`. */
function starving(procs: number): MutexState {
  const s0 = newMutexState(
    { G1: ['lock', 'unlock'], G2: ['lock', 'unlock'], G3: ['lock', 'unlock', 'work'], G4: ['lock'] },
    { spinEnv: { gomaxprocs: procs } },
  );
  // G1 locks; G2 queues and parks; G1 unlocks and wakes G2 (state 2); G3 barges in (state 3).
  let s = run(s0, [step('G1'), step('G2'), step('G2'), step('G2'), step('G2')]);
  s = run(s, [step('G1'), step('G1'), step('G1'), step('G3'), step('G3'), step('G3')]);
  // 2 ms pass; G2 wakes starving, sets mutexStarving and parks again at the front.
  s = run(s, [{ type: 'tick', ns: 2_000_000 }, step('G2'), step('G2'), step('G2'), step('G2')]);
  expect(s.word).toBe(13); // locked | starving | 1 waiter
  return s;
}

/** G3's Unlock: AddInt32(-1) → 12, then runtime_Semrelease(&m.sema, true, 2) hands off to G2. */
function handedOff(procs: number): { state: MutexState; keys: string[]; singleP: unknown } {
  const s = run(starving(procs), [step('G3')]);
  const r = stepMutex(s, step('G3'));
  const said = r.narration.find((n) => n.key === 'mutex.semrelease.handoff');
  return { state: r.state, keys: r.narration.map((n) => n.key), singleP: said?.params.singleP };
}

describe('starvation-mode handoff: runnext + goyield', () => {
  test('on a single P only the woken waiter is offered, and stepping another goroutine is refused', () => {
    const { state: s, keys, singleP } = handedOff(1);
    expect(keys).toEqual(['mutex.semrelease.handoff']);
    expect(singleP).toBe(true);
    expect(s.runnext).toBe('G2');
    expect(mutexEnabledEvents(s).map((e) => e.goroutine)).toEqual(['G2']);
    expect(() => stepMutex(s, step('G3'))).toThrow(/G3 cannot run before G2/); // the unlocker yielded
    expect(() => stepMutex(s, step('G4'))).toThrow(/G4 cannot run before G2/); // a newcomer waits too
    const r = stepMutex(s, step('G2'));
    expect(r.narration.map((n) => n.key)).toContain('mutex.handoff.acquired');
    expect(r.state.holder).toBe('G2');
    expect(r.state.runnext).toBeNull();
    expect(mutexEnabledEvents(r.state).map((e) => e.goroutine)).toEqual(['G2', 'G3', 'G4']);
  });

  test('time may pass while the waiter is in runnext; it still runs first', () => {
    const s = run(handedOff(1).state, [{ type: 'tick', ns: 500 }]);
    expect(mutexEnabledEvents(s).map((e) => e.goroutine)).toEqual(['G2']);
  });

  test('with GOMAXPROCS=2 the other P may run another goroutine meanwhile', () => {
    const { state: s, singleP } = handedOff(2);
    expect(singleP).toBe(false);
    expect(s.runnext).toBe('G2');
    expect(mutexEnabledEvents(s).map((e) => e.goroutine)).toEqual(['G2', 'G3', 'G4']);
    expect(stepMutex(s, step('G4')).state.goroutines.find((g) => g.id === 'G4')?.pc).toBe('loopTop');
  });

  test('a normal-mode wake holds nobody back (the releaser does not yield)', () => {
    const s0 = newMutexState({ G1: ['lock', 'unlock'], G2: ['lock', 'unlock'], G3: ['lock'] });
    const moves = ['G1', 'G2', 'G2', 'G2', 'G2', 'G1', 'G1', 'G1'].map(step);
    const s = run(s0, moves);
    expect(s.runnext).toBeNull();
    expect(mutexEnabledEvents(s).map((e) => e.goroutine)).toEqual(['G2', 'G3']);
  });
});
