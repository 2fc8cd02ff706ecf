/** sync.Map before Go 1.24 (read/dirty maps, misses and promotion) as the visualizer uses it. */
import { never, noFailure, none, type ModelDef } from '../define.ts';
import { NARRATION_EN, type LegacyKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import { legacySyncMapSchema } from './schema.ts';
import {
  newLegacySyncMap,
  stepLegacySyncMap,
  syncMapLegacyInfo,
  type LegacySyncMapEvent,
  type LegacySyncMapState,
} from './syncmap-legacy.ts';
import { legacySyncMapView } from './view.ts';

export const legacySyncMapModel: ModelDef<LegacySyncMapState, LegacySyncMapEvent, LegacyKey> = {
  info: syncMapLegacyInfo,
  step: stepLegacySyncMap,
  enabledEvents: none,
  isDeadlocked: never,
  failure: noFailure,
  drive: 'events',
  schema: legacySyncMapSchema,
  init: () => newLegacySyncMap(),
  view: legacySyncMapView,
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
  predicates: { promoted: (m) => m.dirty === null && Object.keys(m.read.m).length > 0 },
  eventText: (_locale, e) => {
    if (e.type === 'store') return `m.Store("${e.key}", "${e.value}")`;
    if (e.type === 'range') return 'm.Range(…)';
    return `m.${e.type === 'load' ? 'Load' : 'Delete'}("${e.key}")`;
  },
};
