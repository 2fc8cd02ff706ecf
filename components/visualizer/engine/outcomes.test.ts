import { describe, expect, test } from 'vitest';
import { programOutcome, outcomeKey, parseOutcomeKey } from '../models/program/outcome.ts';
import type { OpId } from '../models/program/palette.ts';
import type { ProgramState } from '../models/program/state.ts';
import { toScenario } from '../sandbox/format.ts';
import { countOutcomes, OutcomeCounter, type CountResult } from './outcomes.ts';
import { enabledMoves, replayMoves, type Run } from './run.ts';

const sc = (...goroutines: OpId[][]) => toScenario({ goroutines }, { id: 't', title: 't', description: 't' });
const classify = (run: Run) => outcomeKey(programOutcome(run.state as ProgramState));
const rows = (r: CountResult) =>
  r.status === 'done'
    ? r.rows.map((x) => [parseOutcomeKey(x.cls), Number(x.count), x.shortest.length])
    : r.status;

describe('counting the outcomes over all schedules', () => {
  test('two x++: of the 6 interleavings of load/store, the 4 with both loads first lose an update; all race', () => {
    const r = countOutcomes(sc(['x.inc'], ['x.inc']), classify);
    expect(r).toMatchObject({ status: 'done', total: 6n });
    expect(rows(r)).toEqual([
      [{ end: 'lostUpdate', message: null, x: 1, race: true }, 4, 4],
      [{ end: 'ok', message: null, x: 2, race: true }, 2, 4],
    ]);
  });

  test('three x++ : 90 schedules (6!/(2!2!2!)), and the counts add up by final value', () => {
    const r = countOutcomes(sc(['x.inc'], ['x.inc'], ['x.inc']), classify);
    expect(r).toMatchObject({ status: 'done', total: 90n });
    // x = 3 only when each load follows the previous store: the 3! sequential orders.
    const byX = Object.fromEntries((rows(r) as [{ x: number }, number][]).map(([o, n]) => [o.x, n]));
    expect(byX[3]).toBe(6);
    expect(byX[1]! + byX[2]! + byX[3]!).toBe(90);
  });

  test('WaitGroup Done before Add panics in exactly one schedule; every other ends well', () => {
    const r = countOutcomes(sc(['wg.Add', 'wg.Wait'], ['wg.Done']), classify);
    expect(rows(r)).toEqual([
      [{ end: 'ok', message: null, x: null, race: false }, 3, 3],
      [{ end: 'panic', message: 'sync: negative WaitGroup counter', x: null, race: false }, 1, 1],
    ]);
  });

  test('a mutex around x++ never loses an update and never races', () => {
    const r = countOutcomes(
      sc(['mu.Lock', 'x.inc', 'mu.Unlock'], ['mu.Lock', 'x.inc', 'mu.Unlock']),
      classify,
    );
    expect(r.status).toBe('done');
    expect((rows(r) as unknown as [object][]).map(([o]) => o)).toEqual([
      { end: 'ok', message: null, x: 2, race: false },
    ]);
  });

  test('AB-BA can deadlock; "show me one" is a shortest schedule that really ends in it', () => {
    const s = sc(
      ['mu.Lock', 'mu2.Lock', 'mu2.Unlock', 'mu.Unlock'],
      ['mu2.Lock', 'mu.Lock', 'mu.Unlock', 'mu2.Unlock'],
    );
    const r = countOutcomes(s, classify);
    if (r.status !== 'done') throw new Error(r.status);
    const dead = r.rows.find((x) => parseOutcomeKey(x.cls).end === 'deadlock')!;
    expect(dead.count).toBeGreaterThan(0n);
    const run = replayMoves(s, dead.shortest);
    expect(enabledMoves(s, run)).toEqual([]);
    expect(classify(run)).toBe(dead.cls);
    // G1: Lock; G2: Lock; then each must get as far as parking on the other's mutex (4 micro-steps each).
    expect(dead.shortest).toHaveLength(10);
  });

  test('a cap on states stops the search with a clear status, and the work can be sliced', () => {
    const s = sc(['x.inc', 'x.inc'], ['x.inc', 'x.inc'], ['x.inc', 'x.inc']);
    expect(countOutcomes(s, classify, 50)).toMatchObject({ status: 'too-big' });
    const c = new OutcomeCounter(s, classify);
    let slices = 0;
    let r: CountResult | null = null;
    while (!r) {
      r = c.advance(100);
      slices += 1;
    }
    expect(slices).toBeGreaterThan(1);
    // 12 micro-steps, 4 per goroutine: 12!/(4!4!4!) = 34650 schedules.
    expect(r).toMatchObject({ status: 'done', total: 34650n });
  });

  test('an unbuffered send and receive: 2 schedules (either one parks first), both finish without a race', () => {
    const r = countOutcomes(sc(['ch.send'], ['ch.recv']), classify);
    expect(r).toMatchObject({ status: 'done', total: 2n });
    // Three moves: the one that parks, its partner's, and the parked one's return from gopark.
    expect(rows(r)).toEqual([[{ end: 'ok', message: null, x: null, race: false }, 2, 3]]);
  });

  test('a send and a close: the send panics in both schedules, and the race detector reports them', () => {
    const r = countOutcomes(sc(['ch.send'], ['ch.close']), classify);
    expect(r).toMatchObject({ status: 'done', total: 2n });
    // close first: the send panics at once; send first: it parks, close wakes it, and it panics.
    expect(rows(r)).toEqual([
      [{ end: 'panic', message: 'send on closed channel', x: null, race: true }, 2, 2],
    ]);
  });
});
