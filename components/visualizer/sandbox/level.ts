/**
 * A sandbox program made into a "you are the scheduler" level, held to the same bar as the
 * course's levels (engine/level-audit.ts, which the unit tests run over every shipped level): no
 * fixed, thoughtless strategy may win it, random play may win at most 10 % of the time, and its par
 * is the shortest winning schedule. A level that fails is refused with the figures, not fixed up.
 * Pure (the page calls it after the outcome count, which bounds the state graph it searches).
 */
import { randomWinChance, shortestWin, winningStrategies } from '../engine/level-audit.ts';
import type { Level, Predicate, Scenario } from '../engine/types.ts';
import { toScenario, type SandboxDoc } from './format.ts';

/** The most random play may win a level. */
export const MAX_RANDOM_WIN = 0.1;

/** The audit's verdict, with the figures the page shows. */
export type LevelVerdict =
  | { ok: true; par: number; chance: number; scenario: Scenario }
  | { ok: false; reason: 'never' }
  | { ok: false; reason: 'strategies'; strategies: string[] }
  | { ok: false; reason: 'random'; chance: number };

/** Builds the level scenario for `doc` and audits it. `hint` and `text` come from the page's language. */
export function auditLevel(
  doc: SandboxDoc,
  win: Predicate,
  words: { goal: string; hint: string; id: string; title: string; description: string },
): LevelVerdict {
  const level: Level = { kind: 'break', goal: words.goal, win, hints: [words.hint] };
  const draft = toScenario(doc, words, [], level);
  const shortest = shortestWin(draft);
  if (!shortest) return { ok: false, reason: 'never' };
  const strategies = winningStrategies(draft);
  if (strategies.length) return { ok: false, reason: 'strategies', strategies };
  const chance = randomWinChance(draft);
  if (chance > MAX_RANDOM_WIN) return { ok: false, reason: 'random', chance };
  const scenario = { ...draft, level: { ...level, par: shortest.length } };
  return { ok: true, par: shortest.length, chance, scenario };
}
