import { describe, expect, test } from 'vitest';
import { newOnceState, onceEnabledEvents, onceIsDeadlocked, type OnceOp } from './once.ts';
import { pc, run } from './test-steps.ts';

const doWork: OnceOp = { kind: 'do', f: ['work', 'work'] };

describe('sync.Once (sync/once.go)', () => {
  test('a concurrent caller blocks on o.m while f runs, then finds done set and does not run f', () => {
    const s0 = newOnceState({ G1: [doWork], G2: [doWork] });
    let r = run(s0, ['G1', 'G1', 'G1', 'G2', 'G2']);
    expect(r.state.runner).toBe('G1');
    expect(r.state.m.queue).toEqual(['G2']);
    expect(pc(r.state, 'G2')).toBe('parked');
    expect(r.effects).toContainEqual({ kind: 'park', goroutine: 'G2', reason: 'sync.Mutex.Lock' });
    expect(r.state.done).toBe(0); // done is stored only after f returns
    r = run(r.state, ['G1', 'G1']);
    expect(r.state.done).toBe(0);
    r = run(r.state, ['G1']);
    expect(r.state.done).toBe(1);
    r = run(r.state, ['G1']);
    expect(r.effects).toContainEqual({ kind: 'ready', goroutine: 'G2', by: 'G1', handoff: true });
    r = run(r.state, ['G2', 'G2']);
    expect(r.keys).toEqual(['once.check.done', 'once.unlock']);
    expect(r.state.goroutines.every((g) => g.pc === 'done')).toBe(true);
  });

  test('after done is set, Do returns on the fast path without touching o.m', () => {
    const r = run(newOnceState({ G1: [doWork, doWork] }), ['G1', 'G1', 'G1', 'G1', 'G1', 'G1', 'G1']);
    expect(r.state.done).toBe(1);
    const again = run(r.state, ['G1']);
    expect(again.keys).toEqual(['once.fast.done']);
    expect(again.state.m.holder).toBeNull();
  });

  test('f panicking still marks done (the deferred Store), and an unrecovered panic ends the program after the deferred Unlock', () => {
    const s0 = newOnceState({ G1: [{ kind: 'do', f: ['panic'], message: 'boom' }], G2: [doWork] });
    const r = run(s0, ['G1', 'G1', 'G1', 'G1', 'G2', 'G2', 'G1']);
    expect(r.keys).toContain('once.store.panic');
    expect(r.state.done).toBe(1);
    const end = run(r.state, ['G1']);
    expect(end.state.m.holder).toBe('G2'); // Unlock ran before the panic killed the program
    expect(end.state.failure?.printed).toBe('panic: boom');
  });

  test('a recovered panic: Do returns, done stays set, and no later Do runs f', () => {
    const s0 = newOnceState({ G1: [{ kind: 'do', f: ['panic'], recover: true }, doWork] });
    const r = run(s0, ['G1', 'G1', 'G1', 'G1', 'G1', 'G1', 'G1']);
    expect(r.state.failure).toBeNull();
    expect(r.state.done).toBe(1);
    expect(r.keys.slice(-2)).toEqual(['once.recovered', 'once.fast.done']);
  });

  test('Do inside f deadlocks: the nested Do waits for o.m, which its own goroutine holds', () => {
    const s0 = newOnceState({ G1: [{ kind: 'do', f: ['work', 'do'] }] });
    const r = run(s0, ['G1', 'G1', 'G1', 'G1', 'G1', 'G1']);
    expect(r.keys.slice(-2)).toEqual(['once.f.nested', 'once.nested.blocked']);
    expect(r.state.m).toEqual({ holder: 'G1', queue: ['G1'] });
    expect(r.state.done).toBe(0);
    expect(onceIsDeadlocked(r.state)).toBe(true);
    expect(onceEnabledEvents(r.state)).toEqual([]);
  });
});
