import { describe, expect, test } from 'vitest';
import { appliesTo, funcSource, goMinor, pinVersion, staleModels, type PinsFile } from './pins.ts';

const GO = `package runtime

// canSpin says whether to spin.
func canSpin(i int) bool {
	return i < 4
}

func other() {}
`;

const file = (): PinsFile => ({
  $comment: '',
  pinnedFrom: {},
  models: {
    mutex: { sources: [{ path: 'runtime/proc.go', func: 'canSpin' }, { path: 'sync/mutex.go' }], pins: {} },
    legacy: { sources: [{ path: 'sync/map.go', until: '1.25' }], pins: {} },
  },
});

describe('source pins', () => {
  test('goMinor reads releases and release candidates', () => {
    expect(goMinor('go1.26.8')).toBe('1.26');
    expect(goMinor('go1.27rc1')).toBe('1.27');
    expect(() => goMinor('devel')).toThrow();
  });

  test('funcSource cuts one top-level function', () => {
    expect(funcSource(GO, 'canSpin')).toBe('func canSpin(i int) bool {\n\treturn i < 4\n}\n');
    expect(funcSource(GO, 'missing')).toBeNull();
  });

  test('since/until bound the minors a source exists in', () => {
    expect(appliesTo({ path: 'x', until: '1.25' }, '1.25')).toBe(true);
    expect(appliesTo({ path: 'x', until: '1.25' }, '1.26')).toBe(false);
    expect(appliesTo({ path: 'x', since: '1.26' }, '1.9')).toBe(false);
  });

  test('a pinned tree is clean; a changed function or file names the model and the file', () => {
    const tree: Record<string, string> = {
      'runtime/proc.go': GO,
      'sync/mutex.go': 'm',
      'sync/map.go': 'legacy',
    };
    const pinned = pinVersion(file(), 'go1.25.3', (p) => tree[p] ?? null);
    expect(pinned.pinnedFrom).toEqual({ '1.25': 'go1.25.3' });
    expect(staleModels(pinned, '1.25', (p) => tree[p] ?? null)).toEqual([]);
    // A change outside the pinned function is not one the model follows.
    const elsewhere: Record<string, string | undefined> = {
      ...tree,
      'runtime/proc.go': GO.replace('func other() {}', 'func other() { x() }'),
    };
    expect(staleModels(pinned, '1.25', (p) => elsewhere[p] ?? null)).toEqual([]);
    const changed: Record<string, string | undefined> = {
      ...tree,
      'runtime/proc.go': GO.replace('i < 4', 'i < 5'),
      'sync/map.go': undefined,
    };
    expect(staleModels(pinned, '1.25', (p) => changed[p] ?? null)).toEqual([
      'mutex: Go 1.25 changed runtime/proc.go#canSpin; re-check the model',
      'legacy: Go 1.25 changed sync/map.go; re-check the model',
    ]);
  });

  test('an unpinned Go minor names every model with sources in it', () => {
    expect(staleModels(file(), '1.27', () => 'x')).toEqual([
      'mutex: Go 1.27 is not pinned; re-check it against runtime/proc.go#canSpin, sync/mutex.go',
    ]);
  });
});
