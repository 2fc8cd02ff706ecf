import { describe, expect, test } from 'vitest';
import type { Effect } from '../types.ts';
import {
  chanEnabledEvents,
  chanIsDeadlocked,
  newChanState,
  stepChan,
  type ChanDecl,
  type ChanOp,
  type ChanState,
} from './chan.ts';

const send = (ch: string, v: number): ChanOp => ({ op: 'send', ch, v });
const recv = (ch: string): ChanOp => ({ op: 'recv', ch });
const close = (ch: string): ChanOp => ({ op: 'close', ch });

/** Steps the goroutines in order; returns the state, every effect and every narration key. */
function run(state: ChanState, ids: string[]): { state: ChanState; effects: Effect[]; keys: string[] } {
  let s = state;
  const effects: Effect[] = [];
  const keys: string[] = [];
  for (const g of ids) {
    const r = stepChan(s, { type: 'step', g });
    s = r.state;
    effects.push(...r.effects);
    keys.push(...r.narration.map((n) => n.key));
  }
  return { state: s, effects, keys };
}

const start = (chans: ChanDecl[], programs: Record<string, ChanOp[]>): ChanState =>
  newChanState(chans, programs);
const c = (s: ChanState, name = 'c') => s.chans.find((x) => x.name === name)!;
const g = (s: ChanState, id: string) => s.goroutines.find((x) => x.id === id)!;

describe('hchan buffer (chansend / chanrecv, src/runtime/chan.go)', () => {
  test('sends fill the ring at sendx, which wraps; receives drain it at recvx', () => {
    const s0 = start([{ name: 'c', cap: 2 }], { S: [send('c', 1), send('c', 2)], R: [recv('c'), recv('c')] });
    const one = run(s0, ['S']);
    expect(c(one.state)).toMatchObject({ buf: [1, null], qcount: 1, sendx: 1, recvx: 0 });
    const full = run(one.state, ['S']);
    expect(c(full.state)).toMatchObject({ buf: [1, 2], qcount: 2, sendx: 0, recvx: 0 });
    const r = run(full.state, ['R', 'R']);
    expect(c(r.state)).toMatchObject({ buf: [null, null], qcount: 0, sendx: 0, recvx: 0 });
    expect(g(r.state, 'R').got).toEqual([
      { ch: 'c', v: 1, ok: true },
      { ch: 'c', v: 2, ok: true },
    ]);
  });

  test('a send on a full buffer parks [chan send]; the receive takes the head and moves the sender’s value into that slot', () => {
    const s0 = start([{ name: 'c', cap: 2, buf: [1, 2] }], { S: [send('c', 3)], R: [recv('c')] });
    expect(c(s0)).toMatchObject({ qcount: 2, sendx: 0, recvx: 0 });
    const parked = run(s0, ['S']);
    expect(g(parked.state, 'S')).toMatchObject({ pc: 'parked', reason: 'chan send' });
    expect(c(parked.state).sendq).toEqual([{ g: 'S', select: false, kase: -1, v: 3 }]);
    expect(parked.effects).toContainEqual({ kind: 'park', goroutine: 'S', reason: 'chan send' });
    const r = run(parked.state, ['R']);
    expect(r.keys).toContain('chan.recv.rotate');
    expect(c(r.state)).toMatchObject({ buf: [3, 2], qcount: 2, recvx: 1, sendx: 1, sendq: [] });
    expect(g(r.state, 'R').got).toEqual([{ ch: 'c', v: 1, ok: true }]);
    expect(g(r.state, 'S').pc).toBe('woken');
    expect(r.effects).toContainEqual({ kind: 'ready', goroutine: 'S', by: 'R', handoff: false });
    const back = run(r.state, ['S']);
    expect(back.keys).toEqual(['chan.woken.send']);
    expect(g(back.state, 'S').pc).toBe('done');
  });
});

describe('unbuffered hand-off (send, recv, sendDirect, recvDirect)', () => {
  test('a sender finding a parked receiver copies the value to it and readies it', () => {
    const s0 = start([{ name: 'c', cap: 0 }], { R: [recv('c')], S: [send('c', 7)] });
    const parked = run(s0, ['R']);
    expect(g(parked.state, 'R')).toMatchObject({ pc: 'parked', reason: 'chan receive' });
    const sent = run(parked.state, ['S']);
    expect(sent.keys).toEqual(['chan.send.direct']);
    expect(g(sent.state, 'S').pc).toBe('done');
    expect(g(sent.state, 'R')).toMatchObject({ pc: 'woken', wake: { kase: -1, success: true, v: 7 } });
    const back = run(sent.state, ['R']);
    expect(g(back.state, 'R').got).toEqual([{ ch: 'c', v: 7, ok: true }]);
    expect(c(back.state).buf).toEqual([]);
  });

  test('a receiver finding a parked sender takes its value straight from it', () => {
    const s0 = start([{ name: 'c', cap: 0 }], { S: [send('c', 5)], R: [recv('c')] });
    const r = run(s0, ['S', 'R', 'S']);
    expect(r.keys).toEqual(['chan.send.park', 'chan.recv.direct', 'chan.woken.send']);
    expect(g(r.state, 'R').got).toEqual([{ ch: 'c', v: 5, ok: true }]);
  });

  test('recvq is FIFO: the receiver that parked first gets the value', () => {
    const s0 = start([{ name: 'c', cap: 0 }], { A: [recv('c')], B: [recv('c')], S: [send('c', 1)] });
    const r = run(s0, ['B', 'A', 'S']);
    expect(g(r.state, 'B').pc).toBe('woken');
    expect(g(r.state, 'A').pc).toBe('parked');
    expect(c(r.state).recvq.map((x) => x.g)).toEqual(['A']);
  });
});

