/** The built-in map's concurrent-use check (runtime/map.go `writing` flag) as the visualizer uses it. */
import { failureOf, lanePos, never, programs, type ModelDef } from '../define.ts';
import {
  mapCheckInfo,
  mapEnabledEvents,
  newMapState,
  stepMap,
  type MapEvent,
  type MapOp,
  type MapState,
} from './map-check.ts';
import { NARRATION_EN, type MapKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import { mapCheckSchema } from './schema.ts';
import { mapView } from './view.ts';

export const mapCheckModel: ModelDef<MapState, MapEvent, MapKey> = {
  info: mapCheckInfo,
  step: stepMap,
  enabledEvents: mapEnabledEvents,
  isDeadlocked: never,
  failure: failureOf,
  drive: 'stepped',
  schema: mapCheckSchema,
  init: (s) =>
    newMapState(programs<MapOp>(s), (s.initial.entries as Record<string, string> | undefined) ?? {}),
  view: mapView,
  cursor: (m, lane) => {
    const g = m.goroutines.find((x) => x.id === lane.id);
    return g ? lanePos(g.ip, g.pc) : null;
  },
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
};
