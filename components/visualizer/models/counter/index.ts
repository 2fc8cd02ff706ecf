/** counter++ (racy, with a mutex, or atomic) as the visualizer uses it. */
import { lanePos, never, noFailure, type ModelDef } from '../define.ts';
import {
  counterEnabledEvents,
  counterInfo,
  newCounterState,
  lostUpdate,
  stepCounter,
  type CounterEvent,
  type CounterState,
  type CounterVariant,
} from './counter.ts';
import { NARRATION_EN, type CounterKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import { counterSchema } from './schema.ts';
import { counterView } from './view.ts';

export const counterModel: ModelDef<CounterState, CounterEvent, CounterKey> = {
  info: counterInfo,
  step: stepCounter,
  enabledEvents: counterEnabledEvents,
  isDeadlocked: never,
  failure: noFailure,
  drive: 'stepped',
  schema: counterSchema,
  init: (s) =>
    newCounterState(
      s.initial.variant as CounterVariant,
      s.goroutines.length,
      (s.initial.iterations as number | undefined) ?? 1,
    ),
  view: counterView,
  cursor: (c, lane) => {
    const g = c.goroutines.find((x) => x.id === lane.id);
    if (!g) return null;
    const blocked = g.pc === 'blocked';
    return lanePos(null, g.pc, {
      status: blocked ? 'blocked' : g.pc === 'done' ? 'done' : 'ready',
      reason: blocked ? 'sync.Mutex.Lock' : null,
      holds: c.mutex.holder === g.id ? [{ lock: 'mu' }] : [],
      register: g.reg,
    });
  },
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
  predicates: {
    lostUpdate,
    counterAtMost: (c, p) => c.goroutines.every((g) => g.pc === 'done') && c.counter <= (p.value ?? 0),
  },
  predict: { counter: (c) => c.counter },
};
