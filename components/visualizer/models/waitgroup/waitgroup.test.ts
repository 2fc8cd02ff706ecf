import { describe, expect, test } from 'vitest';
import type { Effect } from '../types.ts';
import {
  newWaitGroupState,
  stepWaitGroup,
  waitGroupEnabledEvents,
  waitGroupIsDeadlocked,
  waitGroupWord,
  type WaitGroupState,
} from './waitgroup.ts';

function run(state: WaitGroupState, ids: string[]): { state: WaitGroupState; effects: Effect[] } {
  let s = state;
  const effects: Effect[] = [];
  for (const g of ids) {
    const r = stepWaitGroup(s, { type: 'step', g });
    s = r.state;
    effects.push(...r.effects);
  }
  return { state: s, effects };
}

describe('sync.WaitGroup (sync/waitgroup.go)', () => {
  test('Add(2), Wait parks, two Dones release the waiter', () => {
    const s0 = newWaitGroupState({
      main: [{ kind: 'add', delta: 2 }, { kind: 'wait' }],
      W1: [{ kind: 'done' }],
      W2: [{ kind: 'done' }],
    });
    let r = run(s0, ['main', 'main', 'main']);
    expect(r.state.counter).toBe(2);
    expect(r.state.waiters).toBe(1);
    expect(waitGroupWord(r.state)).toBe('0x00000002_00000001');
    expect(r.effects).toContainEqual({ kind: 'park', goroutine: 'main', reason: 'sync.WaitGroup.Wait' });
    r = run(r.state, ['W1', 'W2']);
    expect(r.state.counter).toBe(0);
    expect(r.state.waiters).toBe(0);
    expect(r.effects).toContainEqual({ kind: 'ready', goroutine: 'main', by: 'W2', handoff: false });
    expect(r.effects.filter((e) => e.kind === 'release')).toHaveLength(2);
    r = run(r.state, ['main']);
    expect(r.effects).toContainEqual({ kind: 'acquire', goroutine: 'main', sync: 'wg' });
    expect(waitGroupEnabledEvents(r.state)).toEqual([]);
  });

  test('one Done too many panics with a negative counter', () => {
    const r = run(
      newWaitGroupState({ G1: [{ kind: 'add', delta: 1 }, { kind: 'done' }, { kind: 'done' }] }),
      ['G1', 'G1', 'G1'],
    );
    expect(r.state.failure?.printed).toBe('panic: sync: negative WaitGroup counter');
    expect(r.state.failure?.kind).toBe('panic');
  });

  test('an Add made before any goroutine started covers exactly one Done', () => {
    const s0 = newWaitGroupState({ W1: [{ kind: 'done' }], W2: [{ kind: 'done' }] }, 1);
    expect(waitGroupWord(s0)).toBe('0x00000001_00000000');
    const one = run(s0, ['W1']);
    expect(one.state.counter).toBe(0);
    expect(one.state.failure).toBeNull();
    expect(run(one.state, ['W2']).state.failure?.printed).toBe('panic: sync: negative WaitGroup counter');
  });

  test('a missing Done leaves Wait parked forever (deadlock)', () => {
    const r = run(
      newWaitGroupState({ main: [{ kind: 'add', delta: 2 }, { kind: 'wait' }], W1: [{ kind: 'done' }] }),
      ['main', 'W1', 'main', 'main'],
    );
    expect(waitGroupIsDeadlocked(r.state)).toBe(true);
  });

  test('reusing the WaitGroup (Add) before a released Wait has returned panics', () => {
    const s0 = newWaitGroupState({
      main: [{ kind: 'add', delta: 1 }, { kind: 'wait' }],
      W: [{ kind: 'done' }, { kind: 'add', delta: 1 }],
    });
    // main waits; W's Done releases it; W calls Add(1) again before main's Wait has returned.
    const r = run(s0, ['main', 'main', 'main', 'W']);
    expect(r.state.waiters).toBe(0);
    const again = run(r.state, ['W']);
    expect(again.state.counter).toBe(1);
    const woke = run(again.state, ['main']);
    expect(woke.state.failure?.printed).toBe(
      'panic: sync: WaitGroup is reused before previous Wait has returned',
    );
  });

  test('Wait with counter 0 returns immediately', () => {
    const r = run(newWaitGroupState({ main: [{ kind: 'wait' }] }), ['main']);
    expect(r.state.goroutines[0]?.pc).toBe('done');
  });
});
