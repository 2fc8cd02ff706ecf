import { describe, expect, test } from 'vitest';
import { loadScenarioFiles, localize } from '../../components/visualizer/scenario/load.ts';
import { caseOf, scenarioCases, syntheticScenario } from './cases.ts';
import { exhaustiveCases, randomCases } from './generate.ts';

const scenario = (id: string) =>
  localize(loadScenarioFiles('content/scenarios').find((x) => x.data.id === id)!.data, 'en');

describe('conformance cases', () => {
  test('a case records the state before and after every move (predict-mutex-waiter ends at 9)', () => {
    const s = scenario('predict-mutex-waiter');
    const c = caseOf('x', s, s.script);
    expect(c.states).toHaveLength(s.script.length + 1);
    expect(c.states[0]).toMatchObject({ word: 0, holder: '', sema: { count: 0, waiters: [] } });
    expect(c.states.at(-1)).toMatchObject({ word: 9, holder: 'G1', sema: { waiters: ['G2'] } });
    expect(c.programs).toEqual([
      { id: 'G1', program: ['lock', 'unlock'] },
      { id: 'G2', program: ['lock', 'unlock'] },
    ]);
  });

  test('a level gives its script, its shortest win and the fixed strategies', () => {
    const names = scenarioCases(scenario('rlock-reentry')).map((c) => c.name);
    expect(names).toContain('rlock-reentry/shortest-win');
    expect(names.filter((n) => n.includes('to-completion'))).toHaveLength(2);
  });

  test('the same seed gives the same cases, another seed others', () => {
    expect(JSON.stringify(randomCases('mutex', 20, 7))).toBe(JSON.stringify(randomCases('mutex', 20, 7)));
    expect(JSON.stringify(randomCases('mutex', 20, 7))).not.toBe(JSON.stringify(randomCases('mutex', 20, 8)));
  });

  test('exhaustive cases are every schedule to the end', () => {
    const s = syntheticScenario('w', 'mutex', { G1: ['work'], G2: ['work', 'work'] });
    const moves = exhaustiveCases(s, 10).map((c) => c.moves.join(''));
    expect(moves.sort()).toEqual(['G1G2G2', 'G2G1G2', 'G2G2G1']);
  });

  test('after a fatal error the rwmutex cases leave out who held what', () => {
    const s = syntheticScenario('f', 'rwmutex', { R: ['rlock'], W: ['unlock'] });
    const c = caseOf('f', s, ['R', 'W']);
    expect(c.states[1]).toMatchObject({ gs: [{ id: 'R', readHeld: 1 }, { id: 'W' }] });
    expect(c.states[2]).toMatchObject({
      failure: 'sync: Unlock of unlocked RWMutex',
      gs: [{ readHeld: 0 }, {}],
    });
  });
});
