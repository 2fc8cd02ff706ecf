import { describe, expect, test } from 'vitest';
import type { Effect } from '../types.ts';
import {
  condIsDeadlocked,
  EMPTY_INDEX,
  newCondState,
  stepCond,
  type CondOp,
  type CondState,
} from './cond.ts';
import { condEnabledEvents } from './labels.ts';

function run(state: CondState, ids: string[]): { state: CondState; effects: Effect[]; keys: string[] } {
  let s = state;
  const effects: Effect[] = [];
  const keys: string[] = [];
  for (const g of ids) {
    const r = stepCond(s, { type: 'step', g });
    s = r.state;
    effects.push(...r.effects);
    keys.push(...r.narration.map((n) => n.key));
  }
  return { state: s, effects, keys };
}

const pc = (s: CondState, g: string) => s.goroutines.find((x) => x.id === g)?.pc;
const waiter: CondOp[] = [{ kind: 'lock' }, { kind: 'wait' }, { kind: 'unlock' }];
const loopWaiter: CondOp[] = [
  { kind: 'lock' },
  { kind: 'waitWhileEmpty', loop: true },
  { kind: 'take' },
  { kind: 'unlock' },
];

describe('sync.Cond (sync/cond.go, runtime/sema.go notifyList)', () => {
  test('Wait takes a ticket, unlocks L and parks with reason sync.Cond.Wait; Signal wakes it and it relocks L', () => {
    const s0 = newCondState({ W: waiter, S: [{ kind: 'lock' }, { kind: 'signal' }, { kind: 'unlock' }] });
    let r = run(s0, ['W', 'W']);
    expect(r.state.wait).toBe(1);
    expect(r.state.goroutines[0]?.ticket).toBe(0);
    expect(r.state.L.holder).toBe('W'); // the ticket is taken while L is still held
    r = run(r.state, ['W', 'W']);
    expect(r.state.L.holder).toBeNull();
    expect(r.state.list).toEqual([{ g: 'W', ticket: 0 }]);
    expect(r.effects).toContainEqual({ kind: 'park', goroutine: 'W', reason: 'sync.Cond.Wait' });
    r = run(r.state, ['S', 'S']);
    expect(r.state.notify).toBe(1);
    expect(r.state.list).toEqual([]);
    expect(r.effects).toContainEqual({ kind: 'ready', goroutine: 'W', by: 'S', handoff: false });
    expect(pc(r.state, 'W')).toBe('relock');
    // W may not relock while S still holds L: it queues on L, and S's Unlock hands L over.
    r = run(r.state, ['W']);
    expect(pc(r.state, 'W')).toBe('parkedL');
    r = run(r.state, ['S']);
    expect(r.keys).toEqual(['cond.unlock.handoff', 'cond.relock']); // W's Wait returns with mu
    expect(r.state.L.holder).toBe('W');
    r = run(r.state, ['W']);
    expect(r.state.L.holder).toBeNull();
    expect(r.state.goroutines.every((g) => g.pc === 'done')).toBe(true);
  });

  test('the ticket-before-park window: a Signal after notifyListAdd but before notifyListWait is not lost', () => {
    const s0 = newCondState({ W: waiter, S: [{ kind: 'signal' }] });
    const r = run(s0, ['W', 'W', 'W', 'S']); // ticket taken, L unlocked, not parked yet
    expect(r.keys).toContain('cond.signal.window');
    expect(r.state.notify).toBe(1);
    const after = run(r.state, ['W']);
    expect(after.keys).toEqual(['cond.park.notified']);
    expect(after.effects.filter((e) => e.kind === 'park')).toEqual([]);
    expect(pc(after.state, 'W')).toBe('relock');
    expect(condIsDeadlocked(run(after.state, ['W', 'W']).state)).toBe(false);
  });

  test('a Signal with no ticket outstanding (wait == notify) is lost: the waiter that comes later sleeps forever', () => {
    const s0 = newCondState({ S: [{ kind: 'signal' }], W: waiter });
    const r = run(s0, ['S', 'W', 'W', 'W', 'W']);
    expect(r.keys[0]).toBe('cond.signal.lost');
    expect(r.state.notify).toBe(0);
    expect(pc(r.state, 'W')).toBe('parkedCond');
    expect(condIsDeadlocked(r.state)).toBe(true);
  });

  test('Broadcast readies every parked waiter in list order and notifies every ticket, parked or not', () => {
    const s0 = newCondState({ A: waiter, B: waiter, C: waiter, P: [{ kind: 'broadcast' }] });
    // A parks with ticket 0, B with ticket 1; C takes ticket 2 and has not parked.
    let r = run(s0, ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'C']);
    expect(r.state.list).toEqual([
      { g: 'A', ticket: 0 },
      { g: 'B', ticket: 1 },
    ]);
    r = run(r.state, ['P']);
    expect(
      r.effects.filter((e) => e.kind === 'ready').map((e) => (e.kind === 'ready' ? e.goroutine : '')),
    ).toEqual(['A', 'B']);
    expect(r.state.notify).toBe(3);
    expect(r.state.list).toEqual([]);
    r = run(r.state, ['C']);
    expect(r.keys).toEqual(['cond.park.notified']);
  });

  test('Signal wakes the waiter whose ticket equals notify, not the head of the list', () => {
    // B takes ticket 0 but parks after A, which took ticket 1: the list is [A(1), B(0)].
    const s0 = newCondState({ B: waiter, A: waiter, S: [{ kind: 'signal' }] });
    let r = run(s0, ['B', 'B', 'B', 'A', 'A', 'A', 'A', 'B']);
    expect(r.state.list).toEqual([
      { g: 'A', ticket: 1 },
      { g: 'B', ticket: 0 },
    ]);
    r = run(r.state, ['S']);
    expect(pc(r.state, 'B')).toBe('relock');
    expect(pc(r.state, 'A')).toBe('parkedCond');
  });

  test('if instead of for: the woken consumer takes from a queue another consumer emptied, and panics', () => {
    const ifConsumer: CondOp[] = [
      { kind: 'lock' },
      { kind: 'waitWhileEmpty', loop: false },
      { kind: 'take' },
      { kind: 'unlock' },
    ];
    const producer: CondOp[] = [{ kind: 'lock' }, { kind: 'put' }, { kind: 'signal' }, { kind: 'unlock' }];
    const s0 = newCondState({ C1: ifConsumer, C2: ifConsumer, P: producer });
    const r = run(s0, ['C1', 'C1', 'C1', 'C1', 'C1', 'P', 'P', 'P', 'P', 'C2', 'C2', 'C2', 'C2', 'C1', 'C1']);
    expect(r.state.failure?.printed).toBe(`panic: ${EMPTY_INDEX}`);
    expect(r.state.failure?.goroutine).toBe('C1');
    // C1's Wait returns when it locks mu again, and the if goes on without looking at q.
    const before = run(s0, ['C1', 'C1', 'C1', 'C1', 'C1', 'P', 'P', 'P', 'P', 'C2', 'C2', 'C2', 'C2']);
    const relock = stepCond(before.state, { type: 'step', g: 'C1' });
    expect(relock.narration).toEqual([{ key: 'cond.relock', params: { g: 'C1', loop: 'if' } }]);
  });

  test('for instead of if: the same schedule makes the woken consumer wait again', () => {
    const producer: CondOp[] = [{ kind: 'lock' }, { kind: 'put' }, { kind: 'signal' }, { kind: 'unlock' }];
    const s0 = newCondState({ C1: loopWaiter, C2: loopWaiter, P: producer });
    const r = run(s0, [
      'C1',
      'C1',
      'C1',
      'C1',
      'C1',
      'P',
      'P',
      'P',
      'P',
      'C2',
      'C2',
      'C2',
      'C2',
      'C1',
      'C1',
      'C1',
    ]);
    expect(r.state.failure).toBeNull();
    expect(r.state.goroutines.find((g) => g.id === 'C1')?.ticket).toBe(1);
    expect(pc(r.state, 'C1')).toBe('unlock');
  });

  test('Wait without holding L is fatal: sync: unlock of unlocked mutex', () => {
    const r = run(newCondState({ W: [{ kind: 'wait' }] }), ['W', 'W']);
    expect(r.state.failure?.kind).toBe('fatal');
    expect(r.state.failure?.printed).toBe('fatal error: sync: unlock of unlocked mutex');
    expect(condEnabledEvents(r.state)).toEqual([]);
  });

  test('the scheduler labels name the step inside Wait', () => {
    const r = run(newCondState({ W: waiter }), ['W']);
    expect(condEnabledEvents(r.state).map((e) => e.label.key)).toEqual(['cond.label.add']);
    expect(condEnabledEvents(run(r.state, ['W']).state).map((e) => e.label.key)).toEqual([
      'cond.label.waitUnlock',
    ]);
  });
});
