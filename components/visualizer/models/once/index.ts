/** sync.Once (sync/once.go) as the visualizer uses it. */
import { failureOf, lanePos, programs, type ModelDef } from '../define.ts';
import { NARRATION_EN, type OnceKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import { onceEnabledEvents, stepOnce, type OnceEvent, type OnceOp } from './once.ts';
import { onceSchema } from './schema.ts';
import { newOnceState, onceInfo, onceIsDeadlocked, type OnceImpl, type OnceState } from './state.ts';
import { onceView } from './view.ts';

export const onceModel: ModelDef<OnceState, OnceEvent, OnceKey> = {
  info: onceInfo,
  step: stepOnce,
  enabledEvents: onceEnabledEvents,
  isDeadlocked: onceIsDeadlocked,
  failure: failureOf,
  drive: 'stepped',
  schema: onceSchema,
  init: (s) => newOnceState(programs<OnceOp>(s), (s.initial.impl as OnceImpl | undefined) ?? 'go'),
  view: onceView,
  cursor: (o, lane) => {
    const g = o.goroutines.find((x) => x.id === lane.id);
    if (!g) return null;
    const holds = o.m.holder === g.id ? [{ lock: 'o.m' }] : [];
    // Inside f the line is f's statement: `<ip>:f<n>` in the lane's `at` (a nested Do parks there too).
    const inF = o.runner === g.id && (g.pc === 'f' || g.pc === 'nested' || g.pc === 'parked');
    const pc = inF ? `f${g.fIp}` : g.pc;
    if (g.pc === 'parked') return lanePos(g.ip, pc, { status: 'blocked', reason: 'sync.Mutex.Lock', holds });
    return lanePos(g.ip, pc, { holds });
  },
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
  // A goroutine used what f sets before any f had returned (the CAS-only Do's break level).
  predicates: { usedBeforeSet: (o) => o.early.length > 0 },
  predict: { done: (o) => o.done, waiters: (o) => o.m.queue.length },
};
