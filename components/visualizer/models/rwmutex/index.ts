/** sync.RWMutex (sync/rwmutex.go) as the visualizer uses it. */
import { render } from '../../i18n/format.ts';
import { failureOf, lanePos, programs, type ModelDef } from '../define.ts';
import { NARRATION_EN, type RWMutexKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import {
  newRWMutexState,
  rwmutexEnabledEvents,
  rwmutexInfo,
  explainRWDeadlock,
  rwmutexIsDeadlocked,
  stepRWMutex,
  type RWMutexEvent,
  type RWMutexState,
  type RWOp,
} from './rwmutex.ts';
import { readerCountInput } from './predict-input.ts';
import { rwmutexSchema } from './schema.ts';
import { rwmutexView } from './view.ts';

/** The wait reason a goroutine parked on each of the RWMutex's semaphores shows in a dump. */
const WAIT_REASON = {
  w: 'sync.Mutex.Lock',
  readerSem: 'sync.RWMutex.RLock',
  writerSem: 'sync.RWMutex.Lock',
} as const;

const NARRATION = { en: NARRATION_EN, 'zh-cn': NARRATION_ZH };

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
    const holds = [
      ...(g.writeHeld ? [{ lock: 'Lock' }] : []),
      ...Array.from({ length: g.readHeld }, () => ({ lock: 'RLock' })),
    ];
    if (g.pc === 'parked')
      return lanePos(g.ip, g.pc, { status: 'blocked', reason: WAIT_REASON[g.blockedOn ?? 'w'], holds });
    return lanePos(g.ip, g.pc, { holds });
  },
  narration: NARRATION,
  predict: { readerCount: (m) => m.readerCount, readerWait: (m) => m.readerWait },
  predictInput: { readerCount: readerCountInput },
  // Writer preference explains most RWMutex deadlocks: recursive RLock, RLock→Lock upgrade.
  deadlockNotes: (locale, m) =>
    explainRWDeadlock(m)?.narration.map((x) => render(NARRATION[locale], x)) ?? null,
};
