import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFatal, KNOWN_FATALS } from './fatal.ts';

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

  it.each([
    'goexit_main_plain.txt',
    'goexit_inpanic_plain.txt',
    'goexit_recovered_plain.txt',
    'goexit_recoverbefore_plain.txt',
    'goexit_exit_plain.txt',
  ])('%s: the deadlock after main called runtime.Goexit, with no goroutine to trace', (file) => {
    expect(detectFatal(fixture(file), W)).toEqual({
      message: 'no goroutines (main called runtime.Goexit) - deadlock!',
      kind: 'deadlock',
      mapKind: null,
      cause: 'main_goexit',
      goroutines: [],
    });
  });

  it('Goexit in main beside a goroutine blocked forever is the ordinary deadlock, without main', () => {
    const f = detectFatal(fixture('goexit_blocked_plain.txt'), W);
    expect(f).toMatchObject({
      kind: 'deadlock',
      cause: null,
      message: 'all goroutines are asleep - deadlock!',
    });
    expect(f?.goroutines.map((g) => [g.id, g.state])).toEqual([[6, 'chan receive']]);
  });

  it('the Goexit text counts only as the last thing written, as the runtime writes it', () => {
    const text = 'fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n';
    expect(detectFatal(`${text}\n`, W)?.cause).toBe('main_goexit');
    expect(detectFatal(`${text}but the program went on\n`, W)).toBeNull();
  });

  it('reports other throws as kind other', () => {
    const f = detectFatal(fixture('unlock_unlocked.txt'), W);
    expect(f).toMatchObject({ kind: 'other', message: 'sync: unlock of unlocked mutex', cause: null });
    expect(f?.goroutines[0]?.frames.at(-1)).toEqual({ func: 'main.main', file: 'main.go', line: 7 });
  });

  it('returns null for panics, races alone and clean output', () => {
    expect(detectFatal(fixture('panic_custom.txt'), W)).toBeNull();
    expect(detectFatal(fixture('race_counter.txt'), W)).toBeNull();
    expect(detectFatal('', W)).toBeNull();
    expect(detectFatal('fatal error: printed by the program itself\n', W)).toBeNull();
  });
});

describe('KNOWN_FATALS', () => {
  it('has each text once, and only deadlock texts name a cause', () => {
    const texts = KNOWN_FATALS.map((f) => f.message);
    expect(new Set(texts).size).toBe(texts.length);
    for (const f of KNOWN_FATALS) {
      if (f.cause !== undefined) expect(f.kind).toBe('deadlock');
      expect(f.mapKind !== undefined).toBe(f.kind === 'concurrent_map');
    }
  });
});
