import { describe, expect, test } from 'vitest';
import { newCounterState } from './counter/counter.ts';
import { newMutexState } from './mutex/mutex.ts';
import { models, replay } from './registry.ts';
import { newWaitForState } from './wait-for/wait-for.ts';

describe('model registry', () => {
  test('every model declares Go versions, sources and simplifications', () => {
    for (const [id, m] of Object.entries(models)) {
      expect(m.info.id).toBe(id);
      expect(m.info.goVersions.length).toBeGreaterThan(0);
      expect(m.info.sources.length).toBeGreaterThan(0);
    }
    expect(models['syncmap-legacy'].info.goVersions).toBe('Go ≤ 1.23');
  });

  test('states are JSON-safe: a replayed state survives a JSON round trip unchanged', () => {
    const s = replay(models.mutex, newMutexState({ G1: ['lock', 'unlock'], G2: ['lock', 'unlock'] }), [
      { type: 'step', g: 'G1' },
      { type: 'step', g: 'G2' },
      { type: 'step', g: 'G2' },
      { type: 'tick', ns: 5 },
    ]);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s.word).toBe(1);
  });

  test('step never mutates its input', () => {
    const s0 = newCounterState('racy');
    const frozen = JSON.stringify(s0);
    models.counter.step(s0, { type: 'step', g: 'G1' });
    expect(JSON.stringify(s0)).toBe(frozen);
  });

  test('uniform deadlock check on the wait-for graph', () => {
    const s = replay(models['wait-for'], newWaitForState(['A', 'B']), [
      { type: 'lock', g: 'G1', lock: 'A' },
      { type: 'lock', g: 'G2', lock: 'B' },
      { type: 'lock', g: 'G1', lock: 'B' },
      { type: 'lock', g: 'G2', lock: 'A' },
    ]);
    expect(models['wait-for'].isDeadlocked(s)).toBe(true);
  });
});