describe('close (closechan) and its panics', () => {
  test('close readies every receiver with the zero value and ok=false, and every sender to panic', () => {
    const s0 = start(
      [
        { name: 'c', cap: 0 },
        { name: 'd', cap: 0 },
      ],
      {
        R1: [recv('c')],
        R2: [recv('c')],
        S: [send('d', 1)],
        C: [close('c'), close('d')],
      },
    );
    const r = run(s0, ['R1', 'R2', 'S', 'C']);
    expect(c(r.state)).toMatchObject({ closed: true, recvq: [] });
    expect(r.state.goroutines.filter((x) => x.pc === 'woken').map((x) => x.id)).toEqual(['R1', 'R2']);
    const woke = run(r.state, ['R1', 'R2', 'C']);
    expect(g(woke.state, 'R1').got).toEqual([{ ch: 'c', v: 0, ok: false }]);
    expect(g(woke.state, 'S').pc).toBe('woken');
    expect(woke.state.failure).toBeNull();
    const died = run(woke.state, ['S']);
    expect(died.state.failure).toEqual({
      kind: 'panic',
      message: 'send on closed channel',
      printed: 'panic: send on closed channel',
      goroutine: 'S',
    });
    expect(chanEnabledEvents(died.state)).toEqual([]);
  });

  test('a send on a closed channel panics at once', () => {
    const r = run(start([{ name: 'c', cap: 3 }], { G: [close('c'), send('c', 1)] }), ['G', 'G']);
    expect(r.state.failure?.printed).toBe('panic: send on closed channel');
  });

  test('closing a closed channel panics with close of closed channel', () => {
    const r = run(start([{ name: 'c', cap: 0 }], { A: [close('c')], B: [close('c')] }), ['A', 'B']);
    expect(r.state.failure).toMatchObject({ printed: 'panic: close of closed channel', goroutine: 'B' });
  });

  test('closing a nil channel panics with close of nil channel', () => {
    const r = run(start([{ name: 'n', nil: true }], { A: [close('n')] }), ['A']);
    expect(r.state.failure?.printed).toBe('panic: close of nil channel');
  });

  test('a closed channel still hands out its buffered values, then zero values with ok=false', () => {
    const s0 = start([{ name: 'c', cap: 2 }], {
      P: [send('c', 1), send('c', 2), close('c')],
      R: [recv('c'), recv('c'), recv('c')],
    });
    const r = run(s0, ['P', 'P', 'P', 'R', 'R', 'R']);
    expect(g(r.state, 'R').got).toEqual([
      { ch: 'c', v: 1, ok: true },
      { ch: 'c', v: 2, ok: true },
      { ch: 'c', v: 0, ok: false },
    ]);
  });
});

describe('nil channels and the deadlock check (checkdead)', () => {
  test('send and receive on a nil channel park forever with the nil-chan wait reasons', () => {
    const s0 = start([{ name: 'n', nil: true }], { A: [send('n', 1)], B: [recv('n')] });
    const a = run(s0, ['A']);
    expect(g(a.state, 'A').reason).toBe('chan send (nil chan)');
    expect(chanIsDeadlocked(a.state)).toBe(false);
    const b = run(a.state, ['B']);
    expect(g(b.state, 'B').reason).toBe('chan receive (nil chan)');
    expect(chanIsDeadlocked(b.state)).toBe(true);
  });

  test('a readied goroutine is not asleep: no deadlock while it can still run', () => {
    const r = run(start([{ name: 'c', cap: 0 }], { R: [recv('c'), recv('c')], S: [send('c', 1)] }), [
      'R',
      'S',
    ]);
    expect(chanIsDeadlocked(r.state)).toBe(false);
    expect(chanIsDeadlocked(run(r.state, ['R', 'R']).state)).toBe(true);
  });
});

describe('model hygiene', () => {
  test('states are JSON-safe and steps never mutate their input', () => {
    const s0 = start([{ name: 'c', cap: 1 }], { A: [send('c', 1), send('c', 2)], B: [recv('c')] });
    const frozen = JSON.stringify(s0);
    const r = run(s0, ['A', 'A', 'B']);
    expect(JSON.stringify(s0)).toBe(frozen);
    expect(JSON.parse(JSON.stringify(r.state))).toEqual(r.state);
  });

  test('a parked or finished goroutine cannot step, and scheduler labels name the statement', () => {
    const s0 = start([{ name: 'c', cap: 0 }], { A: [recv('c')], B: [{ op: 'work' }, close('c')] });
    expect(chanEnabledEvents(s0).map((e) => e.label)).toEqual([
      { key: 'chan.label.op', params: { code: '<-c' } },
      { key: 'chan.label.work', params: {} },
    ]);
    const parked = run(s0, ['A']);
    expect(() => stepChan(parked.state, { type: 'step', g: 'A' })).toThrow(/cannot step/);
    const woken = run(parked.state, ['B', 'B']);
    expect(chanEnabledEvents(woken.state).map((e) => e.label.key)).toEqual(['chan.label.woken']);
  });
});
