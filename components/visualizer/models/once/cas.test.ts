import { describe, expect, test } from 'vitest';
import { newOnceState, onceEnabledEvents, stepOnce, type OnceOp, type OnceState } from './once.ts';
import { pc, run } from './test-steps.ts';

const load: OnceOp = { kind: 'do', f: ['work', 'work'] };
const useCfg: OnceOp = { kind: 'use', name: 'cfg' };
const lanes = () => ({ G1: [load, useCfg], G2: [load, useCfg] });

describe('the CAS-only Do that sync/once.go calls incorrect', () => {
  test('the winner sets done with its CAS, before f runs, and runs f; nobody touches o.m', () => {
    const r = run(newOnceState(lanes(), 'cas'), ['G1']);
    expect(r.keys).toEqual(['once.cas.won']);
    expect(r.state.done).toBe(1);
    expect(r.state.runner).toBe('G1');
    expect(r.state.returned).toBe(false);
    expect(pc(r.state, 'G1')).toBe('f');
    expect(r.state.m).toEqual({ holder: null, queue: [] });
  });

  test('a loser returns in the same step, without waiting for the running f, and then uses cfg unset', () => {
    const won = run(newOnceState(lanes(), 'cas'), ['G1']).state;
    const lost = stepOnce(won, { type: 'step', g: 'G2' });
    expect(lost.narration).toEqual([{ key: 'once.cas.lost', params: { g: 'G2', runner: 'G1' } }]);
    expect(lost.effects).toEqual([]); // no park: it does not wait
    expect(pc(lost.state, 'G2')).toBe('start');
    expect(lost.state.goroutines.find((g) => g.id === 'G2')?.ip).toBe(1);
    const used = run(lost.state, ['G2']);
    expect(used.keys).toEqual(['once.use.early']);
    expect(used.state.early).toEqual(['G2']);
  });

  test('f runs statement by statement; when its last returns, cfg is set and the winner’s Do returns', () => {
    const r = run(newOnceState(lanes(), 'cas'), ['G1', 'G1', 'G1']);
    expect(r.keys).toEqual(['once.cas.won', 'once.f.work', 'once.f.work', 'once.cas.f.return']);
    expect(r.state.runner).toBeNull();
    expect(r.state.returned).toBe(true);
    const after = run(r.state, ['G2', 'G2', 'G1']);
    expect(after.keys).toEqual(['once.cas.lost.after', 'once.use', 'once.use']);
    expect(after.state.early).toEqual([]);
    expect(after.state.goroutines.every((g) => g.pc === 'done')).toBe(true);
  });

  test('the buttons say which Do runs: a CAS instead of the fast path’s load', () => {
    const labels = (s: OnceState) => onceEnabledEvents(s).map((e) => e.label);
    const cas = newOnceState(lanes(), 'cas');
    expect(labels(cas)[0]).toEqual({ key: 'once.label.cas', params: {} });
    expect(labels(newOnceState(lanes()))[0]).toEqual({ key: 'once.label.start', params: {} });
    expect(labels(run(cas, ['G1', 'G2']).state)[1]).toEqual({
      key: 'once.label.use',
      params: { name: 'cfg' },
    });
  });

  test('a Do inside f just loses its CAS (no deadlock), and a panicking f leaves done set with nothing deferred', () => {
    const nested = run(newOnceState({ G1: [{ kind: 'do', f: ['do', 'work'] }] }, 'cas'), ['G1', 'G1', 'G1']);
    expect(nested.keys).toEqual(['once.cas.won', 'once.cas.nested', 'once.f.work', 'once.cas.f.return']);
    expect(pc(nested.state, 'G1')).toBe('done');
    const op: OnceOp = { kind: 'do', f: ['panic'], recover: true, message: 'boom' };
    const panicked = run(newOnceState({ G1: [op, useCfg] }, 'cas'), ['G1', 'G1', 'G1']);
    expect(panicked.keys).toEqual(['once.cas.won', 'once.cas.f.panic', 'once.recovered', 'once.use.unset']);
    expect(panicked.state.done).toBe(1);
    expect(panicked.state.early).toEqual(['G1']);
  });

  test('with Go’s Do, a use after Do always finds f returned', () => {
    const r = run(newOnceState(lanes()), ['G1', 'G1', 'G1', 'G2', 'G2', 'G1', 'G1', 'G1', 'G1']);
    expect(pc(r.state, 'G2')).toBe('check'); // G2 waited on o.m until f returned
    expect(r.state.returned).toBe(true);
    const rest = run(r.state, ['G2', 'G2', 'G2', 'G1']);
    expect(rest.keys).toEqual(['once.check.done', 'once.unlock', 'once.use', 'once.use']);
    expect(rest.state.early).toEqual([]);
  });
});
