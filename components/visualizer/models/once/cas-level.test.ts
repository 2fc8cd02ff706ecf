/**
 * The break level once-cas-broken is about the CAS-only Do: the very same lanes under Go's Do can
 * never use cfg before it is loaded, over every schedule, while under the CAS-only Do some schedule does.
 */
import { describe, expect, test } from 'vitest';
import { findWinning } from '../../engine/level.ts';
import { shortestWin } from '../../engine/level-audit.ts';
import { loadScenarioFiles, localize } from '../../scenario/load.ts';

const file = loadScenarioFiles('content/scenarios').find((x) => x.data.id === 'once-cas-broken');
const level = localize(file!.data, 'en');
const realDo = { ...level, initial: { ...level.initial, impl: 'go' } };

describe('once-cas-broken', () => {
  test('runs the CAS-only Do, and some schedule uses cfg before it is loaded', () => {
    expect(level.initial.impl).toBe('cas');
    expect(shortestWin(level)).not.toBeNull();
  });

  test('with Go’s Do and the same lanes, no schedule at all reaches the goal', () => {
    // Both searches visit every reachable state (nothing wins, so neither stops early).
    expect(shortestWin(realDo)).toBeNull();
    expect(findWinning(realDo, level.level!.win!, 1000)).toBeNull();
  });
});
