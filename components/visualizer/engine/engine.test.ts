import { describe, expect, test } from 'vitest';
import { loadScenarioFiles, localize } from '../scenario/load.ts';
import { laneCursors, lineFor } from './cursor.ts';
import { outcomeOf } from './level.ts';
import { enabledMoves, replayMoves } from './run.ts';
import { back, forward, pick, seek, startSession } from './session.ts';
import { decodeShare, encodeShare } from './share.ts';

const byId = Object.fromEntries(
  loadScenarioFiles('content/scenarios').map((x) => [x.data.id, localize(x.data, 'en')]),
);
const starvation = byId['mutex-starvation']!;

describe('session: step, back, branch', () => {
  test('forward follows the script, back returns the move to the future, pick keeps or branches', () => {
    let x = startSession(starvation);
    x = forward(forward(x));
    expect(x.history).toEqual(['G1', 'G2']);
    x = back(x);
    expect(x.history).toEqual(['G1']);
    expect(x.future[0]).toBe('G2');
    expect(pick(x, 'G2').future).toEqual(starvation.script.slice(2)); // agrees with the script
    expect(pick(x, 'G3').future).toEqual([]); // a new branch
    expect(seek(startSession(starvation), 11).history).toEqual(starvation.script.slice(0, 11));
    expect(seek(x, 99).future).toEqual([]);
  });
});

describe('share fragments', () => {
  test('round trip with and without a custom schedule', () => {
    expect(encodeShare('mutex-starvation', 12, null)).toBe('viz=mutex-starvation@12');
    expect(decodeShare('#viz=mutex-starvation@12')).toEqual({
      id: 'mutex-starvation',
      step: 12,
      moves: null,
    });
    const frag = encodeShare('counter-lost-update', 3, ['G1', 'G2', { tick: 5 }, 'G1']);
    expect(frag).toBe('viz=counter-lost-update@3~G1.G2.+5.G1');
    expect(decodeShare(`#${frag}`)).toEqual({
      id: 'counter-lost-update',
      step: 3,
      moves: ['G1', 'G2', { tick: 5 }, 'G1'],
    });
  });

  test('rejects anything malformed', () => {
    for (const bad of ['#viz=', '#viz=Bad_Id@1', '#viz=x@', '#viz=x@1~G1..G2', '#viz=x@1~<script>', '#other'])
      expect(decodeShare(bad), bad).toBeNull();
  });
});

describe('lane cursors', () => {
  test('the counter lane marks the expanded load/add/store line and shows the register', () => {
    const s = byId['counter-lost-update']!;
    const run = replayMoves(s, ['G1', 'G1']);
    const c = laneCursors(s, run, null);
    expect(c.G1).toMatchObject({ line: 3, status: 'ready', register: 1 });
    expect(c.G2).toMatchObject({ line: 1, register: 0 });
  });

  test('a parked mutex waiter is blocked with Go’s wait reason; a done lane has no marker', () => {
    const run = replayMoves(starvation, starvation.script);
    const c = laneCursors(starvation, run, null);
    expect(c.G2).toMatchObject({ status: 'blocked', reason: 'sync.Mutex.Lock', line: 0 });
    expect(c.G1).toMatchObject({ status: 'done', line: null });
    expect(c.G3).toMatchObject({ holds: [{ lock: 'mu' }], line: 1 });
  });

  test('wait-for lanes keep the marker on the Lock they wait in', () => {
    const s = byId['lock-order-deadlock']!;
    const c = laneCursors(s, replayMoves(s, s.script), null);
    expect(c.G1).toMatchObject({ status: 'blocked', line: 1, holds: [{ lock: 'a.mu' }] });
  });

  test('lineFor prefers ip:pc, then ip, then pc, else the op index', () => {
    const lane = { id: 'G', code: ['a', 'b', 'c'], at: { '1:cas': 2, '0': 1, load: 0 } };
    expect(lineFor(lane, 1, 'cas')).toBe(2);
    expect(lineFor(lane, 0, 'start')).toBe(1);
    expect(lineFor(lane, null, 'load')).toBe(0);
    expect(lineFor(lane, 2, 'start')).toBe(2);
    expect(lineFor(lane, 5, 'start')).toBeNull();
  });
});

describe('levels', () => {
  test('a break level is playing, then won on the lost update; blocked goroutines offer no move', () => {
    const s = byId['counter-lost-update']!;
    expect(outcomeOf(s, replayMoves(s, ['G1']))).toBe('playing');
    // G1 keeps a stale 3 in its register while G2 makes its last three increments, then stores it.
    const win = 'G1 G1 G1 G1 G1 G2 G1 G1 G1 G1 G2 G2 G1 G1 G2 G2 G2 G2 G2 G2 G2 G2 G2 G1'.split(' ');
    expect(outcomeOf(s, replayMoves(s, win.slice(0, -1)))).toBe('playing');
    expect(outcomeOf(s, replayMoves(s, win))).toBe('won');
    const abba = byId['abba-deadlock']!;
    // G1 holds a.mu, G2 does its bookkeeping and takes b.mu, G1 asks for b.mu and waits.
    const stuck = replayMoves(abba, ['G1', 'G2', 'G2', 'G2', 'G2', 'G2', 'G1']);
    expect(enabledMoves(abba, stuck).map((m) => m.goroutine)).toEqual(['G2']);
  });
});
