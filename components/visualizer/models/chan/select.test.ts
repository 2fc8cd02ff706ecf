import { describe, expect, test } from 'vitest';
import { t } from '../../../i18n/index.ts';
import type { Effect } from '../types.ts';
import {
  chanIsDeadlocked,
  newChanState,
  stepChan,
  type ChanOp,
  type ChanState,
  type SelectCase,
} from './chan.ts';
import { chanModel } from './index.ts';

const send = (ch: string, v: number): SelectCase => ({ op: 'send', ch, v });
const recv = (ch: string): SelectCase => ({ op: 'recv', ch });
const sel = (cases: SelectCase[], extra: { default?: boolean; order?: number[] } = {}): ChanOp => ({
  op: 'select',
  cases,
  ...extra,
});
/** Steps the goroutines in order; returns the state, every effect and every narration key. */
function run(state: ChanState, ids: string[]): { state: ChanState; effects: Effect[]; keys: string[] } {
  let s = state;
  const effects: Effect[] = [];
  const keys: string[] = [];
  for (const id of ids) {
    const r = stepChan(s, { type: 'step', g: id });
    s = r.state;
    effects.push(...r.effects);
    keys.push(...r.narration.map((n) => n.key));
  }
  return { state: s, effects, keys };
}
const c = (s: ChanState, name: string) => s.chans.find((x) => x.name === name)!;
const g = (s: ChanState, id: string) => s.goroutines.find((x) => x.id === id)!;

