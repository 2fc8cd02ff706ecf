/**
 * Learner clock moves and spin choices on the starvation break level: when ticks are offered, that
 * they are moves like any other (replay, audit), and how a spin choice becomes a scenario variant.
 */
import { describe, expect, test } from 'vitest';
import { loadScenarioFiles, localize } from '../scenario/load.ts';
import { durationParts, elapsed, tickSizes, timeLeft } from './clock.ts';
import { outcomeOf } from './level.ts';
import { auditVariants, playStrategy } from './level-audit.ts';
import { enabledMoves, replayMoves, startRun } from './run.ts';
import { decodeShare, encodeShare } from './share.ts';
import { defaultSpin, offersSpin, parseSpinCode, spinChoices, spinCode, withSpin } from './spin.ts';
import type { Move } from './types.ts';

const byId = Object.fromEntries(
  loadScenarioFiles('content/scenarios').map((x) => [x.data.id, localize(x.data, 'en')]),
);
const level = byId['mutex-starve-and-recover']!;
const ms = { tick: 1_000_000 };
const half = { tick: 500_000 };
const ticksOf = (moves: Move[]) => moves.filter((m) => typeof m !== 'string');
const offered = (moves: readonly Move[]) =>
  enabledMoves(level, replayMoves(level, moves)).flatMap((m) => (m.goroutine ? [] : [m.move]));

describe('clock moves', () => {
  test('offered only once some goroutine has queued, then in the scenario’s sizes within its limit', () => {
    expect(offered([])).toEqual([]); // nobody waits: time passing changes nothing
    expect(offered(['G1', 'G2', 'G2'])).toEqual([]); // G2 computed `new` but has not queued yet
    const queued = ['G1', 'G2', 'G2', 'G2'];
    expect(offered(queued)).toEqual([ms, half]); // the CAS gave G2 its waitStartTime
    expect(offered([...queued, ms])).toEqual([ms, half]);
    expect(offered([...queued, ms, half])).toEqual([half]); // 1.5 ms of 2 ms used
    expect(offered([...queued, ms, ms])).toEqual([]); // the limit is reached
    const run = replayMoves(level, [...queued, ms, half]);
    expect(elapsed(level, run.state)).toBe(1_500_000);
    expect(timeLeft(level, run.state)).toBe(500_000);
  });

  test('a scenario without `clock` offers no ticks, and no tick is offered when nothing can run', () => {
    const guided = byId['mutex-starvation']!;
    const run = replayMoves(guided, guided.script.slice(0, 5));
    expect(tickSizes(guided, run.state, true)).toEqual([]);
    expect(tickSizes(level, replayMoves(level, ['G1', 'G2', 'G2', 'G2']).state, false)).toEqual([]);
  });

  test('exactly 1 ms is not more than starvationThresholdNs: the woken waiter is not starving yet', () => {
    const upToWake = ['G1', 'G2', 'G2', 'G2', 'G2', 'G1', 'G1', 'G1', 'G1'];
    const once = replayMoves(level, [...upToWake.slice(0, 5), ms, ...upToWake.slice(5), 'G2']);
    const g2 = (r: typeof once) =>
      (r.state as { goroutines: { id: string; locals: { starving: boolean } }[] }).goroutines.find(
        (g) => g.id === 'G2',
      )!;
    expect(g2(once).locals.starving).toBe(false);
    const more = replayMoves(level, [...upToWake.slice(0, 5), ms, half, ...upToWake.slice(5), 'G2']);
    expect(g2(more).locals.starving).toBe(true);
  });

  test('the par schedule starves the mutex and brings it back; a tick is in the share link', () => {
    const win: Move[] = ['G1', 'G1', 'G2', 'G2', 'G2', 'G1', 'G1', 'G1', 'G2', 'G3', 'G3', 'G3', 'G3'];
    win.push(ms, ms, 'G2', 'G2', 'G2', 'G2', 'G3', 'G3');
    expect(outcomeOf(level, replayMoves(level, win))).toBe('playing'); // starving, not back yet
    win.push('G2');
    expect(outcomeOf(level, replayMoves(level, win))).toBe('won');
    expect(win).toHaveLength(level.level!.par!);
    const frag = encodeShare(level.id, win.length, win, { gomaxprocs: 1, idle: false });
    expect(frag).toMatch(/\.\+1000000\.\+1000000\..*!1$/);
    expect(decodeShare(`#${frag}`)).toEqual({
      id: level.id,
      step: win.length,
      moves: win,
      spin: { gomaxprocs: 1, idle: false },
    });
  });

  test('fixed strategies: `eager` takes the first tick whenever one is offered, `ignore` never does', () => {
    // No fixed strategy makes a goroutine of this level queue, so no tick is ever offered to them.
    expect(ticksOf(playStrategy(level, 'alternate', undefined, 'eager').moves)).toEqual([]);
    // With a longer critical section in G1, alternating makes G2 queue while G1 still holds the mutex.
    const longer = structuredClone(level);
    longer.goroutines[0]!.program = ['lock', 'work', 'work', 'unlock'];
    const eager = playStrategy(longer, 'alternate', undefined, 'eager');
    expect(eager.moves.slice(0, 8)).toEqual(['G1', 'G2', 'G1', 'G2', 'G1', 'G2', ms, ms]);
    expect(ticksOf(eager.moves)).toEqual([ms, ms]); // then the 2 ms limit is used up
    expect(ticksOf(playStrategy(longer, 'alternate').moves)).toEqual([]);
    expect(enabledMoves(level, startRun(level)).every((m) => m.goroutine !== null)).toBe(true);
  });
});

