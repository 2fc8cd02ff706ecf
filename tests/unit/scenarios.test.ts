/**
 * Every scenario in content/scenarios is valid, replays to the end it declares, and every level is
 * fair: some schedule wins it, the plain sequential schedule does not, and a predict level's
 * declared answer is what the model computes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findWinning, outcomeOf, sequentialRun } from '../../components/visualizer/engine/level.ts';
import {
  auditVariants,
  randomWinChance,
  shortestWin,
  winningStrategies,
} from '../../components/visualizer/engine/level-audit.ts';
import { holds } from '../../components/visualizer/engine/predicates.ts';
import { replayMoves } from '../../components/visualizer/engine/run.ts';
import type { Move } from '../../components/visualizer/engine/types.ts';
import { predictedValue } from '../../components/visualizer/engine/predict.ts';
import { loadScenarioFiles, localize, validateScenario } from '../../components/visualizer/scenario/load.ts';
import { SCENARIO_MODELS } from '../../components/visualizer/models/ids.ts';

const all = loadScenarioFiles('content/scenarios');
const scenarios = all.map((x) => localize(x.data, 'en'));
const guided = scenarios.filter((s) => !s.level);
const breaks = scenarios.filter((s) => s.level?.kind === 'break');
const predicts = scenarios.filter((s) => s.level?.kind === 'predict');

describe('scenario files', () => {
  test('there are at least 12 guided scenarios, 8 break levels and some predict levels', () => {
    expect(guided.length).toBeGreaterThanOrEqual(12);
    expect(breaks.length).toBeGreaterThanOrEqual(8);
    expect(predicts.length).toBeGreaterThanOrEqual(2);
  });

  test('the issue’s twelve topics each have a guided scenario', () => {
    const ids = guided.map((s) => s.id);
    for (const id of [
      'mutex-normal-contention',
      'mutex-starvation',
      'mutex-handoff',
      'rwmutex-writer-preference',
      'rwmutex-recursive-rlock',
      'lock-order-deadlock',
      'counter-plus-plus',
      'map-concurrent-writes',
      'syncmap-legacy-promotion',
      'false-sharing',
      'happens-before-unlock-lock',
      'defer-stretched-critical-section',
    ])
      expect(ids).toContain(id);
  });

  test('both locales have every text and zh-cn differs from en where it is prose', () => {
    for (const { data } of all) {
      expect(data.title['zh-cn'].length).toBeGreaterThan(0);
      expect(data.description['zh-cn']).not.toBe(data.description.en);
      for (const h of data.level?.hints ?? []) expect(h['zh-cn']).not.toBe(h.en);
    }
  });

  test('no model is left without a scenario, and each scenario is shown in its chapter in both locales', () => {
    expect(SCENARIO_MODELS.filter((m) => !all.some((x) => x.data.model === m))).toEqual([]);
    for (const { data } of all)
      for (const dir of ['content/docs', 'content/docs/zh-cn'])
        expect(readFileSync(`${dir}/${data.chapter}.mdx`, 'utf8'), `${dir} ${data.id}`).toContain(
          `<Visualizer scenario="${data.id}" />`,
        );
  });

  test('errors name the file and the field', () => {
    const good = all.find((x) => x.data.id === 'mutex-starvation')!.data;
    const bad = structuredClone(good) as unknown as { goroutines: { program: unknown[] }[] };
    bad.goroutines[1]!.program[0] = 'lokc';
    expect(() => validateScenario('x.json', bad)).toThrow(/^x\.json: \/goroutines\/1\/program\/0/);
    const badScript = { ...good, script: ['G9'] };
    expect(() => validateScenario('x.json', badScript)).toThrow(/x\.json: \/script\/0 names no goroutine/);
    expect(() => validateScenario('x.json', { ...good, colour: 'red' })).toThrow(/^x\.json: /);
  });
});

describe.each(guided.map((s) => [s.id, s] as const))('guided scenario %s', (_id, s) => {
  test('replays its script to the declared end', () => {
    expect(s.end).toBeDefined();
    const run = replayMoves(s, s.script);
    expect(holds(s.model, run.state, s.end!)).toBe(true);
    const keys = run.steps.flatMap((st) => st.narration.map((n) => n.key));
    for (const k of s.end!.narrates ?? []) expect(keys).toContain(k);
    // Nothing happens silently: every step narrates.
    for (const st of run.steps) expect(st.narration.length).toBeGreaterThan(0);
  });
});

describe.each(breaks.map((s) => [s.id, s] as const))('break level %s', (_id, s) => {
  test('some schedule wins, and winning is detected', () => {
    const moves = findWinning(s, s.level!.win!);
    expect(moves).not.toBeNull();
    expect(outcomeOf(s, replayMoves(s, moves!))).toBe('won');
  });

  test('the sequential schedule (each goroutine to completion, in order) does not win', () => {
    const run = sequentialRun(s);
    expect(holds(s.model, run.state, s.level!.win!)).toBe(false);
    expect(outcomeOf(s, run)).toBe('lost');
  });
});

// A level needs insight: no thoughtless strategy wins it, and random clicking rarely does. The
// figures are printed so a redesign can be compared with what it replaces. A level with spin choices
// is audited in every spin environment it offers; its par is the fewest moves over all of them.
describe.each(breaks.map((s) => [s.id, s] as const))('break level %s needs insight', (_id, s) => {
  test('no fixed strategy wins, random play wins at most 10 %, and par is the fewest winning moves', () => {
    const wins: Move[][] = [];
    for (const v of auditVariants(s)) {
      const fixed = winningStrategies(v.s);
      const random = randomWinChance(v.s);
      const shortest = shortestWin(v.s);
      console.log(
        `${s.id}${v.name ? ` (${v.name})` : ''}: random play wins ${(random * 100).toFixed(2)} %, ` +
          `par ${shortest?.length ?? '-'}, fixed strategies that win: ${fixed.join(', ') || 'none'}`,
      );
      expect(fixed, v.name).toEqual([]);
      expect(random, v.name).toBeLessThanOrEqual(0.1);
      expect(outcomeOf(v.s, sequentialRun(v.s)), v.name).toBe('lost');
      if (shortest) expect(outcomeOf(v.s, replayMoves(v.s, shortest))).toBe('won');
      if (shortest) wins.push(shortest);
    }
    expect(wins.length).toBeGreaterThan(0);
    expect(s.level!.par).toBe(Math.min(...wins.map((w) => w.length)));
  }, 60_000);
});

// A level that offers clock moves must need them: without ticks no schedule wins, in any spin environment.
describe.each(breaks.filter((s) => s.clock).map((s) => [s.id, s] as const))(
  'break level %s needs the clock',
  (_id, s) => {
    test('with the clock moves taken away, nothing wins', () => {
      for (const v of auditVariants(s)) expect(shortestWin({ ...v.s, clock: undefined }), v.name).toBeNull();
    }, 60_000);
  },
);

/** A heading's anchor as the site makes it (GitHub's slugger: lower case, punctuation dropped, spaces → -). */
const slug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-');
const anchors = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /^#{2,3} /.test(line))
    .map((line) => slug(line.replace(/^#+ /, '').replace(/`/g, '')));

describe.each(all.map((x) => [x.data.id, x.data] as const).filter(([, d]) => d.level))(
  'level %s teaches after the win',
  (_id, d) => {
    test('a lesson in both locales links to a section of its chapter that exists', () => {
      const lesson = d.level!.lesson;
      expect(lesson).toBeDefined();
      expect(lesson!.text['zh-cn']).not.toBe(lesson!.text.en);
      expect(anchors(`content/docs/${d.chapter}.mdx`)).toContain(lesson!.section.en);
      expect(anchors(`content/docs/zh-cn/${d.chapter}.mdx`)).toContain(lesson!.section['zh-cn']);
    });
  },
);

describe.each(predicts.map((s) => [s.id, s] as const))('predict level %s', (_id, s) => {
  test('the declared answer is what the model computes after the script', () => {
    const run = replayMoves(s, s.script);
    expect(predictedValue(s, run.state)).toBe(s.level!.predict!.answer);
  });
});
