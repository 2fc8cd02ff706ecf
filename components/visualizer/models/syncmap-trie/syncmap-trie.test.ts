import { describe, expect, test } from 'vitest';
import {
  newTrieMap,
  stepTrieMap,
  trieContents,
  trieEnabledEvents,
  type TrieMapState,
  type TrieOp,
} from './syncmap-trie.ts';
import type { Effect } from '../types.ts';

const hashes = { a: 0x12, c: 0x15, d: 0x17, b: 0x34, e: 0x12, f: 0x38 };
function run(state: TrieMapState, ids: string[]): { state: TrieMapState; effects: Effect[] } {
  let s = state;
  const effects: Effect[] = [];
  for (const g of ids) {
    const r = stepTrieMap(s, { type: 'step', g });
    s = r.state;
    effects.push(...r.effects);
  }
  return { state: s, effects };
}
const store = (key: string, value = key.toUpperCase()): TrieOp => ({ kind: 'store', key, value });

describe('sync.Map hash-trie (Go 1.24+ internal/sync/hashtriemap.go)', () => {
  test('a store into an empty slot: walk, lock the node, commit', () => {
    const s = run(newTrieMap({ G1: [store('a')] }, { hashes }), ['G1', 'G1', 'G1']).state;
    expect(s.nodes[0]?.children[1]).toEqual({ kind: 'entry', chain: [{ key: 'a', value: 'A' }] });
    expect(s.nodes[0]?.lockedBy).toBeNull();
  });

  test('two keys sharing the top hash bits expand into a new indirect node; equal hashes form an overflow chain', () => {
    const s = run(newTrieMap({ G1: [store('a'), store('c'), store('e')] }, { hashes }), [
      'G1',
      'G1',
      'G1',
      'G1',
      'G1',
      'G1',
      'G1',
      'G1',
      'G1',
    ]).state;
    expect(s.nodes[0]?.children[1]).toEqual({ kind: 'indirect', id: 1 });
    expect(s.nodes[1]?.shift).toBe(0);
    expect(s.nodes[1]?.children[5]).toEqual({ kind: 'entry', chain: [{ key: 'c', value: 'C' }] });
    expect(s.nodes[1]?.children[2]).toEqual({
      kind: 'entry',
      chain: [
        { key: 'e', value: 'E' },
        { key: 'a', value: 'A' },
      ],
    });
    expect(trieContents(s)).toEqual({ a: 'A', c: 'C', e: 'E' });
  });

  test('stores under different nodes hold different node mutexes at the same time; same node contends', () => {
    const seeded = run(
      newTrieMap(
        { S: [store('a'), store('c')], G1: [store('d')], G2: [store('b')], G3: [store('f')] },
        { hashes },
      ),
      ['S', 'S', 'S', 'S', 'S', 'S'],
    ).state;
    const both = run(seeded, ['G1', 'G1', 'G2', 'G2']).state;
    expect(both.nodes[1]?.lockedBy).toBe('G1');
    expect(both.nodes[0]?.lockedBy).toBe('G2');
    const contended = run(both, ['G3', 'G3']);
    expect(contended.effects).toContainEqual({ kind: 'park', goroutine: 'G3', reason: 'sync.Mutex.Lock' });
    const released = run(contended.state, ['G2']);
    expect(released.effects).toContainEqual({ kind: 'ready', goroutine: 'G3', by: 'G2', handoff: false });
    const done = run(released.state, ['G3', 'G3', 'G1']).state;
    expect(trieContents(done)).toEqual({ a: 'A', b: 'B', c: 'C', d: 'D', f: 'F' });
    expect(trieEnabledEvents(done)).toEqual([]);
  });

  test('Load is lock-free: it reads while another goroutine holds the node mutex', () => {
    const s0 = newTrieMap({ W: [store('a'), store('a', 'A2')], R: [{ kind: 'load', key: 'a' }] }, { hashes });
    const s = run(s0, ['W', 'W', 'W', 'W', 'W', 'R']).state;
    expect(s.nodes[0]?.lockedBy).toBe('W');
    expect(s.goroutines.find((g) => g.id === 'R')?.results).toEqual(['A']);
  });

  test('deleting the last keys of an indirect node prunes it (marked dead, removed from the parent)', () => {
    const s0 = newTrieMap(
      { G: [store('a'), store('c'), { kind: 'delete', key: 'a' }, { kind: 'delete', key: 'c' }] },
      { hashes },
    );
    const s = run(
      s0,
      Array.from({ length: 12 }, () => 'G'),
    ).state;
    expect(s.nodes[1]?.dead).toBe(true);
    expect(s.nodes[0]?.children[1]).toBeNull();
    expect(trieContents(s)).toEqual({});
  });

  test('a writer that locks a pruned node retries from the root', () => {
    const s0 = newTrieMap(
      {
        G: [store('a'), store('c'), { kind: 'delete', key: 'a' }, { kind: 'delete', key: 'c' }],
        W: [store('d')],
      },
      { hashes },
    );
    let s = run(
      s0,
      Array.from({ length: 9 }, () => 'G'),
    ).state; // a, c stored (node 1 created); a deleted
    s = run(s, ['W']).state; // W walks to node 1 slot 7
    s = run(s, ['G', 'G', 'G']).state; // G deletes c: node 1 is pruned
    const retry = stepTrieMap(s, { type: 'step', g: 'W' });
    expect(retry.narration[0]?.key).toBe('trie.lock.retry');
    const done = run(retry.state, ['W', 'W', 'W']).state;
    expect(trieContents(done)).toEqual({ d: 'D' });
    expect(done.nodes[0]?.children[1]).toEqual({ kind: 'entry', chain: [{ key: 'd', value: 'D' }] });
  });
});