test('durations are written in whole ms, else whole µs, else ns', () => {
  expect(durationParts(2_000_000)).toEqual({ unit: 'ms', n: 2 });
  expect(durationParts(250_000)).toEqual({ unit: 'us', n: 250 });
  expect(durationParts(1_250_000)).toEqual({ unit: 'us', n: 1250 });
  expect(durationParts(1_500)).toEqual({ unit: 'ns', n: 1500 });
  expect(durationParts(0)).toEqual({ unit: 'ns', n: 0 });
});

describe('spin choices', () => {
  test('GOMAXPROCS 1 or 2, with the other P busy or idle (no idle toggle with one P)', () => {
    expect(spinChoices(level).map(spinCode)).toEqual(['1', '2', '2i']);
    expect(defaultSpin(level)).toEqual({ gomaxprocs: 1, idle: false });
    expect(offersSpin(level, { gomaxprocs: 3, idle: false })).toBe(false);
    expect(auditVariants(level).map((v) => v.name)).toEqual([
      'GOMAXPROCS=1',
      'GOMAXPROCS=2',
      'GOMAXPROCS=2i',
    ]);
    const wider = { ...level, spin: { gomaxprocs: [1, 4], idle: true } };
    expect(spinChoices(wider).map(spinCode)).toEqual(['1', '4', '4i']);
    expect(spinChoices(byId['mutex-starvation']!)).toEqual([]);
  });

  test('a choice sets GOMAXPROCS and npidle in the variant’s spin environment, keeping the rest', () => {
    const v = withSpin(level, { gomaxprocs: 4, idle: true });
    expect(v.initial.spinEnv).toEqual({ numCPUStartup: 4, gomaxprocs: 4, npidle: 3 });
    expect(offersSpin(level, { gomaxprocs: 4, idle: true })).toBe(false);
    expect(level.initial.spinEnv).toEqual({ numCPUStartup: 4 }); // the scenario itself is unchanged
    const state = startRun(withSpin(level, { gomaxprocs: 2, idle: false })).state as { spinEnv: unknown };
    expect(state.spinEnv).toMatchObject({ gomaxprocs: 2, npidle: 0, nmspinning: 0, numCPUStartup: 4 });
  });

  test('with GOMAXPROCS=2 and the other P busy a newcomer spins; with it idle it does not', () => {
    const busy = withSpin(level, { gomaxprocs: 2, idle: false });
    const idle = withSpin(level, { gomaxprocs: 2, idle: true });
    const last = (s: typeof level) => replayMoves(s, ['G1', 'G2', 'G2']).steps.at(-1)!.narration[0]!.key;
    expect(last(busy)).toBe('mutex.spin');
    expect(last(idle)).toBe('mutex.new.computed');
  });

  test('share codes round-trip and reject nonsense', () => {
    expect(parseSpinCode('2i')).toEqual({ gomaxprocs: 2, idle: true });
    expect(parseSpinCode('4')).toEqual({ gomaxprocs: 4, idle: false });
    for (const bad of ['', '0', 'i', '2x', '123']) expect(parseSpinCode(bad), bad).toBeNull();
    expect(decodeShare('#viz=a@0!2i')).toEqual({
      id: 'a',
      step: 0,
      moves: null,
      spin: { gomaxprocs: 2, idle: true },
    });
    expect(decodeShare('#viz=a@0!x')).toBeNull();
  });
});
