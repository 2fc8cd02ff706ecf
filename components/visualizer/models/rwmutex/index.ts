/** sync.RWMutex (sync/rwmutex.go) as the visualizer uses it. */
import { failureOf, lanePos, programs, type ModelDef } from '../define.ts';
import { NARRATION_EN, type RWMutexKey } from './narration-en.ts';
import { LABELS_ZH, NARRATION_ZH } from './narration-zh.ts';
import {
  newRWMutexState,
  rwmutexEnabledEvents,
  rwmutexInfo,
  rwmutexIsDeadlocked,
  stepRWMutex,
  type RWMutexEvent,
  type RWMutexState,
  type RWOp,
} from './rwmutex.ts';
import { rwmutexSchema } from './schema.ts';
import { rwmutexView } from './view.ts';

/** The wait reason a goroutine parked on each of the RWMutex's semaphores shows in a dump. */
const WAIT_REASON = {
  w: 'sync.Mutex.Lock',
  readerSem: 'sync.RWMutex.RLock',
  writerSem: 'sync.RWMutex.Lock',
} as const;

export const rwmutexModel: ModelDef<RWMutexState, RWMutexEvent, RWMutexKey> = {
  info: rwmutexInfo,
  step: stepRWMutex,
  enabledEvents: rwmutexEnabledEvents,
  isDeadlocked: rwmutexIsDeadlocked,
  failure: failureOf,
  drive: 'stepped',
  schema: rwmutexSchema,
  init: (s) => newRWMutexState(programs<RWOp>(s)),
  view: rwmutexView,
  cursor: (m, lane) => {
    const g = m.goroutines.find((x) => x.id === lane.id);
    if (!g) return null;
    const holds = [...(g.writeHeld ? ['Lock'] : []), ...Array.from({ length: g.readHeld }, () => 'RLock')];
    if (g.pc === 'parked')
      return lanePos(g.ip, g.pc, { status: 'blocked', reason: WAIT_REASON[g.blockedOn ?? 'w'], holds });
    return lanePos(g.ip, g.pc, { holds });
  },
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
  labelsZh: LABELS_ZH,
};
