import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFatal } from './fatal.ts';

const W = '/sandbox/src';
const fixture = (name: string): string => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');

describe('detectFatal', () => {
  it.each([
    ['concmap_writes_plain.txt', 'writes', 'concurrent map writes', 21, 9],
    ['concmap_writes_race.txt', 'writes', 'concurrent map writes', 21, 9],
    ['concmap_readwrite_plain.txt', 'read_write', 'concurrent map read and map write', 1, 12],
    ['concmap_readwrite_race.txt', 'read_write', 'concurrent map read and map write', 1, 12],
    ['concmap_iter_plain.txt', 'iteration_write', 'concurrent map iteration and map write', 1, 15],
    ['concmap_iter_race.txt', 'iteration_write', 'concurrent map iteration and map write', 1, 15],
    [
      'concmap_smallmap_derived.txt',
      'writes',
      'small map with no empty slot (concurrent map writes?)',
      21,
      9,
    ],
  ])('%s: %s', (file, mapKind, message, goroutine, line) => {
    const f = detectFatal(fixture(file), W);
    expect(f?.kind).toBe('concurrent_map');
    expect(f?.mapKind).toBe(mapKind);
    expect(f?.message).toBe(message);
    const thrower = f?.goroutines[0];
    expect(thrower?.id).toBe(goroutine);
    expect(thrower?.frames.find((fr) => fr.file === 'main.go')?.line).toBe(line);
  });

  it('recognises the runtime deadlock detector', () => {
    const f = detectFatal(fixture('deadlock_chan.txt'), W);
    expect(f).toMatchObject({
      kind: 'deadlock',
      mapKind: null,
      message: 'all goroutines are asleep - deadlock!',
    });
    expect(f?.goroutines.map((g) => [g.id, g.state])).toEqual([[1, 'chan send']]);
    expect(detectFatal(fixture('deadlock_mutex.txt'), W)?.goroutines[0]?.state).toBe('sync.Mutex.Lock');
  });

  it('reports other throws as kind other', () => {
    const f = detectFatal(fixture('unlock_unlocked.txt'), W);
    expect(f).toMatchObject({ kind: 'other', message: 'sync: unlock of unlocked mutex' });
    expect(f?.goroutines[0]?.frames.at(-1)).toEqual({ func: 'main.main', file: 'main.go', line: 7 });
  });

  it('returns null for panics, races alone and clean output', () => {
    expect(detectFatal(fixture('panic_custom.txt'), W)).toBeNull();
    expect(detectFatal(fixture('race_counter.txt'), W)).toBeNull();
    expect(detectFatal('', W)).toBeNull();
    expect(detectFatal('fatal error: printed by the program itself\n', W)).toBeNull();
  });
});