describe('select (selectgo, src/runtime/select.go)', () => {
  test('with several cases ready, the first in pollorder wins', () => {
    const chans = [
      { name: 'a', cap: 1, buf: [1] },
      { name: 'b', cap: 1, buf: [2] },
    ];
    const asWritten = run(newChanState(chans, { G: [sel([recv('a'), recv('b')])] }), ['G']);
    expect(g(asWritten.state, 'G').got).toEqual([{ ch: 'a', v: 1, ok: true }]);
    const reordered = run(newChanState(chans, { G: [sel([recv('a'), recv('b')], { order: [1, 0] })] }), [
      'G',
    ]);
    expect(g(reordered.state, 'G').got).toEqual([{ ch: 'b', v: 2, ok: true }]);
  });

  test('a closed channel is ready: a send case on it panics even when another case is ready', () => {
    const chans = [
      { name: 'out', cap: 0 },
      { name: 'done', cap: 0 },
    ];
    const prog = { C: [{ op: 'close', ch: 'done' } as ChanOp, { op: 'close', ch: 'out' } as ChanOp] };
    const sendFirst = run(newChanState(chans, { ...prog, G: [sel([send('out', 1), recv('done')])] }), [
      'C',
      'C',
      'G',
    ]);
    expect(sendFirst.state.failure?.printed).toBe('panic: send on closed channel');
    const doneFirst = run(
      newChanState(chans, { ...prog, G: [sel([send('out', 1), recv('done')], { order: [1, 0] })] }),
      ['C', 'C', 'G'],
    );
    expect(doneFirst.state.failure).toBeNull();
    expect(g(doneFirst.state, 'G').got).toEqual([{ ch: 'done', v: 0, ok: false }]);
  });

  test('default runs when nothing is ready; a send case it skips is recorded as dropped', () => {
    const r = run(newChanState([{ name: 'c', cap: 0 }], { G: [sel([send('c', 9)], { default: true })] }), [
      'G',
    ]);
    expect(r.keys).toEqual(['chan.select.poll', 'chan.select.default']);
    expect(r.state.dropped).toEqual([{ g: 'G', ch: 'c', v: 9 }]);
    expect(chanModel.predicates!.sendDropped!(r.state, { kind: 'sendDropped' })).toBe(true);
  });

  test('with nothing ready and no default it enqueues on every channel and parks [select]', () => {
    const s0 = newChanState(
      [
        { name: 'a', cap: 0 },
        { name: 'b', cap: 0 },
      ],
      { G: [sel([recv('a'), send('b', 3)])] },
    );
    const r = run(s0, ['G']);
    expect(g(r.state, 'G')).toMatchObject({ pc: 'parked', reason: 'select' });
    expect(c(r.state, 'a').recvq).toEqual([{ g: 'G', select: true, kase: 0, v: null }]);
    expect(c(r.state, 'b').sendq).toEqual([{ g: 'G', select: true, kase: 1, v: 3 }]);
  });

  test('woken by one case: the other sudog is stale (dequeue skips it) until pass 3 takes it off', () => {
    const s0 = newChanState(
      [
        { name: 'a', cap: 0 },
        { name: 'b', cap: 0 },
      ],
      { G: [sel([recv('a'), recv('b')]), recv('a')], B: [send('b', 2)], A: [send('a', 1)] },
    );
    const woken = run(s0, ['G', 'B']);
    expect(g(woken.state, 'G')).toMatchObject({ pc: 'woken', selectDone: true, wake: { kase: 1, v: 2 } });
    expect(c(woken.state, 'a').recvq).toHaveLength(1); // still there, stale
    const skipped = run(woken.state, ['A']);
    expect(skipped.keys).toEqual(['chan.dequeue.stale', 'chan.send.park']);
    expect(c(skipped.state, 'a').recvq).toEqual([]);
    const pass3 = run(skipped.state, ['G']);
    expect(g(pass3.state, 'G')).toMatchObject({ selectDone: false, got: [{ ch: 'b', v: 2, ok: true }] });
    const last = run(pass3.state, ['G', 'A']);
    expect(g(last.state, 'G').got.at(-1)).toEqual({ ch: 'a', v: 1, ok: true });
  });

  test('pass 3 takes the select’s leftover sudogs off the other channels', () => {
    const s0 = newChanState(
      [
        { name: 'a', cap: 0 },
        { name: 'b', cap: 0 },
      ],
      { G: [sel([recv('a'), recv('b')])], B: [send('b', 2)] },
    );
    const r = run(s0, ['G', 'B', 'G']);
    expect(r.keys.at(-1)).toBe('chan.select.woken');
    expect(c(r.state, 'a').recvq).toEqual([]);
    expect(g(r.state, 'G').pc).toBe('done');
  });

  test('a parked send case woken by close panics when it runs; a receive case gets ok=false', () => {
    const chans = [
      { name: 'a', cap: 0 },
      { name: 'b', cap: 0 },
    ];
    const sendCase = run(
      newChanState(chans, { G: [sel([send('a', 1), recv('b')])], C: [{ op: 'close', ch: 'a' }] }),
      ['G', 'C', 'G'],
    );
    expect(sendCase.state.failure?.printed).toBe('panic: send on closed channel');
    const recvCase = run(
      newChanState(chans, { G: [sel([send('a', 1), recv('b')])], C: [{ op: 'close', ch: 'b' }] }),
      ['G', 'C', 'G'],
    );
    expect(recvCase.state.failure).toBeNull();
    expect(g(recvCase.state, 'G').got).toEqual([{ ch: 'b', v: 0, ok: false }]);
  });

  test('nil-channel cases are left out; select {} and an all-nil select park forever', () => {
    const chans = [
      { name: 'n', nil: true },
      { name: 'c', cap: 1, buf: [4] },
    ];
    const skipNil = run(newChanState(chans, { G: [sel([recv('n'), recv('c')])] }), ['G']);
    expect(g(skipNil.state, 'G').got).toEqual([{ ch: 'c', v: 4, ok: true }]);
    const empty = run(newChanState(chans, { G: [sel([])] }), ['G']);
    expect(g(empty.state, 'G').reason).toBe('select (no cases)');
    const allNil = run(newChanState(chans, { G: [sel([recv('n')])] }), ['G']);
    expect(g(allNil.state, 'G').reason).toBe('select');
    expect(c(allNil.state, 'n').recvq).toEqual([]);
    expect(chanIsDeadlocked(allNil.state)).toBe(true);
  });

  test('the deadlock report names each sleeper as a goroutine dump does, in both locales', () => {
    const r = run(newChanState([{ name: 'c', cap: 0 }], { G1: [recv('c')], G2: [sel([])] }), ['G1', 'G2']);
    expect(chanModel.deadlockNotes!('en', r.state)).toEqual([
      t('en', 'viz.deadlock'),
      'goroutine G1 [chan receive]',
      'goroutine G2 [select (no cases)]',
    ]);
    expect(chanModel.deadlockNotes!('zh-cn', r.state)?.[0]).toBe(
      'fatal error: all goroutines are asleep - deadlock!',
    );
  });
});
