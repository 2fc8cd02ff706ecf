import { describe, expect, test } from 'vitest';
import {
  counterEnabledEvents,
  lostUpdate,
  newCounterState,
  stepCounter,
  type CounterState,
} from './counter.ts';

function run(state: CounterState, ids: string[]): CounterState {
  return ids.reduce((s, g) => stepCounter(s, { type: 'step', g }).state, state);
}
/** Always step the first enabled goroutine, else the named preference, until nothing can run. */
function drain(state: CounterState, prefer: string[]): CounterState {
  let s = state;
  for (let i = 0; i < 100; i++) {
    const enabled = counterEnabledEvents(s);
    if (!enabled.length) return s;
    const pick = enabled.find((e) => e.goroutine === prefer[i % prefer.length]) ?? enabled[0]!;
    s = stepCounter(s, pick.event).state;
  }
  throw new Error('did not finish');
}

describe('counter++ lost update', () => {
  test('interleaving load/load/add/add/store/store loses one update', () => {
    const s = run(newCounterState('racy'), ['G1', 'G2', 'G1', 'G2', 'G1', 'G2']);
    expect(s.counter).toBe(1);
    expect(lostUpdate(s)).toBe(true);
  });

  test('a serial schedule gives the right total', () => {
    const s = run(newCounterState('racy'), ['G1', 'G1', 'G1', 'G2', 'G2', 'G2']);
    expect(s.counter).toBe(2);
    expect(lostUpdate(s)).toBe(false);
  });

  test('with a Mutex, the same attempted interleaving cannot lose an update', () => {
    let s = run(newCounterState('mutex'), ['G1', 'G1', 'G2']); // G1 locks and loads; G2 blocks
    expect(s.goroutines[1]?.pc).toBe('blocked');
    expect(counterEnabledEvents(s).map((e) => e.goroutine)).toEqual(['G1']);
    s = drain(s, ['G2', 'G1']);
    expect(s.counter).toBe(2);
    expect(lostUpdate(s)).toBe(false);
  });

  test('mutex and atomic versions reach the exact total under an adversarial schedule', () => {
    expect(drain(newCounterState('mutex', 3, 4), ['G3', 'G2', 'G1']).counter).toBe(12);
    const atomic = drain(newCounterState('atomic', 3, 4), ['G2', 'G1', 'G3']);
    expect(atomic.counter).toBe(12);
    expect(lostUpdate(atomic)).toBe(false);
  });

  test('racy version with more iterations can lose many updates', () => {
    // Each round: both load, both add, both store → one increment per round instead of two.
    const round = ['G1', 'G2', 'G1', 'G2', 'G1', 'G2'];
    const s = run(newCounterState('racy', 2, 3), [...round, ...round, ...round]);
    expect(s.counter).toBe(3);
    expect(s.expected).toBe(6);
  });
});
