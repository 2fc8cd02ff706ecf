/** sync.Mutex (internal/sync/mutex.go) as the visualizer uses it. */
import { failureOf, programs, type ModelDef } from '../define.ts';
import { mutexCursor } from './cursor.ts';
import {
  mutexEnabledEvents,
  mutexInfo,
  mutexIsDeadlocked,
  mutexStarving,
  newMutexState,
  someoneQueued,
  stepMutex,
  type MutexEvent,
  type MutexOp,
  type MutexState,
  type SpinEnv,
} from './mutex.ts';
import { NARRATION_EN, type MutexKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import { wordInput } from './predict-input.ts';
import { mutexSchema } from './schema.ts';
import { mutexView } from './view.ts';

export const mutexModel: ModelDef<MutexState, MutexEvent, MutexKey> = {
  info: mutexInfo,
  step: stepMutex,
  enabledEvents: mutexEnabledEvents,
  isDeadlocked: mutexIsDeadlocked,
  failure: failureOf,
  drive: 'stepped',
  schema: mutexSchema,
  init: (s) =>
    newMutexState(programs<MutexOp>(s), {
      now: s.initial.now as number | undefined,
      spinEnv: s.initial.spinEnv as Partial<SpinEnv> | undefined,
    }),
  view: mutexView,
  cursor: (m, lane) => mutexCursor(m, lane.id),
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
  predicates: {
    starving: (m) => (m.word & mutexStarving) !== 0,
    // Starvation mode was entered and left again: lockSlow's handoff exit (internal/sync/mutex.go) cleared it.
    starvedThenNormal: (m) => m.starvedOnce && (m.word & mutexStarving) === 0,
  },
  predict: { word: (m) => m.word },
  predictInput: { word: wordInput },
  clock: true,
  clockNow: (m) => m.now,
  clockMatters: someoneQueued,
  spinEnv: true,
};
