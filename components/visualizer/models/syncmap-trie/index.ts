/** sync.Map since Go 1.24 (internal/sync/hashtriemap.go) as the visualizer uses it. */
import { lanePos, noFailure, programs, type ModelDef } from '../define.ts';
import { NARRATION_EN, type TrieKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import { trieSchema } from './schema.ts';
import {
  newTrieMap,
  stepTrieMap,
  syncMapTrieInfo,
  trieEnabledEvents,
  type TrieEvent,
  type TrieMapState,
  type TrieOp,
} from './syncmap-trie.ts';
import { trieView } from './view.ts';

export const trieModel: ModelDef<TrieMapState, TrieEvent, TrieKey> = {
  info: syncMapTrieInfo,
  step: stepTrieMap,
  enabledEvents: trieEnabledEvents,
  isDeadlocked: (s) =>
    s.goroutines.some((g) => g.pc !== 'done') &&
    s.goroutines.every((g) => g.pc === 'done' || g.pc === 'parked'),
  failure: noFailure,
  drive: 'stepped',
  schema: trieSchema,
  init: (s) =>
    newTrieMap(programs<TrieOp>(s), {
      hashBits: s.initial.hashBits as number | undefined,
      childrenLog2: s.initial.childrenLog2 as number | undefined,
      hashes: s.initial.hashes as Record<string, number> | undefined,
    }),
  view: trieView,
  cursor: (m, lane) => {
    const g = m.goroutines.find((x) => x.id === lane.id);
    if (!g) return null;
    if (g.pc === 'parked') return lanePos(g.ip, g.pc, { status: 'blocked', reason: 'sync.Mutex.Lock' });
    const node = Object.values(m.nodes).find((n) => n.lockedBy === g.id);
    return lanePos(g.ip, g.pc, { holds: node ? [{ lock: `node ${node.id}.mu` }] : [] });
  },
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
  // Indirect nodes in the trie, the root included (pruned nodes are marked dead and unlinked).
  predict: { indirectNodes: (m) => Object.values(m.nodes).filter((x) => !x.dead).length },
};
