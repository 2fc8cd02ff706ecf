import { describe, expect, test } from 'vitest';
import { replayMoves } from '../engine/run.ts';
import { holds } from '../engine/predicates.ts';
import { auditLevel } from './level.ts';
import { PRESETS } from './presets.ts';

const words = { goal: 'Break it', hint: 'h', id: 'sandbox-level', title: 't', description: 'd' };
const doc = (id: string) => PRESETS.find((p) => p.id === id)!.doc;

describe('a sandbox program made into a level', () => {
  test('a reader without the lock: the map check can be tripped, rarely by chance; par is the shortest win', () => {
    const win = { kind: 'fatal' as const, message: 'concurrent map read and map write' };
    const v = auditLevel(doc('map-reader'), win, words);
    if (!v.ok) throw new Error(JSON.stringify(v));
    expect(v.par).toBe(4);
    expect(v.chance).toBeLessThanOrEqual(0.1);
    expect(v.chance).toBeCloseTo(0.09375, 5);
    expect(v.scenario.level).toMatchObject({ kind: 'break', goal: 'Break it', win, par: 4, hints: ['h'] });
    // G1 locks, checks and sets the writing flag; G2's read sees it.
    const run = replayMoves(v.scenario, ['G1', 'G1', 'G1', 'G2']);
    expect(holds('program', run.state, win)).toBe(true);
  });

  test('a lost update that alternating goroutines wins is refused, with the strategies named', () => {
    expect(auditLevel(doc('lost-update'), { kind: 'lostUpdate' }, words)).toEqual({
      ok: false,
      reason: 'strategies',
      strategies: ['alternate', 'round-robin'],
    });
  });

  test('an outcome no schedule reaches is refused', () => {
    expect(auditLevel(doc('guarded'), { kind: 'lostUpdate' }, words)).toEqual({ ok: false, reason: 'never' });
  });

  test('a level that random play wins too often is refused with its chance', () => {
    const v = auditLevel(
      {
        goroutines: [
          ['mu.Lock', 'x.inc', 'mu.Unlock'],
          ['work', 'work', 'x.inc'],
        ],
      },
      { kind: 'lostUpdate' },
      words,
    );
    expect(v).toEqual({ ok: false, reason: 'random', chance: 0.3125 });
  });
});
