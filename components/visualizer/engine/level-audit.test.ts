/** The level audit on a two-lane AB/BA deadlock small enough to check by hand. */
import { describe, expect, test } from 'vitest';
import { playStrategy, randomWinChance, shortestWin, winningStrategies } from './level-audit.ts';
import type { Scenario } from './types.ts';

const ev = (type: 'lock' | 'unlock', g: string, lock: string) => ({ type, g, lock });
const lane = (g: string, x: string, y: string) => ({
  id: g,
  code: ['x', 'y', 'uy', 'ux'],
  program: [ev('lock', g, x), ev('lock', g, y), ev('unlock', g, y), ev('unlock', g, x)],
});
const abba: Scenario = {
  id: 'abba',
  model: 'wait-for',
  chapter: 'c',
  title: 't',
  description: 'd',
  goroutines: [lane('G1', 'a', 'b'), lane('G2', 'b', 'a')],
  initial: { locks: ['a', 'b'] },
  script: [],
  level: { kind: 'break', goal: 'g', hints: ['h'], win: { kind: 'deadlock' } },
};

describe('level audit', () => {
  test('alternating G1, G2 deadlocks AB/BA; running either to completion first does not', () => {
    expect(playStrategy(abba, 'alternate')).toEqual({ moves: ['G1', 'G2', 'G1', 'G2'], won: true });
    expect(playStrategy(abba, 'always-first').won).toBe(false);
    expect(playStrategy(abba, 'always-last').moves.slice(0, 4)).toEqual(['G2', 'G2', 'G2', 'G2']);
    expect(winningStrategies(abba)).toEqual(['alternate', 'round-robin']);
  });

  test('random play wins exactly when both take their first lock before either takes its second', () => {
    // After either first move, the other goroutine must move next (1/2); then both block for sure.
    expect(randomWinChance(abba)).toBeCloseTo(0.5, 10);
  });

  test('the shortest winning schedule takes four moves: two locks held, two asked for', () => {
    expect(shortestWin(abba)).toHaveLength(4);
  });
});
